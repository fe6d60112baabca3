"""Victim mentions (extract/victim_records.py) from hand-made claims and text, and the name
fold (link/person_names.py). Fictional people of the fictional Valdoria."""

from __future__ import annotations

from tests.fake_extractor import make_claim
from tolltrace.extract.victim_records import victim_mentions
from tolltrace.link.person_names import first_and_last, normalise_name

DOC = "d" * 64


def _claim(text: str, words: str, subject: str, category: str = "killed", **fields: object):
    return make_claim(
        DOC, words, text.index(words), category, subject=subject, sentence=text, **fields
    )


def test_spellings_of_one_name_fold_alike() -> None:
    assert normalise_name("Mohammad") == normalise_name("Mohammed") == normalise_name("Muhammad")
    assert normalise_name("Pour-Mohammadi") == normalise_name("Pourmohammadi")
    assert normalise_name("Elína Várô") == normalise_name("Elina Varo")
    assert normalise_name("Jon Arven") != normalise_name("Jan Arven")
    assert first_and_last("Dara al Kerevo") == ("dara", "alkerevo")
    assert first_and_last("Arven") == (None, "arven")


def test_a_named_victim_with_age_fate_and_source() -> None:
    text = "Mohammad Pour-Mohammadi, 34, was killed in Orvane on Saturday, the monitor said."
    claim = _claim(
        text, "Mohammad Pour-Mohammadi, 34, was killed", "Mohammad Pour-Mohammadi",
        attributed_to="Velisk Rights Watch", where="Orvane", when="2031-03-01",
    )  # fmt: skip
    [mention] = victim_mentions([claim], text)
    assert mention.name == "Mohammad Pour-Mohammadi"
    assert text[mention.start : mention.end] == "Mohammad Pour-Mohammadi"
    assert (mention.age, mention.fate, mention.where, mention.when) == (
        34, "killed", "Orvane", "2031-03-01",
    )  # fmt: skip
    assert mention.attributed_to == "Velisk Rights Watch"
    assert mention.normalised == normalise_name("Muhammad Pourmohammadi")
    assert mention.claim == claim.id


def test_a_described_person_takes_the_name_the_text_identifies_them_by() -> None:
    text = (
        "A 19-year-old woman was wounded at the market. "
        "Police identified the woman as Lena Varo. She was taken to the hospital."
    )
    wounded = _claim(text, "A 19-year-old woman was wounded", "A 19-year-old woman", "injured")
    taken = _claim(text, "She was taken to the hospital", "She", "injured")
    mentions = victim_mentions([wounded, taken], text)
    words = {m.words: m for m in mentions}
    assert set(words) == {"A 19-year-old woman", "Lena Varo", "She"}
    assert {m.name for m in mentions} == {"Lena Varo"}
    assert words["A 19-year-old woman"].age == 19
    assert words["A 19-year-old woman"].sex == "female"
    assert words["Lena Varo"].fate == "injured"


def test_persons_listed_together_are_each_a_mention() -> None:
    text = "Jon Arven and Tomas Kerevic were arrested in Orvane."
    claim = _claim(
        text, "Jon Arven and Tomas Kerevic were arrested", "Jon Arven and Tomas Kerevic",
        "arrested", low=2, high=2,
    )  # fmt: skip
    names = [m.name for m in victim_mentions([claim], text)]
    assert names == ["Jon Arven", "Tomas Kerevic"]


def test_counts_and_denials_are_no_persons() -> None:
    text = "Forty people were killed. Jon Arven was not killed."
    count = _claim(text, "Forty people were killed", "people", low=40, high=40)
    denied = _claim(text, "Jon Arven was not killed", "Jon Arven", negated=True)
    assert victim_mentions([count, denied], text) == []
