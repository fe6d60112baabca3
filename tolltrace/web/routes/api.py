"""The JSON API under /api/: the same data as the pages, for scripts (OpenAPI at /docs).

Reads need what the pages need (an account, unless an admin opened read-only access); a review
needs an analyst's session and its CSRF token in the `X-CSRF-Token` header. Every error has
the one shape of `tolltrace.web.errors`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field

from tolltrace.export import claim_record, write_jsonl
from tolltrace.model import CATEGORIES, REVIEW_ACTIONS, Claim
from tolltrace.store.base import ClaimQuery
from tolltrace.store.links import EntityMention, EntityQuery, EventQuery
from tolltrace.store.reviews import InvalidReview
from tolltrace.web.auth import check_csrf, end_session, start_session
from tolltrace.web.context import (
    CLAIM_ID,
    DOCUMENT_ID,
    LINK_ID,
    Offset,
    checked,
    client_address,
    now,
    page,
    store_of,
)
from tolltrace.web.routes.events import finding_window, list_sizes
from tolltrace.web.routes.search import search_all
from tolltrace.web.throttle import checked_sign_in

router = APIRouter(prefix="/api", tags=["api"])
Limit = Annotated[int, Query(ge=1, le=1000)]


class SignIn(BaseModel):
    name: str = Field(max_length=64)
    password: str = Field(max_length=1024)


class ReviewDecision(BaseModel):
    """A decision on a claim. `version`: how many decisions the claim had when you read it."""

    action: Literal["confirm", "reject", "correct"] = Field(
        description=f"one of {', '.join(REVIEW_ACTIONS)}"
    )
    changes: dict[str, int | str | None] = Field(
        default_factory=dict,
        description="for a correction: new values of low, high, qualifier, category, "
        "attributed_to (the source) or event",
    )
    reason: str = Field(default="", max_length=5000)
    version: int = Field(ge=0)


def _claim_json(claim: Claim) -> dict[str, Any]:
    return claim_record(claim)


@router.post(
    "/session",
    summary="Sign in; the answer holds the CSRF token for writes",
    responses={429: {"description": "5 failed sign-ins in 15 minutes: `detail.retry_after`"}},
)
def sign_in(request: Request, body: SignIn, response: Response) -> dict[str, Any]:
    store = store_of(request)
    user = checked_sign_in(store, body.name, body.password, client_address(request), now(request))
    session = start_session(store, user, response, secure=request.url.scheme == "https")
    return {"user": asdict(user), "csrf": session.csrf, "expires_at": session.expires_at}


@router.delete("/session", summary="Sign out")
def sign_out(request: Request, response: Response) -> dict[str, Any]:
    store, who = page(request)
    check_csrf(who, request, None)
    end_session(store, request, response)
    return {"signed_out": True}


@router.get("/documents", summary="Documents in ingest order")
def documents(request: Request, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    store, _ = page(request)
    found = [asdict(doc) for doc in store.documents(limit=limit, offset=offset)]
    return {"total": store.count_documents(), "documents": found}


@router.get(
    "/documents/{doc_id}", summary="One document: metadata, clean text, claims, entity mentions"
)
def document(request: Request, doc_id: str) -> dict[str, Any]:
    """`mentions`: each entity mention's clean-text span and words, with the entity's id,
    canonical name and type, by position (empty until `tolltrace link` has run)."""
    store, _ = page(request)
    stored = store.get_document(checked(doc_id, DOCUMENT_ID, "document"))
    clean = stored.clean
    return {
        "document": asdict(stored.document),
        "title": clean.title if clean else None,
        "published": clean.published if clean else None,
        "text": clean.text if clean else None,
        "claims": [_claim_json(c) for c in store.claims(ClaimQuery(document=doc_id))],
        "mentions": [_mention_json(m) for m in store.document_mentions(doc_id)],
    }


def _mention_json(found: EntityMention) -> dict[str, Any]:
    mention = found.mention
    return {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "entity": found.entity,
        "name": found.name,
        "type": found.type,
    }


@router.get("/claims", summary="Claims (the export schema), with their review state")
def claims(
    request: Request,
    category: Annotated[list[str] | None, Query()] = None,
    document: Annotated[str | None, Query(pattern="^[0-9a-f]{1,64}$")] = None,
    source: str | None = None,
    limit: Limit = 100,
) -> dict[str, Any]:
    store, _ = page(request)
    unknown = sorted(set(category or ()) - set(CATEGORIES))
    if unknown:
        raise InvalidReview(f"unknown category {unknown[0]!r}: one of {', '.join(CATEGORIES)}")
    query = ClaimQuery(tuple(category or ()), document, source, limit)
    return {
        "total": store.count_claims(query),
        "claims": [_claim_json(claim) for claim in store.claims(query)],
    }


@router.get("/claims/{claim_id}", summary="One claim and every decision on it")
def claim(request: Request, claim_id: str) -> dict[str, Any]:
    store, _ = page(request)
    found = store.get_claim(checked(claim_id, CLAIM_ID, "claim"))
    reviews = store.reviews(found.id)
    return {
        "claim": _claim_json(found),
        "version": len(reviews),
        "reviews": [asdict(r) for r in reviews],
    }


@router.post(
    "/claims/{claim_id}/review",
    summary="Confirm, reject or correct a claim (analysts)",
    responses={409: {"description": "someone decided since `version`: `detail.current`"}},
)
def review(request: Request, claim_id: str, body: ReviewDecision) -> dict[str, Any]:
    store, who = page(request, "analyst")
    check_csrf(who, request, None)
    assert who.user is not None
    checked(claim_id, CLAIM_ID, "claim")
    decision = store.review_claim(
        claim_id, body.action, body.changes, body.reason, who.user.name, body.version
    )
    return {"review": asdict(decision), "claim": _claim_json(store.get_claim(claim_id))}


@router.get("/queue", summary="Unreviewed claims, contradicted ones first")
def queue(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Each claim also says whether a finding says it `contradicted` another."""
    store, _ = page(request)
    found = store.review_queue(limit=limit, offset=offset)
    return {
        "counts": store.review_counts(),
        "claims": [{**_claim_json(q.claim), "contradicted": q.contradicted} for q in found],
    }


