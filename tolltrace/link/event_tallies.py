"""Period tallies: counts over a period and a place, reconciled as events of their own.

Human-rights sources argue about tallies as much as about incidents: executions in a country
in a year, detentions during a crackdown, disappearances since a date. A tally is a claim
that counts over a period (a whole year, a span of more than `SEASON_DAYS`, or a period its
own clause states: "in 2031", "in the first seven months of the year", "so far this year",
"since March 2029") or that `is_statistic` already reads as a period or area count. Its event
is keyed by

- its category (executions and arrests in one country and year are two tallies),
- its place: the claim's own place, else its perpetrator when that is a place the corpus
  names as one ("Valdoria executed ..."), else the first such place of its sentence,
- its period: tallies of one category and place link when their periods overlap, so a count
  over a shorter period is a part of the longer one, and counts years apart never merge.

A report whose lead count (its first count of people harmed or deprived of liberty) is a tally,
and that dates no incident by another count, reports the tally: its other undated counts stay
with it as parts ("nine of the executions were for protest charges"), and reports led by one
tally are linked whatever their words. A tally inside a report of something else (an incident,
or another year's tally) goes to its own tally: to the event of the reports it leads, or to an
event of its own when two reports tell it in passing; it never leads that report.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from tolltrace.link.event_claims import (
    MAIN,
    SEASON_DAYS,
    STATISTIC,
    TALLY,
    DocumentSlots,
    is_statistic,
)
from tolltrace.link.event_cluster import UnionFind
from tolltrace.link.event_similarity import parse_day
from tolltrace.model import Claim

# Counts that lead an event: people harmed, and people deprived of liberty.
LEAD_CATEGORIES = frozenset({
    "killed", "executed", "injured", "victims", "arrested", "detained", "imprisoned",
    "disappeared", "sentenced", "tortured", "displaced",
})  # fmt: skip

_YEAR = r"((?:19|20)\d\d)"
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_MONTH = "(" + "|".join(_MONTHS) + ")"
# A period stated in the clause right after the count's words (no comma between).
_IN_YEAR = re.compile(rf"^[^,;.]*?\b(?:in|during|throughout|for)\s+{_YEAR}\b(?!\s*[-–/])", re.I)
_THIS_YEAR = re.compile(
    r"^[^,;.]*?\b(?:(?:so\s+far\s+)?this\s+year|(?:in|during)\s+the\s+(?:first|past|last)\s+"
    r"(?:\w+\s+)?(?:months?|weeks?|quarters?|half)\s+of\s+(?:the|this)\s+year|year-to-date)\b",
    re.I,
)
# "since March 2029", "since records began in 2009", "from 2009 to date"
_SINCE = re.compile(
    rf"^[^,;.]*?\b(?:since|from)\s+(?:(?!to\b|until\b)[\w-]+\s+){{0,4}}?(?:{_MONTH}\s+)?{_YEAR}\b"
    r"(?!\s*(?:-|–|to|until|and)\s*(?:19|20)\d\d)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Tally:
    """What a period count counts: a category, over a place, in a period."""

    category: str
    place: str  # normalised: lower case, "valdoria"
    shown: str  # as the text writes it: "Valdoria"
    start: date
    end: date


def period_of(claim: Claim, published: str | None) -> tuple[date, date] | None:
    """The period a count covers: stated in its own clause, else its `when` when that is a
    whole year or a span of more than `SEASON_DAYS`; None for a day, a month or no time."""
    after = _after(claim)
    day = parse_day(published)
    stated = [
        (match.end(), kind, match)
        for kind, pattern in (("since", _SINCE), ("in", _IN_YEAR), ("this", _THIS_YEAR))
        if (match := pattern.search(after)) is not None
    ]
    if stated:  # the period nearest the count's words: "in 2031, the most since 2024"
        _, kind, match = min(stated, key=lambda item: item[0])
        if kind == "since":
            month = _MONTHS.index(match.group(1).lower()) + 1 if match.group(1) else 1
            start = date(int(match.group(2)), month, 1)
            end = day if day is not None and day >= start else date(start.year, 12, 31)
            return start, end
        if kind == "in":
            year = int(match.group(1))
            return date(year, 1, 1), date(year, 12, 31)
        if day is not None:
            return date(day.year, 1, 1), day
    span = span_of(claim.when)
    if span is None or claim.when is None:
        return None
    since = re.search(
        rf"\b(?:since|from)\s+(?:[\w-]+\s+){{0,4}}{re.escape(claim.when)}\b", claim.sentence
    )
    if since is not None and day is not None and "/" not in claim.when and span[0] < day:
        return span[0], day  # "from 2009 to date": a year read where a period starts
    whole_year = span[0].month == 1 and span[0].day == 1 and span[1].month == 12
    if whole_year or (span[1] - span[0]).days > SEASON_DAYS:
        return span
    return None


def _after(claim: Claim) -> str:
    at = claim.sentence.find(claim.text)
    return claim.sentence[at + len(claim.text) :] if at >= 0 else ""


def span_of(when: str | None) -> tuple[date, date] | None:
    """The first and last day of an ISO `when` (a year, month, day, or "a/b" of them)."""
    if not when:
        return None
    first, _, last = when.partition("/")
    start, end = _bound(first, last_day=False), _bound(last or first, last_day=True)
    if start is None or end is None or end < start:
        return None
    return start, end


def _bound(value: str, *, last_day: bool) -> date | None:
    if (day := parse_day(value)) is not None:
        return day
    if re.fullmatch(r"\d{4}-\d{2}", value):
        year, month = int(value[:4]), int(value[5:7])
        if 1 <= month <= 12:
            return date(year, month, calendar.monthrange(year, month)[1] if last_day else 1)
        return None
    if re.fullmatch(r"\d{4}", value):
        return date(int(value), 12, 31) if last_day else date(int(value), 1, 1)
    return None


def normalised_place(place: str | None) -> str | None:
    """ "Valdoria", "the Republic of Valdoria" -> "valdoria"; "Orvane, Valdoria" -> "valdoria"."""
    if not place:
        return None
    last = place.split(",")[-1].strip().lower()
    last = re.sub(r"^(?:the\s+)?(?:republic|kingdom|state|province|region)\s+of\s+", "", last)
    last = re.sub(r"^the\s+", "", last).strip(" .'’")
    return last or None


def corpus_places(docs_claims: Sequence[Sequence[Claim]]) -> dict[str, str]:
    """Every place a claim of the corpus is placed in (normalised -> as written)."""
    places: dict[str, str] = {}
    for claims in docs_claims:
        for claim in claims:
            key = normalised_place(claim.where)
            if key is not None and claim.where is not None:
                places.setdefault(key, claim.where.split(",")[-1].strip())
    return places


_NAME = re.compile(r"\b[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+)?\b")
_WORD = re.compile(r"\b[A-Za-z][a-z'’]+\b")
_OPENS = (".", "!", "?", '"', "“", ":", "\n")


def proper_words(texts: Sequence[str]) -> frozenset[str]:
    """Words the corpus writes capitalised where no sentence opens, and never in lower case
    ("valdoria"; not "authorities", which a sentence may open with)."""
    inner: set[str] = set()
    lower: set[str] = set()
    for text in texts:
        for match in _WORD.finditer(text):
            word = match.group()
            if word[0].islower():
                lower.add(word)
                continue
            before = text[max(0, match.start() - 3) : match.start()].rstrip(" \t")
            if match.start() and before and not before.endswith(_OPENS):
                inner.add(word.lower())
    return frozenset(inner - lower)


def place_of(
    claim: Claim, places: dict[str, str], proper: Collection[str] = ()
) -> tuple[str, str] | None:
    """(normalised, shown) place of a count: its own, else its perpetrator when that is a
    proper name ("Valdoria executed ..."), else the first known place its sentence names,
    else the first proper name of its sentence (`proper`: `proper_words`). The source the
    claim is attributed to is never its place ("..., Velisk Rights Watch said")."""
    if (key := normalised_place(claim.where)) is not None and claim.where is not None:
        return key, claim.where.split(",")[-1].strip()
    source = {w.lower() for w in _WORD.findall(claim.attributed_to or "")}
    perpetrator = (claim.perpetrator or "").split()
    if perpetrator and (agent := perpetrator[0].lower()) in proper and agent not in source:
        return agent, perpetrator[0]
    words = [
        m.group() for m in _WORD.finditer(claim.sentence)
        if m.group()[0].isupper() and m.group().lower() not in source
    ]  # fmt: skip
    for word in words:
        if (known := word.lower()) in places:
            return known, places[known]
    for word in words:
        if word.lower() in proper:
            return word.lower(), word
    return None


def tally_of(
    claim: Claim, published: str | None, places: dict[str, str], proper: Collection[str] = ()
) -> Tally | None:
    """The tally a count is, or None when it counts no period or has no place."""
    if claim.category not in LEAD_CATEGORIES or claim.negated:
        return None
    period = period_of(claim, published)
    if period is None:
        return None
    place = place_of(claim, places, proper)
    if place is None:
        return None
    return Tally(claim.category, place[0], place[1], period[0], period[1])


@dataclass(frozen=True, slots=True)
class TallyGroup:
    """One tally event: its key, its period, and who leads it."""

    category: str
    place: str
    start: date
    end: date
    claims: tuple[tuple[int, Claim], ...]  # (document index, claim) in reports of another lead
    leading: frozenset[int]  # documents whose lead count is this tally

    @property
    def when(self) -> str:
        if (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31):
            first, last = str(self.start.year), str(self.end.year)
            return first if first == last else f"{first}/{last}"
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


@dataclass(frozen=True, slots=True)
class Tallies:
    """The corpus's tallies: documents' slots, tally events, and documents led by a tally."""

    slots: list[DocumentSlots]
    groups: list[TallyGroup]  # tallies that reports of something else count too
    lead_group: dict[int, int]  # document index -> the tally group of its lead count
    lead_tally: dict[int, Tally]  # document index -> its lead count's tally


def tally_slots(
    published: Sequence[str | None],
    claims: Sequence[Sequence[Claim]],
    slots: Sequence[DocumentSlots],
    texts: Sequence[str] = (),
) -> Tallies:
    """Every tally of the corpus grouped into tally events (one category and place,
    overlapping periods). A document led by a tally keeps it, and its other undated counts,
    as its main event's (`MAIN`); a tally in any other report goes to its tally event
    (`tally:<n>`)."""
    places = corpus_places(claims)
    proper = proper_words(texts)
    found: list[tuple[int, Claim, Tally]] = []
    leads: dict[int, Tally] = {}
    for index, (day, document, found_slots) in enumerate(
        zip(published, claims, slots, strict=True)
    ):
        ordered = sorted(document, key=lambda c: (c.start, c.end, c.id))
        lead = next(
            (
                c
                for c in ordered
                if c.category in LEAD_CATEGORIES
                and found_slots.slots[c.id] in (MAIN, STATISTIC)
                and not c.negated
            ),
            None,
        )
        for claim in ordered:
            slot = found_slots.slots[claim.id]
            if slot not in (MAIN, STATISTIC):
                continue
            tally = tally_of(claim, day, places, proper)
            if tally is None:
                continue
            if slot == MAIN and not is_statistic(claim) and claim is not lead:
                continue  # a period in an incident's report: its own incident's, not a tally
            found.append((index, claim, tally))
            if claim is lead and found_slots.lead_day in (None, parse_day(claim.when)):
                leads[index] = tally  # no incident dated by another count leads the report
    # tallies of one category and place whose periods overlap are one event
    union = UnionFind(str(i) for i in range(len(found)))
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for position, (_, _, tally) in enumerate(found):
        by_key[(tally.category, tally.place)].append(position)
    for members in by_key.values():
        ordered_members = sorted(members, key=lambda p: (found[p][2].start, found[p][2].end))
        reach: tuple[int, date] | None = None
        for position in ordered_members:
            tally = found[position][2]
            if reach is not None and tally.start <= reach[1]:
                union.union(str(reach[0]), str(position))
                reach = (reach[0], max(reach[1], tally.end))
            else:
                reach = (position, tally.end)
    group_of = {int(item): root for root, items in union.groups().items() for item in items}
    members_of: dict[str, list[int]] = defaultdict(list)
    for position in range(len(found)):
        members_of[group_of[position]].append(position)
    roots = sorted(members_of, key=lambda r: min(members_of[r]))
    number = {root: n for n, root in enumerate(roots)}
    moved = [dict(s.slots) for s in slots]
    lead_group: dict[int, int] = {}
    for position, (index, _, tally) in enumerate(found):
        if leads.get(index) is tally:
            lead_group[index] = number[group_of[position]]
    kept: dict[int, list[tuple[int, Claim]]] = defaultdict(list)
    for position, (index, claim, _) in enumerate(found):
        group = number[group_of[position]]
        if lead_group.get(index) == group:
            moved[index][claim.id] = MAIN  # the report's own tally
        else:  # another tally ("205 in 2030" in a report of 2031's): its own event's
            moved[index][claim.id] = f"{TALLY}{group}"
            kept[group].append((index, claim))
    groups = []
    for root in roots:
        group = number[root]
        if not kept[group]:
            continue  # only in reports it leads: their own events hold it
        tallies = [found[p][2] for p in members_of[root]]
        shown = Counter(t.shown for t in tallies).most_common(1)[0][0]
        groups.append(
            TallyGroup(
                category=tallies[0].category,
                place=shown,
                start=min(t.start for t in tallies),
                end=max(t.end for t in tallies),
                claims=tuple(kept[group]),
                leading=frozenset(i for i, g in lead_group.items() if g == group),
            )
        )
    new_slots = [
        s if moved[i] == s.slots else DocumentSlots(
            moved[i], s.mentions, s.lead_day, s.lead_key, s.lead_reason
        )
        for i, s in enumerate(slots)
    ]  # fmt: skip
    return Tallies(new_slots, groups, lead_group, leads)
