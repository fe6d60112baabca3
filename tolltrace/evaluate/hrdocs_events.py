"""hrdocs events: does the pipeline put the documents about one event together?

Majority (the main score). Each gold document goes to ONE system event: the one that holds
most of its claims (ties: the one exported first); a document none of whose claims is linked
goes to the first exported event that lists it among its documents, else stays alone. B³
against the document's gold main event: "which event is this article about?".

Overlapping (also reported). Each document is the set of system events listing it, against
the set of its gold events (main and in passing), scored with the extended B³ for overlapping
clusters: linking a document to several events is credited, spurious extra links charged.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tolltrace.evaluate.hrdocs import ExportedClaim, HrdocsGold
from tolltrace.evaluate.metrics import BCubed, b_cubed, b_cubed_overlapping

ALONE = "alone:"  # prefix of the singleton cluster of a document in no system event


@dataclass(frozen=True, slots=True)
class Cluster:
    """One system event as the majority rule sees it: its documents and their gold events."""

    label: str
    docs: tuple[str, ...]
    gold: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"event": self.label, "docs": list(self.docs), "gold": list(self.gold)}


@dataclass(frozen=True, slots=True)
class EventFigures:
    majority: BCubed
    overlapping: BCubed
    system_events: int
    docs_in_no_event: int
    clusters: tuple[Cluster, ...]


def score_events(
    gold: HrdocsGold,
    event_records: Sequence[Mapping[str, Any]],
    claims: Sequence[ExportedClaim],
    documents: frozenset[str],
    doc_of: Mapping[str, str],
) -> EventFigures:
    """Event B³ of the gold `documents` that have a main event.

    `claims` are every exported claim (their `doc` set); `doc_of` maps a stored document id to
    its gold id, completed from the claims for documents it does not know.
    """
    stored = dict(doc_of)
    for claim in claims:
        if claim.doc is not None:
            stored.setdefault(claim.document, claim.doc)
    order = {str(record["id"]): n for n, record in enumerate(event_records)}
    label = {str(r["id"]): str(r.get("label") or r.get("name") or r["id"]) for r in event_records}
    listed: dict[str, list[str]] = defaultdict(list)  # document -> events listing it, in order
    for record in event_records:
        for document in record.get("documents") or ():
            if (doc := stored.get(document)) is not None:
                listed[doc].append(str(record["id"]))
    linked: dict[str, Counter[str]] = defaultdict(Counter)
    for claim in claims:
        if claim.doc is not None and claim.event:
            linked[claim.doc][claim.event] += 1
    items = sorted(doc for doc in documents if doc in gold.main_event)
    main = {doc: _main_event(doc, linked[doc], listed[doc], order) for doc in items}
    gold_sets = {doc: frozenset({gold.main_event[doc]}) | gold.also_in.get(doc, frozenset())
                 for doc in items}  # fmt: skip
    system_sets = {doc: frozenset(listed[doc]) or frozenset({ALONE + doc}) for doc in items}
    members: dict[str, list[str]] = defaultdict(list)
    for doc in items:
        members[main[doc]].append(doc)
    clusters = sorted(
        (
            Cluster(
                label.get(event, event),
                tuple(docs),
                tuple(sorted({gold.main_event[d] for d in docs})),
            )
            for event, docs in members.items()
        ),
        key=lambda cluster: cluster.docs,
    )
    return EventFigures(
        majority=b_cubed({doc: [gold.main_event[doc]] for doc in items}, main),
        overlapping=b_cubed_overlapping(system_sets, gold_sets),
        system_events=len(event_records),
        docs_in_no_event=sum(1 for doc in items if main[doc].startswith(ALONE)),
        clusters=tuple(clusters),
    )


def _main_event(
    doc: str, linked: Counter[str], listed: Sequence[str], order: Mapping[str, int]
) -> str:
    if linked:
        most = max(linked.values())
        tied = [event for event, n in linked.items() if n == most]
        return min(tied, key=lambda event: order.get(event, len(order)))
    return listed[0] if listed else ALONE + doc
