"""The clean stage as a whole: the right cleaner per media type, titles and dates with evidence."""

import pytest

from tolltrace.clean.document import clean_document
from tolltrace.reconcile.sources import outlet_name

SCRAPE = """Tuesday, 20 May 2025

THE MIRATH COURIER
Home | News | Region | Sport

Guards detain students after campus sit-in

By Lena Varo

MIRATH, May 18, 2025 — Security forces detained at least 40 students after a sit-in at the
university on Sunday, the Valdorian Human Rights Monitor said.

Back to top
"""

PAGE = """<html><head><title>Sit-in ends in arrests | Mirath Courier</title>
<meta property="article:published_time" content="2025-05-18T10:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Sit-in ends in arrests</h1>
<p>Security forces detained at least 40 students after a sit-in at the university on
Sunday, the Valdorian Human Rights Monitor said. The ministry denied any arrests.</p>
<p>Families gathered outside the district police station on Monday morning.</p></article>
<footer>Copyright 2025 Mirath Courier. All rights reserved.</footer></body></html>"""


def test_a_scrape_gets_its_headline_not_its_masthead() -> None:
    clean = clean_document(SCRAPE, "text/plain")
    assert clean.title == "Guards detain students after campus sit-in"


def test_a_dateline_outranks_a_differing_page_header_and_both_are_kept() -> None:
    clean = clean_document(SCRAPE, "text/plain")
    assert clean.published == "2025-05-18"
    sources = {d.source: d.value for d in clean.dates}
    assert sources["dateline"] == "2025-05-18"
    assert sources["header"] == "2025-05-20"
    dateline = next(d for d in clean.dates if d.source == "dateline")
    assert dateline.raw_start is not None and dateline.raw_end is not None
    assert SCRAPE[dateline.raw_start : dateline.raw_end].startswith("MIRATH, May 18, 2025")


def test_a_corpus_date_field_is_evidence_too() -> None:
    clean = clean_document(
        "Forty students were detained.", "text/plain", fields={"dct": "2025-05-19"}
    )
    assert clean.published == "2025-05-19"
    assert clean.dates[0].source == "field"


def test_html_pages_go_through_main_text_extraction_with_offsets() -> None:
    clean = clean_document(PAGE, "text/html", uri="https://mirath.example/2025/05/18/sit-in")
    assert "detained at least 40 students" in clean.text
    assert "Copyright" not in clean.text
    assert clean.published == "2025-05-18"
    start = clean.text.index("Families")
    raw_start, raw_end = clean.offsets.span_to_raw(start, start + len("Families gathered"))
    assert PAGE[raw_start:raw_end] == "Families gathered"


@pytest.mark.parametrize(
    ("raw", "fields", "site"),
    [
        ("Koss Daily\n\nPolice detained 12.\n\n© 2031 The Koss Daily Courier. All rights "
         "reserved. | Privacy\n", {}, "The Koss Daily Courier"),
        ("URL: https://www.kossdaily.example/2031/05/police\nPolice detained 12.\n", {},
         "kossdaily.example"),
        ("Police detained 12.\nhttps://news.tarn.example/a/b\n", {}, "news.tarn.example"),
        ("Police detained 12.\n", {"site": "Tarn Gazette"}, "Tarn Gazette"),
        ("THE TARN HERALD — News of the valley\nHome | Region\n\nPolice detained 12.\n", {},
         "The Tarn Herald"),
        ("POLICE DETAIN 12 IN TARN\n\nPolice detained 12.\n", {}, None),  # a headline
        # A link in the running text is another page's, not the scrape's own address.
        ("Police detained 12, the report at https://monitor.example/r says.\n", {}, None),
    ],
)  # fmt: skip
def test_a_plain_scrape_names_its_outlet(
    raw: str, fields: dict[str, str], site: str | None
) -> None:
    # Regression (issue 21): plain-text scrapes showed their file name as the outlet.
    clean = clean_document(raw, "text/plain", uri="/corpus/0042_scrape.txt", fields=fields)
    assert clean.site == site
    expected = site or "0042_scrape"
    assert outlet_name("/corpus/0042_scrape.txt", clean.site) == expected
