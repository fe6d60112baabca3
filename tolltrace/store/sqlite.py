"""The default store: one SQLite file, WAL mode, versioned schema, FTS5 search."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from abc import abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tolltrace.clean.offsets import OffsetMap
from tolltrace.errors import AmbiguousId, DocumentNotFound, SchemaTooNew, StoreError
from tolltrace.model import (
    Claim,
    CleanText,
    CustodyEntry,
    DateCandidate,
    Document,
    ItemError,
    PreparedDocument,
    RemovedLine,
)
from tolltrace.store.base import (
    ALL_CLAIMS,
    ClaimQuery,
    ErrorRecord,
    SearchHit,
    Store,
    StoredDocument,
)
from tolltrace.store.custody import claims_fingerprint, next_entry, now_utc
from tolltrace.store.dialect import Connection
from tolltrace.store.sqlite_guard import GUARD_MIGRATION, SQLiteCustodyGuard
from tolltrace.store.sqlite_leases import LEASE_MIGRATION, SQLiteLeases
from tolltrace.store.sqlite_links import LINK_MIGRATION, SQLiteLinkTables
from tolltrace.store.sqlite_lookups import LOOKUP_MIGRATION
from tolltrace.store.sqlite_mention_cache import MENTION_CACHE_MIGRATION, SQLiteMentionCache
from tolltrace.store.sqlite_reviews import (
    REVIEW_COLUMNS,
    REVIEW_JOIN,
    REVIEW_MIGRATION,
    SIGN_IN_MIGRATION,
    SQLiteReviewTables,
)
from tolltrace.store.sqlite_victims import VICTIM_MIGRATION, SQLiteVictimTables

# Each migration moves the schema one version up; never edit one that has shipped.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE documents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        uri TEXT NOT NULL,
        origin TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        encoding TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        fields TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE originals (
        doc_rowid INTEGER PRIMARY KEY REFERENCES documents(rowid),
        bytes BLOB NOT NULL
    );
    CREATE TABLE texts (
        doc_rowid INTEGER PRIMARY KEY REFERENCES documents(rowid),
        raw_text TEXT NOT NULL,
        title TEXT,
        clean_text TEXT NOT NULL,
        offsets TEXT NOT NULL,
        author TEXT,
        site TEXT,
        published TEXT,
        dates TEXT NOT NULL DEFAULT '[]',
        removed TEXT NOT NULL DEFAULT '[]',
        cleaner TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE texts_fts USING fts5(
        title, clean_text, content='texts', content_rowid='doc_rowid',
        tokenize='porter unicode61'
    );
    CREATE TABLE custody (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE INDEX custody_subject ON custody(subject);
    CREATE TRIGGER custody_no_update BEFORE UPDATE ON custody
        BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
    CREATE TRIGGER custody_no_delete BEFORE DELETE ON custody
        BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
    CREATE TABLE errors (
        id INTEGER PRIMARY KEY,
        run TEXT NOT NULL,
        at TEXT NOT NULL,
        item TEXT NOT NULL,
        stage TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL
    );
    CREATE INDEX errors_run ON errors(run);
    """,
    # 2: claims (the public export schema, plus perpetrator and extractor) and the record of
    # which extractor version processed which document.
    """
    CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        document TEXT NOT NULL REFERENCES documents(id),
        uri TEXT NOT NULL,
        text TEXT NOT NULL,
        sentence TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        raw_start INTEGER NOT NULL,
        raw_end INTEGER NOT NULL,
        low INTEGER,
        high INTEGER,
        qualifier TEXT NOT NULL,
        category TEXT NOT NULL,
        subject TEXT NOT NULL,
        event TEXT,
        event_label TEXT,
        "when" TEXT,
        "where" TEXT,
        attributed_to TEXT,
        attribution_cue TEXT,
        negated INTEGER NOT NULL,
        confidence REAL NOT NULL,
        perpetrator TEXT,
        extractor TEXT NOT NULL
    );
    CREATE INDEX claims_document ON claims(document, start);
    CREATE INDEX claims_category ON claims(category);
    CREATE INDEX claims_attributed_to ON claims(attributed_to);
    CREATE TABLE extractions (
        document TEXT NOT NULL REFERENCES documents(id),
        extractor TEXT NOT NULL,
        at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
        claims INTEGER NOT NULL,
        PRIMARY KEY (document, extractor)
    );
    """,
    LINK_MIGRATION,
    REVIEW_MIGRATION,
    # 5: what the review app reads per page (entity mentions by document, contradicted claims
    # in reading order) and failed sign-ins.
    LOOKUP_MIGRATION + SIGN_IN_MIGRATION,
    # 6: each document's entity mentions, kept between link runs.
    MENTION_CACHE_MIGRATION,
    # 7: the source as the sentence words it (a pronoun), beside its canonical name.
    "ALTER TABLE claims ADD COLUMN attributed_as TEXT;",
    # 8: the custody log's last entry kept apart (entries deleted from its end are noticed),
    # leases on documents being extracted, and extractions that ran out of time.
    GUARD_MIGRATION + LEASE_MIGRATION,
    # 9: named victims (issue 20): victims, their mentions, people's merges and splits.
    VICTIM_MIGRATION,
)
SCHEMA_VERSION = len(MIGRATIONS)
_FTS_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
_DOC_COLUMNS = "id, uri, origin, media_type, size, encoding, ingested_at, fields"
# The claims table's columns in `Claim` field order; "end", "when" and "where" are SQL keywords.
_CLAIM_FIELDS = (
    "id", "document", "uri", "text", "sentence", "start", "end", "raw_start", "raw_end", "low",
    "high", "qualifier", "category", "subject", "event", "event_label", "when", "where",
    "attributed_to", "attribution_cue", "negated", "confidence", "perpetrator", "extractor",
    "attributed_as",
)  # fmt: skip
_CLAIM_COLUMNS = ", ".join(f'c."{name}"' for name in _CLAIM_FIELDS)
_CLAIM_INSERT = "INSERT INTO claims ({}) VALUES ({})".format(
    ", ".join(f'"{name}"' for name in _CLAIM_FIELDS), ", ".join("?" for _ in _CLAIM_FIELDS)
)


