"""Datelines: found at the start of a sentence, left out of its parse, and no longer read as the
sentence's subject. Sentences are invented (Valdoria: Sarenna, Kerevo, Port Arlen)."""

from __future__ import annotations

import pytest

from tolltrace.extract.claims import find_claims
from tolltrace.model import Claim
from tolltrace.nlp.datelines import dateline_length
from tolltrace.nlp.parse import parse_sentences
from tolltrace.nlp.sentences import split_sentences


@pytest.mark.parametrize(
    ("sentence", "dateline"),
    [
        ("SARENNA, April 3, 2031 — Soldiers killed 40.", "SARENNA, April 3, 2031 — "),
        ("SARENNA, April 3, 2031—Soldiers killed 40.", "SARENNA, April 3, 2031—"),
        ("SARENNA, April 3, 2031 - Soldiers killed 40.", "SARENNA, April 3, 2031 - "),
        ("SARENNA (Valdoria Wire) - Soldiers killed 40.", "SARENNA (Valdoria Wire) - "),
        ("KEREVO -- Police detained 12.", "KEREVO -- "),
        ("PORT ARLEN, Valdoria (VNA) — Two died.", "PORT ARLEN, Valdoria (VNA) — "),
        ("PORT ARLEN, Valdoria, May 2 (Wire) - Two died.", "PORT ARLEN, Valdoria, May 2 (Wire) - "),
        ("Sarenna, 3 April 2031 — Soldiers killed 40.", "Sarenna, 3 April 2031 — "),
        ("Sarenna (Valdoria Wire) – Soldiers killed 40.", "Sarenna (Valdoria Wire) – "),
        ("(Valdoria Wire) -Soldiers killed 40.", "(Valdoria Wire) -"),
        ("KEREVO — 40 protesters were killed.", "KEREVO — "),
        ("- Soldiers killed 40.", "- "),  # what the splitter left after "KEREVO (Wire)"
    ],
)
def test_dateline_forms(sentence: str, dateline: str) -> None:
    assert sentence[: dateline_length(sentence)] == dateline


@pytest.mark.parametrize(
    "sentence",
    [
        "Jon Arven — a teacher from Kerevo — was shot on Monday.",  # a name, then an aside
        "Sarenna — the capital — was quiet on Friday.",  # a place with no date nor service
        "The VHRM - which counted 40 dead - said so.",
        "US-Led forces killed 4 people.",  # a hyphen inside a word
        "NATO — the alliance — said nothing.",  # lower case after the dash
        "Soldiers killed 40 protesters in Sarenna.",
        "SARENNA, April 3, 2031 —",  # nothing after it
    ],
)
def test_not_a_dateline(sentence: str) -> None:
    assert dateline_length(sentence) == 0


def test_the_parse_leaves_the_dateline_out_and_keeps_exact_offsets() -> None:
    text = (
        "Intro line.\n\nSARENNA, April 3, 2031 — Soldiers killed 40 protesters, the Monitor said."
    )
    sentence = split_sentences(text)[1]
    (parsed,) = parse_sentences(text, [sentence])
    assert (parsed.start, parsed.end, parsed.text) == (sentence.start, sentence.end, sentence.text)
    assert parsed.tokens[0].text == "Soldiers"
    assert parsed.tokens[0].head != 0 or parsed.tokens[0].dep != "ROOT"
    for token in parsed.tokens:
        assert text[token.start : token.end] == token.text
    assert parsed.span_text(0, 2) == "Soldiers killed 40"


def _claims(text: str) -> list[Claim]:
    drafts: list[Claim] = []
    for parsed in parse_sentences(text, split_sentences(text)):
        drafts.extend(find_claims(parsed, "2031-04-03", text))
    return drafts


@pytest.mark.parametrize(
    "dateline",
    [
        "KEREVO -- ",
        "KEREVO, Valdoria (VNA) — ",
        "KEREVO, April 3, 2031—",
        "PORT ARLEN, Valdoria, April 3 (Valdoria Wire) - ",
        "(Valdoria Wire) - ",
    ],
)
@pytest.mark.parametrize(
    ("body", "claim", "perpetrator", "source"),
    [
        (
            "Soldiers killed 40 protesters in the capital, the Monitor said.",
            "killed 40 protesters",
            "Soldiers",
            "Monitor",
        ),
        (
            "Riot police detained 230 students on Friday, the Interior Ministry said.",
            "detained 230 students",
            "Riot police",
            "Interior Ministry",
        ),
        (
            "Gunmen abducted 17 schoolgirls overnight, local officials said on Sunday.",
            "abducted 17 schoolgirls",
            "Gunmen",
            "local officials",
        ),
    ],
)
def test_a_dateline_is_neither_the_perpetrator_nor_in_the_way_of_the_source(
    dateline: str, body: str, claim: str, perpetrator: str, source: str
) -> None:
    text = dateline + body
    (draft,) = _claims(text)
    assert text[draft.start : draft.end] == claim
    assert (draft.perpetrator, draft.attributed_to) == (perpetrator, source)
    assert draft.sentence.endswith(body)


def test_a_count_right_after_a_dateline_is_read() -> None:
    text = "PORT ARLEN, Valdoria (VNA) -- Twelve prisoners were hanged at dawn, the VHRM said."
    (draft,) = _claims(text)
    assert (draft.low, draft.category, draft.attributed_to) == (12, "executed", "VHRM")
    assert text[draft.start : draft.end] == "Twelve prisoners were hanged"


def test_the_dateline_still_gives_the_place() -> None:
    text = "KEREVO -- Soldiers killed 40 protesters on Friday, the Monitor said."
    (draft,) = _claims(text)
    assert draft.where == "KEREVO"
