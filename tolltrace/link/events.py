"""The event link stage: claims and documents grouped into canonical real-world events.

Pure: `link_events(documents)` depends on its input only, and gives the same events (ids,
members, order) for the same documents in any order.

1. Within each document (`event_claims.assign_slots`) every claim gets a slot: a named event
   ("the 1988 massacre"), the document's lead incident, another incident on another day, or a
   statistic that belongs to no event.
2. Named events link across documents by their normalised name ("the massacre of 1988" =
   "the 1988 massacre").
3. Lead incidents link across documents by similarity (`event_similarity`: shared rare proper
   names, vocabulary, publication dates), compared only within blocks of documents sharing a
   rare name, then clustered by average linkage at `THRESHOLD`.

Each event records in `leads` the documents whose main incident it is: the event holding most
of the document's claims (its lead incident winning ties, then the earliest claim), or, for a
document without claims, the lead incident it was linked into. `main_events` reads that.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from tolltrace.extract.where import dateline
from tolltrace.link.event_absorb import (
    absorb_incidents,
    absorbed_slots,
    restated_in_waves,
    within_waves,
)
from tolltrace.link.event_claims import MAIN, OTHER, DocumentSlots, assign_slots
from tolltrace.link.event_cluster import average_linkage
from tolltrace.link.event_similarity import (
    Profile,
    Report,
    candidate_pairs,
    days_apart,
    most_word_score,
    pair_score,
    parse_day,
    profile_reports,
    word_score,
)
from tolltrace.link.event_tallies import Tallies, TallyGroup, tally_slots
from tolltrace.model import Claim, Event

THRESHOLD = 12.0  # average pair score for two clusters of reports to be one incident
TALLY_SCORE = 100.0  # reports led by one tally: as sure as the same rare names
APART = timedelta(days=365)  # what happened this far apart is never one event
_EVIDENCE_LINES = 8
LEAD_BONUS = 1.5  # the lead incident outweighs one more claim about something else


@dataclass(frozen=True, slots=True)
class LinkDocument:
    """What linking knows of one document."""

    id: str
    uri: str
    title: str | None
    published: str | None  # ISO date of publication, if known
    text: str  # the clean text (claims' start/end are offsets into it)
    claims: tuple[Claim, ...]


Progress = Callable[[int, int], None]


def link_events(documents: Sequence[LinkDocument], progress: Progress | None = None) -> list[Event]:
    """Every event the documents report, with its member documents and claims.

    `progress(done, total)` is called as documents are read and once more when linking is
    done. Events come sorted by id.
    """
    docs = sorted({d.id: d for d in documents}.values(), key=lambda d: d.id)
    total = len(docs) + 1
    slots: list[DocumentSlots] = []
    for done, document in enumerate(docs, 1):
        slots.append(
            assign_slots(document.text, document.published, document.claims, document.title)
        )
        if progress is not None and done % 100 == 0:
            progress(done, total)
    profiles = profile_reports([Report(d.title, d.text, parse_day(d.published)) for d in docs])
    slots = restated_in_waves(docs, slots, profiles)
    tallies = tally_slots(
        [d.published for d in docs], [d.claims for d in docs], slots, [d.text for d in docs]
    )
    slots = tallies.slots
    inside = within_waves(docs, slots)  # reports about a wave: no incident of their own
    scores = {
        pair: score
        for pair, score in _apart(
            _with_tallies(_scores(profiles), tallies), slots, [p.published for p in profiles]
        ).items()
        if pair[0] not in inside and pair[1] not in inside
    }
    labels = average_linkage(len(docs), scores, THRESHOLD)
    absorbed = absorb_incidents(docs, slots, profiles, labels)
    slots = [
        slot if (key := absorbed.get(labels[i])) is None else absorbed_slots(slot, key)
        for i, slot in enumerate(slots)
    ]
    drafts = _incident_events(docs, slots, profiles, scores, labels, set(absorbed), tallies)
    drafts += _named_events(docs, slots)
    drafts += _side_events(docs, slots)
    drafts += _tally_events(docs, tallies.groups)
    events = _with_leads(docs, drafts)
    if progress is not None:
        progress(total, total)
    return sorted(events, key=lambda e: e.id)


def main_events(events: Sequence[Event]) -> dict[str, str]:
    """Document id -> the id of its main event (the incident its lead reports)."""
    return {document: event.id for event in events for document in event.leads}


# --- scoring -----------------------------------------------------------------------------------


def _scores(profiles: Sequence[Profile]) -> dict[tuple[int, int], float]:
    scores: dict[tuple[int, int], float] = {}
    bonus = most_word_score()
    for (first, second), cosine in candidate_pairs(profiles).items():
        score = pair_score(profiles[first], profiles[second], cosine)
        if score + bonus >= THRESHOLD:  # the words can only add so much: skip hopeless pairs
            score += word_score(profiles[first], profiles[second])
        scores[(first, second)] = score
    return scores


def _with_tallies(
    scores: dict[tuple[int, int], float], tallies: Tallies
) -> dict[tuple[int, int], float]:
    """Reports led by one tally (one category and place, overlapping periods) report one
    event whatever their words; led by tallies of one category and place years apart, never."""
    scored = dict(scores)
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, tally in tallies.lead_tally.items():
        by_key[(tally.category, tally.place)].append(index)
    for members in by_key.values():
        members.sort()
        for a, first in enumerate(members):
            for second in members[a + 1 :]:
                same = tallies.lead_group[first] == tallies.lead_group[second]
                scored[(first, second)] = TALLY_SCORE if same else -TALLY_SCORE
    return scored


def _apart(
    scores: dict[tuple[int, int], float],
    slots: Sequence[DocumentSlots],
    published: Sequence[date | None],
) -> dict[tuple[int, int], float]:
    """Reports whose lead incidents happened more than `APART` from each other never report
    one event, whatever names they share. The day of a lead is read from the report's counts
    (never from its publication); it is trusted only when it is the news of its report (within
    `APART` of its publication): an undated page's first dated count may be a past event it
    recalls.

    Measured and left out: the periods of lead tallies and a year named before an undated
    lead count as times to keep reports apart by (each cost the hrdocs check part).
    """
    days = [
        lead if lead is not None and day is not None and abs(lead - day) <= APART else None
        for lead, day in zip((s.lead_day for s in slots), published, strict=True)
    ]
    scored = {}
    for (first, second), score in scores.items():
        a, b = days[first], days[second]
        scored[(first, second)] = (
            -TALLY_SCORE if a is not None and b is not None and abs(a - b) > APART else score
        )
    return scored


# --- building events ------------------------------------------------------------------------


@dataclass(slots=True)
class _Draft:
    documents: list[str]
    claims: list[Claim]
    evidence: list[str]
    kind: str  # incident, named, side, tally
    leading: set[str] = field(default_factory=set)  # documents whose lead incident this is
    name: str | None = None
    label_text: str | None = None
    when: str | None = None
    type: str | None = None
    where: str | None = None


def _incident_events(
    docs: Sequence[LinkDocument],
    slots: Sequence[DocumentSlots],
    profiles: Sequence[Profile],
    scores: dict[tuple[int, int], float],
    labels: Sequence[int],
    absorbed: set[int],
    tallies: Tallies,
) -> list[_Draft]:
    clusters: dict[int, list[int]] = defaultdict(list)
    for index, label in enumerate(labels):
        if label not in absorbed:
            clusters[label].append(index)
    linked: dict[int, list[tuple[float, tuple[int, int]]]] = defaultdict(list)
    for pair, score in scores.items():
        if score >= THRESHOLD and labels[pair[0]] == labels[pair[1]]:
            linked[labels[pair[0]]].append((score, pair))
    passing: dict[int, list[tuple[int, Claim]]] = defaultdict(list)  # label -> tallies told
    for group in tallies.groups:  # in passing, of a tally that other reports lead with
        if group.leading:
            passing[labels[min(group.leading)]].extend(group.claims)
    drafts = []
    for label, members in clusters.items():
        claims = [c for i in members for c in docs[i].claims if slots[i].slots[c.id] == MAIN]
        claims += [claim for _, claim in passing[label]]
        if len(members) == 1 and not claims:
            continue  # a report of nothing countable, linked to nothing
        evidence = _pair_evidence(docs, profiles, linked[label])
        if len(members) == 1:
            evidence = ["one report: no other document shares its names and dates"]
        ids = [docs[i].id for i in members]
        leading = set(ids)
        for index, claim in passing[label]:
            if docs[index].id not in ids:
                ids.append(docs[index].id)
                evidence.append(f"{docs[index].id} counts its tally in passing: {claim.text!r}")
        draft = _Draft(ids, claims, evidence, "incident", leading=leading)
        days = Counter(c.when for c in claims if c.when and parse_day(c.when) is not None)
        published = sorted(p for i in members if (p := docs[i].published))
        periods = [t for i in members if (t := tallies.lead_tally.get(i)) is not None]
        if periods and len(periods) * 2 >= len(members):  # mostly reports of a tally
            draft.when = _period_text(min(t.start for t in periods), max(t.end for t in periods))
            draft.type = _most_common(Counter(t.category for t in periods))
            draft.where = _most_common(Counter(t.shown for t in periods))
        else:
            draft.when = _most_common(days) or (published[0][:10] if published else None)
        drafts.append(draft)
    return drafts


def _pair_evidence(
    docs: Sequence[LinkDocument],
    profiles: Sequence[Profile],
    pairs: Sequence[tuple[float, tuple[int, int]]],
) -> list[str]:
    lines = []
    for score, (a, b) in sorted(pairs, key=lambda sp: (-sp[0], sp[1]))[:_EVIDENCE_LINES]:
        first, second = profiles[a], profiles[b]
        shared = sorted(set(first.names) & set(second.names), key=lambda w: (-first.names[w], w))[
            :5
        ]
        days = days_apart(first.published, second.published)
        apart = f"; {days} days apart" if days is not None else ""
        lines.append(
            f"{docs[a].id} ~ {docs[b].id}: shared names {', '.join(shared) or '-'}"
            f"{apart}; score {score:.0f}"
        )
    return lines


def _named_events(docs: Sequence[LinkDocument], slots: Sequence[DocumentSlots]) -> list[_Draft]:
    drafts: dict[str, _Draft] = {}
    texts: dict[str, Counter[str]] = defaultdict(Counter)
    for document, found in zip(docs, slots, strict=True):
        for mention in found.mentions:
            draft = drafts.setdefault(
                mention.key, _Draft([], [], [], "named", when=mention.when, type=mention.family)
            )
            texts[mention.key][_canonical_text(mention.text)] += 1
            if document.id not in draft.documents:
                draft.documents.append(document.id)
                draft.evidence.append(f'{document.id} names it: "{mention.text}"')
    for document, found in zip(docs, slots, strict=True):
        if found.lead_key is not None:
            draft = drafts[found.lead_key]
            draft.leading.add(document.id)
            if document.id not in draft.documents:
                draft.documents.append(document.id)
                draft.evidence.append(f"{document.id}: {found.lead_reason}")
        for claim in document.claims:
            slot = found.slots[claim.id]
            if slot.startswith("named:"):
                draft = drafts[slot.removeprefix("named:")]
                draft.claims.append(claim)
                if document.id not in draft.documents:  # it restates the event's figures
                    draft.documents.append(document.id)
                    draft.evidence.append(f"{document.id} restates its figures")
    for key, draft in drafts.items():
        draft.name = draft.label_text = _most_common(texts[key])
        if draft.when is None:  # "the Halvorn massacre": dated by what its claims say
            days = Counter(c.when.split("/")[0] for c in draft.claims if c.when)
            draft.when = _most_common(days)
    return list(drafts.values())


def _side_events(docs: Sequence[LinkDocument], slots: Sequence[DocumentSlots]) -> list[_Draft]:
    drafts: dict[tuple[str, str], _Draft] = {}
    for document, found in zip(docs, slots, strict=True):
        for claim in document.claims:
            slot = found.slots[claim.id]
            if not slot.startswith("side:"):
                continue
            day = slot.removeprefix("side:")
            lead = found.lead_day.isoformat() if found.lead_day else "?"
            other = day.startswith(OTHER)
            reason = (
                f"{document.id}: told as another incident than its lead"
                if other
                else f"{document.id}: dated {day}, its lead {lead}"
            )
            draft = drafts.setdefault(
                (document.id, day),
                _Draft([document.id], [], [reason], "side", when=None if other else day),
            )
            draft.claims.append(claim)
    return list(drafts.values())


def _period_text(start: date, end: date) -> str:
    """ "2031" for a whole year, "2029/2031" for whole years, else "start/end" in days."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}/{end.year}"
    return f"{start.isoformat()}/{end.isoformat()}"


