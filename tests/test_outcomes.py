"""One person hurt at first and dead by the end of the report (extract/outcomes.py), through the
whole extract stage. Reports are invented, in the style of US local news (Kerevo, Harbour
Street, Kerevo General Hospital)."""

from __future__ import annotations

import pytest

from tests.test_claims import extracted


def tally(text: str) -> dict[str, int]:
    """The largest figure of each category the document states."""
    found: dict[str, int] = {}
    for claim in extracted(text):
        if claim.low is not None and not claim.negated:
            found[claim.category] = max(found.get(claim.category, 0), claim.low)
    return found


@pytest.mark.parametrize(
    "text",
    [
        # the same name, whole or in part
        "Tam Arven was taken to Kerevo General Hospital in critical condition on Friday. "
        "Doctors said on Sunday that Tam Arven had died of his wounds.",
        # the same age
        "A stabbing at the Kerevo market critically injured a 19-year-old on Friday. "
        "On Sunday, police said the stabbing had killed a 19-year-old from Valdoria.",
        # "he", in a report of one death that hurts no one else
        "A man was shot and killed on Harbour Street on Friday. "
        "He was taken to Kerevo General Hospital in critical condition, police said.",
    ],
)
def test_one_person_hurt_then_dead_is_no_injury(text: str) -> None:
    found = tally(text)
    assert found.get("killed") == 1
    assert "injured" not in found


@pytest.mark.parametrize(
    "text",
    [
        # a relative of the dead is someone else
        "A man was shot and killed on Harbour Street on Friday. His father was wounded.",
        # another person, a survivor
        "A man was shot and killed on Harbour Street on Friday. "
        "A 31-year-old nurse was also hurt and is in fair condition.",
        # family share a name, not a life
        "Lena Arven was shot and killed in her home in Kerevo on Friday. "
        "Tam Arven was wounded and taken to Kerevo General Hospital.",
        # two dead: which of them "he" was is not said
        "A man and a woman were shot dead on Harbour Street. "
        "A boy was also shot. He was taken to Kerevo General Hospital in critical condition.",
    ],
)
def test_someone_else_hurt_stays_injured(text: str) -> None:
    found = tally(text)
    assert found.get("injured") == 1, found
