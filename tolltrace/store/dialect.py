"""What differs between the SQL engines a store runs on, so that the tables share one SQL text.

The link, review, lease and lookup tables write their statements once, in SQLite's spelling
(the default store). A `Dialect` turns such a statement into the spelling of another engine:
its placeholders, `INSERT OR IGNORE`/`OR REPLACE` as `ON CONFLICT`, case-insensitive
comparison, JSON access, "no limit". The SQLite dialect leaves every statement as it is.
Statements are translated once and cached. What cannot be said in a shared statement (the
schema, full-text search, the custody log's guards) each backend writes itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol


class Cursor(Protocol):
    """The part of a DB-API cursor the tables use."""

    @property
    def rowcount(self) -> int: ...

    @property
    def lastrowid(self) -> int | None: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def fetchmany(self, size: int = ..., /) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The part of a DB-API connection the tables use (sqlite3.Connection is one)."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Cursor: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Dialect:
    """How one engine spells what the shared statements say."""

    name: str
    # Table -> (key columns, every column in order): `INSERT OR REPLACE` becomes an upsert.
    replace_keys: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)

    def translate(self, sql: str) -> str:
        if self.name == "sqlite":
            return sql
        return _to_postgres(sql, tuple(sorted(self.replace_keys.items())))


SQLITE = Dialect("sqlite")
POSTGRES = Dialect(
    "postgresql",
    {
        "extraction_leases": (("document",), ("document", "owner", "expires")),
        "mention_cache": (("document",), ("document", "finder", "text_sha256", "mentions")),
        "custody_head": (("id",), ("id", "seq", "hash")),
    },
)

_NAMED = re.compile(r"(?<![:\w]):([a-z_]+)\b")
_OR_IGNORE = re.compile(r"^\s*INSERT OR IGNORE INTO", re.IGNORECASE)
_OR_REPLACE = re.compile(r"^\s*INSERT OR REPLACE INTO (\w+)(\s*\(([^)]*)\))?", re.IGNORECASE)
_NOCASE_EQUALS = re.compile(r"([\w.\"]+) = \? COLLATE NOCASE")
_NOCASE = re.compile(r"([\w.\"]+) COLLATE NOCASE")
_JSON_FIELD = re.compile(r"json_extract\(([\w.]+), '\$\.(\w+)'\)")
_JSON_EACH = re.compile(r"SELECT value FROM json_each\(\?\)")
_IS_NOT = re.compile(r" IS NOT (?!NULL\b)")
_CROSS_JOIN_ON = re.compile(r"CROSS JOIN (\w+ \w+) ON")
_LIMIT = re.compile(r"\bLIMIT \?")
# One statement, with its SQLite-only words, that the rules above do not cover.
_SPECIAL = {
    "time_limit = max(time_limit, excluded.time_limit)": (
        "time_limit = greatest(extraction_timeouts.time_limit, excluded.time_limit)"
    ),
    "(:retry OR NOT EXISTS": "(:retry <> 0 OR NOT EXISTS",
}


@lru_cache(maxsize=1024)
def _to_postgres(sql: str, replace_keys: tuple[tuple[str, Any], ...]) -> str:
    for old, new in _SPECIAL.items():
        sql = sql.replace(old, new)
    sql = sql.replace("%", "%%")  # psycopg's placeholders start with %
    sql = _NOCASE_EQUALS.sub(r"lower(\1) = lower(?)", sql)
    sql = _NOCASE.sub(r"lower(\1)", sql)
    sql = _JSON_FIELD.sub(r"(\1::jsonb ->> '\2')", sql)
    sql = _JSON_EACH.sub("SELECT value FROM jsonb_array_elements_text(?::jsonb) AS value", sql)
    sql = _IS_NOT.sub(" IS DISTINCT FROM ", sql)
    sql = _LIMIT.sub("LIMIT nullif(?, -1)", sql)  # SQLite's -1 is "no limit": NULL here
    sql = _CROSS_JOIN_ON.sub(r"JOIN \1 ON", sql)  # SQLite's hint to keep the loop order
    sql = sql.replace(" LIKE ", " ILIKE ")  # SQLite's LIKE ignores the case of ASCII letters
    if _OR_IGNORE.match(sql):
        sql = _OR_IGNORE.sub("INSERT INTO", sql) + " ON CONFLICT DO NOTHING"
    elif match := _OR_REPLACE.match(sql):
        table = match.group(1)
        keys, columns = dict(replace_keys)[table]
        if match.group(3):
            columns = tuple(c.strip() for c in match.group(3).split(","))
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in keys)
        sql = (
            f"INSERT INTO {table}{match.group(2) or ''}{sql[match.end() :]}"
            f" ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates}"
        )
    sql = _NAMED.sub(r"%(\1)s", sql)
    return sql.replace("?", "%s")