class SQLStore(
    SQLiteCustodyGuard,
    SQLiteLeases,
    SQLiteMentionCache,
    SQLiteLinkTables,
    SQLiteReviewTables,
    SQLiteVictimTables,
    Store,
):
    """The tables every SQL backend shares, their statements written once in SQLite's spelling.

    A backend gives the connection (`_db`, which translates statements through its dialect),
    the schema and its migrations, `batch`, full-text search and the custody log's guards.
    """

    _db: Connection
    _last_custody: CustodyEntry | None
    _in_batch: bool
    location: str  # what `open_store` was given: a file path or a database URL

    @abstractmethod
    def _index_text(self, rowid: int, title: str | None, text: str) -> None:
        """Make a new document's text searchable (inside the caller's batch)."""

    @abstractmethod
    def search(self, query: str, limit: int = 20) -> list[SearchHit]: ...

    def has_document(self, doc_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None

    def add_document(self, prepared: PreparedDocument, ingested_at: str) -> Document:
        item, clean = prepared.item, prepared.clean
        document = Document(
            id=prepared.id,
            uri=item.uri,
            origin=item.origin,
            media_type=item.media_type,
            size=len(item.original),
            encoding=prepared.encoding,
            ingested_at=ingested_at,
            fields=dict(item.fields),
        )
        with self.batch():
            cursor = self._db.execute(
                f"INSERT INTO documents ({_DOC_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    document.id,
                    document.uri,
                    document.origin,
                    document.media_type,
                    document.size,
                    document.encoding,
                    document.ingested_at,
                    json.dumps(document.fields, ensure_ascii=False, default=str),
                ),
            )
            rowid = cursor.lastrowid
            self._db.execute("INSERT INTO originals VALUES (?, ?)", (rowid, item.original))
            self._db.execute(
                "INSERT INTO texts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    rowid,
                    prepared.raw_text,
                    clean.title,
                    clean.text,
                    clean.offsets.to_json(),
                    clean.author,
                    clean.site,
                    clean.published,
                    json.dumps([_date_to_json(d) for d in clean.dates]),
                    json.dumps([[r.raw_start, r.raw_end, r.reason] for r in clean.removed]),
                    clean.cleaner,
                ),
            )
            self._index_text(int(rowid or 0), clean.title, clean.text)
            self.append_custody(
                "ingest",
                document.id,
                {
                    "sha256": document.id,
                    "uri": document.uri,
                    "origin": document.origin,
                    "size": document.size,
                    "cleaner": clean.cleaner,
                    "clean_sha256": hashlib.sha256(clean.text.encode()).hexdigest(),
                },
            )
        return document

    def resolve_id(self, prefix: str) -> str:
        prefix = prefix.strip()
        rows = []
        if re.fullmatch(r"[0-9a-f]{1,64}", prefix):
            rows = self._db.execute(
                "SELECT id FROM documents WHERE id >= ? AND id < ? LIMIT 2",
                (prefix, prefix + "g"),
            ).fetchall()
        if not rows:
            rows = self._db.execute(
                "SELECT id FROM documents WHERE uri = ? OR origin = ? LIMIT 2", (prefix, prefix)
            ).fetchall()
        if not rows:
            raise DocumentNotFound(
                f"no document matches {prefix!r}: give an id prefix or a uri as listed by "
                "`tolltrace docs`"
            )
        if len(rows) > 1:
            raise AmbiguousId(f"{prefix!r} matches several documents: give more characters")
        return str(rows[0][0])

    def get_document(self, doc_id: str) -> StoredDocument:
        row = self._db.execute(
            f"SELECT {_DOC_COLUMNS}, t.raw_text, t.title, t.clean_text, t.offsets, t.author, "
            "t.site, t.published, t.dates, t.removed, t.cleaner "
            "FROM documents d LEFT JOIN texts t ON t.doc_rowid = d.rowid WHERE d.id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise DocumentNotFound(f"no document with id {doc_id}")
        document = _document(row[:8])
        raw_text, title, text, offsets, author, site, published, dates, removed, cleaner = row[8:]
        clean = None
        if text is not None:
            clean = CleanText(
                text=text,
                offsets=OffsetMap.from_json(offsets),
                title=title,
                author=author,
                site=site,
                published=published,
                dates=tuple(DateCandidate(**d) for d in json.loads(dates)),
                removed=tuple(RemovedLine(*r) for r in json.loads(removed)),
                cleaner=cleaner,
            )
        return StoredDocument(document, clean, raw_text or "")

    def document_labels(self, doc_ids: Iterable[str]) -> dict[str, tuple[str | None, str]]:
        wanted = list(dict.fromkeys(doc_ids))
        labels: dict[str, tuple[str | None, str]] = {}
        for start in range(0, len(wanted), 500):  # within SQLite's limit of bound parameters
            chunk = wanted[start : start + 500]
            rows = self._db.execute(
                "SELECT d.id, t.title, d.uri FROM documents d "
                "LEFT JOIN texts t ON t.doc_rowid = d.rowid "
                f"WHERE d.id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
            labels |= {str(row[0]): (row[1], str(row[2])) for row in rows}
        return labels

    def original(self, doc_id: str) -> bytes:
        row = self._db.execute(
            "SELECT o.bytes FROM originals o JOIN documents d ON d.rowid = o.doc_rowid "
            "WHERE d.id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise DocumentNotFound(f"no original stored for {doc_id}")
        return bytes(row[0])

    def documents(self, limit: int | None = None, offset: int = 0) -> Iterator[Document]:
        rows = self._db.execute(
            f"SELECT {_DOC_COLUMNS} FROM documents ORDER BY rowid LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        )
        for row in rows:
            yield _document(row)

    def count_documents(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM documents").fetchone()[0])

    def record_error(self, run: str, error: ItemError) -> None:
        with self.batch():
            self._db.execute(
                "INSERT INTO errors (run, at, item, stage, code, message) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (run, now_utc(), error.item, error.stage, error.code, error.message),
            )

    def errors(self, run: str | None = None) -> list[ErrorRecord]:
        sql = "SELECT run, at, item, stage, code, message FROM errors"
        params: tuple[str, ...] = ()
        if run is not None:
            sql, params = sql + " WHERE run = ?", (run,)
        rows = self._db.execute(sql + " ORDER BY id", params).fetchall()
        return [ErrorRecord(r[0], r[1], ItemError(*r[2:])) for r in rows]

    def pending_extraction(self, extractor: str) -> list[str]:
        rows = self._db.execute(
            "SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM extractions e "
            "WHERE e.document = d.id AND e.extractor = ? AND e.status = 'ok') ORDER BY d.rowid",
            (extractor,),
        )
        return [str(row[0]) for row in rows]

    def store_claims(self, doc_id: str, extractor: str, claims: Sequence[Claim], run: str) -> int:
        by_id: dict[str, Claim] = {}
        for claim in claims:
            by_id.setdefault(claim.id, claim)
        unique = list(by_id.values())
        with self.batch():
            # A reviewed claim stays as the reviewer left it; a new claim on its span is only
            # recorded in the custody entry, so a newer extractor never overrides a decision.
            reviewed = {
                row[0]: (row[1], row[2])
                for row in self._db.execute(
                    'SELECT c.id, c.start, c."end" FROM claims c JOIN review_state r '
                    "ON r.claim = c.id WHERE c.document = ?",
                    (doc_id,),
                )
            }
            spans = {span: claim_id for claim_id, span in reviewed.items()}
            shadowed = {
                claim.id: spans[(claim.start, claim.end)]
                for claim in unique
                if claim.id not in reviewed and (claim.start, claim.end) in spans
            }
            fresh = [c for c in unique if c.id not in reviewed and c.id not in shadowed]
            replaced = self._db.execute(
                "DELETE FROM claims WHERE document = ? AND id NOT IN "
                "(SELECT claim FROM review_state)",
                (doc_id,),
            )
            self._db.executemany(_CLAIM_INSERT, [_claim_row(claim) for claim in fresh])
            self._record_extraction(doc_id, extractor, "ok", len(unique))
            ids = "\n".join(sorted(claim.id for claim in unique))
            details: dict[str, Any] = {
                "run": run,
                "extractor": extractor,
                "claims": len(unique),
                "claim_ids_sha256": hashlib.sha256(ids.encode()).hexdigest(),
                "replaced": replaced.rowcount,
                # What was written, so verify notices a claim edited, deleted or added later.
                "stored": len(fresh),
                "claims_sha256": claims_fingerprint(fresh),
            }
            if reviewed:
                details["kept_reviewed"] = sorted(reviewed)
                details["shadowed_by_review"] = shadowed  # new claim id -> reviewed claim id
            self.append_custody("extract", doc_id, details)
        return len(unique)

    def record_extraction_error(
        self, run: str, doc_id: str, extractor: str, error: ItemError
    ) -> None:
        with self.batch():
            self._record_extraction(doc_id, extractor, "error", 0)
            self.record_error(run, error)

    def _record_extraction(self, doc_id: str, extractor: str, status: str, claims: int) -> None:
        self._db.execute(
            "INSERT INTO extractions (document, extractor, at, status, claims) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (document, extractor) DO UPDATE SET "
            "at = excluded.at, status = excluded.status, claims = excluded.claims",
            (doc_id, extractor, now_utc(), status, claims),
        )

    def claims(self, query: ClaimQuery = ALL_CLAIMS) -> Iterator[Claim]:
        where, params = _claim_filter(query)
        sql = (
            f"SELECT {_CLAIM_COLUMNS}, {REVIEW_COLUMNS} FROM claims c "
            f"JOIN documents d ON d.id = c.document{REVIEW_JOIN}"
            f'{where} ORDER BY d.rowid, c.start, c."end", c.id LIMIT ?'
        )
        cursor = self._db.execute(sql, (*params, -1 if query.limit is None else query.limit))
        while rows := cursor.fetchmany(500):
            for row in rows:
                yield _claim(row)

    def count_claims(self, query: ClaimQuery = ALL_CLAIMS) -> int:
        where, params = _claim_filter(query)
        row = self._db.execute(f"SELECT count(*) FROM claims c{where}", params).fetchone()
        return int(row[0])

    def append_custody(self, action: str, subject: str, details: Mapping[str, Any]) -> CustodyEntry:
        with self.batch():
            previous = self._last_custody or self._latest_custody()
            entry = next_entry(previous, action, subject, details)
            self._db.execute(
                "INSERT INTO custody VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    entry.seq,
                    entry.at,
                    entry.action,
                    entry.subject,
                    json.dumps(entry.details, sort_keys=True, ensure_ascii=False),
                    entry.prev_hash,
                    entry.hash,
                ),
            )
            self._last_custody = entry
        return entry

    def _latest_custody(self) -> CustodyEntry | None:
        row = self._db.execute(
            "SELECT seq, at, action, subject, details, prev_hash, hash FROM custody "
            "ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        return _custody(row) if row else None

    def custody(self, subject: str | None = None) -> Iterator[CustodyEntry]:
        sql = "SELECT seq, at, action, subject, details, prev_hash, hash FROM custody"
        params: tuple[str, ...] = ()
        if subject is not None:
            sql, params = sql + " WHERE subject = ?", (subject,)
        for row in self._db.execute(sql + " ORDER BY seq", params):
            yield _custody(row)

    def iter_originals(self) -> Iterator[tuple[str, bytes]]:
        rows = self._db.execute(
            "SELECT d.id, o.bytes FROM documents d LEFT JOIN originals o "
            "ON o.doc_rowid = d.rowid ORDER BY d.rowid"
        )
        for doc_id, data in rows:
            # Bytes replaced by text still get hashed (as UTF-8), so the change is reported.
            yield doc_id, data.encode() if isinstance(data, str) else bytes(data or b"")


class SQLiteStore(SQLStore):
    """The default store: one SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.location = str(path)
        try:
            self._db = sqlite3.connect(str(self.path), isolation_level=None, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open {self.path} as a SQLite store: {exc}") from exc
        self._last_custody: CustodyEntry | None = None
        self._in_batch = False
        self._migrate()
        self._guard_custody()

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"{self.path} has schema version {version}, this tolltrace knows "
                f"{SCHEMA_VERSION}: upgrade tolltrace"
            )
        for number in range(version, SCHEMA_VERSION):
            with self.batch():
                for statement in _split_sql(MIGRATIONS[number]):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version={number + 1}")

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def batch(self) -> Iterator[None]:
        if self._in_batch:
            yield
            return
        self._db.execute("BEGIN IMMEDIATE")
        self._in_batch = True
        self._last_custody = None  # another process may have appended since
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")
        finally:
            self._in_batch = False
            self._last_custody = None

    def _index_text(self, rowid: int, title: str | None, text: str) -> None:
        self._db.execute(
            "INSERT INTO texts_fts (rowid, title, clean_text) VALUES (?, ?, ?)",
            (rowid, title or "", text),
        )

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        sql = (
            f"SELECT {_DOC_COLUMNS}, t.title, "
            "snippet(texts_fts, 1, '[', ']', ' … ', 12), bm25(texts_fts) "
            "FROM texts_fts JOIN texts t ON t.doc_rowid = texts_fts.rowid "
            "JOIN documents d ON d.rowid = t.doc_rowid "
            "WHERE texts_fts MATCH ? ORDER BY bm25(texts_fts) LIMIT ?"
        )
        try:
            rows = self._db.execute(sql, (query, limit)).fetchall()
        except sqlite3.OperationalError:
            # Not valid FTS5 syntax ("1,000", "MEK/PMOI"): search the words as plain terms.
            words = [w for w in re.findall(r"\w+", query) if w not in _FTS_OPERATORS]
            if not words:
                return []
            plain = " ".join(f'"{word}"' for word in words)
            rows = self._db.execute(sql, (plain, limit)).fetchall()
        return [SearchHit(_document(r[:8]), r[8], r[9], -float(r[10])) for r in rows]

    def integrity_problems(self) -> list[str]:
        """SQLite's own check of the file: empty when the database is sound."""
        rows = self._db.execute("PRAGMA integrity_check").fetchall()
        return [] if rows == [("ok",)] else [str(r[0]) for r in rows]


def _split_sql(script: str) -> list[str]:
    # Triggers contain ';' inside BEGIN ... END, so split only where sqlite says a statement ends.
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]


def _document(row: tuple[Any, ...]) -> Document:
    doc_id, uri, origin, media_type, size, encoding, ingested_at, fields = row
    return Document(
        doc_id, uri, origin, media_type, size, encoding, ingested_at, json.loads(fields)
    )


def _claim_filter(query: ClaimQuery) -> tuple[str, list[Any]]:
    """The WHERE clause (with a leading space, or empty) and its parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    if query.categories:
        clauses.append(f"c.category IN ({', '.join('?' for _ in query.categories)})")
        params.extend(query.categories)
    if query.document:
        # A range on the primary order of the index: an id prefix stays an index search.
        clauses.append("c.document >= ? AND c.document < ?")
        params.extend([query.document, query.document + "\U0010ffff"])
    if query.source:
        escaped = re.sub(r"([\\%_])", r"\\\1", query.source)
        clauses.append("c.attributed_to LIKE ? ESCAPE '\\'")
        params.append(f"%{escaped}%")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _claim_row(claim: Claim) -> tuple[Any, ...]:
    return tuple(
        int(claim.negated) if name == "negated" else getattr(claim, name) for name in _CLAIM_FIELDS
    )


def _claim(row: tuple[Any, ...]) -> Claim:
    """A claim from its columns, then (when selected) its review state, by and at."""
    values = dict(zip(_CLAIM_FIELDS, row[: len(_CLAIM_FIELDS)], strict=True))
    values["negated"] = bool(values["negated"])
    state, by, at = row[len(_CLAIM_FIELDS) :] or (None, None, None)
    return Claim(**values, review=state or "unreviewed", reviewed_by=by, reviewed_at=at)


def _custody(row: tuple[Any, ...]) -> CustodyEntry:
    """An entry as stored; one whose columns were tampered with into another type or whose
    details are no JSON object is still read, with the damage named for `verify`."""
    seq, at, action, subject, details, prev_hash, digest = row
    damage = None
    try:
        parsed = json.loads(details)
    except (TypeError, ValueError):
        parsed, damage = {}, "details are not valid JSON"
    if not isinstance(parsed, dict):
        parsed, damage = {}, "details are not a JSON object"
    if not isinstance(seq, int):
        damage = damage or f"its number is {seq!r}, not an integer"
        seq = int(seq) if isinstance(seq, float | str) and str(seq).isdigit() else 0
    return CustodyEntry(
        seq, str(at), str(action), str(subject), parsed, str(prev_hash), str(digest), damage
    )


def _date_to_json(date: DateCandidate) -> dict[str, Any]:
    return {
        "value": date.value,
        "source": date.source,
        "evidence": date.evidence,
        "confidence": date.confidence,
        "raw_start": date.raw_start,
        "raw_end": date.raw_end,
    }
