"""Parts of a toll: figures that count some of an event's victims, not all of them.

Reports of one event give its whole toll ("at least 112 people were killed") next to counts of
a part of it: one named victim ("the murder of Sergeant Dalibor Renk"), a group among the
victims ("two police officers were killed", "among them nine children"), the victims of one
place ("31 people died there", "hundreds were arrested in the capital alone") or a count that
adds to others ("three other defendants"). A part is no rival of the whole: "1" is not a
contradiction of "at least 112". It only bounds the whole from below: the whole is at least as
large as any of its parts, and a part larger than a whole figure is a contradiction.

`part_reason` says why a figure is a part, in words, or returns None for a whole figure. The
rules read the claim's counted noun phrase (`Claim.subject`), its words and its sentence:

- a named person: the subject holds a proper name ("Beno Karsh", "Mr Kerevic");
- partitive and additive counts: "N of the dead / of them / of whom", "among them N",
  "including N", "N other ...", "N more ...";
- a group among the victims: the counted noun is a security-force member or a group of the
  population (police officers, soldiers, children, women, students, journalists...);
- one place among several: "there", "in <a place> alone" ("in the capital alone"; not "in
  that event alone", which stresses a size), "in a single town";
- one day among several: "on the first day", "in a single day", "on Tuesday alone", or a
  claim dated to one day of an event that spans several (`event_when`, "2031-03-14/2031-03-20");
- a point on the timeline: an interim count ("so far", "as of", "initial", "preliminary",
  "early reports", "the toll then stood at").

A total over "this and other" events (`SUPERSET`: "in this and other massacres", "in these
and previous crackdowns", "in all such attacks") counts more than the event: it bounds the
whole from above, and contradicts it only by being smaller than a whole figure.

When no figure of a finding is whole, all of them are read as whole: a finding that only
counts police officers is about police officers.
"""

from __future__ import annotations

import re

from tolltrace.link.event_tallies import period_of, span_of
from tolltrace.model import Claim

__all__ = ["SUPERSET", "part_reason"]

SUPERSET = "a total over this and other events"

_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sergeant", "sgt", "officer", "colonel", "col", "captain",
    "capt", "lieutenant", "lt", "general", "gen", "major", "judge", "justice", "ayatollah",
    "sheikh", "imam", "father", "rev",
})  # fmt: skip
_GROUPS = re.compile(
    r"\b(?:police(?:men|women)?|police officers?|officers?|soldiers?|troops?|guards?|"
    r"members? of the (?:security|armed|police) forces?|security forces?|servicem[ae]n|"
    r"gendarmes?|militiam[ae]n|children|child|minors?|boys?|girls?|teenagers?|women|students?|"
    r"journalists?|reporters?|doctors?|nurses?|medics?|paramedics?|teachers?|lawyers?|"
    r"firefighters?|foreigners?|tourists?|bystanders?)\b",
    re.IGNORECASE,
)
_PARTITIVE = re.compile(
    r"^\S+(?:\s+\S+)?\s+of\s+(?:the|them|those|whom|these)\b|\b(?:other|further|additional)\b"
    r"|\bmore\b(?!\s+than)",
    re.IGNORECASE,
)
_BEFORE = re.compile(
    r"\b(?:among them|among whom|among the (?:dead|victims|wounded|injured)|including|"
    r"of whom|of them)\W*$",
    re.IGNORECASE,
)
# "died there", "in Port Selvan alone", "in the capital alone"; not "in that event alone".
_PLACE = re.compile(
    r"\bthere\b|\b[Ii]n\s+(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*|the\s+(?:capital|city|town|"
    r"province|region|district|village|port|north|south|east|west))\s+alone\b"
)
# "in this and other massacres", "these and earlier waves", "in all such attacks"
_SUPERSET = re.compile(
    r"\b(?:this|these|that|those)\s+and\s+(?:\w+\s+)?(?:other|previous|earlier|later|"
    r"subsequent|similar|further)\b|\bin\s+all\s+(?:such|these|those)\s+\w+"
    r"|\b(?:cumulative|combined)\s+(?:total|toll|figure)\b|\bacross\s+(?:all|the)\s+"
    r"(?:\w+\s+)?(?:massacres|killings|attacks|crackdowns|repressions|waves|events|incidents)\b",
    re.IGNORECASE,
)
_DAY = re.compile(
    r"\b(?:on|during)\s+(?:the\s+)?(?:first|second|third|fourth|fifth|opening|final|last)\s+"
    r"day\b|\bin\s+(?:a\s+single|one)\s+day\b|\bon\s+day\s+(?:one|two|three|\d+)\b"
    r"|\b(?:that\s+day|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s+"
    r"alone\b",
    re.IGNORECASE,
)
_ONE_PLACE = re.compile(
    r"\bin\s+(?:a\s+single|one|that\s+one)\s+(?:town|city|village|district|province|region|"
    r"neighbourhood|prison|camp)\b",
    re.IGNORECASE,
)
_INTERIM = re.compile(
    r"\b(?:so\s+far|as\s+of|thus\s+far|at\s+that\s+(?:time|point)|initial(?:ly)?|"
    r"preliminary|provisional|early\s+(?:reports?|figures?|counts?|tolls?)|"
    r"first\s+(?:reports?|figures?|counts?|tolls?)|the\s+toll\s+then)\b",
    re.IGNORECASE,
)
_WAVE_DAYS = 92  # an event over longer than a season is a tally, not days of one wave
_BEFORE_REACH = 40  # characters, more than the longest words of `_BEFORE`
_PROPER = re.compile(r"^[A-Z][a-z'’-]+$")


