"""Sizes of bodies: how many members a commission, committee, panel or tribunal had.

`find_body_sizes(text)` finds statements such as "a commission of three officials",
"three-person death panels", "a four-member committee", "a panel of four men", "the death
commission, made up of three clerics", "the committee had five members" and "the three
members of the death committee". Numbers come from `find_counts` (exact counts of 2..50);
the forms around them are rules over the words, no parse:

=====================================  =================================================
form                                   example
=====================================  =================================================
N-unit [modifiers] BODY                "three-person death panels", "a four-member
                                       committee", "a three-judge tribunal", "five-strong"
BODY [,] (of | made up of | composed   "a commission of three officials", "a panel of four
of | consisting of | comprising |      men", "the Death Committee, consisting of four
with) N [members]                      officials", "a board with five members"
BODY [, which] (had | has | consisted  "the committee had five members"
of | comprised) N members
the / its / all (the) N members of     "the three members of the death commission"
the BODY
=====================================  =================================================

"three members of the commission" is not a size (three of how many?). After "of N" only a
word for people or the end of the phrase may follow ("a commission of three countries" is
not a size).

Each `BodySize` names the body as the text does ("death panels"), its modifier ("death") and
head noun ("panel", singular), and its `kind`: the modifier plus "body" when there is one, so
that "death commission", "death panel" and "death committee" are one kind; else the head noun.
A body stated without a modifier takes the modifier of the nearest earlier body with the same
head noun in the text ("the death commission ... The commission, made up of four men").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tolltrace.extract.numbers import find_counts
from tolltrace.nlp.sentences import split_sentences

__all__ = ["BODY_NOUNS", "BodySize", "find_body_sizes"]

BODY_NOUNS = (
    "commission", "committee", "panel", "board", "tribunal", "council", "court", "jury",
    "bench", "delegation", "junta", "troika", "presidium", "team",
)  # fmt: skip
_PLURALS = {"jury": "juries", "bench": "benches"}
_BODY = (
    r"(?P<head>"
    + "|".join(f"{_PLURALS[n]}|{n}" if n in _PLURALS else f"{n}s?" for n in BODY_NOUNS)
    + ")"
)
_MEMBERS = (
    r"members?|persons?|people|men|man|women|woman|officials?|judges?|clerics?|mullahs?|"
    r"clergymen|officers?|individuals?|experts?|ministers?|representatives?|prosecutors?|"
    r"jurists?|jurors?|magistrates?|generals?|commissioners?|delegates?|figures?|staff"
)
_UNIT = r"member|person|man|men|woman|judge|cleric|strong|seat|officer|official"
_QUOTE = "\"'“”‘’"
_MODIFIER_WORD = rf"[{_QUOTE}]?[A-Za-z][\w-]*[{_QUOTE}]?"
_NOT_MODIFIER = frozenset(
    (
        "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our",
        "of", "and", "or", "so-called", "so", "called", "new", "same", "special", "first",
        "second", "third", "all", "each", "every", "such",
    )
)  # fmt: skip
# "three-person", "4-member": the size, not a modifier.
_SIZED = re.compile(
    r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
    r"(?:-|$)",
    re.IGNORECASE,
)
_MAX_SIZE = 50

# "three-person death panels": the count, then the unit, then up to two modifiers and the body.
_AFTER_UNIT = re.compile(
    rf"""[\s-]+(?:{_UNIT})\b[\s-]+[{_QUOTE}]?
    (?P<mods>(?:{_MODIFIER_WORD}\s+){{0,2}}?)
    {_BODY}\b[{_QUOTE}]?""",
    re.IGNORECASE | re.VERBOSE,
)
# "a commission of three", "the death commission, made up of three", "a board with five".
_BEFORE_OF = re.compile(
    rf"""(?P<mods>(?:{_MODIFIER_WORD}\s+){{0,2}})[{_QUOTE}]?{_BODY}\b[{_QUOTE}]?\s*,?\s*
    (?:(?P<with>with)|of|(?:(?:that|which|who)\s+)?(?:(?:was|were|is|are)\s+)?
      (?:made\s+up\s+of|composed\s+of|comprised\s+of|consisting\s+of|comprising|formed\s+of))
    \s+(?:only\s+|just\s+)?\Z""",
    re.IGNORECASE | re.VERBOSE,
)
# "the committee had five members".
_BEFORE_HAD = re.compile(
    rf"""(?P<mods>(?:{_MODIFIER_WORD}\s+){{0,2}})[{_QUOTE}]?{_BODY}\b[{_QUOTE}]?\s*,?\s*
    (?:(?:which|that)\s+)?(?:had|has|have|consisted\s+of|comprised|numbered)\s+(?:only\s+|just\s+)?\Z""",
    re.IGNORECASE | re.VERBOSE,
)
_MEMBERS_AFTER = re.compile(rf"\s+(?:[a-z]+\s+)?(?:{_MEMBERS})\b", re.IGNORECASE)
# After "of N" without a word for people: the end of the phrase, or a word that is not a
# plural noun ("a panel of 12 met"; not "a commission of three countries").
_ENDS_PHRASE = re.compile(r"\s*(?:[,.;:)—–]|\Z)|\s+[a-z]+\b(?<!s)(?!['’-])")
# "the three members of the death committee".
_ALL_BEFORE = re.compile(r"(?:\b(?:the|its|their|all(?:\s+of)?(?:\s+the)?)\s+)\Z", re.IGNORECASE)
_MEMBERS_OF = re.compile(
    rf"""\s+members\s+of\s+(?:the\s+|its\s+|this\s+|that\s+)?[{_QUOTE}]?
    (?P<mods>(?:{_MODIFIER_WORD}\s+){{0,2}}?){_BODY}\b[{_QUOTE}]?""",
    re.IGNORECASE | re.VERBOSE,
)
_APPOSITIVE = re.compile(
    rf"(?P<mods>(?:{_MODIFIER_WORD}\s+){{0,2}})[{_QUOTE}]?{_BODY}\b[{_QUOTE}]?\s*[,—–(]\s*"
    r"(?:(?:a|an|the)\s+)?\Z",
    re.IGNORECASE,
)
_ANY_BODY = re.compile(
    rf"(?P<mods>(?:{_MODIFIER_WORD}\s+){{0,2}})[{_QUOTE}]?{_BODY}\b", re.IGNORECASE
)


# "the death commission, made up of Ali Navar, Reza Ostani and Kamal Irvani": the members
# named one by one (a list of 2 to _MAX_SIZE names; "included" gives no size: a list may be
# partial).
_NAME = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Judge|Justice|Ayatollah|Hojatoleslam|Sheikh|General|Colonel)\.?\s+)?"
    r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|al-[\w'’-]+|bin|ibn|van|von|de|da))*"
    r"(?:\s*\([^()]{0,80}\))?"
)
_ENUMERATED = re.compile(
    rf"""(?P<mods>(?:{_MODIFIER_WORD}\s+){{0,2}})[{_QUOTE}]?{_BODY}\b[{_QUOTE}]?\s*,?\s*
    (?:(?:that|which|who)\s+)?(?:(?:was|were|is|are)\s+)?
    (?:made\s+up\s+of|composed\s+of|comprised(?:\s+of)?|consisting\s+of|consisted\s+of|
       formed\s+of|whose\s+members\s+were|(?:its\s+)?members\s+(?:were|being)|[:—–])
    \s+(?P<names>{_NAME}(?:\s*,\s*{_NAME})*,?\s+and\s+{_NAME})""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class BodySize:
    """One statement of how many members a body had."""

    body: str  # the body as the text names it: "death panels", "committee"
    modifier: str  # "death", or "" (lower case)
    head: str  # the body noun, singular: "panel"
    size: int
    text: str  # the exact words: "three-person death panels"
    start: int  # offsets of `text` in the text searched
    end: int

    @property
    def kind(self) -> str:
        """What makes two bodies the same kind: "death body", else the head noun."""
        return f"{self.modifier} body" if self.modifier else self.head


