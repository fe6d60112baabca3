"""The document page: clean text with its claims and entities marked, the original, custody."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from tolltrace.model import Claim, CustodyEntry
from tolltrace.store.base import ClaimQuery, Store
from tolltrace.store.links import EntityMention, EventQuery
from tolltrace.web.context import DOCUMENT_ID, checked, page, render
from tolltrace.web.highlight import claim_marks, entity_marks, pieces

router = APIRouter(include_in_schema=False)

# The policy of the shown original itself: no script, no request of any kind, inline styles
# only. The frame is also sandboxed without allow-scripts, and inherits the page's policy.
ORIGINAL_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
HTML_TYPES = ("text/html", "application/xhtml+xml")


def original_srcdoc(raw_text: str) -> str:
    """The original page for `<iframe sandbox srcdoc>`, its own CSP first (escaped by Jinja)."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{ORIGINAL_POLICY}">'
    return meta + raw_text


def mentioned_entities(mentions: list[EntityMention]) -> list[tuple[EntityMention, int]]:
    """Each entity mentioned once (its first mention stands for it), the most mentioned first."""
    counts = Counter(m.entity for m in mentions)
    first = {m.entity: m for m in reversed(mentions)}
    return sorted(
        ((first[entity], n) for entity, n in counts.items()),
        key=lambda item: (-item[1], item[0].name.casefold(), item[0].entity),
    )


def document_custody(store: Store, doc_id: str, claims: list[Claim]) -> list[CustodyEntry]:
    entries = list(store.custody(doc_id))
    for claim in claims:
        if claim.review != "unreviewed":
            entries.extend(store.custody(claim.id))
    return sorted(entries, key=lambda entry: entry.seq)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(
    request: Request,
    doc_id: str,
    view: Annotated[Literal["clean", "original"], Query()] = "clean",
) -> Response:
    store, who = page(request)
    stored = store.get_document(checked(doc_id, DOCUMENT_ID, "document"))
    claims = list(store.claims(ClaimQuery(document=doc_id)))
    mentions = store.document_mentions(doc_id)
    is_html = stored.document.media_type in HTML_TYPES
    text = stored.clean.text if stored.clean else ""
    if view == "original":
        shown = [] if is_html else pieces(stored.raw_text, claim_marks(claims, raw=True))
    else:
        # Claims first: on the very same words, the claim is the link.
        shown = pieces(text, claim_marks(claims) + entity_marks(mentions))
    return render(
        request,
        who,
        "document.html",
        stored=stored,
        doc=stored.document,
        clean=stored.clean,
        view=view,
        is_html=is_html,
        srcdoc=original_srcdoc(stored.raw_text) if view == "original" and is_html else "",
        pieces=shown,
        claims=claims,
        entities=mentioned_entities(mentions),
        events=list(store.events(EventQuery(document=doc_id, limit=50))),
        custody=document_custody(store, doc_id, claims),
    )
