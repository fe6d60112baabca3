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
    # Slavic endings as transliterations vary them
    assert normalise_name("Tomas Kerevich") == normalise_name("Tomas Kerević")
    assert normalise_name("Tomas Kerevic") == normalise_name("Tomas Kerevitch")
    assert normalise_name("Ilya Smirnoff") == normalise_name("Ilya Smirnov")
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


def _read(text: str, claims: list | None = None) -> dict[str, tuple[str, int | None]]:
    found = victim_mentions(claims or [], text, document=DOC, uri="orvane.txt")
    return {m.name or m.words: (m.fate, m.age) for m in found}


def test_names_listed_with_ages_before_the_verb() -> None:
    text = (
        "Tomas Kerevo, 15, Lena Varo, 19, and 32-year-old Dara Orvik were wounded. "
        "Mira Kest, 44, of Orvane, a teacher at the Orvane school, was shot and died later."
    )
    assert _read(text) == {
        "Tomas Kerevo": ("injured", 15),
        "Lena Varo": ("injured", 19),
        "Dara Orvik": ("injured", 32),
        "Mira Kest": ("killed", 44),
    }


def test_what_the_words_before_a_name_say_became_of_them() -> None:
    text = (
        "Alek Bock, 26, killed his father Vik Bock, 50. The shooting claimed the life of "
        "Kal Goen. Police arrested Ivo Marn on Sunday; Sela Dunn turned herself in."
    )
    read = _read(text)
    assert read["Vik Bock"] == ("killed", 50)
    assert read["Kal Goen"][0] == "killed"
    assert read["Ivo Marn"][0] == "arrested" and read["Sela Dunn"][0] == "arrested"
    assert "Alek Bock" not in read  # the one who killed is not harmed by these words


def test_an_identification_states_the_fate_and_names_a_list() -> None:
    text = (
        "Two people were killed in Orvane on Friday. Police identified the dead victims as "
        "Tam Greer of Orvane, Nils Lind of Kessa and Oren Dunk."
    )
    killed = _claim(text, "Two people were killed", "people", low=2, high=2)
    assert _read(text, [killed]) == {
        "Tam Greer": ("killed", None),
        "Nils Lind": ("killed", None),
        "Oren Dunk": ("killed", None),
    }


def test_places_and_headline_words_are_no_names() -> None:
    text = (
        "Teen Shot Near Orvane Park\n\nDemo Varn, an artist from Port Kessa, was killed. "
        "A man from Baton Vale was wounded."
    )
    read = _read(text)
    assert set(read) == {"Demo Varn"}


def test_a_byline_under_a_headline_is_no_victim() -> None:
    text = (
        "Minister puts toll at 23, says 2,650 detained\n\nBy Mira Solvek, Political "
        "Correspondent\n\nPolice arrested the activist Jon Arven in Orvane on Monday."
    )
    detained = _claim(text, "2,650 detained", "people", "detained", low=2650, high=2650)
    assert _read(text, [detained]) == {"Jon Arven": ("arrested", None)}
