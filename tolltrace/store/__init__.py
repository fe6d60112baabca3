"""Storage backends behind one interface; optional engines are imported only when asked for."""

from __future__ import annotations

from tolltrace.errors import BackendMissing
from tolltrace.store.base import Store


def open_store(location: str) -> Store:
    """Open the store at `location`: a file path or sqlite:///path (default), or a database URL."""
    if location.startswith(("postgresql://", "postgres://")):
        raise BackendMissing(
            "the PostgreSQL backend is not part of this version yet: use a SQLite file "
            "(--db ./tolltrace.db)"
        )
    from tolltrace.store.sqlite import SQLiteStore

    path = location.removeprefix("sqlite:///") if location.startswith("sqlite:///") else location
    return SQLiteStore(path)


__all__ = ["Store", "open_store"]
