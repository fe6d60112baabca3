"""Storage backends behind one interface; optional engines are imported only when asked for."""

from __future__ import annotations

from tolltrace.store.base import Store


def open_store(location: str) -> Store:
    """Open the store at `location`: a file path or sqlite:///path (default), or a database URL."""
    if location.startswith(("postgresql://", "postgres://")):
        from tolltrace.store.postgres import PostgresStore  # psycopg only when asked for

        return PostgresStore(location)
    from tolltrace.store.sqlite import SQLiteStore

    path = location.removeprefix("sqlite:///") if location.startswith("sqlite:///") else location
    return SQLiteStore(path)


__all__ = ["Store", "open_store"]
