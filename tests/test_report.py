"""Reports: the terminal tables, the HTML page (escaped, no script) and the SVG chart.

Fictional: the Harbour Square killings in the Republic of Veloria.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

from rich.console import Console

from tolltrace.extract.bodies import find_body_sizes
from tolltrace.model import Claim, Event
from tolltrace.reconcile.bodies import reconcile_body_sizes
from tolltrace.reconcile.findings import reconcile_event
from tolltrace.reconcile.sources import SourceDocument
from tolltrace.report.chart import figures_chart_svg
from tolltrace.report.html import event_report_html
from tolltrace.report.terminal import render_event_report, render_events_overview

EVENT_ID = "ev-harbour-0001"
DOCUMENTS = {
    "vrw": SourceDocument("vrw", "https://vrw.example/r", "Veloria Rights Watch", "2031-03-15"),
    "wire": SourceDocument("wire", "javascript:alert(1)", "velwire.example", "2031-03-16"),
    "gov": SourceDocument("gov", "https://gov.example/c", "gov.example", "2031-03-15"),
    "blog": SourceDocument("blog", "/scrapes/blog.txt", "Harbour Blog", None),
}
HOSTILE = "at least 40 <script>alert('x')</script> [bold]people[/bold] were killed"


def claim(claim_id: str, document: str, text: str, low: int, high: int | None,
          qualifier: str, source: str | None, *, negated: bool = False) -> Claim:  # fmt: skip
    return Claim(
        id=claim_id, document=document, uri=DOCUMENTS[document].uri, text=text,
        sentence=f"In Port Selvan, {text}.", start=0, end=len(text), raw_start=0,
        raw_end=len(text), low=low, high=high, qualifier=qualifier, category="killed",
        subject="people", event=EVENT_ID, attributed_to=source, negated=negated,
    )  # fmt: skip


CLAIMS = [
    claim("c-vrw", "vrw", HOSTILE, 40, None, "at_least", None),
    claim("c-wire", "wire", "at least 40 people were killed", 40, None, "at_least",
          "Veloria Rights Watch"),
    claim("c-gov", "gov", "12 people died", 12, 12, "exact", "Interior Ministry"),
    claim("c-blog", "blog", "about 50 people were killed", 50, 50, "approximately", None),
    claim("c-neg", "gov", "40 people were killed", 40, 40, "exact", "Interior Ministry",
          negated=True),
]  # fmt: skip
EVENT = Event(
    id=EVENT_ID, label="the Harbour Square killings", type="killed", when="2031-03-14",
    where="Port Selvan", documents=tuple(DOCUMENTS), claims=tuple(c.id for c in CLAIMS),
)  # fmt: skip
FINDINGS = reconcile_event(EVENT, CLAIMS, DOCUMENTS)
BODIES = reconcile_body_sizes(
    {
        "vrw": find_body_sizes("A commission of three officials ordered the shooting."),
        "gov": find_body_sizes("The commission, made up of four officers, met at noon."),
    },
    DOCUMENTS,
)


def test_html_escapes_hostile_text_and_has_no_script() -> None:
    page = event_report_html(EVENT, FINDINGS, DOCUMENTS, BODIES)
    assert "<script" not in page
    assert "&lt;script&gt;alert(" in page
    assert "javascript:" not in page.replace("javascript:alert(1)</td>", "")
    assert 'href="javascript' not in page
    assert 'href="https://vrw.example/r"' in page
    assert "<svg" in page and "Content-Security-Policy" in page
    assert not re.search(r"(?:src|href)=\"https?://(?!vrw|gov)", page)  # no external requests


def test_html_shows_consensus_contradictions_sources_and_bodies() -> None:
    page = event_report_html(EVENT, FINDINGS, DOCUMENTS, BODIES)
    assert "no consistent figure" in page
    assert "is above" in page or "is below" in page
    assert "In Port Selvan, 12 people died." in page  # the quote of a contradicting claim
    assert "Veloria Rights Watch" in page and "velwire.example" in page
    assert "Body sizes that disagree" in page and "“commission of three officials”" in page
    assert "stated as 3 and 4 members" in page


def test_chart_draws_one_series_per_source() -> None:
    svg = figures_chart_svg(FINDINGS)
    root = ElementTree.fromstring(svg)  # well-formed, escaped
    namespace = "{http://www.w3.org/2000/svg}"
    series = [g for g in root.iter(f"{namespace}g") if g.get("class") == "series"]
    sources = {figure.primary_source for figure in FINDINGS[0].figures}
    assert len(series) == len(sources) == 3  # the monitor (relayed by the wire), ministry, blog
    assert {g.get("data-source") for g in series} == sources
    legend = [g for g in root.iter(f"{namespace}g") if g.get("class") == "legend"]
    assert len(legend) == 1 and len(list(legend[0].iter(f"{namespace}rect"))) == len(sources)
    colours = {g.get("fill") for g in series}
    assert len(colours) == len(sources)
    assert "undated" in svg  # the blog has no date
    assert "<script" not in svg


def test_chart_of_nothing_is_still_an_svg() -> None:
    svg = figures_chart_svg([])
    assert svg.startswith("<svg") and "No figures." in svg
    ElementTree.fromstring(svg)


def test_terminal_report_shows_figures_contradictions_and_sources() -> None:
    console = Console(record=True, width=160, color_system=None)
    render_event_report(EVENT, FINDINGS, console, BODIES)
    text = console.export_text()
    assert "the Harbour Square killings" in text
    assert "no consistent figure" in text
    assert "contradictions" in text and "“12” is below “at least 40”" in text
    assert "independent sources" in text
    assert "[bold]people[/bold]" in text  # page text is never read as markup
    assert "velwire.example" in text  # the wire relays the monitor
    assert "body sizes that disagree" in text and "commission of three officials" in text


def test_terminal_overview() -> None:
    console = Console(record=True, width=140, color_system=None)
    render_events_overview([EVENT], FINDINGS, console)
    text = console.export_text()
    assert "1 events" in text and "ev-harbo" in text
    assert "killed: no consistent figure" in text
    assert "contradiction" in text


def _panel_labels(svg: str, anchor: str) -> list[str]:
    return re.findall(rf'text-anchor="{anchor}">([^<]+)</text>', svg)


def test_chart_axis_ticks_are_round_numbers() -> None:
    # Regression (issue 21): ticks read "138,002" (a quarter of 1.15 times the largest value).
    big = [claim("c-big", "gov", "138,002 people were killed", 138002, 138002, "exact", None)]
    svg = figures_chart_svg(reconcile_event(EVENT, big, DOCUMENTS))
    ticks = [int(label.replace(",", "")) for label in _panel_labels(svg, "end")]
    assert ticks[0] == 0 and len(ticks) >= 3 and ticks[-1] >= 138002
    step = ticks[1]
    assert str(step).rstrip("0") in ("1", "2", "25", "5")  # 1, 2, 2.5 or 5 times a power of 10
    assert ticks == list(range(0, ticks[-1] + 1, step))


def test_a_year_alone_is_plotted_and_labelled_as_a_year() -> None:
    # Regression (issue 21): "1995" was plotted as 1 January 1995 and labelled 1995-01-01.
    yearly = {
        "a": SourceDocument("a", "https://a.example/r", "A Monitor", "1995"),
        "b": SourceDocument("b", "https://b.example/r", "B Herald", "1997"),
    }
    claims = [
        Claim(
            id=f"c-{d}", document=d, uri=yearly[d].uri, text="30 people were killed",
            sentence="30 people were killed.", start=0, end=21, raw_start=0, raw_end=21,
            low=30, high=30, qualifier="exact", category="killed", subject="people",
            event=EVENT_ID, attributed_to=None,
        )
        for d in yearly
    ]  # fmt: skip
    svg = figures_chart_svg(reconcile_event(EVENT, claims, yearly))
    dates = [label for label in _panel_labels(svg, "middle") if label[:1].isdigit()]
    assert dates and all(re.fullmatch(r"\d{4}", label) for label in dates), dates
    assert "-01-01" not in svg


def test_the_report_links_its_sources_and_counts_in_words() -> None:
    page = event_report_html(EVENT, FINDINGS, DOCUMENTS, BODIES)
    assert f"{len(EVENT.documents)} documents ·" in page
    assert '<a href="#doc-vrw" title="vrw">Veloria Rights Watch</a>' in page  # its outlet
    assert '<tr id="doc-vrw">' in page
    one = Event("ev-1", "one", "killed", None, None, documents=("gov",), claims=("c-gov",))
    assert "1 document ·" in event_report_html(one, [], DOCUMENTS)


def test_the_report_index_is_styled_and_counts_in_words() -> None:
    from tolltrace.report.html import events_index_html

    one = Event("ev-1", "one <b>", "killed", None, None, documents=("gov",), claims=("c",))
    index = events_index_html([(EVENT, FINDINGS), (one, [])])
    assert "<style>" in index and "Content-Security-Policy" in index
    assert '<a href="ev-1.html">one &lt;b&gt;</a>' in index
    assert "2 events" in index and "no consistent figure" in index
