"""Event pages: the list, and one event's findings with figures side by side by source."""

from __future__ import annotations

import base64
import importlib
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from tolltrace.model import Finding
from tolltrace.report.words import consensus_words
from tolltrace.store.links import EventQuery
from tolltrace.web.context import LINK_ID, Offset, checked, page, render

router = APIRouter(include_in_schema=False)
EVENTS_PAGE = 50


def chart_data_uri(findings: list[Finding]) -> str:
    """The figures-over-time chart as an image URI: an <img> never runs what an SVG holds."""
    try:
        chart = importlib.import_module("tolltrace.report.chart")
    except ImportError:
        return ""
    svg = str(chart.figures_chart_svg(findings))
    if not svg:
        return ""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def headline(findings: list[Finding], most: int = 3) -> list[tuple[str, str]]:
    """An event's figures at a glance: (category, what its figures say), for `most` of them.

    A consistent finding gives its consensus; a contradictory one the span of its figures.
    """
    lines = []
    for finding in findings[:most]:
        words = consensus_words(finding)
        lows = [
            f.low for f in finding.figures if f.low is not None and not f.negated and not f.part
        ]
        if not finding.consistent and lows:
            words = f"{min(lows):,} to {max(lows):,}, contradictory"
        lines.append((finding.category, words))
    return lines


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    offset: Offset = 0,
) -> Response:
    store, who = page(request)
    query = EventQuery(text=q or None, limit=EVENTS_PAGE, offset=offset)
    return render(
        request,
        who,
        "events.html",
        q=q,
        events=(found := list(store.events(query))),
        headlines={event.id: headline(list(store.findings(event.id))) for event in found},
        total=store.count_events(query),
        offset=offset,
        page_size=EVENTS_PAGE,
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> Response:
    store, who = page(request)
    event = store.get_event(checked(event_id, LINK_ID, "event"))
    findings = list(store.findings(event.id))
    claims = {claim.id: claim for claim in store.event_claims(event.id)}
    return render(
        request,
        who,
        "event.html",
        event=event,
        findings=findings,
        claims=claims,
        chart=chart_data_uri(findings),
    )
