"""The parse records: the memoised attribute ruler and lemmatizer give exactly what spaCy's own
components give, and a sentence parsed before is reused at its new offsets.

Sentences are invented (Valdoria, Kerevo, Harbour Square, Port Arlen).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import spacy

from tolltrace.nlp import parse
from tolltrace.nlp.parse import MODEL, ParsedSentence, load_model, parse_sentences
from tolltrace.nlp.sentences import Sentence, split_sentences

# Chosen to reach every kind of rule in the model's attribute ruler: the tag map, words with a
# tag ("her", "that", "something"), dependencies ("it" as subject and object, auxiliaries,
# "there were"), two-word patterns ("gonna", "gotta", "let's", "y'all", "c'mon", "ain't"),
# whitespace tokens, and lemmas of nouns, verbs, adjectives and proper names.
SENTENCES = (
    "Police in Kerevo said 12 people were killed and 40 injured on Monday.",
    "There were at least 300 protesters in Harbour Square, but it was quiet by night.",
    "I told them they're gonna release her brother, and you know it.",
    "We gotta find the missing students before they are moved again, y'all.",
    "Let's say something: nobody ain't seen anything like that since 1988.",
    "C'mon, the guards beat him  and\nkept the others in custody for days.",
    "Dozens of detainees had been hanged at the prison, the Monitor's report said.",
    "Does the ministry deny that it detained 1,200 people?  It did.",
    '"They shot my son," she said, adding that doctors had removed two bullets.',
    "The youngest victims were aged 9 and 11; their families fled to Port Arlen.",
    "Smaller, older and better-armed units were seen around the  Harbour   Square.",
    "Children's bodies lay in the streets while soldiers were firing at mourners.",
)


@cache
def _reference() -> Any:
    """spaCy's own pipeline (attribute ruler and lemmatizer run as components), no NER."""
    return spacy.load(MODEL, exclude=["ner"])


def _as_tuple(parsed: ParsedSentence) -> tuple[object, ...]:
    return (parsed.start, parsed.end, parsed.text, parsed.tokens, parsed.children)


def test_memoised_attributes_equal_spacys_own_components() -> None:
    sentences = [Sentence(0, len(text), text) for text in SENTENCES]
    expected = [
        parse._convert(sentence, doc)
        for sentence, doc in zip(sentences, _reference().pipe(SENTENCES), strict=True)
    ]
    parse._RECENT.clear()
    # Twice: once filling the memo, once reading from it.
    for _ in range(2):
        parse._RECENT.clear()
        got = parse_sentences("", sentences)
        assert [_as_tuple(p) for p in got] == [_as_tuple(p) for p in expected]


def test_the_memoised_components_are_not_run_by_spacy() -> None:
    assert load_model().pipe_names == ["tok2vec", "tagger", "parser"]
    assert parse._pipeline(MODEL).attributes is not None


def test_a_sentence_parsed_before_is_reused_at_its_new_offsets() -> None:
    words = "Guards detained 40 students in Kerevo."
    text = f"{words} The vigil went on.\n\n{words}"
    first, _, again = split_sentences(text)
    (one,) = parse_sentences(text, [first])
    (two,) = parse_sentences(text, [again])
    assert (two.start, two.end) == (again.start, again.end)
    assert [text[t.start : t.end] for t in two.tokens] == [t.text for t in one.tokens]
    assert [(t.lemma, t.tag, t.dep, t.head) for t in two.tokens] == [
        (t.lemma, t.tag, t.dep, t.head) for t in one.tokens
    ]
    assert two.children == one.children


def test_repeated_sentences_in_one_call_are_each_placed() -> None:
    words = "Twelve people were arrested."
    text = f"{words} {words}"
    sentences = split_sentences(text)
    parsed = parse_sentences(text, sentences)
    assert [(p.start, p.end) for p in parsed] == [(s.start, s.end) for s in sentences]
    for p in parsed:
        assert all(text[t.start : t.end] == t.text for t in p.tokens)


def _tokens(text: str) -> dict[str, tuple[str, str, str]]:
    (parsed,) = parse_sentences(text, split_sentences(text))
    assert all(text[t.start : t.end] == t.text for t in parsed.tokens)  # the words as written
    return {t.text: (t.tag, t.lemma, t.dep) for t in parsed.tokens}


def test_a_headline_in_title_case_is_parsed_as_running_text() -> None:
    headline = "1 Dead, at Least 10 Injured at Kerevo Depot"
    tokens = _tokens(headline)
    assert tokens["Injured"][:2] == ("VBN", "injure")  # not a proper name
    assert tokens["Kerevo"][0] == "NNP"  # a name stays a name
    # the same words in a document that writes them as names elsewhere keep their capitals
    text = f"{headline}\n\nThe guards of Kerevo Injured Street said so."
    assert parse._Casing(text)(headline) == "1 Dead, at least 10 Injured at Kerevo Depot"
    assert parse._Casing(headline)(headline) == "1 Dead, at least 10 injured at Kerevo Depot"


def test_a_headline_in_capitals_is_parsed_as_running_text() -> None:
    tokens = _tokens("TWO PORTERS REMAIN IN CRITICAL CONDITION AFTER THE KEREVO DEPOT ATTACK")
    assert tokens["CRITICAL"][:2] == ("JJ", "critical")
    assert tokens["KEREVO"][0] == "NNP"


def test_running_text_is_parsed_as_written() -> None:
    text = "Mira Voss Said The Dead Were Many."  # too few words to be a headline's
    assert [t.lemma for t in parse_sentences(text, split_sentences(text))[0].tokens][:2] == [
        "mira",
        "voss",
    ]


def test_an_irregular_past_misread_as_a_present_is_a_past() -> None:
    tokens = _tokens("A brawl in Kerevo left one dead and 11 others shot, the chief said.")
    assert tokens["shot"][:2] == ("VBD", "shoot")
    # a present of another verb is no misreading: "they wound", "they found"
    assert _irregular_pasts_exclude("wound", "found", "saw")


def _irregular_pasts_exclude(*forms: str) -> bool:
    return not set(forms) & set(parse._irregular_pasts())
