"""The keyword baseline: a number within three words of a casualty keyword, and nothing more."""

from __future__ import annotations

from tolltrace.evaluate.baseline import keyword_extract
from tolltrace.evaluate.datasets import EvalDocument
from tolltrace.model import Claim


def extract(text: str, doc: str = "kerevo-1") -> tuple[Claim, ...]:
    return keyword_extract(EvalDocument(doc, text, None))


def figures(text: str) -> list[tuple[str, int | None, str]]:
    return [(c.text, c.low, c.category) for c in extract(text)]


def test_number_before_its_keyword_is_an_exact_unattributed_claim() -> None:
    text = "Police in Kerevo said 12 people were killed."
    (claim,) = extract(text)
    assert (claim.low, claim.high, claim.qualifier, claim.category) == (12, 12, "exact", "killed")
    assert claim.attributed_to is None
    assert claim.text == "12 people were killed"
    assert (claim.start, claim.end) == (text.index("12"), text.index(".")) == (22, 43)
    assert (claim.raw_start, claim.raw_end) == (claim.start, claim.end)
    assert claim.sentence == text
    assert claim.document == "kerevo-1"


def test_keyword_before_the_number_and_the_categories() -> None:
    assert figures("Soldiers arrested 40 students in Velmar.") == [("arrested 40", 40, "arrested")]
    assert figures("The court executed eight men.") == [("executed eight", 8, "executed")]
    assert figures("Some 1,250 were detained overnight.") == [
        ("1,250 were detained", 1250, "detained")
    ]
    assert figures("Two journalists were jailed.") == [
        ("Two journalists were jailed", 2, "imprisoned")
    ]
    assert figures("At least 30 were wounded.") == [("30 were wounded", 30, "injured")]


def test_no_qualifiers_and_no_vague_counts() -> None:
    # "at least" is not read; "dozens" and decimals are not numbers for the baseline.
    (claim,) = extract("At least 7 died in the blast.")
    assert (claim.low, claim.qualifier) == (7, "exact")
    assert extract("Dozens were killed.") == ()
    assert extract("The 2.5 wounded figure is an average.") == ()


def test_window_is_three_words_between() -> None:
    assert figures("9 village elders later died.") == [("9 village elders later died", 9, "killed")]
    assert extract("9 of the village elders died.") == ()  # four words between


def test_nearest_keyword_wins_and_a_tie_goes_to_the_following_one() -> None:
    assert figures("Three dead, 5 injured near Orsk.") == [
        ("Three dead", 3, "killed"),
        ("5 injured", 5, "injured"),
    ]


def test_each_sentence_on_its_own_with_document_offsets() -> None:
    text = "Officials counted the dead. 14 families fled. Later, 6 were killed."
    claims = extract(text)
    assert [(c.text, c.low) for c in claims] == [("6 were killed", 6)]
    assert text[claims[0].start : claims[0].end] == "6 were killed"
    assert claims[0].sentence == "Later, 6 were killed."


def test_ids_are_stable_and_distinct() -> None:
    text = "Two were killed and three were injured."
    first, second = extract(text), extract(text)
    assert [c.id for c in first] == [c.id for c in second]
    assert len({c.id for c in first}) == 2
    assert {c.id for c in extract(text, doc="kerevo-2")}.isdisjoint(c.id for c in first)


def test_no_keyword_no_claim() -> None:
    assert extract("The Kerevo council has 12 members and met 3 times.") == ()
