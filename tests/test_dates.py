"""Publication-date candidates: each source, precision, ranking, offsets, and robustness.

All texts are invented, about the fictional Republic of Veloria.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tolltrace.clean.dates import CONFIDENCE, best_date, find_dates, parse_date
from tolltrace.model import DateCandidate

BODY = (
    "Security forces in Port Arlen detained dozens of students outside the university, "
    "witnesses told Civic Watch Veloria. The interior ministry denied that anyone was held.\n\n"
)


def only(candidates: tuple[DateCandidate, ...], source: str) -> list[DateCandidate]:
    return [c for c in candidates if c.source == source]


def assert_offsets_point_at_evidence(raw: str, candidates: tuple[DateCandidate, ...]) -> None:
    for candidate in candidates:
        if candidate.raw_start is not None:
            assert candidate.raw_end is not None
            assert raw[candidate.raw_start : candidate.raw_end] == candidate.evidence


# --- datelines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "value", "evidence"),
    [
        ("Veloria, March 4, 2021—Police fired", "2021-03-04", "Veloria, March 4, 2021—"),
        (
            "PORT ARLEN (Velorian Press Agency) — Dec. 9, 2020 — Police fired",
            "2020-12-09",
            "PORT ARLEN (Velorian Press Agency) — Dec. 9, 2020 —",
        ),
        ("12 March 2021 – Police fired", "2021-03-12", "12 March 2021 –"),
        ("CASMERE, Nth. Prov. (Feb. 6, 2014) - Police fired", "2014-02-06", None),
        ("KELLA, Tuesday, 7 June 2016: Police fired", "2016-06-07", None),
    ],
)
def test_dateline_at_paragraph_start(opening: str, value: str, evidence: str | None) -> None:
    raw = "Students shot at in Veloria\n\n" + opening + " on a march.\n\n" + BODY
    (candidate,) = find_dates(raw)
    assert (candidate.source, candidate.value) == ("dateline", value)
    assert candidate.confidence == CONFIDENCE["dateline"]
    if evidence is not None:
        assert candidate.evidence == evidence
    assert_offsets_point_at_evidence(raw, (candidate,))


def test_date_inside_a_sentence_is_not_a_dateline() -> None:
    raw = "On March 4, 2021 police fired on a march in Port Arlen.\n\n" + BODY
    assert find_dates(raw) == ()


def test_paragraphs_opening_with_bare_dates_are_a_timeline_not_datelines() -> None:
    raw = (
        "Timeline of the crackdown\n\nJan. 5, 2021: students occupy the square.\n\n"
        "Feb. 2, 2021: the army clears the square.\n\n" + BODY
    )
    assert find_dates(raw) == ()


def test_dateline_in_the_middle_of_a_long_text_is_ignored() -> None:
    middle = "Veloria, March 4, 2021—Police fired on a march.\n\n"
    raw = BODY * 20 + middle + BODY * 20
    assert len(BODY) * 20 > 1500
    assert only(find_dates(raw), "dateline") == []


def test_impossible_dates_are_rejected() -> None:
    for opening in ("Veloria, February 30, 2021—", "Veloria, March 4, 1850—"):
        assert find_dates(opening + "Police fired.\n\n" + BODY) == ()
    assert find_dates(BODY, uri="https://news.example/2021/13/04/march") == ()


# --- bylines --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "value", "kind"),
    [
        ("Published: 3 April 2022", "2022-04-03", "byline"),
        ("Posted on April 3, 2022 by deskeditor", "2022-04-03", "byline"),
        ("(Published Sunday, April 3, 2022)", "2022-04-03", "byline"),
        ("UPDATE (April 3, 2022)", "2022-04-03", "byline-updated"),
        ("Posted by Mara Idris on April 3, 2022", "2022-04-03", "byline"),
        ("Updated 10:02 AM, 3 Apr 2022", "2022-04-03", "byline-updated"),
        ("By Mara Idris | April 3, 2022", "2022-04-03", "byline"),
        ("By: Mara Idris, Staff Reporter, 3 April 2022", "2022-04-03", "byline"),
        ("By Mara Idris\n\nApril 3, 2022", "2022-04-03", "byline"),
        ("Posted: April 2022", "2022-04", "byline"),
    ],
)
def test_byline(line: str, value: str, kind: str) -> None:
    raw = "Curfew extended in Casmere\n" + line + "\n\n" + BODY
    (candidate,) = find_dates(raw)
    assert (candidate.source, candidate.value) == ("byline", value)
    assert candidate.confidence == CONFIDENCE[kind]
    assert_offsets_point_at_evidence(raw, (candidate,))


def test_byline_after_the_headline_on_the_same_line() -> None:
    raw = "Curfew extended in Casmere Posted: Sunday, April 3, 2022 11:49 AM EDT\n\n" + BODY
    (candidate,) = find_dates(raw)
    assert candidate.evidence == "Posted: Sunday, April 3, 2022"


def test_trailing_byline_is_found() -> None:
    raw = BODY * 30 + "Published on 3 April 2022"
    (candidate,) = find_dates(raw)
    assert (candidate.source, candidate.value) == ("byline", "2022-04-03")
    assert candidate.raw_start is not None and candidate.raw_start > 1500


def test_lowercase_phrase_in_prose_is_not_a_byline() -> None:
    raw = "The list was updated on April 3, 2022 by the ministry.\n\n" + BODY
    assert find_dates(raw) == ()


def test_update_stamp_ranks_below_publication_stamp() -> None:
    raw = "Updated: April 9, 2022 | Published: April 3, 2022\n\n" + BODY
    assert best_date(find_dates(raw)) == "2022-04-03"


# --- metadata, corpus fields, header lines, URL ----------------------------------------------


def test_metadata_and_field_sources() -> None:
    candidates = find_dates(
        BODY,
        metadata=[
            ("meta[property=article:published_time]", "2022-04-03T23:30:00-04:00"),
            ("field:dct", "2022-04-04"),
            ("meta[name=date]", "Sun, 03 Apr 2022 10:00:00 GMT"),
            ("meta[name=year]", "2022"),
            ("meta[name=issue]", "April 2022"),
        ],
    )
    assert [(c.source, c.value, c.confidence) for c in candidates] == [
        ("metadata", "2022-04-03", 0.9),
        ("field", "2022-04-04", 0.95),
        ("metadata", "2022-04-03", 0.9),
        ("metadata", "2022", 0.9),
        ("metadata", "2022-04", 0.9),
    ]
    assert candidates[1].evidence == "field:dct"
    assert all(c.raw_start is None for c in candidates)
    assert best_date(candidates) == "2022-04-04"


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "   ",
        "unknown",
        "2019-13-01",
        "2021-02-30",
        "June 27",
        "2 days ago",
        "1415000000",
        "1850-01-01",
        "March 4, 2021 " * 40,
        "\x00\x01\x02",
        "NaN",
    ],
)
def test_bad_metadata_is_ignored(bad: str) -> None:
    assert find_dates("", metadata=[("field:date", bad)]) == ()


def test_non_string_metadata_is_ignored() -> None:
    metadata: list[tuple[str, str]] = [("field:date", None)]  # type: ignore[list-item]
    assert find_dates("", metadata=metadata) == ()


def test_header_line_is_kept_with_low_confidence_beside_a_disagreeing_dateline() -> None:
    header = "Saturday, 11 June 2022\n"
    raw = header + "\nVeloria, June 9, 2022—Police fired.\n\n" + BODY
    candidates = find_dates(raw, header_lines=[(0, len(header))])
    assert [(c.source, c.value) for c in candidates] == [
        ("dateline", "2022-06-09"),
        ("header", "2022-06-11"),
    ]
    assert only(candidates, "header")[0].confidence == 0.4
    assert_offsets_point_at_evidence(raw, candidates)
    assert best_date(candidates) == "2022-06-09"


def test_header_line_that_is_a_byline_counts_once_as_byline() -> None:
    line = "Published: 11 June 2022\n"
    raw = line + "\n" + BODY
    candidates = find_dates(raw, header_lines=[(0, len(line))])
    assert [c.source for c in candidates] == ["byline"]


def test_header_spans_outside_the_text_are_ignored() -> None:
    assert find_dates("short", header_lines=[(50, 80), (3, 1), (-5, 0)]) == ()


def test_numeric_header_line() -> None:
    raw = "06/11/2022\n" + BODY
    (candidate,) = find_dates(raw, header_lines=[(0, 10)])
    assert (candidate.value, candidate.evidence) == ("2022-06-11", "06/11/2022")


@pytest.mark.parametrize(
    ("uri", "value", "evidence"),
    [
        ("https://news.example/world/2014/05/16/students-held/", "2014-05-16", "/2014/05/16"),
        ("https://paper.example/news/2015/mar/31/curfew", "2015-03-31", "/2015/mar/31"),
        ("http://city.example/casmere/20140513/shooting", "2014-05-13", "20140513"),
        ("https://blog.example/2016/07/army-deployed", "2016-07", "/2016/07"),
        ("https://x.example/story/2016-07-02-army-deployed.html", "2016-07-02", "2016-07-02"),
        (
            "http://web.archive.org/web/20151026092316/http://tv.example/2014/05/16/x/",
            "2014-05-16",
            "/2014/05/16",
        ),
    ],
)
def test_url_date(uri: str, value: str, evidence: str) -> None:
    (candidate,) = find_dates("", uri=uri)
    assert (candidate.source, candidate.value, candidate.evidence) == ("url", value, evidence)
    assert candidate.confidence == 0.7


@pytest.mark.parametrize(
    "uri",
    [
        "http://web.archive.org/web/20151026092316/http://tv.example/news/story-29689884",
        "https://tv.example/2014/some-slug",
        "/data/corpus/veloria/article.txt",
        "http://[broken",
        "",
    ],
)
def test_url_without_date(uri: str) -> None:
    assert find_dates("", uri=uri) == ()


# --- anniversaries and "N years ago" ---------------------------------------------------------


def test_anniversary_with_month_in_next_sentence() -> None:
    raw = (
        "Families gathered at the old quarry.This week marked the 26th anniversary of the "
        "purge that swept the prisons of Veloria in 1988. Between July and September of that "
        "year, thousands of detainees were shot.\n\n" + BODY
    )
    (candidate,) = find_dates(raw)
    assert (candidate.source, candidate.value, candidate.confidence) == (
        "anniversary",
        "2014-07",
        0.5,
    )
    assert candidate.evidence.startswith("26th anniversary")
    assert candidate.evidence.endswith("Between July")
    assert_offsets_point_at_evidence(raw, (candidate,))


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Today marks the 30th anniversary of the Casmere killings in July 1990.", "2020-07"),
        ("Sunday was the thirtieth anniversary of the 1990 Casmere killings.", "2020"),
        ("Relatives marked the twenty-fifth anniversary of the summer of 1990.", "2015"),
        ("The 1990 killings reached their 30th anniversary this week.", "2020"),
    ],
)
def test_anniversary_year_and_month(sentence: str, value: str) -> None:
    candidates = only(find_dates(sentence + " No one was charged.\n\n" + BODY), "anniversary")
    assert [c.value for c in candidates] == [value]


def test_month_of_another_year_is_not_the_anniversary_month() -> None:
    raw = (
        "This week marked the 10th anniversary of the 2011 Port Arlen sit-in. "
        "In November 2020 a court acquitted the officers."
    )
    assert [c.value for c in find_dates(raw)] == ["2021"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Next year will mark the 40th anniversary of the 1983 uprising.",
        "Last year was the 39th anniversary of the 1983 uprising.",
        "The anniversary of the uprising passed quietly.",
        "The 40th anniversary passed quietly.",
    ],
)
def test_anniversary_not_at_the_documents_present(sentence: str) -> None:
    assert find_dates(sentence + "\n\n" + BODY) == ()


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The guards came 26 years ago, in 1988, and took her brother.", "2014"),
        ("In 1988, twenty-six years ago, the guards came.", "2014"),
        ("Twenty years after the 1995 Kella massacre, no one has been tried.", "2015"),
        ("It has been 12 years since the 2009 crackdown.", "2021"),
    ],
)
def test_years_ago_tied_to_an_explicit_year(sentence: str, value: str) -> None:
    (candidate,) = find_dates(sentence + "\n\n" + BODY)
    assert (candidate.source, candidate.value, candidate.confidence) == (
        "anniversary",
        value,
        0.35,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "31 years later, in November 2019, the army fired on protesters again.",
        "He was freed two years after his 1990 arrest.",
        "The guards came 26 years ago and took her brother.",
        "Five years since the 2009 crackdown, the square is empty.",
        "Twenty years ago, the council promised that by the year 2000 every village had a clinic.",
        "Turnout was high in the 1980s, and the party won four years ago.",
    ],
)
def test_years_ago_without_a_tie_to_the_present(sentence: str) -> None:
    assert find_dates(sentence + "\n\n" + BODY) == ()


# --- ranking ----------------------------------------------------------------------------------


def candidate(value: str, confidence: float, at: int | None = None) -> DateCandidate:
    end = None if at is None else at + 1
    return DateCandidate(value, "test", "x", confidence, at, end)


def test_best_date_prefers_confidence_then_precision_then_text_order() -> None:
    assert best_date([]) is None
    assert best_date([candidate("2020-01-01", 0.4), candidate("2019", 0.9)]) == "2019"
    assert best_date([candidate("2019", 0.5), candidate("2019-07", 0.5)]) == "2019-07"
    assert best_date([candidate("2019-07", 0.5, 90), candidate("2018-03", 0.5, 10)]) == "2018-03"
    assert best_date([candidate("2019-07", 0.5), candidate("2018-03", 0.5, 10)]) == "2018-03"


def test_every_competing_candidate_is_kept() -> None:
    raw = (
        "Published: 3 April 2022\n\nVeloria, April 2, 2022—Police fired.\n\n"
        "Today marks the 30th anniversary of the 1992 Kella massacre.\n\n" + BODY
    )
    candidates = find_dates(
        raw,
        metadata=[("meta[name=date]", "2022-04-05")],
        uri="https://news.example/2022/04/04/kella/",
    )
    assert {c.source: c.value for c in candidates} == {
        "metadata": "2022-04-05",
        "url": "2022-04-04",
        "byline": "2022-04-03",
        "dateline": "2022-04-02",
        "anniversary": "2022",
    }
    assert best_date(candidates) == "2022-04-05"
    assert best_date([c for c in candidates if c.source != "metadata"]) == "2022-04-02"
    assert_offsets_point_at_evidence(raw, candidates)


# --- robustness -------------------------------------------------------------------------------


def test_empty_text() -> None:
    assert find_dates("") == ()


def test_binary_looking_text_does_not_crash() -> None:
    raw = bytes(range(256)).decode("latin-1") * 200 + "\x00March 4, 2021—\x00"
    assert_offsets_point_at_evidence(raw, find_dates(raw, header_lines=[(0, 300)]))


def test_huge_text_is_scanned_quickly() -> None:
    raw = (BODY + "Some 40 people were held in 2019 after 3 years of unrest. ") * 40_000
    started = time.perf_counter()
    assert find_dates(raw) == ()
    assert time.perf_counter() - started < 5  # about 0.3 s for these ~9 MB on one core


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.—-:()|/\nJulyMarchBy Publishedago"))))
def test_any_text_gives_valid_candidates(raw: str) -> None:
    candidates = find_dates(raw, header_lines=[(0, 40)], uri=raw[:60])
    assert_offsets_point_at_evidence(raw, candidates)
    for c in candidates:
        assert 1900 <= int(c.value[:4]) <= 2100
        assert parse_date(c.value) == c.value


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_metadata_string_is_parsed_or_ignored(text: str) -> None:
    for c in find_dates("", metadata=[("field:date", text)]):
        assert parse_date(c.value) == c.value


def test_parse_date_keeps_the_precision_of_the_string() -> None:
    assert parse_date("July 1988") == "1988-07"
    assert parse_date("1988") == "1988"
    assert parse_date("the 6th of December, 2019") == "2019-12-06"
    assert parse_date("20140516") == "2014-05-16"
