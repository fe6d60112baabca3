"""One error shape for the JSON API, one error page for people; both from the same mapping.

Every API error is `{"error": {"status": int, "code": str, "message": str, "detail": ...}}`:
`code` is the stable tolltrace code (T3xx...) or `HTTP<status>` for protocol errors such as
an unknown route; `detail` is present only when there is more to say (a conflict's newer
decision, the fields a request got wrong, the seconds to wait after too many failed sign-ins).
`tests/test_web_api.py` enforces the shape.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from tolltrace.errors import AmbiguousId, DocumentNotFound, StoreError, TolltraceError
from tolltrace.store.reviews import (
    BadCredentials,
    ClaimNotFound,
    InvalidReview,
    MalformedId,
    NotAllowed,
    ReviewConflict,
    UserExists,
    UserNotFound,
)
from tolltrace.web.auth import NotSignedIn, visitor
from tolltrace.web.context import render, store_of
from tolltrace.web.guard import is_api, secure
from tolltrace.web.throttle import TooManySignIns

_STATUS: tuple[tuple[type[TolltraceError], int], ...] = (
    (TooManySignIns, 429),
    (NotSignedIn, 401),
    (BadCredentials, 401),
    (NotAllowed, 403),
    (ReviewConflict, 409),
    (UserExists, 409),
    (AmbiguousId, 409),
    (InvalidReview, 422),
    (MalformedId, 404),
    (DocumentNotFound, 404),
    (ClaimNotFound, 404),
    (UserNotFound, 404),
)


def status_for(error: TolltraceError) -> int:
    for kind, status in _STATUS:
        if isinstance(error, kind):
            return status
    if type(error).__name__.endswith("NotFound"):  # EventNotFound, EntityNotFound, ...
        return 404
    return 500 if isinstance(error, StoreError) else 400


def error_body(status: int, code: str, message: str, detail: Any = None) -> dict[str, Any]:
    error: dict[str, Any] = {"status": status, "code": code, "message": message}
    if detail is not None:
        error["detail"] = detail
    return {"error": error}


def _respond(request: Request, status: int, code: str, message: str, detail: Any) -> Response:
    if is_api(request.url.path):
        return JSONResponse(error_body(status, code, message, detail), status_code=status)
    if status == 401 and request.method == "GET":
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
    try:
        who = visitor(store_of(request), request)
    except TolltraceError:  # the store itself is the problem: show the page without a user
        from tolltrace.web.auth import Visitor

        who = Visitor(None, None)
    return render(
        request, who, "error.html", status_code=status, status=status, code=code, message=message
    )


def install(app: FastAPI) -> None:
    """Register the handlers that give every error its one shape."""

    async def tolltrace_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, TolltraceError)
        detail: dict[str, Any] | None = None
        if isinstance(exc, ReviewConflict):
            detail = {"current": asdict(exc.current)}
        if isinstance(exc, TooManySignIns):
            detail = {"retry_after": exc.retry_after}
        response = _respond(request, status_for(exc), exc.code, exc.message, detail)
        if isinstance(exc, TooManySignIns):
            response.headers["Retry-After"] = str(exc.retry_after)
        return response

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        response = _respond(request, exc.status_code, f"HTTP{exc.status_code}", message, None)
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems = [
            {"where": ".".join(str(part) for part in error["loc"]), "problem": error["msg"]}
            for error in exc.errors()
        ]
        message = "; ".join(f"{p['where']}: {p['problem']}" for p in problems)
        return _respond(request, 422, "HTTP422", f"invalid request: {message}", problems)

    async def unexpected(request: Request, exc: Exception) -> Response:
        message = f"an unexpected error ({type(exc).__name__}): please report it"
        # A 500 is answered outside every middleware: it gets its headers here.
        return secure(request.url.path, _respond(request, 500, "T200", message, None))

    app.add_exception_handler(TolltraceError, tolltrace_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, unexpected)