@router.get("/search", summary="Documents, claims, events and entities matching words")
def search(request: Request, q: Annotated[str, Query(max_length=500)]) -> dict[str, Any]:
    store, _ = page(request)
    found = search_all(store, q)
    return {
        "documents": [
            {"document": asdict(hit.document), "title": hit.title, "snippet": hit.snippet}
            for hit in found.documents
        ],
        "claims": [_claim_json(c) for c in found.claims],
        "events": [asdict(e) for e in found.events],
        "entities": [asdict(e) for e in found.entities],
    }


@router.get("/events", summary="Events, by date")
def events(
    request: Request, q: str | None = None, limit: Limit = 100, offset: Offset = 0
) -> dict[str, Any]:
    store, _ = page(request)
    query = EventQuery(text=q, limit=limit, offset=offset)
    return {
        "total": store.count_events(query),
        "events": [asdict(e) for e in store.events(query)],
    }


@router.get("/events/{event_id}", summary="One event, its findings and its claims, by windows")
def event(
    request: Request,
    event_id: str,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> dict[str, Any]:
    """Each long list (every finding's figures, contradictions and support, and the claims)
    holds `limit` rows from `offset`; a finding's `sizes` and `claim_count` count them all."""
    store, _ = page(request)
    found = store.get_event(checked(event_id, LINK_ID, "event"))
    claims = store.event_claims(found.id)
    return {
        "event": asdict(found),
        "findings": [
            {**asdict(finding_window(f, offset, limit)), "sizes": list_sizes(f)}
            for f in store.findings(found.id)
        ],
        "claims": [_claim_json(c) for c in claims[offset : offset + limit]],
        "claim_count": len(claims),
        "offset": offset,
        "limit": limit,
    }


@router.get("/entities", summary="Entities, the most mentioned first")
def entities(
    request: Request, q: str | None = None, limit: Limit = 100, offset: Offset = 0
) -> dict[str, Any]:
    store, _ = page(request)
    query = EntityQuery(name=q, limit=limit, offset=offset, mentions=False)
    return {
        "total": store.count_entities(query),
        "entities": [asdict(e) for e in store.entities(query)],
    }


@router.get("/entities/{entity_id}", summary="One entity: aliases, roles, mentions, claims")
def entity(request: Request, entity_id: str) -> dict[str, Any]:
    store, _ = page(request)
    found = store.get_entity(checked(entity_id, LINK_ID, "entity"))
    return {
        "entity": asdict(found),
        "claims": [_claim_json(c) for c in store.entity_claims(found.id)],
    }


@router.get(
    "/export/claims.jsonl",
    summary="Claims as JSON Lines (the export schema, review state included)",
    response_class=StreamingResponse,
)
def export_jsonl(
    request: Request,
    document: Annotated[str | None, Query(pattern="^[0-9a-f]{1,64}$")] = None,
) -> StreamingResponse:
    store, _ = page(request)
    rows = list(store.claims(ClaimQuery(document=document)))

    def lines() -> Iterator[str]:
        for start in range(0, len(rows), 500):
            out = io.StringIO()
            write_jsonl(rows[start : start + 500], out)
            yield out.getvalue()

    return StreamingResponse(
        lines(),
        media_type="application/x-ndjson",
        headers={"Content-Disposition": 'attachment; filename="claims.jsonl"'},
    )