def find_body_sizes(text: str) -> list[BodySize]:
    """Every statement of a body's size in `text`, in text order."""
    found: list[BodySize] = []
    for sentence in split_sentences(text):
        for count in find_counts(sentence.text):
            if count.qualifier != "exact" or count.low is None or count.low != count.high:
                continue
            if not 2 <= count.low <= _MAX_SIZE:
                continue
            size = _size(sentence.text, count.start, count.end, count.low)
            if size is not None:
                body, mods, head, start, end = size
                offset = sentence.start
                found.append(
                    BodySize(
                        body=body,
                        modifier=mods,
                        head=head,
                        size=count.low,
                        text=text[offset + start : offset + end],
                        start=offset + start,
                        end=offset + end,
                    )
                )
        found += _enumerated(text, sentence.text, sentence.start)
    found.sort(key=lambda b: b.start)
    return _inherit_modifiers(text, found)


def _enumerated(text: str, sentence: str, offset: int) -> list[BodySize]:
    found = []
    for match in _ENUMERATED.finditer(sentence):
        names = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", _PARENTHESES.sub("", match["names"]))
        size = len([name for name in names if name.strip()])
        if not 2 <= size <= _MAX_SIZE:
            continue
        stop = match.end() - (len(match.group()) - len(match.group().rstrip(".")))
        body, mods, head, start, end = _body(match, 0, _body_start(match), stop)
        found.append(
            BodySize(body, mods, head, size, text[offset + start : offset + end],
                     offset + start, offset + end)
        )  # fmt: skip
    return found


