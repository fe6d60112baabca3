"""The review app: `create_app(db)` builds the FastAPI application over one store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Response
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles

from tolltrace import __version__
from tolltrace.store import open_store
from tolltrace.web import errors
from tolltrace.web.context import HERE, StoreHolder
from tolltrace.web.guard import BodyLimit, SecurityHeaders
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
    victims,
)
from tolltrace.web.throttle import Clock, utc_now


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

    @app.get("/", include_in_schema=False)
    def home() -> Response:
        return RedirectResponse("/search", status_code=303)

    @app.api_route("/favicon.ico", methods=["GET", "HEAD"], include_in_schema=False)
    def favicon() -> Response:
        # Browsers ask for it on every page; an SVG under this name serves them all.
        icon = (HERE / "static" / "favicon.svg").read_bytes()
        return Response(
            icon, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"}
        )

    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit)  # added last: it runs first, before any body is read
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (
        login, admin, search, documents, claims, review, events, entities, victims, docs, api,
    ):  # fmt: skip
        app.include_router(module.router)
    return app
