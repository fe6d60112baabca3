"""Entity pages: the list, and one entity's aliases with evidence, roles, mentions and claims."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from tolltrace.model import ENTITY_TYPES
from tolltrace.store.links import EntityQuery
from tolltrace.web.context import LINK_ID, Offset, checked, page, render

router = APIRouter(include_in_schema=False)
ENTITIES_PAGE = 50
MENTIONS_SHOWN = 200


@router.get("/entities", response_class=HTMLResponse)
def entities_page(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    type: Annotated[str, Query(pattern="^(|person|organisation|place)$")] = "",
    offset: Offset = 0,
) -> Response:
    store, who = page(request)
    query = EntityQuery(
        type=type or None, name=q or None, limit=ENTITIES_PAGE, offset=offset, mentions=False
    )
    return render(
        request,
        who,
        "entities.html",
        q=q,
        type=type,
        types=ENTITY_TYPES,
        entities=(found := list(store.entities(query))),
        mention_counts={entity.id: store.entity_mention_count(entity.id) for entity in found},
        total=store.count_entities(query),
        offset=offset,
        page_size=ENTITIES_PAGE,
    )


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str) -> Response:
    store, who = page(request)
    entity = store.get_entity(checked(entity_id, LINK_ID, "entity"))
    by_document = Counter(mention.document for mention in entity.mentions)
    return render(
        request,
        who,
        "entity.html",
        entity=entity,
        mentions=entity.mentions[:MENTIONS_SHOWN],
        by_document=by_document.most_common(50),
        claims=store.entity_claims(entity.id),
    )
