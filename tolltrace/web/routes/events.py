"""Event pages: the list, and one event's findings with figures side by side by source.

An event page shows a window of `EVENT_ROWS` rows of each of its long lists (every finding's
figures, contradictions and sources, the claims, the documents), moved with `?offset=`, and
quotes cut to `QUOTE_LIMIT` characters: its size has a bound whatever the event holds.
"""

from __future__ import annotations

import base64
import importlib
from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from tolltrace.model import Claim, Finding
from tolltrace.reconcile.quotes import excerpt
from tolltrace.report.words import consensus_words
from tolltrace.store.links import EventQuery
from tolltrace.web.context import LINK_ID, Offset, checked, page, render

router = APIRouter(include_in_schema=False)
EVENTS_PAGE = 50
EVENT_ROWS = 50  # rows of each list of an event page


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


def finding_window(finding: Finding, offset: int, limit: int) -> Finding:
    """`finding` with `limit` of its figures, contradictions and sources from `offset`, each
    figure's sentence cut to a quote (a finding stored by an older version may hold more)."""
    window = slice(offset, offset + limit)
    figures = tuple(
        replace(f, sentence=excerpt(f.sentence, f.text)) for f in finding.figures[window]
    )
    return replace(
        finding,
        figures=figures,
        contradictions=finding.contradictions[window],
        support=finding.support[window],
    )


def list_sizes(finding: Finding) -> dict[str, int]:
    """How many rows each list of a finding holds, shown when a window cuts them."""
    return {
        "figures": len(finding.figures),
        "contradictions": len(finding.contradictions),
        "support": len(finding.support),
    }


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(
    request: Request, event_id: str, offset: Annotated[int, Query(ge=0, le=10**9)] = 0
) -> Response:
    store, who = page(request)
    event = store.get_event(checked(event_id, LINK_ID, "event"))
    stored = list(store.findings(event.id))
    findings = [finding_window(f, offset, EVENT_ROWS) for f in stored]
    every_claim = store.event_claims(event.id)
    listed = every_claim[offset : offset + EVENT_ROWS]
    named = {figure.claim for finding in findings for figure in finding.figures}
    named.update(
        c for f in findings for pair in f.contradictions for c in (pair.first, pair.second)
    )
    claims: dict[str, Claim] = {c.id: c for c in every_claim if c.id in named}
    defies = {f.claim: f.contradicts for s in stored for f in s.figures if f.claim in named}
    longest = max(
        [
            len(every_claim),
            len(event.documents),
            *(n for f in stored for n in list_sizes(f).values()),
        ]
    )
    return render(
        request,
        who,
        "event.html",
        event=event,
        findings=findings,
        sizes={f.category: list_sizes(f) for f in stored},
        claims=claims,
        defies=defies,
        listed=listed,
        claim_count=len(every_claim),
        documents=event.documents[offset : offset + EVENT_ROWS],
        offset=offset,
        page_size=EVENT_ROWS,
        shown=min(EVENT_ROWS, max(0, longest - offset)),
        longest=longest,
        chart=chart_data_uri(stored),
    )
