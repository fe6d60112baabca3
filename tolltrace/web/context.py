"""What every route shares: the store of the request's thread, the templates, page rendering.

Routes are plain (sync) functions, so FastAPI runs each in a worker thread; SQLite
connections belong to one thread, so each worker thread keeps its own open store.
"""

from __future__ import annotations

import contextlib
import re
import threading
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from tolltrace import __version__
from tolltrace.model import CATEGORIES, QUALIFIERS
from tolltrace.reconcile.quotes import excerpt
from tolltrace.render import interval
from tolltrace.store import open_store
from tolltrace.store.base import Store
from tolltrace.store.reviews import MalformedId
from tolltrace.web.auth import Visitor

HERE = Path(__file__).parent
DOCUMENT_ID = re.compile(r"[0-9a-f]{64}")
CLAIM_ID = re.compile(r"[0-9a-f]{8,64}")
LINK_ID = re.compile(r"[A-Za-z0-9_.:-]{1,128}")  # event and entity ids
# SQLite integers are 64-bit, so a larger offset would overflow; no store holds 10**12 rows.
MAX_OFFSET = 10**12
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]

_environment = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_environment.globals.update(
    version=__version__,
    categories=CATEGORIES,
    qualifiers=QUALIFIERS,
    interval=interval,
)
_environment.filters["quote"] = excerpt  # a long sentence as the words around a claim
templates = Jinja2Templates(env=_environment)


class StoreHolder:
    """One open store per worker thread, for the database the app serves."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close_all(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            # A connection of another thread refuses to close here; the process ends anyway.
            with contextlib.suppress(Exception):
                store.close()


def store_of(request: Request) -> Store:
    holder: StoreHolder = request.app.state.stores
    return holder.get()


def client_address(request: Request) -> str:
    """The address the connection comes from (no proxy header is trusted)."""
    return request.client.host if request.client else "unknown"


def now(request: Request) -> datetime:
    """The app's clock (see `create_app`)."""
    moment: datetime = request.app.state.clock()
    return moment


_URL_IN_TITLE = re.compile(r"\s*[-–—|:·]?\s*<?https?://\S+>?\s*")


def display_title(title: str | None, uri: str) -> str:
    """A document's title for people: any URL in it removed; without one, where it came from
    (a URL without its scheme, or a path's file name)."""
    shown = _URL_IN_TITLE.sub(" ", title or "").strip(" -–—|:·")
    if shown:
        return shown
    if "://" in uri:
        return uri.split("://", 1)[1].removeprefix("www.")
    return Path(uri).name or uri


_environment.globals["display_title"] = display_title


class DocumentLabels:
    """Documents' titles for a page's links (read once each, only when a page shows them)."""

    def __init__(self, request: Request) -> None:
        self.request = request
        self.known: dict[str, tuple[str | None, str]] = {}

    def title(self, doc_id: str) -> str:
        if doc_id not in self.known:
            self.known |= store_of(self.request).document_labels([doc_id])
        found = self.known.get(doc_id)
        return display_title(*found) if found else doc_id[:10]


def render(
    request: Request, who: Visitor, template: str, status_code: int = 200, **values: Any
) -> HTMLResponse:
    values.update(request=request, who=who, csrf=who.csrf)
    values.setdefault("labels", DocumentLabels(request))
    return templates.TemplateResponse(request, template, values, status_code=status_code)


def checked(value: str, pattern: re.Pattern[str], what: str) -> str:
    """An id from a URL, if it has the form of one; nothing else ever reaches the store."""
    if not pattern.fullmatch(value):
        raise MalformedId(f"{value[:80]!r} is not a valid {what} id")
    return value


def page(request: Request, role: str = "viewer") -> tuple[Store, Visitor]:
    """The thread's store and the visitor, if they may act as `role` (see `auth.require`)."""
    from tolltrace.web.auth import require

    store = store_of(request)
    return store, require(store, request, role)
