"""The review app: `create_app(db)` builds the FastAPI application over one store."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles

from tolltrace import __version__
from tolltrace.store import open_store
from tolltrace.web import errors
from tolltrace.web.context import HERE, StoreHolder
from tolltrace.web.routes import (
    admin,
    api,
    claims,
    docs,
    documents,
    entities,
    events,
    login,
    review,
    search,
)
from tolltrace.web.throttle import Clock, utc_now

# Pages load scripts, styles and images only from this server; nothing is sent elsewhere.
# The original of a scraped page is shown in a sandboxed srcdoc frame under its own stricter
# policy (see `documents.original_srcdoc`).
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-src 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def create_app(db: str, clock: Clock = utc_now) -> FastAPI:
    """The app serving the store at `db` (a SQLite path); each worker thread opens its own.

    `clock` tells the time to the sign-in limit (tests pass their own).
    """
    open_store(db).close()  # fail now, not at the first request, if the store is unusable
    stores = StoreHolder(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close_all()

    app = FastAPI(
        title="tolltrace",
        version=__version__,
        description="Claims (who was killed, arrested... and who says so), their documents, "
        "events, entities and review decisions. Errors have one shape: "
        '`{"error": {"status", "code", "message", "detail"?}}`.',
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.stores = stores
    app.state.clock = clock
    errors.install(app)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/api/") or "text/html" in response.headers.get(
            "content-type", ""
        ):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.get("/", include_in_schema=False)
    def home() -> Response:
        return RedirectResponse("/search", status_code=303)

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (login, admin, search, documents, claims, review, events, entities, docs, api):
        app.include_router(module.router)
    return app
