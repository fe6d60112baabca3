"""What a report shows of one event, read from the store: findings, sources, body sizes."""

from __future__ import annotations

from dataclasses import dataclass

from tolltrace.extract.bodies import find_body_sizes
from tolltrace.model import Event, Finding
from tolltrace.reconcile.bodies import BodySizeDisagreement, reconcile_body_sizes
from tolltrace.reconcile.sources import SourceDocument, outlet_name
from tolltrace.store.base import Store
from tolltrace.store.links import EventQuery


@dataclass(frozen=True, slots=True)
class EventReport:
    event: Event
    findings: tuple[Finding, ...]
    documents: dict[str, SourceDocument]
    bodies: tuple[BodySizeDisagreement, ...]


def gather_event(store: Store, reference: str) -> EventReport:
    """The report of the event `reference` (an id or id prefix) names."""
    event = store.get_event(reference)
    documents: dict[str, SourceDocument] = {}
    sizes = {}
    for doc_id in event.documents:
        stored = store.get_document(doc_id)
        clean = stored.clean
        if clean is None:
            continue
        uri = stored.document.uri
        documents[doc_id] = SourceDocument(
            doc_id, uri, outlet_name(uri, clean.site), clean.published, clean.title
        )
        sizes[doc_id] = find_body_sizes(clean.text)
    return EventReport(
        event,
        tuple(store.findings(event.id)),
        documents,
        tuple(reconcile_body_sizes(sizes, documents)),
    )


def largest_events(store: Store, limit: int) -> list[Event]:
    """The `limit` events with the most claims (then the most documents)."""
    events = list(store.events(EventQuery()))
    events.sort(key=lambda event: (-len(event.claims), -len(event.documents), event.id))
    return events[:limit]
