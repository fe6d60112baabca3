"""The PostgreSQL store: the shared SQL tables on a server, for a team and many writers.

Chosen by `--db postgresql://...` (or TOLLTRACE_DB). psycopg 3 is imported only here, when
such a store is opened: `pip install tolltrace[postgres]`.

Writers: every `batch()` is one transaction that first takes a transaction-level advisory
lock, so write transactions follow one another as SQLite's `BEGIN IMMEDIATE` makes them do
(the custody chain is extended by one writer at a time and no read-then-write loses an
update), while readers never wait. Full-text search is a stored tsvector with a GIN index.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from tolltrace.errors import BackendMissing, SchemaTooNew, StoreError
from tolltrace.store import location_label as _safe
from tolltrace.store.base import SearchHit
from tolltrace.store.dialect import POSTGRES, Cursor
from tolltrace.store.postgres_schema import CUSTODY_TRIGGERS, GRANTS, MIGRATIONS, SCHEMA_VERSION
from tolltrace.store.sqlite import _DOC_COLUMNS, SQLStore, _document

# The advisory lock every write transaction holds (per database): "tolltrace" as a number.
WRITE_LOCK = 0x746F6C6C7472
_RETURNS_ROWID = re.compile(r"^INSERT INTO documents\b")


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError as exc:
        raise BackendMissing(
            "the PostgreSQL store needs psycopg, which is not installed: "
            "pip install tolltrace[postgres]"
        ) from exc
    return psycopg


class _Cursor:
    """A psycopg cursor that also answers `lastrowid` (from RETURNING rowid)."""

    def __init__(self, cursor: Any, lastrowid: int | None = None) -> None:
        self._cursor = cursor
        self.lastrowid = lastrowid

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)

    def fetchone(self) -> Any:
        return self._cursor.fetchone()

    def fetchall(self) -> list[Any]:
        return list(self._cursor.fetchall())

    def fetchmany(self, size: int = 500, /) -> list[Any]:
        return list(self._cursor.fetchmany(size))

    def __iter__(self) -> Iterator[Any]:
        return iter(self._cursor)


class PostgresConnection:
    """A psycopg connection that takes the shared statements and translates them."""

    def __init__(self, connection: Any) -> None:
        self.raw = connection

    def execute(self, sql: str, parameters: Any = (), /) -> Cursor:
        statement = POSTGRES.translate(sql)
        returning = bool(_RETURNS_ROWID.match(statement))
        if returning:
            statement += " RETURNING rowid"
        cursor = self.raw.cursor()
        cursor.execute(statement, _params(parameters))
        lastrowid = int(cursor.fetchone()[0]) if returning else None
        return _Cursor(cursor, lastrowid)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Cursor:
        cursor = self.raw.cursor()
        cursor.executemany(POSTGRES.translate(sql), [_params(p) for p in parameters])
        return _Cursor(cursor)

    def close(self) -> None:
        self.raw.close()


def _params(parameters: Any) -> Any:
    # PostgreSQL text holds no NUL character; SQLite's does. Stored texts are cleaned, so a
    # NUL can only come from an original's metadata: it is kept as U+FFFD.
    if isinstance(parameters, dict):
        return {k: _no_nul(v) for k, v in parameters.items()}
    return tuple(_no_nul(v) for v in parameters)


def _no_nul(value: Any) -> Any:
    return value.replace("\x00", "\ufffd") if isinstance(value, str) else value


class PostgresStore(SQLStore):
    """A store in a PostgreSQL database (a URL: postgresql://user@host/dbname)."""

    def __init__(self, url: str) -> None:
        psycopg = _psycopg()
        self.url = self.location = url
        self._integrity_errors = (psycopg.IntegrityError,)
        try:
            raw = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open the PostgreSQL store {_safe(url)}: {exc}") from exc
        self._raw = raw
        self._db = PostgresConnection(raw)
        self._last_custody = None
        self._in_batch = False
        try:
            self._migrate()
            self._guard_custody()
        except BaseException:
            raw.close()
            raise

    def _migrate(self) -> None:
        with self.batch():
            if self._raw.execute("SELECT to_regclass('schema_version')").fetchone()[0] is None:
                self._raw.execute("CREATE TABLE schema_version (version integer NOT NULL)")
                self._raw.execute("INSERT INTO schema_version VALUES (0)")
            version = int(self._raw.execute("SELECT version FROM schema_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise SchemaTooNew(
                    f"{_safe(self.url)} has schema version {version}, this tolltrace knows "
                    f"{SCHEMA_VERSION}: upgrade tolltrace"
                )
            for number in range(version, SCHEMA_VERSION):
                self._raw.execute(MIGRATIONS[number])
                self._raw.execute("UPDATE schema_version SET version = %s", (number + 1,))
            if version < SCHEMA_VERSION:
                self._raw.execute(GRANTS)

    def close(self) -> None:
        self._raw.close()

    @contextmanager
    def batch(self) -> Iterator[None]:
        if self._in_batch:
            yield
            return
        with self._raw.transaction():
            self._in_batch = True
            self._last_custody = None  # another writer may have appended since
            try:
                self._raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                yield
            finally:
                self._in_batch = False
                self._last_custody = None

    def _index_text(self, rowid: int, title: str | None, text: str) -> None:
        """Nothing to do: `texts.fts` is a generated column with a GIN index."""

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        rows = self._raw.execute(
            f"SELECT {', '.join('d.' + c.strip() for c in _DOC_COLUMNS.split(','))}, t.title, "
            "ts_headline('english', t.clean_text, q, 'StartSel=[, StopSel=], MaxWords=24, "
            'MinWords=8, MaxFragments=1, FragmentDelimiter=" … "\'), ts_rank_cd(t.fts, q) '
            "FROM texts t JOIN documents d ON d.rowid = t.doc_rowid, "
            "websearch_to_tsquery('english', %s) q "
            "WHERE t.fts @@ q ORDER BY 11 DESC, d.rowid LIMIT %s",
            (_no_nul(query), limit),
        ).fetchall()
        return [SearchHit(_document(r[:8]), r[8], r[9], float(r[10])) for r in rows]

    def _guard_custody(self) -> None:
        """Put back any custody trigger found missing or disabled, and log that it was."""
        found = dict(
            self._raw.execute(
                "SELECT tgname, tgenabled FROM pg_trigger "
                "WHERE tgrelid = 'custody'::regclass AND NOT tgisinternal"
            ).fetchall()
        )
        missing = sorted(name for name in CUSTODY_TRIGGERS if name not in found)
        disabled = sorted(name for name in CUSTODY_TRIGGERS if found.get(name) == "D")
        self.guard_problems = ()
        if not missing and not disabled:
            return
        psycopg = _psycopg()
        try:
            with self.batch():
                for name in missing:
                    self._raw.execute(CUSTODY_TRIGGERS[name])
                for name in disabled:
                    self._raw.execute(f"ALTER TABLE custody ENABLE TRIGGER {name}")
                head = self._raw.execute("SELECT seq FROM custody_head WHERE id = 1").fetchone()
                last = self._raw.execute("SELECT max(seq) FROM custody").fetchone()
                self.append_custody(
                    "guard",
                    "custody triggers",
                    {
                        "missing": missing,
                        "altered": disabled,
                        "restored": True,
                        "recorded_last": head[0] if head else None,
                        "found_last": last[0] if last else None,
                    },
                )
        except psycopg.Error as exc:  # not the owner: verify still says so
            self.guard_problems = tuple(
                f"the custody trigger {name} is {'missing' if name in missing else 'disabled'} "
                f"and could not be put back ({exc})"
                for name in missing + disabled
            )

    def schema_version(self) -> int:
        return int(self._raw.execute("SELECT version FROM schema_version").fetchone()[0])