_PARENTHESES = re.compile(r"\s*\([^()]*\)")


def _size(sentence: str, start: int, end: int, value: int) -> tuple[str, str, str, int, int] | None:
    before, after = sentence[:start], sentence[end:]
    unit = _AFTER_UNIT.match(after)
    if unit is not None:
        return _body(unit, end, start, end + unit.end())
    for pattern in (_BEFORE_OF, _BEFORE_HAD):
        body = pattern.search(before)
        if body is None:
            continue
        members = _MEMBERS_AFTER.match(after)
        needs_members = pattern is _BEFORE_HAD or bool(body.groupdict().get("with"))
        if members is None and (needs_members or not _ENDS_PHRASE.match(after)):
            continue
        stop = end + (members.end() if members is not None else 0)
        return _body(body, 0, _body_start(body), stop)
    if _ALL_BEFORE.search(before):
        members_of = _MEMBERS_OF.match(after)
        if members_of is not None:
            return _body(members_of, end, start, end + members_of.end())
    return None


def _body_start(match: re.Match[str]) -> int:
    """Where the body's name starts: its first modifier kept, else its head noun."""
    kept = len(_modifier_text(match).split())
    if not kept:
        return match.start("head")
    words = [word.start() for word in re.finditer(r"\S+", match.group("mods"))]
    return match.start("mods") + words[-kept]


def _modifier_text(match: re.Match[str]) -> str:
    """The modifier words kept, as written: no articles, numbers or "so-called"."""
    words = match.group("mods").split()
    kept: list[str] = []
    for word in reversed(words):
        bare = word.strip(_QUOTE).lower()
        if bare in _NOT_MODIFIER or _SIZED.match(bare) or not bare.replace("-", "").isalpha():
            break
        kept.insert(0, word)
    return " ".join(kept) + (" " if kept else "")


def _body(
    match: re.Match[str], offset: int, start: int, end: int
) -> tuple[str, str, str, int, int]:
    modifier = _modifier_text(match).strip()
    head_text = match.group("head")
    body = f"{modifier.strip(_QUOTE)} {head_text}".strip() if modifier else head_text
    return body, _normal(modifier), _singular(head_text), start, end


def _normal(modifier: str) -> str:
    return " ".join(word.strip(_QUOTE).lower() for word in modifier.split())


def _singular(noun: str) -> str:
    noun = noun.lower()
    if noun == "juries":
        return "jury"
    if noun.endswith("ches"):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") else noun


def _inherit_modifiers(text: str, sizes: list[BodySize]) -> list[BodySize]:
    """A body named without a modifier takes the nearest earlier one's with the same head."""
    result: list[BodySize] = []
    for size in sizes:
        if size.modifier:
            result.append(size)
            continue
        modifier = ""
        appositive = _APPOSITIVE.search(text, max(0, size.start - 80), size.start)
        if appositive is not None and _modifier_text(appositive).strip():
            modifier = _normal(_modifier_text(appositive).strip())  # "the death commission,
            # a three-member panel": one body named twice
        for mention in _ANY_BODY.finditer(text, 0, size.start + len(size.text)):
            if modifier:
                break
            if _singular(mention.group("head")) != size.head or mention.start() > size.start:
                continue
            words = _modifier_text(mention).strip()
            if words:
                modifier = _normal(words)
        if modifier:
            size = BodySize(size.body, modifier, size.head, size.size, size.text, size.start,
                            size.end)  # fmt: skip
        result.append(size)
    return result
