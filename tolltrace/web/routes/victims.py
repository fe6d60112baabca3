"""Victim pages: the list of named victims, and one victim's mentions, sources and evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from tolltrace.link.victims import evidence_lines
from tolltrace.model import FATES
from tolltrace.store.victims import VictimQuery
from tolltrace.web.context import LINK_ID, Offset, checked, page, render

router = APIRouter(include_in_schema=False)
VICTIMS_PAGE = 50


@router.get("/victims", response_class=HTMLResponse)
def victims_page(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    fate: Annotated[str, Query(pattern="^(|" + "|".join(FATES) + ")$")] = "",
    offset: Offset = 0,
) -> Response:
    store, who = page(request)
    query = VictimQuery(fate=fate or None, name=q or None, limit=VICTIMS_PAGE, offset=offset)
    return render(
        request,
        who,
        "victims.html",
        q=q,
        fate=fate,
        fates=FATES,
        victims=list(store.victims(query)),
        total=store.count_victims(query),
        offset=offset,
        page_size=VICTIMS_PAGE,
    )


@router.get("/victims/{victim_id}", response_class=HTMLResponse)
def victim_page(request: Request, victim_id: str) -> Response:
    store, who = page(request)
    victim = store.get_victim(checked(victim_id, LINK_ID, "victim"))
    return render(request, who, "victim.html", victim=victim, evidence=evidence_lines(victim))