def part_reason(
    claim: Claim, event_when: str | None = None, published: str | None = None
) -> str | None:
    """Why the claim counts a part of its event's victims, or None when it counts them all.

    `event_when` is the event's own time ("2031-03-14/2031-03-20", "2031"): a claim dated to
    one day of a longer event counts that day, and a count over a shorter period than the
    event's (`period_of`: "in the first seven months of the year", `published` resolving
    "the year") counts a part of it.
    """
    subject = (claim.subject or "").strip()
    clause = _clause_after(claim)
    if _SUPERSET.search(_rest(claim)):
        return SUPERSET
    if _named(subject):
        return "a named person"
    if _PARTITIVE.search(claim.text) or _before_count(claim):
        return "a part of a larger count"
    if _group(subject) or (not subject and _GROUPS.search(claim.text)):
        return "a group among the victims"
    if _PLACE.search(clause) or _ONE_PLACE.search(clause) or _place_before(claim):
        return "one place among several"
    own = _own_stretch(claim)
    if _shorter_period(claim, event_when, published):
        return "a shorter period"
    if _DAY.search(own) or _one_day_of(claim.when, event_when):
        return "one day among several"
    if _INTERIM.search(own):
        return "an interim count"
    return None


def _place_before(claim: Claim) -> bool:
    """ "In Tarrow alone, 64 people died": the place opens the claim's clause."""
    at = claim.sentence.find(claim.text)
    if at <= 0:
        return False
    prefix = claim.sentence[claim.sentence.rfind(";", 0, at) + 1 : at]
    return any(not prefix[m.end() :].strip(" ,") for m in _PLACE.finditer(prefix))


def _shorter_period(claim: Claim, event_when: str | None, published: str | None) -> bool:
    """The claim counts over a period inside the event's, and shorter: the first seven months
    of a year whose executions the event tallies."""
    event = span_of(event_when)
    period = period_of(claim, published)
    if event is None or period is None:
        return False
    return event[0] <= period[0] and period[1] <= event[1] and period != event


def _one_day_of(when: str | None, event_when: str | None) -> bool:
    """`when` is one day, inside the event's time of several days ("2031-03-14/2031-03-20"),
    at most a season long."""
    if not when or "/" in when or len(when) != 10:
        return False
    event, day = span_of(event_when), span_of(when)
    if event is None or day is None or event[0] == event[1]:
        return False
    if (event[1] - event[0]).days > _WAVE_DAYS:
        return False  # a year's tally: a report's day may be when it was told, not counted
    return event[0] <= day[0] <= event[1]


def _group(subject: str) -> bool:
    """Every group the subject coordinates is a group among the victims: "police officers",
    "women and children"; not "protesters and three police officers"."""
    members = [m for m in _COORDINATION.split(subject) if m.strip()]
    return bool(members) and all(_GROUPS.search(m) for m in members)


_COORDINATION = re.compile(r",|\band\b")


def _named(subject: str) -> bool:
    words = [w.strip(",.\"'“”") for w in subject.split()]
    words = [w for w in words if w.lower().rstrip(".") not in _TITLES]
    proper = [w for w in words if _PROPER.match(w)]
    return len(proper) >= 1 and len(proper) == len(words) and len(subject.split()) >= 2


def _before_count(claim: Claim) -> bool:
    at = claim.sentence.find(claim.text)
    if at <= 0:
        return False
    prefix = claim.sentence[:at]
    words_end = len(prefix)
    while words_end and not (prefix[words_end - 1].isalnum() or prefix[words_end - 1] == "_"):
        words_end -= 1
    # `_BEFORE` ends the prefix: its longest words are searched for, not the whole sentence
    return _BEFORE.search(prefix, max(0, words_end - _BEFORE_REACH)) is not None


def _own_stretch(claim: Claim) -> str:
    """The stretch of the claim's sentence between the semicolons around it."""
    at = claim.sentence.find(claim.text)
    if at < 0:
        return claim.text
    start = claim.sentence.rfind(";", 0, at) + 1
    end = claim.sentence.find(";", at + len(claim.text))
    return claim.sentence[start : end if end >= 0 else len(claim.sentence)]


def _rest(claim: Claim) -> str:
    """The claim's words and the rest of its sentence, up to a semicolon."""
    at = claim.sentence.find(claim.text)
    rest = claim.sentence[at:] if at >= 0 else claim.text
    return rest.split(";", 1)[0]


def _clause_after(claim: Claim) -> str:
    """The claim's words and what follows them up to the next comma or the sentence's end."""
    at = claim.sentence.find(claim.text)
    if at < 0:
        return claim.text
    rest = claim.sentence[at:]
    stop = min((i for i in (rest.find(",", len(claim.text)), rest.find(";")) if i > 0),
               default=len(rest))  # fmt: skip
    return rest[:stop]
