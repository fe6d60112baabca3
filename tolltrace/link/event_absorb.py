"""Incidents that are part of a named wave of violence reported by other documents.

Protests, crackdowns, massacres and wars last days or weeks and spread across a country, and
most reports of them never name them: "police shot 14 protesters on Friday", "at least 112
people were killed during a week of protests". Another report of the same corpus names the
wave ("the March protests", "last week's crackdown"). A lead incident whose reports

- are dated (by their lead claim, else by publication) inside the named wave's month,
- speak of it in the wave's own words (a head word of its family: "protests", "unrest"), and
- share a proper name with the documents that name it,

is a part of that wave, not an incident of its own. Point events (a shooting, a bombing, an
attack) are never absorbed this way: two shootings in one city and month are two incidents, and
only the similarity of their reports may link them. When several waves fit, the one named by
most documents wins, and a cluster fitting none keeps its own event (`absorb_incidents`).

Before clustering, single claims are given to a wave too (`restated_in_waves`: a figure the
wave's reports give, or "the crackdown" when the corpus names one), and reports with every
claim in a wave or a statistic (`within_waves`: a trial over one of its killings, a tally) are
kept out of incident clustering: they report the wave, not an incident of their own.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Protocol

from tolltrace.link.event_claims import MAIN, STATISTIC, TALLY, DocumentSlots, restates_lead
from tolltrace.link.event_names import FAMILIES, NamedMention
from tolltrace.link.event_similarity import Profile, parse_day
from tolltrace.model import Claim

_CASUALTIES = frozenset({"killed", "injured", "victims", "executed"})
WAVE_FAMILIES = frozenset({"protests", "massacre", "war", "revolution"})


class _Document(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def published(self) -> str | None: ...
    @property
    def claims(self) -> tuple[Claim, ...]: ...


def absorb_incidents(
    docs: Sequence[_Document],
    slots: Sequence[DocumentSlots],
    profiles: Sequence[Profile],
    labels: Sequence[int],
) -> dict[int, str]:
    """Cluster label -> the key of the named wave its incident is part of."""
    waves, named_by = _waves(slots)
    if not waves:
        return {}
    clusters: dict[int, list[int]] = defaultdict(list)
    for index, label in enumerate(labels):
        clusters[label].append(index)
    absorbed: dict[int, str] = {}
    for label, members in clusters.items():
        if any(slots[i].lead_key is not None for i in members):
            continue  # its reports name their own wave already
        days = [day for i in members if (day := _incident_day(docs[i], slots[i])) is not None]
        if not days:
            continue
        fitting = [
            key
            for key, wave in waves.items()
            if all(d.year == wave.year and d.month == wave.month for d in days)
            and any(_speaks_of(docs[i].text, wave.family) for i in members)
            and _share_a_name(members, named_by[key] - set(members), profiles)
        ]
        if fitting:
            absorbed[label] = min(fitting, key=lambda k: (-len(named_by[k]), k))
    return absorbed


def restated_in_waves(
    docs: Sequence[_Document], slots: Sequence[DocumentSlots], profiles: Sequence[Profile]
) -> list[DocumentSlots]:
    """Claims of a document's own incident that belong to a wave other reports name.

    A claim left to its document's lead incident goes to a named wave when its document shares
    a name with the wave's reports and the claim's date does not contradict the wave, and

    - it restates a figure the wave's reports give (same category and figure, 10 or more: "the
      government says 23 died", in a brief on a later execution), or
    - its sentence refers to the wave by its kind alone ("killed in the crackdown") and the
      corpus names one such wave.
    """
    waves, named_by = _waves(slots)
    if not waves:
        return list(slots)
    figures: dict[tuple[str, int | None, int | None, str], set[str]] = defaultdict(set)
    by_family: dict[str, set[str]] = defaultdict(set)
    for key, wave in waves.items():
        by_family[wave.family].add(key)
    for document, found in zip(docs, slots, strict=True):
        for claim in document.claims:
            key = found.slots[claim.id].removeprefix("named:")
            value = claim.low if claim.low is not None else claim.high
            if key in waves and value is not None and value >= 10:
                figures[(claim.category, claim.low, claim.high, claim.qualifier)].add(key)
    result = []
    for index, (document, found) in enumerate(zip(docs, slots, strict=True)):
        moved = dict(found.slots)
        for claim in document.claims:
            if found.slots[claim.id] != MAIN and not found.slots[claim.id].startswith("side:"):
                continue
            candidates = figures.get(
                (claim.category, claim.low, claim.high, claim.qualifier), set()
            )
            if not candidates:
                candidates = {
                    key
                    for family, keys in by_family.items()
                    if len(keys) == 1 and _refers_to(claim.sentence, family)
                    for key in keys
                }
            lead = _lead_claim(document.claims)
            fitting = [
                key
                for key in sorted(candidates)
                if _agrees(claim.when, waves[key])
                and _share_a_name([index], named_by[key] - {index}, profiles)
                and (
                    not restates_lead(claim, lead)
                    or _agrees(lead.when if lead else None, waves[key])
                )
            ]  # a claim restating the report's lead stays with its lead
            if len(fitting) == 1:
                moved[claim.id] = f"named:{fitting[0]}"
        result.append(found if moved == found.slots else dataclasses.replace(found, slots=moved))
    return result


def within_waves(docs: Sequence[_Document], slots: Sequence[DocumentSlots]) -> set[int]:
    """Documents with claims, every one of them in a named wave or a statistic: a report about
    the wave (a trial over one of its killings, a tally), with no incident of its own."""
    waves, _ = _waves(slots)
    inside = set()
    for index, (document, found) in enumerate(zip(docs, slots, strict=True)):
        kinds = [found.slots[c.id] for c in document.claims]
        in_wave = [k for k in kinds if k.removeprefix("named:") in waves]
        if in_wave and all(
            k.removeprefix("named:") in waves or k == STATISTIC or k.startswith(TALLY)
            for k in kinds
        ):
            inside.add(index)
    return inside


def _waves(slots: Sequence[DocumentSlots]) -> tuple[dict[str, NamedMention], dict[str, set[int]]]:
    waves: dict[str, NamedMention] = {}
    named_by: dict[str, set[int]] = defaultdict(set)
    for index, found in enumerate(slots):
        for mention in found.mentions:
            if mention.family in WAVE_FAMILIES and mention.month is not None:
                waves.setdefault(mention.key, mention)
                named_by[mention.key].add(index)
    return waves, named_by


def _lead_claim(claims: Sequence[Claim]) -> Claim | None:
    ordered = sorted(claims, key=lambda c: (c.start, c.end, c.id))
    return next((c for c in ordered if c.category in _CASUALTIES and parse_day(c.when)), None)


def _agrees(when: str | None, wave: NamedMention) -> bool:
    start = (when or "").split("/")[0]
    if not start[:4].isdigit():
        return True
    month = int(start[5:7]) if len(start) >= 7 and start[5:7].isdigit() else None
    return int(start[:4]) == wave.year and (month is None or month == wave.month)


def _refers_to(sentence: str, family: str) -> bool:
    return _FAMILY_REFERENCES[family].search(sentence) is not None


def absorbed_slots(found: DocumentSlots, key: str) -> DocumentSlots:
    """The document's slots with its lead incident (and incidents of the wave's month) in it."""
    wave = key.split("|", 1)[1]  # "2025-03"
    slots = {
        claim: (
            f"named:{key}"
            if slot == MAIN or (slot.startswith("side:") and slot[5:].startswith(wave))
            else slot
        )
        for claim, slot in found.slots.items()
    }
    reason = f"its lead incident falls in {wave}, and it shares names with reports naming it"
    return DocumentSlots(slots, found.mentions, found.lead_day, key, reason)


def _incident_day(document: _Document, found: DocumentSlots) -> date | None:
    return found.lead_day or parse_day(document.published)


def _speaks_of(text: str, family: str) -> bool:
    return _FAMILY_WORDS[family].search(text) is not None


def _share_a_name(members: Sequence[int], others: set[int], profiles: Sequence[Profile]) -> bool:
    names = {name for i in members for name in profiles[i].names}
    return any(names & profiles[i].names.keys() for i in others)


_FAMILY_WORDS = {
    family: re.compile(
        r"\b(?:" + "|".join(sorted((h for h, f in FAMILIES.items() if f == family), key=len,
                                   reverse=True)) + r")\b",
        re.IGNORECASE,
    )
    for family in WAVE_FAMILIES
}  # fmt: skip
_FAMILY_REFERENCES = {
    family: re.compile(r"\b[Tt]he\s+" + pattern.pattern, re.IGNORECASE)
    for family, pattern in _FAMILY_WORDS.items()
}
