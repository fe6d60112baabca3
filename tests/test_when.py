"""When a claim's events happened: time expressions on real parses, normalised against the
publication date. Sentences are invented (Valdoria, Kerevo, Port Arlen, Oak Street)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tolltrace.extract.when import claim_time, time_expressions
from tolltrace.nlp.parse import ParsedSentence, parse_sentences
from tolltrace.nlp.sentences import Sentence

FRIDAY = "2025-03-14"  # a Friday; the ISO week before it runs Monday 3 to Sunday 9 March
ISO_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\.\.))?")


def parse(text: str) -> ParsedSentence:
    (sentence,) = parse_sentences(text, [Sentence(0, len(text), text)])
    return sentence


def when(text: str, claim: str, published: str | None = FRIDAY) -> str | None:
    """The time of the claim on the first occurrence of `claim` in `text`."""
    sentence = parse(text)
    offset = text.index(claim)
    first = next(t.i for t in sentence.tokens if t.end > offset)
    last = max(t.i for t in sentence.tokens if t.start < offset + len(claim))
    return claim_time(sentence, first, last, published)


# --- absolute dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claim", "value"),
    [
        (
            "On November 17, 2019, security forces killed 40 protesters in Kerevo.",
            "40",
            "2019-11-17",
        ),
        ("Security forces killed 40 protesters in Kerevo on 17 June 2025.", "40", "2025-06-17"),
        ("Guards hanged 9 prisoners on Sunday, Nov. 17, 2019.", "9", "2019-11-17"),
        ("Police detained 60 students on 2021-03-04.", "60", "2021-03-04"),
        ("Police detained 60 students on 3/4/2021.", "60", "2021-03-04"),
        (
            "Between November 15 and 19, 2019, security forces killed at least 300 protesters.",
            "at least 300",
            "2019-11-15/2019-11-19",
        ),
        ("Militias abducted 25 villagers between 3 and 6 May 2016.", "25", "2016-05-03/2016-05-06"),
        (
            "From July to September 1988, some 30,000 prisoners were executed.",
            "30,000",
            "1988-07/1988-09",
        ),
        (
            "In the summer of 1988, more than 5,000 prisoners were hanged.",
            "5,000",
            "1988-06/1988-08",
        ),
        ("In the winter of 2011, 70 miners were shot.", "70", "2011-12/2012-02"),
        ("More than 200 people died in the 1988 massacre.", "200", "1988"),
        ("In 1988, the regime executed 4,000 prisoners.", "4,000", "1988"),
        ("Police detained 60 students in March 2021.", "60", "2021-03"),
        ("Between 2014 and 2017, 1,200 people disappeared in Valdoria.", "1,200", "2014/2017"),
        ("From 1981 to 1988, 8,000 dissidents were jailed.", "8,000", "1981/1988"),
        ("During the 1981–88 crackdown, 8,000 dissidents were jailed.", "8,000", "1981/1988"),
        ("About 900 people were killed in the 1990s.", "900", "1990/1999"),
        ("In late 2019, 75 journalists were detained.", "75", "2019-09/2019-12"),
        ("In early March 2020, 14 nurses were arrested.", "14", "2020-03-01/2020-03-10"),
        (
            "From November 28, 2019 to January 3, 2020, 33 people died.",
            "33",
            "2019-11-28/2020-01-03",
        ),
    ],
)
def test_absolute_dates(text: str, claim: str, value: str) -> None:
    assert when(text, claim) == value
    assert when(text, claim, published=None) == value  # no publication date needed


@pytest.mark.parametrize(
    ("published", "value"),
    [
        ("2025-06-10", "2025-06-01"),  # the most recent June 1 not after publication
        ("2025-03-14", "2024-06-01"),  # June 1 had not yet come: the year before
        ("2025", "2025-06-01"),  # only the year is known
        (None, None),  # no year at all
    ],
)
def test_a_date_without_a_year_takes_it_from_publication(
    published: str | None, value: str | None
) -> None:
    assert when("On June 1, 12 protesters were arrested in Kerevo.", "12", published) == value


def test_a_range_without_a_year_ends_before_publication() -> None:
    text = "Between December 28 and January 3, 19 protesters were shot."
    assert when(text, "19", "2025-03-14") == "2024-12-28/2025-01-03"


def test_last_month_name_is_strictly_before_the_publication_month() -> None:
    assert when("Last March, 30 people were arrested in Kerevo.", "30", FRIDAY) == "2024-03"
    assert when("In March, 30 people were arrested in Kerevo.", "30", FRIDAY) == "2025-03"


# --- relative expressions --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claim", "value"),
    [
        ("Last week, 12 people were arrested in Kerevo.", "12", "2025-03-03/2025-03-09"),
        ("This week, 12 people were arrested in Kerevo.", "12", "2025-03-10/2025-03-16"),
        ("Earlier this week, 12 people were arrested.", "12", "2025-03-10/2025-03-14"),
        ("Police arrested 12 people yesterday.", "12", "2025-03-13"),
        ("Police arrested 12 people the day before yesterday.", "12", "2025-03-12"),
        ("Police arrested 12 people last night.", "12", "2025-03-13"),
        ("Police arrested 12 people this morning.", "12", "2025-03-14"),
        ("Police arrested 12 people on Monday.", "12", "2025-03-10"),
        ("Police arrested 12 people last Sunday.", "12", "2025-03-09"),
        ("Police arrested 12 people on Friday.", "12", "2025-03-14"),  # the day itself
        ("Police will release 12 people next Monday.", "12", "2025-03-17"),
        ("Police arrested 12 people last month.", "12", "2025-02"),
        ("Police arrested 12 people earlier this month.", "12", "2025-03-01/2025-03-14"),
        ("Police arrested 12 people this year.", "12", "2025"),
        ("Police arrested 12 people last year.", "12", "2024"),
        ("Police arrested 12 people three days ago.", "12", "2025-03-11"),
        ("Police arrested 12 people two weeks ago.", "12", "2025-02-28"),
        ("Police arrested 12 people six months ago.", "12", "2024-09"),
        ("Police arrested 12 people twenty-five years ago.", "12", "2000"),
        ("In the past two weeks, 12 people were arrested.", "12", "2025-02-28/2025-03-14"),
        ("Over the past 24 hours, 12 people were arrested.", "12", "2025-03-13/2025-03-14"),
        ("Over the weekend, 12 people were arrested.", "12", "2025-03-08/2025-03-09"),
        ("Police arrested 12 people last summer.", "12", "2024-06/2024-08"),
        ("Since 2019, more than 500 people have been arrested.", "500", "2019/2025-03-14"),
        ("Since last week, 80 people have been arrested.", "80", "2025-03-03/2025-03-14"),
    ],
)
def test_relative_expressions(text: str, claim: str, value: str) -> None:
    assert when(text, claim, FRIDAY) == value


@pytest.mark.parametrize(
    ("published", "value"),
    [
        ("2025-03-10", "2025-03-03/2025-03-09"),  # published on a Monday
        ("2025-03-16", "2025-03-03/2025-03-09"),  # published on a Sunday: still the week before
        ("2025-01-02", "2024-12-23/2024-12-29"),  # across the turn of the year
    ],
)
def test_last_week_is_the_previous_iso_week(published: str, value: str) -> None:
    assert when("Last week, 12 people were arrested in Kerevo.", "12", published) == value


def test_relative_expressions_need_a_publication_date() -> None:
    assert when("Last week, 12 people were arrested.", "12", None) is None
    assert when("Police arrested 12 people on Monday.", "12", None) is None
    assert when("Police arrested 12 people three days ago.", "12", None) is None
    assert when("Since 2019, more than 500 people have been arrested.", "500", None) == "2019/.."


def test_relative_expressions_at_the_precision_of_publication() -> None:
    assert when("Police arrested 12 people this year.", "12", "2025") == "2025"
    assert when("Police arrested 12 people last month.", "12", "2025-03") == "2025-02"
    assert when("Police arrested 12 people last week.", "12", "2025-03") is None
    assert when("Police arrested 12 people last week.", "12", "not a date") is None


# --- which expression is the claim's ---------------------------------------------------------


def test_a_time_of_saying_is_not_the_time_of_the_events() -> None:
    text = "Two men were shot Sunday night in the 1200 block of Oak Street, police said Monday."
    assert when(text, "Two", FRIDAY) == "2025-03-09"
    assert when("Police said on Monday that 12 people were arrested.", "12", FRIDAY) is None
    text = "In a report released on Tuesday, Amnesty said 300 people were killed in November 2019."
    assert when(text, "300", FRIDAY) == "2019-11"


def test_the_claims_own_clause_wins() -> None:
    text = "Twelve people were arrested in 2021, two years after protests began in 2019."
    assert when(text, "Twelve") == "2021"
    text = "In 2019, 300 people were killed, and in 2021 another 40 were arrested."
    assert when(text, "300") == "2019"
    assert when(text, "40") == "2021"
    # a time the claim's own words govern wins over one the parser hung nearer the count
    text = "Also on Monday, police named two porters shot and killed last week in Kerevo."
    assert when(text, "two porters shot and killed") == "2025-03-03/2025-03-09"


def test_a_datelines_date_is_the_day_of_the_report() -> None:
    text = "KEREVO, March 14, 2025 — At least 112 people were killed during a week of protests."
    assert when(text, "At least 112", FRIDAY) is None
    text = "KEREVO, June 17 (Valdoria Wire) - Guards on Tuesday hanged 2 men."
    assert when(text, "2", FRIDAY) == "2025-03-11"
    text = "On March 14, 2025 — the day soldiers killed 12 people — crowds gathered."
    assert when(text, "12", FRIDAY) == "2025-03-14"  # an opening "On" is no dateline


def test_a_month_heading_a_timeline_entry_dates_it() -> None:
    text = "August 2019: Two men were shot dead at a market in Kerevo."
    assert when(text, "Two men", FRIDAY) == "2019-08"
    text = "2021 - Soldiers killed 40 protesters in Harwel."
    assert when(text, "40", FRIDAY) == "2021"


def test_a_month_named_before_an_event_noun() -> None:
    text = "Mourners recalled the March crackdown, in which at least 127 people were killed."
    assert when(text, "at least 127", FRIDAY) == "2025-03"
    text = "Two guards were hurt a block from where five porters were shot in a December raid."
    assert when(text, "five", FRIDAY) == "2024-12"
    # after "a", only before an event: a march is no month
    text = "A March for Peace crossed Kerevo after three clerks were killed."
    assert when(text, "three", FRIDAY) is None


def test_else_the_nearest_expression() -> None:
    text = "The 1988 massacre was the worst in memory: 30,000 prisoners were executed."
    assert when(text, "30,000") == "1988"


def test_a_year_that_needs_the_previous_sentence_is_not_guessed() -> None:
    text = "Between July and September of that year, 30,000 prisoners were executed."
    assert when(text, "30,000", FRIDAY) is None


def test_counts_are_not_years() -> None:
    assert when("More than 2000 protesters were detained in 2019.", "More than 2000") == "2019"
    assert when("Police detained 2000 protesters.", "2000") is None
    assert when("Two men were shot in the 2000 block of Oak Street.", "Two") is None
    assert when("It May be that 3 people died.", "3", FRIDAY) is None


def test_no_time_at_all() -> None:
    assert when("Security forces killed 40 protesters in Kerevo.", "40", FRIDAY) is None


# --- the expression finder -------------------------------------------------------------------


def test_expressions_carry_their_offsets() -> None:
    text = "On June 1, 2020 and again last week, police in Kerevo detained 12 people."
    found = time_expressions(text, FRIDAY)
    assert [(text[f.start : f.end], f.value) for f in found] == [
        ("June 1, 2020", "2020-06-01"),
        ("last week", "2025-03-03/2025-03-09"),
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*"0123456789 /-–,.aeiost", "June ", "May ", "1988", "last ", "since ", "between "]
        ),
        max_size=40,
    ).map("".join),
    st.sampled_from([None, "2025", "2025-02", "2024-02-29", "1999-12-31"]),
)
def test_any_text_gives_iso_values_or_nothing(text: str, published: str | None) -> None:
    for found in time_expressions(text, published):
        assert ISO_VALUE.fullmatch(found.value), found
        assert 0 <= found.start < found.end <= len(text)