def _tally_events(docs: Sequence[LinkDocument], tallies: Sequence[TallyGroup]) -> list[_Draft]:
    drafts = []
    for tally in tallies:
        if tally.leading or len({index for index, _ in tally.claims}) < 2:
            continue  # told in a report it leads, or by one report in passing: no event
        ids = sorted({docs[index].id for index, _ in tally.claims})
        evidence = [
            f"{docs[index].id}: counts {tally.category} in {tally.place} over "
            f"{claim.when or tally.when}"
            for index, claim in tally.claims[:_EVIDENCE_LINES]
        ]
        drafts.append(
            _Draft(
                ids,
                [claim for _, claim in tally.claims],
                evidence,
                "tally",
                leading={docs[index].id for index in tally.leading},
                when=tally.when,
                type=tally.category,
                where=tally.place,
            )
        )
    return drafts


def _with_leads(docs: Sequence[LinkDocument], drafts: Sequence[_Draft]) -> list[Event]:
    """Events from drafts, each knowing the documents whose main incident it is."""
    texts = {d.id: d.text for d in docs}
    events = [_event(draft, texts) for draft in drafts]
    best: dict[str, tuple[tuple[float, int], int]] = {}
    for index, (draft, event) in enumerate(zip(drafts, events, strict=True)):
        first_claim: dict[str, int] = {}
        counts: Counter[str] = Counter()
        for claim in draft.claims:
            counts[claim.document] += 1
            first_claim[claim.document] = min(
                first_claim.get(claim.document, claim.start), claim.start
            )
        for document in event.documents:
            if draft.kind in ("tally", "incident") and document not in draft.leading:
                continue  # a tally told in passing in a report never leads that report
            weight = counts[document] + (LEAD_BONUS if document in draft.leading else 0.0)
            if weight <= 0:
                continue
            rank = (weight, -first_claim.get(document, 1 << 30))
            if document not in best or rank > best[document][0]:
                best[document] = (rank, index)
    leads: dict[int, list[str]] = defaultdict(list)
    for document, (_, index) in sorted(best.items()):
        leads[index].append(document)
    return [
        _replace_leads(event, tuple(leads.get(index, ()))) for index, event in enumerate(events)
    ]


