import pytest
import syntok.segmenter as segmenter

from tolltrace.extract import injuries, lexicon
from tolltrace.nlp.sentences import (
    _single_sentence,
    may_count,
    may_harm,
    names_victim,
    needs_parse,
    split_sentences,
)

TEXT = (
    "Guards in Koss detained 40 students on Monday, the Monitor said. Mr. Varo denied it.\n\n"
    "The ministry's statement was brief.The vigil went on until dawn."
)


def test_sentences_carry_exact_offsets() -> None:
    sentences = split_sentences(TEXT)
    assert [s.text for s in sentences] == [
        "Guards in Koss detained 40 students on Monday, the Monitor said.",
        "Mr. Varo denied it.",
        "The ministry's statement was brief.",
        "The vigil went on until dawn.",
    ]
    for sentence in sentences:
        assert TEXT[sentence.start : sentence.end] == sentence.text


def test_an_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == ()
    assert split_sentences("   \n\n ") == ()


def test_only_sentences_that_may_state_a_count_or_a_victim_need_a_parse() -> None:
    assert needs_parse("Guards detained 40 students.")
    assert needs_parse("Dozens were taken to hospital.")
    assert needs_parse("Tomas Varo was hanged at dawn.")
    assert needs_parse("Guards said she was tortured in custody.")
    assert not needs_parse("Protesters gathered in the square.")  # no count, no one named
    assert not needs_parse("The ministry's statement was brief.")
    assert not needs_parse("The vigil went on until dawn.")


def test_a_count_with_no_word_of_harm_needs_no_parse() -> None:
    assert not needs_parse("The Kerevo choir has 300 members.")
    assert not needs_parse("Sarenna won 3-1 on Sunday.")
    assert needs_parse("Seven others were rushed to Kerevo Medical Center.")
    assert needs_parse("Four homicides were reported in Kerevo last month.")
    assert needs_parse("The town lost three children in a week.")


# Lemmas the filter sees only in their inflected forms ("gunned down", "rounded up").
_INFLECTED = {"gun": "gunned", "round": "rounded up", "march": "marched", "stone": "stoned"}
_CATEGORY_WORDS = sorted(
    {*lexicon.TRANSITIVE, *lexicon.INTRANSITIVE, *lexicon.NOMINAL, *lexicon.HOLDERS,
     *(noun for _, noun in lexicon.COMPLEMENTS), *lexicon.FATAL_EVENT, *lexicon.FATAL,
     *lexicon.NONFATAL, *injuries.WOUND_NOUNS}
)  # fmt: skip


@pytest.mark.parametrize("word", _CATEGORY_WORDS)
def test_every_word_of_a_category_lets_a_count_be_parsed(word: str) -> None:
    """The filter and the claim rules agree: a count next to any word the rules read as a
    category is parsed (a word missing from the filter would silently lose its claims)."""
    assert may_harm(f"Officials said 12 {_INFLECTED.get(word, word)}.")


def _syntok_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets as `syntok.segmenter.analyze` gives them (the reference)."""
    found = []
    for paragraph in segmenter.analyze(text):
        for tokens in paragraph:
            if tokens:
                found.append((tokens[0].offset, tokens[-1].offset + len(tokens[-1].value)))
    return found


def test_offsets_equal_syntoks_own_analysis() -> None:
    """Regression: paragraphs are tokenised from offset 0 (syntok pads them with spaces up to
    their offset otherwise); sentences and offsets must not change for it."""
    text = (
        "  Kerevo, March 3 (VNA) - Guards detained 40 students.They were freed.\n"
        "A second line of the same paragraph (Mr. Varo said so), went on...\n\n\n"
        "   \n\n"
        "“Twelve were killed,” the Monitor said. Don't they know? Yes!\r\n\r\n"
        "Hyphen-\nated words stay apart. Last one"
    )
    expected = _syntok_sentences(text)
    sentences = split_sentences(text)
    assert [(s.start, s.end) for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert len(sentences) >= 8


def test_a_paragraph_of_one_sentence_is_what_syntok_would_give() -> None:
    """Paragraphs with nothing that may end a sentence before their end skip syntok: the
    offsets must be syntok's own, spaces and zero-width spaces around them left out."""
    text = (
        "Guards detained 40 students in Kerevo on Monday\n\n"
        "  \u200bTwelve porters were hurt on Harbour Street, the Monitor said.  \n\n"
        "KEREVO (Wire) - Two guards were shot\n\n"
        "Five were hurt; two were held\n\n"
        "\u200b\n\n"
        "The 13-year-old was shot, police said.He was later named"
    )
    expected = _syntok_sentences(text)
    sentences = split_sentences(text)
    assert [(s.start, s.end) for s in sentences] == expected
    assert len(sentences) == 7
    assert _single_sentence(" Two guards were shot. ") == (1, 22)  # the fast path is taken
    assert _single_sentence("Two were shot. One died.") is None


def test_a_count_or_a_victim_is_what_the_cheap_tests_look_for() -> None:
    assert may_count("Guards detained 40 students.")
    assert may_count("Dozens were taken to hospital.")
    assert not may_count("Tomas Varo was hanged at dawn.")
    assert names_victim("Tomas Varo was hanged at dawn.")
    assert not names_victim("Guards detained 40 students.")  # a count, not a named person


def test_only_the_paragraphs_asked_for_are_split() -> None:
    """Splitting skips the paragraphs `within` rejects; the others keep their sentences and
    offsets, and no sentence a parse needs sits in a rejected paragraph."""
    text = (
        "Home | News | Sport | Weather\n\n"
        "Guards detained 40 students in Koss. The vigil went on.\n\n"
        "Share this story on social media\n\n"
        "He died at the scene, police said."
    )
    every = split_sentences(text)
    some = split_sentences(text, within=needs_parse)
    assert [s.text for s in some] == [
        "Guards detained 40 students in Koss.",
        "The vigil went on.",
        "He died at the scene, police said.",
    ]
    assert set(some) <= set(every)
    assert [s for s in every if needs_parse(s.text)] == [s for s in some if needs_parse(s.text)]


def test_an_abbreviated_month_before_a_day_ends_no_sentence() -> None:
    text = "Hearings are set for Sept. 8-12 and Oct. 3 in Kerevo. They came in Oct. The court sat."
    assert [s.text for s in split_sentences(text)] == [
        "Hearings are set for Sept. 8-12 and Oct. 3 in Kerevo.",
        "They came in Oct.",
        "The court sat.",
    ]


def test_the_shooting_as_an_event_names_no_victim() -> None:
    """ "the shooting happened", "the shooter fled", "shootings": no victim to parse for; a
    verb with its victim ("shooting his friend") and an arrest ("was captured") still are."""
    assert not names_victim("Officer Voss says the shooting occurred in south Kerevo on Sunday.")
    assert not names_victim("Guards said the shootings and the shootout were linked.")
    assert names_victim("The guard admitted shooting his cousin at the depot.")
    assert names_victim("The suspected shooter, Tam Arven, was captured on Saturday.")
    assert names_victim("The guard was shot in the leg.")
