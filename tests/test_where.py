"""Where a claim's events happened: place phrases read from real parses, without NER.
Sentences are invented (Valdoria, Kerevo, Port Arlen, Harbour Square, Oak Street)."""

from __future__ import annotations

import pytest

from tolltrace.extract.where import claim_place, dateline
from tolltrace.nlp.parse import ParsedSentence, parse_sentences
from tolltrace.nlp.sentences import Sentence


def parse(text: str) -> ParsedSentence:
    (sentence,) = parse_sentences(text, [Sentence(0, len(text), text)])
    return sentence


def where(text: str, claim: str) -> str | None:
    """The place of the claim on the first occurrence of `claim` in `text`."""
    sentence = parse(text)
    offset = text.index(claim)
    first = next(t.i for t in sentence.tokens if t.end > offset)
    last = max(t.i for t in sentence.tokens if t.start < offset + len(claim))
    return claim_place(sentence, first, last)


@pytest.mark.parametrize(
    ("text", "claim", "place"),
    [
        ("Security forces killed 40 protesters in Harbour Square.", "40", "Harbour Square"),
        ("Police arrested 12 people outside Evin Prison.", "12", "Evin Prison"),
        ("Three protesters were killed in New York.", "Three", "New York"),
        ("Soldiers detained 30 men across Valdoria.", "30", "Valdoria"),
        ("Five people were wounded in Chicago's South Side.", "Five", "Chicago's South Side"),
        ("Guards beat 14 inmates inside Kerevo Central Prison.", "14", "Kerevo Central Prison"),
        ("Police killed 3 people in downtown Kerevo.", "3", "Kerevo"),
        ("Police killed 3 people in the province of Nerin.", "3", "Nerin"),
        (
            "At least 12 people were arrested at a rally in the northern city of Kerevo.",
            "At least 12",
            "Kerevo",
        ),
        (
            "Four people were killed in a shooting in the Harbour Square area of Port Arlen.",
            "Four",
            "Harbour Square",
        ),
        ("Militias burned 20 homes in Kerevo province.", "20", "Kerevo province"),
        ("Six men were hanged in Kerevo's main prison.", "Six", "Kerevo"),
        ("Two men were shot in the city's Dock Lane section.", "Two", "Dock Lane"),
    ],
)
def test_a_proper_noun_phrase_after_a_locative_preposition(
    text: str, claim: str, place: str
) -> None:
    assert where(text, claim) == place


@pytest.mark.parametrize(
    ("text", "claim", "place"),
    [
        (
            "Two men were shot Sunday night in the 1200 block of Oak Street, police said.",
            "Two",
            "1200 block of Oak Street",
        ),
        (
            "Two were killed at the intersection of Mill Road and East Harbour Avenue.",
            "Two",
            "intersection of Mill Road and East Harbour Avenue",
        ),
        (
            "Three men were shot near 91st Street and Masters Road.",
            "Three",
            "91st Street and Masters Road",
        ),
        ("Two teenagers were shot on Oak Street.", "Two", "Oak Street"),
        (
            "Officers were called to the 900 block of Elm Street after 3 people were shot.",
            "3",
            "900 block of Elm Street",
        ),
    ],
)
def test_streets_and_addresses(text: str, claim: str, place: str) -> None:
    assert where(text, claim) == place


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Dozens were detained near the Ministry of Intelligence.", "Dozens"),  # an organisation
        ("Twelve were detained in November.", "Twelve"),  # a month
        ("Twelve were detained at Christmas.", "Twelve"),  # a holiday
        ("Police said on Twitter that 5 people were arrested.", "5"),  # "on" needs a street
        ("Police fired at Martinez and wounded two bystanders.", "two"),  # a target
        ("Two men in a white Mustang shot 3 people.", "3"),  # a vehicle takes "a"
        ("Twelve people were arrested, a spokesman told reporters in Geneva.", "Twelve"),
        ("Eight people were arrested for posts written in Persian.", "Eight"),  # a language
        ("Police killed 4 protesters near their homes.", "4"),  # no name
        ("Man Shot In Groin In Back Of The Yards as 2 Flee", "2"),  # a headline
        ("Police arrested 3 people at Mr. Lee's home.", "3"),  # a person's home
        ("Details are at www.valdoria-watch.org after 7 were killed.", "7"),  # a web address
    ],
)
def test_not_places(text: str, claim: str) -> None:
    assert where(text, claim) is None


def test_the_place_nested_in_an_organisation_phrase_counts() -> None:
    text = "Dozens were detained near the Ministry of Intelligence in Kerevo."
    assert where(text, "Dozens") == "Kerevo"


def test_each_claim_gets_its_own_place() -> None:
    text = "Police killed 3 people in Kerevo and arrested 40 in Port Arlen."
    assert where(text, "3") == "Kerevo"
    assert where(text, "40") == "Port Arlen"


def test_a_hospital_is_where_victims_were_taken() -> None:
    text = "Two people died at Kerevo General Hospital after they were shot in Harbour Square."
    assert where(text, "Two") == "Harbour Square"
    assert where("Two people died at Kerevo General Hospital.", "Two") == "Kerevo General Hospital"


def test_a_place_out_of_the_claims_clause_is_the_fallback() -> None:
    assert where("Police in Kerevo said 3 people died.", "3") == "Kerevo"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("TEHRAN (Reuters) - Police arrested 40 people last week.", "TEHRAN"),
        ("KEREVO — Four people were killed on Sunday.", "KEREVO"),
        ("PORT ARLEN, Valdoria — Four people were killed.", "PORT ARLEN, Valdoria"),
        ("Port Arlen, Valdoria (AP) -- Police killed 3 people.", "Port Arlen, Valdoria"),
        ("Valdoria, December 6, 2019—Guards executed 30 prisoners.", "Valdoria"),
    ],
)
def test_a_dateline_when_nothing_else_names_a_place(text: str, place: str) -> None:
    assert dateline(text) == place
    claim = next(word for word in ("40", "Four", "3", "30") if word in text)
    assert where(text, claim) == place


def test_a_place_in_the_sentence_beats_the_dateline() -> None:
    assert where("KEREVO — Four people were killed in Port Arlen.", "Four") == "Port Arlen"


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested 40 people.",
        "Kerevo-based monitors counted 40 dead.",
        "November 17, 2019 — Guards executed 30 prisoners.",
        "Update - Police arrested 40 people.",
    ],
)
def test_no_dateline(text: str) -> None:
    assert dateline(text) is None


def test_the_place_of_the_claim_not_of_the_saying() -> None:
    # (its speed, which this test once timed, is measured in benchmarks/bench_readers.py)
    text = (
        "Security forces killed at least 300 protesters in Harbour Square and near the Ministry "
        "of Intelligence in Kerevo on Monday, a spokesman told reporters in Geneva."
    )
    sentence = parse(text)
    assert claim_place(sentence, 2, 5) == "Harbour Square"
