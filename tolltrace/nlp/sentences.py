"""Sentences with offsets (syntok), and the cheap test of which ones need a parse.

Most sentences of an article state no figure and no violence; parsing only the rest is what
keeps extraction fast. The test errs on the side of parsing: a missed sentence is a missed
claim, an extra one only costs time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import syntok.segmenter as segmenter
from syntok.tokenizer import Tokenizer

from tolltrace.extract import lexicon as lx


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # offsets into the clean text
    end: int
    text: str


# Numbers written as words, and the vague magnitudes, as they open a count.
_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundreds?|thousands?|millions?|dozens?|scores|handful|several|many|"
    r"numerous|countless"
)
_COUNT = re.compile(rf"\d|\b(?:{_NUMBER_WORDS})\b", re.IGNORECASE)
_PERSON_WORDS = (
    r"man|woman|boy|girl|teen|teenager|child|person|officer|student|activist|journalist|victim|"
    r"prisoner|resident|driver|worker|protester|soldier|civilian|baby|infant|youth|suspect|"
    r"guard|teacher|farmer|blogger|lawyer|doctor|nurse|dissident|detainee|inmate|cleric|"
    r"pedestrian|bystander|individual|son|daughter|mother|father|brother|sister|husband|wife|"
    r"clerk|male|female|hunter|homeowner|motorist|cyclist|roommate|fianc[eé]e?|step(?:son|daughter)|"
    r"grand(?:son|daughter)|mom|dad|firefighter|toddler|teen|deceased"
)
# A single victim is a claim of one: near a violence word, a capitalised name ("Jon Arven",
# "Mira LaVoss", or "Arven was", "Arven died", "Arven, who", "Arven suffered"), a pronoun, a
# word for a person (with or without an article: headlines drop it, "Man shot in Kerevo",
# "killing of police officer") or an age ("18-year-old").
_PERSON = re.compile(
    r"\b(?:[A-Z][a-z]*[A-Z]?[a-z]+(?:\s+[A-Z][a-z]*[A-Z]?[a-z'-]+)+|(?i:he|she|his|her|him|both)|"
    r"(?!(?:It|This|That|There|They|We|What|Which|Who|Here|Few|Police)\b)"
    r"[A-Z][a-z]*[A-Z]?[a-z]+"
    r"(?=,?\s+(?:was|is|had|has|died|who|suffered|sustained|remains|remained|in\s+the)\b)|"
    rf"(?i:{_PERSON_WORDS})|(?:\d+|[a-z]+)[- ](?:year|month|week)s?[- ]old)\b"
)
_ONE_VICTIM_WINDOW = 60


def split_sentences(text: str, within: Callable[[str], bool] | None = None) -> tuple[Sentence, ...]:
    """Every sentence of `text` with its offsets; paragraphs never share a sentence.

    What `syntok.segmenter.analyze` does, except that each paragraph is tokenised from offset
    0 and its offset added afterwards: given an offset, syntok's tokeniser pads the paragraph
    with that many spaces, which made splitting a long text quadratic. With `within`, only
    the paragraphs it accepts are split (splitting is a fifth of the extract stage's time).
    """
    sentences: list[Sentence] = []
    tokenizer = Tokenizer(replace_not_contraction=False)  # as `analyze` builds it
    original = text
    text = _CITATION.sub(lambda mark: " " * len(mark.group()), text)
    text = _CELL_BAR.sub("\n\n\n", text)  # "Killed 45 | Injured 120": cells of a table row
    for offset, paragraph in segmenter.preprocess_with_offsets(text):
        if within is not None and not within(paragraph):
            continue
        if (single := _single_sentence(paragraph)) is not None:
            if single[0] < single[1]:  # what syntok gives it, without the cost
                start, end = offset + single[0], offset + single[1]
                sentences.append(Sentence(start, end, original[start:end]))
            continue
        first = len(sentences)
        for tokens in segmenter.segment(tokenizer.tokenize(paragraph)):
            if not tokens:
                continue
            start = offset + tokens[0].offset
            end = offset + tokens[-1].offset + len(tokens[-1].value)
            previous = sentences[-1] if len(sentences) > first else None
            if (
                previous is not None
                and _ABBREVIATED_MONTH.search(previous.text)
                and text[start : start + 1].isdigit()
            ):  # "Sept. | 20-24": one date, one sentence
                sentences[-1] = Sentence(previous.start, end, original[previous.start : end])
                continue
            sentences.append(Sentence(start, end, original[start:end]))
    return tuple(sentences)


# A citation mark of an encyclopedia or a report ("[4]", "[12][13]", "[a]", "[citation
# needed]"): blank to the splitter, so that "... killed.[4]Police said" is two sentences and a
# mark at a sentence's end is no part of it. Offsets are kept: the mark becomes spaces.
# A bar between spaces separates the cells of a scraped table row or a menu: a paragraph
# break to the splitter (the same length, so offsets hold).
_CELL_BAR = re.compile(r" \| ")
_CITATION = re.compile(r"\[(?:\d{1,4}|[a-z]|citation needed|note \d+)\]", re.IGNORECASE)


# Where syntok may end a sentence inside a paragraph: a full stop, a question or an exclamation
# mark, an ellipsis, a semicolon, a closing bracket ("KEREVO (Wire) - ..."), a line break.
_MAY_END = re.compile(r"[.!?…;)\n]")
_ZERO_WIDTH = "\u200b\ufeff"  # spaces to syntok, not to `str.strip`


def _single_sentence(paragraph: str) -> tuple[int, int] | None:
    """The offsets of a paragraph that syntok would give as one sentence (its words without
    the spaces around them), or None when it may hold several: nothing can end a sentence
    before its last character."""
    body = paragraph
    while body != (stripped := body.strip().strip(_ZERO_WIDTH)):
        body = stripped
    if not body:
        return len(paragraph), len(paragraph)
    start = paragraph.find(body)
    end = start + len(body)
    if _MAY_END.search(paragraph, start, end - 1):
        return None
    return start, end


# A sentence that syntok ends on a month's abbreviation ("... on Sept.") before a day.
_ABBREVIATED_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\Z")


# "shootings", "the shooter", "a shootout"; "the shooting", "Sunday's fatal shooting" (not
# "shooting his friend", a verb with its victim).
_SHOOT_NOUN = re.compile(r"shoot(ings|ers?|outs?|ing)\b", re.IGNORECASE)
_EVENT_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|this|that|fatal|deadly|double|triple|quadruple|mass|drive-by|"
    r"accidental|apparent|police|officer-involved|weekend|latest|overnight|another|first|"
    r"second|deadliest)|['’]s)\s+\Z",
    re.IGNORECASE,
)


def _names_event(sentence: str, start: int) -> bool:
    noun = _SHOOT_NOUN.match(sentence, start)
    if noun is None:
        return False
    if noun.group(1).lower() != "ing":
        return True
    return _EVENT_BEFORE.search(sentence, max(0, start - 40), start) is not None


def may_count(sentence: str) -> bool:
    """True when a sentence has a digit or a number word (it may state a count)."""
    return bool(_COUNT.search(sentence))


def needs_parse(sentence: str) -> bool:
    """True when a sentence may state a count of people harmed (a number and a word of harm,
    custody, protest or flight), or name one victim of violence or repression (true of a
    paragraph when it is of any of its sentences)."""
    return may_harm(sentence) or names_victim(sentence)


def may_harm(sentence: str) -> bool:
    """True when a sentence has a number and a word the claim rules read as a category (the
    stems of the reading profiles in use, `extract.lexicon`): a count with none ("The club has
    300 members") is no claim, and is not worth a parse."""
    return bool(_COUNT.search(sentence)) and bool(lx.HARM_PATTERN.search(sentence))


def names_victim(sentence: str) -> bool:
    """True when a person (a name, a pronoun, "a 31-year-old man") is near a violence word;
    not the shooting as an event or its gunman ("the shooting happened", "the shooter fled"),
    which names no victim (7% of the sentences parsed in gva reports; 4 claims in 1,500 reports
    came from them, 2 of which "apprehended" and "captured" still find)."""
    for violence in lx.VIOLENCE_PATTERN.finditer(sentence):
        if _names_event(sentence, violence.start()):
            continue
        start = max(0, violence.start() - _ONE_VICTIM_WINDOW)
        if _PERSON.search(sentence, start, violence.end() + _ONE_VICTIM_WINDOW):
            return True
    return False
