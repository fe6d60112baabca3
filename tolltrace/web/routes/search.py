"""The search page: documents (full text), claims, events and entities matching the words."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup, escape

from tolltrace.model import Claim, Entity, Event
from tolltrace.store.base import SearchHit, Store
from tolltrace.store.links import EntityQuery, EventQuery
from tolltrace.web.context import page, render

router = APIRouter(include_in_schema=False)
MAX_QUERY = 500


def snippet_html(snippet: str) -> Markup:
    """The store's snippet (matches between [ and ]) escaped, then the matches marked."""
    escaped = str(escape(snippet))
    return Markup(escaped.replace("[", "<mark>").replace("]", "</mark>"))


@dataclass(frozen=True, slots=True)
class SearchResults:
    documents: list[SearchHit] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.documents or self.claims or self.events or self.entities)


def search_all(store: Store, words: str, limit: int = 20) -> SearchResults:
    words = words.strip()[:MAX_QUERY]
    if not words:
        return SearchResults()
    return SearchResults(
        documents=store.search(words, limit=limit),
        claims=store.search_claims(words, limit=limit),
        events=list(store.events(EventQuery(text=words, limit=10))),
        entities=list(store.entities(EntityQuery(name=words, limit=10, mentions=False))),
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(max_length=MAX_QUERY)] = "") -> Response:
    store, who = page(request)
    found = search_all(store, q)
    template = "search_results.html" if request.headers.get("hx-request") else "search.html"
    return render(
        request,
        who,
        template,
        q=q,
        found=found,
        snippet=snippet_html,
        documents=store.count_documents() if not q else None,
        counts=store.review_counts() if not q else None,
    )
