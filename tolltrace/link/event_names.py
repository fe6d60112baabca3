"""Named events in a text: "the 1988 massacre", "the November 2019 protests", "the AMIA bombing".

English names an event by its kind (a head noun: massacre, protests, bombing...) modified by
its time ("the 1988 massacre", "the massacre of 1988", "the November uprisings") or by a proper
name ("the AMIA bombing", "the Harbour Square killings"). Each mention gets a key that is the
same for every way of writing the same name: the kind's family ("killings" and "massacre" are
one family, "protests" and "uprising" another), then the year and month, else the proper
modifier in lower case. A month without a year takes the year of the publication date (the
most recent such month not after it); a time relative to it ("last week's protests", "this
month's unrest") is resolved against it too.

A crackdown is the state's answer to protests, and English counts the dead of one as the dead
of the other ("killed in the March protests", "killed in the March crackdown"), so both are one
family. Lower-case nouns between a proper modifier and the head are part of the name but not of
its key ("the Halvorn prison massacre" = "the Halvorn massacre").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from tolltrace.link.event_similarity import parse_day

_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_MONTH_RE = "|".join(m.capitalize() for m in _MONTHS)

# Head noun -> the family that makes two names one event ("massacre" = "killings").
FAMILIES: dict[str, str] = {
    "massacre": "massacre", "massacres": "massacre", "killings": "massacre",
    "slaughter": "massacre", "executions": "massacre", "genocide": "massacre",
    "protests": "protests", "protest": "protests", "uprising": "protests",
    "uprisings": "protests", "demonstrations": "protests", "unrest": "protests",
    "riots": "protests", "revolt": "protests",
    "bombing": "bombing", "bombings": "bombing", "blast": "bombing", "explosion": "bombing",
    "attack": "attack", "attacks": "attack", "ambush": "attack", "raid": "attack",
    "siege": "attack", "shooting": "shooting", "shootings": "shooting",
    "crackdown": "protests", "war": "war", "revolution": "revolution",
}  # fmt: skip
_HEADS = "|".join(sorted(FAMILIES, key=len, reverse=True))
# Heads too common to name an event after a single capitalised word ("the Chicago shooting").
_WEAK_HEADS = frozenset({"shooting", "shootings", "attack", "attacks", "raid", "war"})
_NOT_MODIFIERS = frozenset({
    "the", "a", "an", "this", "that", "last", "first", "second", "third", "recent", "latest",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "sunday's",
    "police", "mass", "deadly", "fatal", "terror", "terrorist", "suicide", "school",
})  # fmt: skip

_FUNCTION_WORDS = frozenset({
    "and", "but", "for", "the", "that", "this", "these", "those", "was", "were", "are", "has",
    "had", "have", "said", "says", "who", "which", "after", "before", "during", "since", "from",
    "into", "with", "over", "under", "about", "its", "his", "her", "their", "our", "not",
})  # fmt: skip

_PROPER = r"(?:[A-Z][A-Za-z'’.-]*|[A-Z]{2,})"
_TIME_FIRST = re.compile(
    rf"\b[Tt]he\s+(?:(?P<month>{_MONTH_RE})\s+)?(?P<year>1[89]\d\d|20\d\d)?\s*"
    rf"(?P<head>{_HEADS})\b"
)
_TIME_AFTER = re.compile(
    rf"\b[Tt]he\s+(?P<head>{_HEADS})\s+(?:(?:of|against)\s+(?:[a-z]+\s+){{0,3}})?"
    rf"(?:of|in)\s+(?:(?P<month>{_MONTH_RE})\s+)?(?P<year>1[89]\d\d|20\d\d)\b"
)
_NAME_FIRST = re.compile(
    rf"\b[Tt]he\s+(?:(?P<year>1[89]\d\d|20\d\d)[ \t]+)?"
    rf"(?P<name>{_PROPER}(?:[ \t]+{_PROPER}){{0,3}})(?P<nouns>(?:[ \t]+[a-z]{{3,}}){{0,2}})"
    rf"[ \t]+(?P<head>{_HEADS})\b"
)
_RELATIVE = re.compile(
    rf"\b(?P<which>last|this|past)[ \t]+(?P<unit>week|month|year)(?:'|’)s[ \t]+"
    rf"(?P<head>{_HEADS})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class NamedMention:
    """One mention of a named event in a text."""

    start: int
    end: int
    text: str  # the exact words, "the 1988 massacre"
    key: str  # the same for every way of writing the same name: "massacre|1988"
    family: str  # massacre, protests, bombing...
    year: int | None
    month: int | None

    @property
    def when(self) -> str | None:
        if self.year is None:
            return None
        return f"{self.year}-{self.month:02d}" if self.month else str(self.year)


def named_mentions(text: str, published: str | None = None) -> list[NamedMention]:
    """Every named-event mention of `text`, in text order, overlaps resolved to the longest."""
    found: list[NamedMention] = []
    for pattern in (_TIME_AFTER, _TIME_FIRST):
        for match in pattern.finditer(text):
            mention = _timed(match, published)
            if mention is not None:
                found.append(mention)
    for match in _NAME_FIRST.finditer(text):
        mention = _proper(match)
        if mention is not None:
            found.append(mention)
    for match in _RELATIVE.finditer(text):
        mention = _relative(match, published)
        if mention is not None:
            found.append(mention)
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[NamedMention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _timed(match: re.Match[str], published: str | None) -> NamedMention | None:
    head = match["head"]
    month = _MONTHS.index(match["month"].lower()) + 1 if match["month"] else None
    year = int(match["year"]) if match["year"] else None
    if year is None and month is None:
        return None  # "the massacre": a reference, not a name
    if year is None:
        year = _year_of_month(month, published)
        if year is None:
            return None
    family = FAMILIES[head.lower()]
    key = f"{family}|{year}" + (f"-{month:02d}" if month else "")
    return NamedMention(match.start(), match.end(), match.group(), key, family, year, month)


def _proper(match: re.Match[str]) -> NamedMention | None:
    words = match["name"].split()
    while words and words[0].lower() in _NOT_MODIFIERS:
        words = words[1:]
    if not words or any(w.lower() in _NOT_MODIFIERS or w.lower() in _MONTHS for w in words):
        return None
    if any(noun in _FUNCTION_WORDS for noun in match["nouns"].split()):
        return None  # "the Monitor said the massacre": a clause, not a name
    head = match["head"]
    acronym = len(words) == 1 and words[0].isupper() and len(words[0]) >= 2
    if head.lower() in _WEAK_HEADS and len(words) < 2 and not acronym:
        return None
    family = FAMILIES[head.lower()]
    name = " ".join(w.lower().rstrip(".") for w in words).replace("’", "'")
    year = int(match["year"]) if match["year"] else None
    return NamedMention(
        match.start(), match.end(), match.group(), f"{family}|{name}", family, year, None
    )


def _relative(match: re.Match[str], published: str | None) -> NamedMention | None:
    """ "last week's protests", "this month's unrest": dated by the publication date."""
    day = parse_day(published)
    if day is None:
        return None
    which, unit = match["which"].lower(), match["unit"].lower()
    back = which != "this"
    month: int | None
    if unit == "week":
        day -= timedelta(days=7 if back else 0)
        year, month = day.year, day.month
    elif unit == "month":
        year, month = (day.year, day.month - 1) if back else (day.year, day.month)
        if month == 0:
            year, month = year - 1, 12
    else:
        year, month = (day.year - 1 if back else day.year), None
    family = FAMILIES[match["head"].lower()]
    key = f"{family}|{year}" + (f"-{month:02d}" if month else "")
    return NamedMention(match.start(), match.end(), match.group(), key, family, year, month)


def _year_of_month(month: int | None, published: str | None) -> int | None:
    if month is None or not published or not published[:4].isdigit():
        return None
    year = int(published[:4])
    published_month = int(published[5:7]) if len(published) >= 7 else 12
    return year if month <= published_month else year - 1


def year_mentions(text: str) -> list[tuple[int, int]]:
    """(offset, year) of every four-digit year in `text` (1800-2099)."""
    return [(m.start(), int(m.group())) for m in _YEAR.finditer(text)]


_YEAR = re.compile(r"(?<![\d,.])(?:1[89]\d\d|20\d\d)(?!\d|,\d)")


def family_references(text: str) -> list[tuple[int, str]]:
    """(offset, family) of every definite bare reference: "the massacre", "the uprisings"."""
    return [(m.start(), FAMILIES[m["head"].lower()]) for m in _BARE.finditer(text)]


_BARE = re.compile(rf"\b[Tt]he\s+(?P<head>{_HEADS})\b")
