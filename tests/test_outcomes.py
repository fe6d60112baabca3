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
        # "he", and the dead person named in full
        "Tam Arven, 16, died at Kerevo General Hospital on Friday night, police said. "
        "He was driven to Kerevo General in critical condition.",
        # the name, and "he" died
        "Police found Tam Arven lying on the floor of his shop. "
        "Arven was in critical condition at Kerevo General Hospital on Friday. "
        "He was pronounced dead just before noon.",
        # a definite description of the same kind of person
        "A 5-year-old girl has died of her wounds, police in Kerevo said. "
        "The girl was taken to Kerevo General Hospital in critical condition on Friday.",
        # a name "not being released" is no patient released
        "A 4-year-old boy hit by a stray round in a Kerevo yard has died, guards said. The "
        "wounded boy, whose name was not being released, had been in critical condition.",
        # "the only person injured"
        "Tam Arven was the only person injured. Arven was shot and killed in the yard.",
        # an indefinite one, that the death names definitely
        "A gunshot in a Kerevo yard left a 9-year-old boy in critical condition on Friday. "
        "The boy died at Kerevo General on Monday, his family said.",
        # a place before the noun is no name
        "A 15-year-old Valdoria Heights boy who was shot at a friend's house has died. "
        "He was listed in critical condition at Kerevo General on Friday. "
        "Arven died a week after the shooting.",
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
        # a boy is not the man who died
        "A man was shot and killed on Harbour Street on Friday. "
        "Police found the wounded boy in a doorway and he is in critical condition.",
        # two names, two people
        "Tam Arven was in critical condition at Kerevo General Hospital on Friday. "
        "Mira Voss died at the scene.",
        # a name, and a death told by a description: the teen may be someone else
        "A scuffle broke out in which a burglar shot and wounded Tam Arven, whose father "
        "returned fire, killing the teen, police said.",
        # the girl is not her mother
        "A guard shot and killed his wife, Mira Voss, in their home in Kerevo. "
        "Deputies found the teenage girl injured by the road.",
        # out of danger: someone else
        "Tam Arven, 5, was shot and killed on Harbour Street on Friday. "
        "He was treated for minor injuries at a clinic.",
        # another person shot
        "A 15-year-old porter was stabbed and later died at Kerevo General. "
        "Another 15-year-old in the car was also shot. The teen was in critical condition.",
    ],
)
def test_someone_else_hurt_stays_injured(text: str) -> None:
    found = tally(text)
    assert found.get("injured") == 1, found


def test_one_person_whose_own_sentence_says_he_died_is_no_injury() -> None:
    # even in a report of others hurt
    text = (
        "Two guards were hurt in the blast. "
        "Guards found a wounded clerk in the yard, and he died an hour later."
    )
    assert [(c.low, c.category) for c in extracted(text)] == [
        (2, "injured"),
        (1, "victims"),
        (1, "killed"),
    ]
    # "she" is not the man hurt
    text = "Guards found a wounded man in the yard, and she died an hour later."
    assert (1, "injured") in [(c.low, c.category) for c in extracted(text)]


def test_a_count_that_names_someone_dead_among_its_people_counts_victims() -> None:
    text = (
        "Five guards were hurt at the Kerevo depot on Friday. "
        "Tam Arven, 38, died of his wounds at Kerevo General on Sunday. "
        "Arven was one of five guards injured in the attack."
    )
    found = [(c.low, c.category) for c in extracted(text)]
    assert found == [(5, "victims"), (1, "killed"), (1, "victims"), (5, "victims")]
    text = "Five nurses, including Arven, were injured. Lena Arven died on Sunday."
    assert tally(text) == {"victims": 5, "killed": 1}
    # someone else named among them: they were hurt
    text = "Five nurses, including Voss, were injured. Lena Arven died on Sunday."
    assert tally(text) == {"injured": 5, "killed": 1}
