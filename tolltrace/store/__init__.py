"""Storage backends behind one interface; optional engines are imported only when asked for."""

from __future__ import annotations

import re

from tolltrace.store.base import Store


def open_store(location: str) -> Store:
    """Open the store at `location`: a file path or sqlite:///path (default), or a database URL."""
    if location.startswith(("postgresql://", "postgres://")):
        from tolltrace.store.postgres import PostgresStore  # psycopg only when asked for

        return PostgresStore(location)
    from tolltrace.store.sqlite import SQLiteStore

    path = location.removeprefix("sqlite:///") if location.startswith("sqlite:///") else location
    return SQLiteStore(path)


def location_label(location: str) -> str:
    """The location as messages show it: a database URL without its password."""
    return re.sub(r"(://[^:/@?]*):[^@/?]*@", r"\1:***@", location)


__all__ = ["Store", "location_label", "open_store"]
