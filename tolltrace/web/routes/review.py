"""Review decisions from the claim page's form, and the review queue."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from tolltrace.model import REVIEWABLE_FIELDS, Claim
from tolltrace.store.reviews import InvalidReview, ReviewConflict
from tolltrace.web.auth import check_csrf
from tolltrace.web.context import CLAIM_ID, Offset, checked, page, render
from tolltrace.web.routes.claims import render_claim

router = APIRouter(include_in_schema=False)
QUEUE_PAGE = 50


def form_changes(claim: Claim, submitted: dict[str, str]) -> dict[str, Any]:
    """The fields a correction form changes: those whose submitted value differs from the claim.

    Counts are whole numbers or empty (no bound); empty text is null.
    """
    changes: dict[str, Any] = {}
    for name in REVIEWABLE_FIELDS:
        if name not in submitted:
            continue
        raw = submitted[name].strip()
        value: Any
        if name in ("low", "high"):
            digits = raw.replace(",", "").replace("_", "")
            if digits and not (digits.isascii() and digits.isdigit() and len(digits) <= 13):
                raise InvalidReview(f"{name} must be a whole number of people or empty: {raw!r}")
            value = int(digits) if digits else None
        else:
            value = raw or None
        if value != getattr(claim, name):
            changes[name] = value
    return changes


@router.post("/claims/{claim_id}/review")
def review_form(
    request: Request,
    claim_id: str,
    action: Annotated[str, Form()],
    version: Annotated[int, Form()],
    csrf: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
    low: Annotated[str | None, Form()] = None,
    high: Annotated[str | None, Form()] = None,
    qualifier: Annotated[str | None, Form()] = None,
    category: Annotated[str | None, Form()] = None,
    attributed_to: Annotated[str | None, Form()] = None,
    event: Annotated[str | None, Form()] = None,
) -> Response:
    store, who = page(request, "analyst")
    check_csrf(who, request, csrf)
    assert who.user is not None
    claim = store.get_claim(checked(claim_id, CLAIM_ID, "claim"))
    submitted = {
        name: value
        for name, value in zip(
            REVIEWABLE_FIELDS, (low, high, qualifier, category, attributed_to, event), strict=True
        )
        if value is not None
    }
    form = {**submitted, "reason": reason}
    try:
        changes = form_changes(claim, submitted) if action == "correct" else {}
        store.review_claim(claim.id, action, changes, reason, who.user.name, version)
    except ReviewConflict as exc:
        # Nothing is lost: the page shows the newer decision and keeps this reviewer's values.
        latest = store.get_claim(claim.id)
        return render_claim(request, store, who, latest, 409, exc.current, exc.message, form)
    except InvalidReview as exc:
        return render_claim(request, store, who, claim, 422, None, exc.message, form)
    back = request.headers.get("hx-current-url") if request.headers.get("hx-request") else None
    if back and back.split("?")[0].endswith("/queue"):
        return Response(status_code=200, content="")  # the queue row just disappears
    return RedirectResponse(f"/claims/{claim.id}#review", status_code=303)


@router.get("/queue", response_class=HTMLResponse)
def queue_page(request: Request, offset: Offset = 0) -> Response:
    store, who = page(request)
    queued = store.review_queue(limit=QUEUE_PAGE, offset=offset)
    return render(
        request,
        who,
        "queue.html",
        claims=[q.claim for q in queued],
        contradicted={q.claim.id for q in queued if q.contradicted},
        counts=store.review_counts(),
        offset=offset,
        page_size=QUEUE_PAGE,
    )
