"""Offices a person held, read around each mention of the person, with their time.

Three ways English attaches an office to a name:

- a title before it: "then-Minister of Justice Dariel Vost", "prosecutor Lena Korr";
- an apposition after it: "Dariel Vost, head of Branch 12 of the High Court," or
  "Dariel Vost, who was a member of the review commission";
- an apposition before it: "the current president of the republic, Dariel Vost".

Time: "then-" (or "then" after "who was") means when the text's event is, read as the year
nearest the office in its sentence, else in the sentences just before; "current" or "now"
means the document's publication date; a year range or "in 1999" right after the office
says it outright. Otherwise `when` is None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tolltrace.model import Role
from tolltrace.nlp.titles import DROPPED_WORDS, NOW_WORDS, THEN_WORDS, title_before, word_kind

_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "whose"})
_STOP_WORDS = frozenset({"who", "which", "that", "said", "says", "told", "has", "had", "was"})
_BOUNDARY_WORDS = frozenset(
    {"including", "and", "by", "with", "as", "like", "said", "says", "told", "that", "when"}
    | {"while", "because", "against", "whom", "but", "or", "among"}
)
_WORD = re.compile(r"[^\W_][\w.'’\-]*")
_AFTER = re.compile(
    r",\s+(?:who\s+(?:(?:was|is|had\s+been|has\s+been|became|served\s+as)\s+)(?:then\s+)?)?"
)
_PHRASE_END = re.compile(r"[,;:()\[\]\n.!?\"“”]|\s[-–—]\s")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_SPAN_AFTER = re.compile(
    r"\s*(?:\(\s*(?P<a>1[89]\d\d|20\d\d)\s*[-–—]\s*(?P<b>1[89]\d\d|20\d\d)\s*\)"
    r"|from\s+(?P<c>1[89]\d\d|20\d\d)\s+(?:to|until)\s+(?P<d>1[89]\d\d|20\d\d)"
    r"|in\s+(?P<e>1[89]\d\d|20\d\d)|since\s+(?P<f>1[89]\d\d|20\d\d))\b"
)
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]?\s+(?=[A-Z\"“])|\n")
_MAX_PHRASE_WORDS = 14
_HEAD_WITHIN = 4
_LOOK_BACK = 600  # characters of earlier sentences searched for the year of a "then-" office


def find_roles(
    doc_id: str, text: str, start: int, end: int, published: str | None = None
) -> list[Role]:
    """The offices the text gives the person named at text[start:end]."""
    roles: list[Role] = []
    title = title_before(text, start)
    if title is not None and title.office:
        role = _role(doc_id, text, title.start, title.end, published)
        if role is not None:
            roles.append(role)
    after = _apposition_after(text, end)
    if after is not None:
        role = _role(doc_id, text, after[0], after[1], published, then=after[2])
        if role is not None:
            roles.append(role)
    before = _apposition_before(text, start)
    if before is not None:
        role = _role(doc_id, text, before[0], before[1], published)
        if role is not None:
            roles.append(role)
    return roles


def _apposition_after(text: str, end: int) -> tuple[int, int, bool] | None:
    opening = _AFTER.match(text, end)
    if opening is None:
        return None
    stop = _PHRASE_END.search(text, opening.end())
    phrase_end = stop.start() if stop else len(text)
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, opening.end(), phrase_end)]
    for index, (s, e) in enumerate(words):
        if text[s:e].lower() in _STOP_WORDS:
            words = words[:index]
            break
    span = _office_phrase(text, words)
    if span is None:
        return None
    return span[0], span[1], " then " in f" {text[end : opening.end()].lower()} "


def _apposition_before(text: str, start: int) -> tuple[int, int] | None:
    head = text[max(0, start - 3) : start]
    if not head.endswith(", ") or head.endswith("., "):
        return None
    phrase_end = start - 2
    low = max(0, phrase_end - 160)
    breaks = list(_PHRASE_END.finditer(text, low, phrase_end))
    phrase_start = breaks[-1].end() if breaks else low
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, phrase_start, phrase_end)]
    for index in range(len(words) - 1, -1, -1):
        s, e = words[index]
        if text[s:e].lower() in _BOUNDARY_WORDS:
            words = words[index + 1 :]
            break
    return _office_phrase(text, words)


def _office_phrase(text: str, words: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The office in a short apposition: a head word early on ("the regime's supreme leader")."""
    if not words or len(words) > _MAX_PHRASE_WORDS:
        return None
    kinds = [word_kind(text[s:e]) for s, e in words]
    head = next((i for i, kind in enumerate(kinds) if kind == "head" and _heads(kinds, i)), None)
    if head is None:
        return None
    first = 0
    for index in range(head):
        s, e = words[index]
        word = text[s:e].lower()
        if word in _DETERMINERS or word.endswith(("'s", "’s")):
            first = index + 1
        elif kinds[index] == "connector":
            return None  # "the leader of the group" is fine, "a friend of the leader" is not
    if head - first >= _HEAD_WITHIN:
        return None
    return words[first][0], words[-1][1]


def _heads(kinds: Sequence[str], index: int) -> bool:
    # An office word heads the phrase when nothing but another title word or a connector
    # follows it: "supreme leader", "head of ..."; not "official media".
    return index + 1 == len(kinds) or kinds[index + 1] != ""


def _role(
    doc_id: str, text: str, start: int, end: int, published: str | None, then: bool = False
) -> Role | None:
    quote = text[start:end]
    words = quote.split()
    first = words[0].lower().split("-")[0] if words else ""
    then = then or first in THEN_WORDS
    now = first in NOW_WORDS
    title = quote
    while title and title.split("-")[0].split()[0].lower() in DROPPED_WORDS:
        cut = re.match(r"\S+?(?:-|\s+)", title)
        if cut is None:
            break
        title = title[cut.end() :]
    if not title or word_kind(title.split()[-1]) == "connector":
        return None
    when = _stated_span(text, end)
    if when is None and then:
        when = _event_year(text, start, end)
    if when is None and now:
        when = published
    return Role(title=title, when=when, quote=quote, document=doc_id, start=start, end=end)


def _stated_span(text: str, end: int) -> str | None:
    found = _SPAN_AFTER.match(text, end)
    if found is None:
        return None
    if found.group("a"):
        return f"{found.group('a')}/{found.group('b')}"
    if found.group("c"):
        return f"{found.group('c')}/{found.group('d')}"
    if found.group("e"):
        return found.group("e")
    return f"{found.group('f')}/.."


def _event_year(text: str, start: int, end: int) -> str | None:
    """The year nearest the office in its sentence, else the latest year just before it."""
    low = max(0, start - _LOOK_BACK)
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, low, start)]
    sentence_start = breaks[-1] if breaks else low
    after = _SENTENCE_BREAK.search(text, end)
    sentence_end = after.start() + 1 if after else len(text)
    years = [m for m in _YEAR.finditer(text, sentence_start, sentence_end)]
    if years:
        nearest = min(years, key=lambda m: min(abs(m.start() - end), abs(m.end() - start)))
        return nearest.group()
    earlier = list(_YEAR.finditer(text, low, sentence_start))
    return earlier[-1].group() if earlier else None
