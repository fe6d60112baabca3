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
  that event alone", which stresses a size).

When no figure of a finding is whole, all of them are read as whole: a finding that only
counts police officers is about police officers.
"""

from __future__ import annotations

import re

from tolltrace.model import Claim

__all__ = ["part_reason"]

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
    r"\bthere\b|\bin\s+(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*|the\s+(?:capital|city|town|"
    r"province|region|district|village|port|north|south|east|west))\s+alone\b"
)
_BEFORE_REACH = 40  # characters, more than the longest words of `_BEFORE`
_PROPER = re.compile(r"^[A-Z][a-z'’-]+$")


def part_reason(claim: Claim) -> str | None:
    """Why the claim counts a part of its event's victims, or None when it counts them all."""
    subject = (claim.subject or "").strip()
    if _named(subject):
        return "a named person"
    if _PARTITIVE.search(claim.text) or _before_count(claim):
        return "a part of a larger count"
    if _group(subject) or (not subject and _GROUPS.search(claim.text)):
        return "a group among the victims"
    if _PLACE.search(_clause_after(claim)):
        return "one place among several"
    return None


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


def _clause_after(claim: Claim) -> str:
    """The claim's words and what follows them up to the next comma or the sentence's end."""
    at = claim.sentence.find(claim.text)
    if at < 0:
        return claim.text
    rest = claim.sentence[at:]
    stop = min((i for i in (rest.find(",", len(claim.text)), rest.find(";")) if i > 0),
               default=len(rest))  # fmt: skip
    return rest[:stop]
