"""Parts of a toll (a named victim, police among the dead, one town alone) beside the whole.

Fictional events in the fictional Republic of Veloria.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.test_reconcile import claim, docs, event
from tolltrace.reconcile.findings import reconcile_event
from tolltrace.reconcile.parts import part_reason


def with_subject(text: str, subject: str, sentence: str | None = None) -> str:
    found = claim("c", "monitor", text, 1, 1, "exact")
    found = replace(found, subject=subject, sentence=sentence or found.sentence)
    return part_reason(found) or "whole"


@pytest.mark.parametrize(
    ("text", "subject", "sentence", "expected"),
    [
        ("At least 40 people were killed", "people", None, "whole"),
        ("more than 300 protesters", "protesters", None, "whole"),
        ("the killing of Mr Orsel Vane", "Mr Orsel Vane", None, "a named person"),
        ("Ilse Marrow was shot", "Ilse Marrow", None, "a named person"),
        ("Three police officers were killed", "police officers", None, "a group among the victims"),
        ("nine children", "children", None, "a group among the victims"),
        ("12 of the dead", "dead", None, "a part of a larger count"),
        ("four other defendants", "other defendants", None, "a part of a larger count"),
        ("two more people died", "people", None, "a part of a larger count"),
        ("more than 20 people", "people", None, "whole"),
        (
            "eight", "", "The dead numbered 40, among them eight soldiers.",
            "a part of a larger count",
        ),
        (
            "18 people died", "people", "The group says 18 people died there.",
            "one place among several",
        ),
        (
            "Dozens were arrested", "", "Dozens were arrested in Port Selvan alone, lawyers said.",
            "one place among several",
        ),
        ("30 were killed", "", "With 30 killed in that massacre alone, it was the worst.", "whole"),
    ],
)  # fmt: skip
def test_part_reasons(text: str, subject: str, sentence: str | None, expected: str) -> None:
    assert with_subject(text, subject, sentence) == expected


def test_a_part_is_no_rival_of_the_whole_but_bounds_it_below() -> None:
    whole = claim("a", "monitor", "at least 40 people were killed", 40, None, "at_least")
    named = replace(
        claim("b", "gov", "the killing of Sergeant Aro Delm", 1, 1, "exact"),
        subject="Sergeant Aro Delm",
    )
    police = replace(
        claim("c", "gov", "three police officers", 3, 3, "exact"), subject="police officers"
    )
    (finding,) = reconcile_event(
        event(whole, named, police),
        [whole, named, police],
        docs(monitor="2031-03-15", gov="2031-03-15"),
    )
    assert finding.consistent and finding.low == 40 and finding.high is None
    assert {f.claim: f.part for f in finding.figures} == {
        "a": None,
        "b": "a named person",
        "c": "a group among the victims",
    }


def test_a_part_larger_than_a_whole_figure_contradicts_it() -> None:
    whole = claim("a", "gov", "12 people were killed", 12, 12, "exact")
    part = claim("b", "monitor", "18 of the dead", 18, 18, "exact")
    (finding,) = reconcile_event(
        event(whole, part), [whole, part], docs(monitor="2031-03-15", gov="2031-03-15")
    )
    assert not finding.consistent
    (contradiction,) = finding.contradictions
    assert "above the whole" in contradiction.reason and "18" in contradiction.reason


def test_when_every_figure_is_a_part_each_is_read_as_a_whole() -> None:
    first = replace(claim("a", "gov", "two officers", 2, 2, "exact"), subject="officers")
    second = replace(claim("b", "monitor", "five officers", 5, 5, "exact"), subject="officers")
    (finding,) = reconcile_event(
        event(first, second), [first, second], docs(monitor="2031-03-15", gov="2031-03-15")
    )
    assert all(f.part is None for f in finding.figures)
    assert not finding.consistent


def test_a_coordination_that_is_not_all_groups_is_whole() -> None:
    coordination = "Twelve protesters and three police officers"
    assert with_subject(f"{coordination} were injured", coordination) == "whole"
    groups = "women and children"
    assert with_subject(f"40 {groups} were injured", groups) == "a group among the victims"
