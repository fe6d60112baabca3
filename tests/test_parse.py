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
