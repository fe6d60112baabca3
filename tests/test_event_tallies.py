"""Period tallies are events, and parts of a toll are no rivals of it (issue 18, items 1-3).

Fictional reports about the fictional Republic of Valdoria, read by the real cleaner and
extractor, linked by `link_events` and reconciled by `reconcile_event`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.test_link_events import claim, document
from tolltrace.clean.document import clean_document
from tolltrace.extract.stage import extract_document
from tolltrace.link.event_claims import assign_slots
from tolltrace.link.event_tallies import period_of, place_of, proper_words
from tolltrace.link.events import LinkDocument, link_events, main_events
from tolltrace.model import Event, Finding
from tolltrace.reconcile.findings import reconcile_event
from tolltrace.reconcile.parts import SUPERSET
from tolltrace.reconcile.sources import SourceDocument


def read(name: str, published: str, title: str, body: str) -> LinkDocument:
    """A fictional report as the pipeline reads it: cleaned, extracted, ready to link."""
    clean = clean_document(f"{title}\n\n{body}", "text/plain", fields={"date": published})
    claims = tuple(extract_document(name, f"fiction://{name}", clean))
    return LinkDocument(name, f"fiction://{name}", clean.title, clean.published, clean.text, claims)


EXECUTIONS = [
    read(
        "velisk-annual", "2032-02-10", "Valdoria hanged 412 people last year, rights group says",
        "Valdoria executed at least 412 people in 2031, the highest number in a decade, Velisk "
        "Rights Watch said in its annual report on Monday.\n\nNine of the executions were "
        "carried out in public. Among the executed were 17 women. Valdoria carried out 205 "
        "executions in 2030, the group said.",
    ),
    read(
        "orvane-herald", "2032-03-02", "Hangings: the government's count",
        "Valdoria carried out 398 executions in 2031, the Orvane Herald reported, citing "
        "figures from the judiciary.\n\nThe judiciary said every trial had been fair.",
    ),
    read(
        "mirela-times", "2031-08-15", "Executions surge in Valdoria",
        "Valdoria executed 220 people in the first seven months of the year, according to the "
        "Mirela Monitor.\n\nThe pace alarmed diplomats in Velisk.",
    ),
    read(
        "old-report", "2027-01-20", "Executions in Valdoria",
        "Valdoria executed at least 95 people in 2026, Velisk Rights Watch said.\n\nMost were "
        "convicted of drug offences.",
    ),
]  # fmt: skip


def sources(documents: list[LinkDocument]) -> dict[str, SourceDocument]:
    return {
        d.id: SourceDocument(d.id, d.uri, d.id.replace("-", " ").title(), d.published, d.title)
        for d in documents
    }


def findings_of(event: Event, documents: list[LinkDocument]) -> dict[str, Finding]:
    claims = [c for d in documents for c in d.claims]
    return {f.category: f for f in reconcile_event(event, claims, sources(documents))}


def test_reports_of_one_years_executions_in_one_country_are_one_event() -> None:
    events = link_events(EXECUTIONS)
    main = main_events(events)
    assert main["velisk-annual"] == main["orvane-herald"] == main["mirela-times"]
    tally = next(e for e in events if e.id == main["velisk-annual"])
    assert (tally.type, tally.where, tally.when) == ("executed", "Valdoria", "2031")


def test_tallies_of_one_country_years_apart_never_merge() -> None:
    main = main_events(link_events(EXECUTIONS))
    assert main["old-report"] != main["velisk-annual"]


def test_a_tally_is_reconciled_and_a_shorter_period_is_a_part_of_it() -> None:
    events = link_events(EXECUTIONS)
    tally = next(e for e in events if e.id == main_events(events)["velisk-annual"])
    executed = findings_of(tally, EXECUTIONS)["executed"]
    parts = {f.text: f.part for f in executed.figures}
    assert parts["executed 220 people"] == "a shorter period"
    assert parts["Nine of the executions"] == "a part of a larger count"
    assert "205 executions" not in parts  # the year before is another tally
    # the monitor's 412 and the judiciary's 398 for one year are a real dispute
    assert not executed.consistent
    disputed = {(c.first, c.second) for c in executed.contradictions}
    texts = {f.claim: f.text for f in executed.figures}
    assert any({texts[a], texts[b]} & {"398 executions"} for a, b in disputed)
    # ... and no part is ever set against them
    assert not any(
        "a shorter period" in c.reason or "Nine" in c.reason for c in executed.contradictions
    )


@pytest.mark.parametrize(
    ("after", "published", "expected"),
    [
        (" in 2031, the most since 2024", None, (date(2031, 1, 1), date(2031, 12, 31))),
        (" since records began in 2009", "2032-05-01", (date(2009, 1, 1), date(2032, 5, 1))),
        (" since March 2029", "2032-05-01", (date(2029, 3, 1), date(2032, 5, 1))),
        (" so far this year", "2032-05-01", (date(2032, 1, 1), date(2032, 5, 1))),
        (" in the first seven months of the year", "2031-08-15",
         (date(2031, 1, 1), date(2031, 8, 15))),
        (" on Tuesday", "2032-05-01", None),
    ],
)  # fmt: skip
def test_the_period_a_count_states(
    after: str, published: str | None, expected: tuple[date, date] | None
) -> None:
    text = f"Valdoria executed 40 people{after}."
    found = claim("d", text, "executed 40 people", "executed", 40)
    assert period_of(found, published) == expected


def test_the_place_of_a_tally_is_never_its_source() -> None:
    text = "Valdoria executed 40 people in 2031, Velisk Rights Watch said."
    found = claim("d", text, "executed 40 people", "executed", 40)
    found = replace(found, attributed_to="Velisk Rights Watch")
    proper = proper_words(["Reports from Velisk and Valdoria.", text])
    assert place_of(found, {}, proper) == ("valdoria", "Valdoria")


def test_arrests_lead_an_event_as_deaths_do() -> None:
    first_text = (
        "Police in Orvane arrested 240 students on Sunday during a sit-in at Halvorn "
        "University, lawyers said."
    )
    second_text = (
        "The Halvorn University sit-in ended with 236 students arrested by police in Orvane "
        "on Sunday, the rector said."
    )
    first_claim = claim("a", first_text, "arrested 240 students", "arrested", 240, "2031-03-15")
    second_claim = claim("b", second_text, "236 students arrested", "arrested", 236, "2031-03-15")
    first = document("a", "2031-03-16", None, first_text, first_claim)
    second = document("b", "2031-03-17", None, second_text, second_claim)
    # the arrest dates the report's lead incident, as a death would
    assert assign_slots(first.text, first.published, first.claims).lead_day == date(2031, 3, 15)
    events = link_events([first, second, *EXECUTIONS])  # others: a corpus to weigh names in
    main = main_events(events)
    assert main["a"] == main["b"]
    (event,) = [e for e in events if e.id == main["a"]]
    assert event.type == "arrested" and event.when == "2031-03-15"


# --- parts, wholes and timelines: fictional reports of one crackdown --------------------------

CRACKDOWN = [
    read(
        "velisk-crackdown", "2031-03-21", "Orvane crackdown: at least 112 dead",
        "At least 112 people were killed in the crackdown on the Orvane protests between 14 and "
        "19 March, Velisk Rights Watch said on Friday.\n\nOn the first day, 23 protesters were "
        "killed. In Tarrow alone, 64 people died. Eleven children were among the dead.",
    ),
    read(
        "state-agency", "2031-03-15", "Unrest in Orvane",
        "So far, 18 people have been killed in the unrest in Orvane, the interior ministry said "
        "on Saturday.",
    ),
    read(
        "valdoria-monitor", "2031-04-02", "A decade of repression",
        "Security forces have killed more than 1,400 people in this and other crackdowns since "
        "2029, the Valdoria Monitor said.",
    ),
]  # fmt: skip


def crackdown_killed() -> Finding:
    claims = [c for d in CRACKDOWN for c in d.claims if c.category == "killed"]
    event = Event(
        id="orvane-crackdown", label="the Orvane crackdown", type="killed",
        when="2031-03-14/2031-03-19", where="Orvane",
        documents=tuple(d.id for d in CRACKDOWN), claims=tuple(c.id for c in claims),
    )  # fmt: skip
    return findings_of(event, CRACKDOWN)["killed"]


def test_per_day_per_place_per_group_interim_and_superset_figures_are_no_rivals() -> None:
    killed = crackdown_killed()
    parts = {f.text: f.part for f in killed.figures}
    assert parts == {
        "at least 112 dead": None,  # the headline
        "At least 112 people were killed": None,
        "23 protesters were killed": "one day among several",
        "64 people died": "one place among several",
        "Eleven children were": "a group among the victims",
        "18 people have been killed": "an interim count",
        "killed more than 1,400 people": SUPERSET,
    }, parts
    assert killed.consistent and killed.contradictions == ()
    assert (killed.low, killed.high) == (112, None)  # "more than 1,400" bounds nothing above


def test_a_superset_smaller_than_the_whole_contradicts_it() -> None:
    killed = crackdown_killed()
    small = next(f for f in killed.figures if f.part == SUPERSET)
    claims = [c for d in CRACKDOWN for c in d.claims if c.category == "killed"]
    shrunk = [
        replace(
            c, low=100, high=100, qualifier="exact",
            text=c.text.replace("more than 1,400", "100"),
            sentence=c.sentence.replace("more than 1,400", "100"),
        )
        if c.id == small.claim else c
        for c in claims
    ]  # fmt: skip
    event = Event(
        id="orvane-crackdown", label="the Orvane crackdown", type="killed",
        when="2031-03-14/2031-03-19", where="Orvane",
        documents=tuple(d.id for d in CRACKDOWN), claims=tuple(c.id for c in shrunk),
    )  # fmt: skip
    (finding,) = reconcile_event(event, shrunk, sources(CRACKDOWN))
    assert not finding.consistent
    (contradiction,) = finding.contradictions
    assert SUPERSET in contradiction.reason and "112" in contradiction.reason


def test_events_named_in_one_report_and_counted_nowhere_have_ids_of_their_own() -> None:
    text = (
        "The Tarrow massacre was the killing of 34 miners by police in Valdoria. It has been "
        "compared to the 1971 Orvane massacre and to the Halvorn uprising of 1985."
    )
    report = document(
        "t", "2031-09-01", None, text, claim("t", text, "killing of 34 miners", "killed", 34)
    )
    events = link_events([report])
    assert len({e.id for e in events}) == len(events) >= 3


def test_a_tally_told_in_passing_joins_the_tally_but_never_leads_the_report() -> None:
    text = (
        "Two prison guards were killed in a riot at Halmar prison in Orvane on Tuesday, "
        "officials said. Valdoria executed 398 people in 2031, the judiciary says."
    )
    riot = document(
        "riot", "2031-12-10", None, text,
        claim("riot", text, "Two prison guards were killed", "killed", 2, "2031-12-09"),
        claim("riot", text, "executed 398 people", "executed", 398, "2031"),
    )  # fmt: skip
    events = link_events([*EXECUTIONS, riot])
    main = main_events(events)
    tally = next(e for e in events if e.id == main["velisk-annual"])
    assert main["riot"] != tally.id
    assert "riot" in tally.documents and "riot" not in tally.leads
    assert any(c.startswith("riot:") and c.endswith(":executed") for c in tally.claims)


def test_a_report_of_an_incident_that_opens_with_a_tally_is_led_by_its_incident() -> None:
    text = (
        "Valdoria executed at least 400 people in 2031, monitors say. On Tuesday, guards "
        "hanged two men at Halmar prison in Orvane, their lawyer said."
    )
    hangings = document(
        "halmar", "2031-12-10", None, text,
        claim("halmar", text, "executed at least 400 people", "executed", 400, "2031"),
        claim("halmar", text, "hanged two men", "executed", 2, "2031-12-09"),
    )  # fmt: skip
    events = link_events([*EXECUTIONS, hangings])
    main = main_events(events)
    own = next(e for e in events if e.id == main["halmar"])
    assert main["halmar"] != main["velisk-annual"]
    assert own.when == "2031-12-09" and "halmar:0:executed" not in own.claims
