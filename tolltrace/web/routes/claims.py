"""The claim page: its fields, its sentence, its document, event and source, its reviews."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from tolltrace.errors import TolltraceError
from tolltrace.model import Claim, Entity, Event, Review
from tolltrace.store.base import Store
from tolltrace.store.links import EventQuery
from tolltrace.web.auth import Visitor
from tolltrace.web.context import CLAIM_ID, checked, page, render
from tolltrace.web.highlight import sentence_pieces

router = APIRouter(include_in_schema=False)


def claim_event(store: Store, claim: Claim) -> Event | None:
    if claim.event is None:
        return None
    try:
        return store.get_event(claim.event)
    except TolltraceError:  # linked to an event a re-link removed
        return None


def event_choices(store: Store, claim: Claim) -> list[Event]:
    """The events a reviewer may move the claim to by name: its document's, and its own."""
    choices = {e.id: e for e in store.events(EventQuery(document=claim.document, limit=50))}
    current = claim_event(store, claim)
    if current is not None:
        choices.setdefault(current.id, current)
    return list(choices.values())


def claim_source(store: Store, claim: Claim) -> Entity | None:
    if not claim.attributed_to:
        return None
    try:
        return store.get_entity(claim.attributed_to)
    except TolltraceError:
        return None


def render_claim(
    request: Request,
    store: Store,
    who: Visitor,
    claim: Claim,
    status_code: int = 200,
    conflict: Review | None = None,
    error: str = "",
    form: dict[str, Any] | None = None,
) -> Response:
    """The claim page; after a refused decision, with the reviewer's own values kept."""
    reviews = store.reviews(claim.id)
    values = {
        "low": claim.low,
        "high": claim.high,
        "qualifier": claim.qualifier,
        "category": claim.category,
        "attributed_to": claim.attributed_to,
        "event": claim.event,
        "reason": "",
    }
    if form:
        values.update(form)
    return render(
        request,
        who,
        "claim.html",
        status_code=status_code,
        claim=claim,
        sentence=sentence_pieces(claim),
        document=store.get_document(claim.document).document,
        event=claim_event(store, claim),
        event_choices=event_choices(store, claim),
        source=claim_source(store, claim),
        reviews=reviews,
        review_version=len(reviews),  # not `version`: that is tolltrace's, in the footer
        conflict=conflict,
        error=error,
        values=values,
    )


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim_page(request: Request, claim_id: str) -> Response:
    store, who = page(request)
    claim = store.get_claim(checked(claim_id, CLAIM_ID, "claim"))
    return render_claim(request, store, who, claim)