def _replace_leads(event: Event, leads: tuple[str, ...]) -> Event:
    return Event(
        id=event.id, label=event.label, type=event.type, when=event.when, where=event.where,
        documents=event.documents, claims=event.claims, name=event.name,
        evidence=event.evidence, leads=leads,
    )  # fmt: skip


def _event(draft: _Draft, texts: dict[str, str]) -> Event:
    documents = tuple(sorted(set(draft.documents)))
    claims = tuple(sorted({c.id for c in draft.claims}))
    key = "|".join(claims) + "#" + "|".join(documents)
    if not claims:  # events named in one report and counted nowhere differ by their names
        key += "#" + (draft.name or draft.kind)
    event_id = hashlib.sha256(key.encode()).hexdigest()[:24]
    categories = Counter(c.category for c in draft.claims if c.category != "other")
    event_type = draft.type or _most_common(categories) or "incident"
    where = draft.where or _most_common(Counter(c.where for c in draft.claims if c.where))
    if where is None and draft.kind == "incident":
        where = next((p for d in documents if (p := dateline(texts[d])) is not None), None)
    label = draft.label_text or _label(event_type, where, draft.when)
    return Event(
        id=event_id, label=label, type=event_type, when=draft.when, where=where,
        documents=documents, claims=claims, name=draft.name, evidence=tuple(draft.evidence),
    )  # fmt: skip


def _label(event_type: str, where: str | None, when: str | None) -> str:
    place = f" in {where}" if where else ""
    day = f", {when}" if when else ""
    return f"{event_type}{place}{day}"


def _canonical_text(text: str) -> str:
    return text[0].lower() + text[1:] if text.startswith("The ") else text


def _most_common(counts: Counter[str]) -> str | None:
    if not counts:
        return None
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
