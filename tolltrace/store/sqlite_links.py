"""SQLite tables of the link and reconcile stages (entities, events, findings).

Nested parts of a record (aliases, roles, mentions, figures...) are JSON columns; the columns
a lookup needs (id, name, type, dates, member documents) are plain and indexed. How records
become rows (and mentions a compact pack) is in `link_rows`; the tables the review app reads
per page (mentions by document, contradicted claims) are in `sqlite_lookups`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from tolltrace.errors import (
    AmbiguousReference,
    BadEntityDecision,
    EntityNotFound,
    EventNotFound,
    StoreError,
)
from tolltrace.model import (
    Claim,
    CustodyEntry,
    Entity,
    EntityDecision,
    Event,
    Finding,
)
from tolltrace.store import decisions
from tolltrace.store.base import ALL_CLAIMS, ClaimQuery
from tolltrace.store.decisions import DecisionLog
from tolltrace.store.dialect import Connection
from tolltrace.store.link_rows import (
    entity_from_row,
    entity_row,
    event_from_row,
    event_row,
    finding_from_row,
    finding_row,
)
from tolltrace.store.links import (
    ALL_ENTITIES,
    ALL_EVENTS,
    EntityMention,
    EntityQuery,
    EventQuery,
    LinkCounts,
    LinkTables,
)
from tolltrace.store.sqlite_lookups import document_mentions, write_lookups

# Schema migration 3 (see sqlite.MIGRATIONS); never edit it once it has shipped.
LINK_MIGRATION = """
CREATE TABLE entities (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    roles TEXT NOT NULL DEFAULT '[]',
    mentions TEXT NOT NULL DEFAULT '{}',
    mention_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_type ON entities(type, mention_count);
CREATE INDEX entities_order ON entities(mention_count DESC, name COLLATE NOCASE);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
CREATE TABLE entity_names (
    name TEXT NOT NULL,
    entity TEXT NOT NULL,
    PRIMARY KEY (name, entity)
) WITHOUT ROWID;
CREATE INDEX entity_names_entity ON entity_names(entity);
CREATE TABLE events (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    type TEXT NOT NULL,
    "when" TEXT,
    "where" TEXT,
    name TEXT,
    documents TEXT NOT NULL DEFAULT '[]',
    claims TEXT NOT NULL DEFAULT '[]',
    evidence TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_when ON events("when");
CREATE TABLE event_documents (
    document TEXT NOT NULL,
    event TEXT NOT NULL,
    PRIMARY KEY (document, event)
) WITHOUT ROWID;
CREATE INDEX event_documents_event ON event_documents(event);
CREATE TABLE findings (
    rowid INTEGER PRIMARY KEY,
    event TEXT NOT NULL,
    category TEXT NOT NULL,
    low INTEGER,
    high INTEGER,
    consistent INTEGER NOT NULL,
    figures TEXT NOT NULL DEFAULT '[]',
    contradictions TEXT NOT NULL DEFAULT '[]',
    support TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX findings_event ON findings(event, category);
CREATE TABLE entity_decisions (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
    names TEXT NOT NULL,
    reason TEXT NOT NULL,
    by TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX claims_event ON claims(event);
"""

ENTITY_DECISIONS = DecisionLog(
    "entity_decisions", "names", "by", "entity", BadEntityDecision,
    "at least two different names: NAME NAME...", "at least one name",
)  # fmt: skip
_ENTITY_COLUMNS = "e.id, e.name, e.type, e.aliases, e.roles"
_EVENT_COLUMNS = (
    'v.id, v.label, v.type, v."when", v."where", v.name, v.documents, v.claims, v.evidence'
)
_FINDING_COLUMNS = "event, category, low, high, consistent, figures, contradictions, support"
_LAST = "\U0010ffff"  # sorts after every character: `x >= p AND x < p + _LAST` is a prefix match


class SQLiteLinkTables(LinkTables):
    _db: Connection

    if TYPE_CHECKING:  # provided by SQLiteStore

        def batch(self) -> Any: ...

        def append_custody(
            self, action: str, subject: str, details: Mapping[str, Any]
        ) -> CustodyEntry: ...

        def claims(self, query: ClaimQuery = ALL_CLAIMS) -> Iterator[Claim]: ...

    def replace_links(
        self,
        entities: Sequence[Entity],
        events: Sequence[Event],
        findings: Sequence[Finding],
        run: str,
    ) -> LinkCounts:
        _refuse_repeated_ids("entity", [entity.id for entity in entities])
        _refuse_repeated_ids("event", [event.id for event in events])
        db = self._db
        with self.batch():
            before = [
                int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for table in ("entities", "events", "findings")
            ]
            for table in ("entity_names", "entities", "event_documents", "events", "findings"):
                db.execute(f"DELETE FROM {table}")
            rowids = self._document_rowids({m.document for e in entities for m in e.mentions})
            db.executemany(
                "INSERT INTO entities (id, name, type, aliases, roles, mentions, mention_count) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (entity_row(entity, rowids) for entity in entities),
            )
            db.executemany(
                "INSERT OR IGNORE INTO entity_names (name, entity) VALUES (?, ?)",
                ((name, entity.id) for entity in entities for name in _names(entity)),
            )
            db.executemany(
                'INSERT INTO events (id, label, type, "when", "where", name, documents, claims, '
                "evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (event_row(event) for event in events),
            )
            db.executemany(
                "INSERT OR IGNORE INTO event_documents (document, event) VALUES (?, ?)",
                ((document, event.id) for event in events for document in event.documents),
            )
            db.executemany(
                f"INSERT INTO findings ({_FINDING_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (finding_row(finding) for finding in findings),
            )
            write_lookups(db, entities, findings, rowids)
            linked = self._link_claims(events)
            counts = LinkCounts(len(entities), len(events), len(findings), linked, *before)
            self.append_custody("link", run, _custody_details(run, counts, entities, events))
        return counts

    def _link_claims(self, events: Sequence[Event]) -> int:
        """Set each listed claim's event (the last event listing it wins), clear the others."""
        db = self._db
        db.execute("UPDATE claims SET event = NULL, event_label = NULL WHERE event IS NOT NULL")
        db.executemany(
            "UPDATE claims SET event = ?, event_label = ? WHERE id = ?",
            ((event.id, event.label, claim_id) for event in events for claim_id in event.claims),
        )
        row = db.execute("SELECT count(*) FROM claims WHERE event IS NOT NULL").fetchone()
        return int(row[0])

    def entities(self, query: EntityQuery = ALL_ENTITIES) -> Iterator[Entity]:
        where, params = _entity_filter(query)
        mentions = "e.mentions" if query.mentions else "NULL"
        cursor = self._db.execute(
            f"SELECT {_ENTITY_COLUMNS}, {mentions} FROM entities e{where} "
            "ORDER BY e.mention_count DESC, e.name COLLATE NOCASE, e.id LIMIT ? OFFSET ?",
            (*params, -1 if query.limit is None else query.limit, query.offset),
        )
        documents: dict[int, str] = {}
        while rows := cursor.fetchmany(200):
            yield from self._entities_from(rows, documents)

    def _entities_from(self, rows: Sequence[Any], documents: dict[int, str]) -> list[Entity]:
        """Entities from their rows; `documents` caches the document ids mentions refer to."""
        packed = [json.loads(row[5]) if row[5] is not None else None for row in rows]
        wanted = {d for p in packed if p for d in p["documents"] if isinstance(d, int)}
        missing = sorted(wanted - documents.keys())
        for start in range(0, len(missing), 500):  # stay under SQLite's variable limit
            chunk = missing[start : start + 500]
            documents.update(
                self._db.execute(
                    f"SELECT rowid, id FROM documents WHERE rowid IN ({_marks(len(chunk))})", chunk
                ).fetchall()
            )
        return [entity_from_row(row[:5], p, documents) for row, p in zip(rows, packed, strict=True)]

    def _document_rowids(self, document_ids: set[str]) -> dict[str, int]:
        """The store's own row numbers of these documents: short references for mentions."""
        ids = sorted(document_ids)
        rowids: dict[str, int] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rowids.update(
                self._db.execute(
                    f"SELECT id, rowid FROM documents WHERE id IN ({_marks(len(chunk))})", chunk
                ).fetchall()
            )
        return rowids

    def count_entities(self, query: EntityQuery = ALL_ENTITIES) -> int:
        where, params = _entity_filter(query)
        return int(
            self._db.execute(f"SELECT count(*) FROM entities e{where}", params).fetchone()[0]
        )

    def get_entity(self, reference: str) -> Entity:
        reference = reference.strip()
        ids = self._entity_ids("SELECT id FROM entities WHERE id = ?", reference)
        if not ids:  # a name or an alias: one place's name never hides a person's alias
            ids = self._entity_ids(
                "SELECT id FROM entities WHERE name = ? COLLATE NOCASE "
                "UNION SELECT entity FROM entity_names WHERE name = ?",
                reference,
                reference.casefold(),
            )
            ids = self._the_person_among(ids)
        if not ids and reference:
            ids = self._entity_ids(
                "SELECT id FROM entities WHERE id >= ? AND id < ?", reference, reference + _LAST
            )
        if not ids:
            raise EntityNotFound(
                f"no entity is called or has an id starting with {reference!r}: "
                "list them with `tolltrace entities --name WORDS`"
            )
        if len(ids) > 1:
            candidates = ", ".join(
                f"{entity.id} ({entity.name}, {entity.type})"
                for entity in (self._entity_by_id(entity_id, False) for entity_id in ids[:5])
            )
            raise AmbiguousReference(
                f"{reference!r} matches several entities: {candidates}; give one of these ids"
            )
        return self._entity_by_id(ids[0], True)

    def _the_person_among(self, ids: list[str]) -> list[str]:
        """Of several entities a name fits, the one person if there is exactly one."""
        if len(ids) < 2:
            return ids
        marks = ", ".join("?" * len(ids))
        people = self._db.execute(
            f"SELECT id FROM entities WHERE type = 'person' AND id IN ({marks})", ids
        ).fetchall()
        return [str(people[0][0])] if len(people) == 1 else ids

    def _entity_ids(self, sql: str, *params: str) -> list[str]:
        rows = self._db.execute(sql + " LIMIT 6", params).fetchall()
        return sorted({str(row[0]) for row in rows})

    def _entity_by_id(self, entity_id: str, mentions: bool) -> Entity:
        column = "e.mentions" if mentions else "NULL"
        row = self._db.execute(
            f"SELECT {_ENTITY_COLUMNS}, {column} FROM entities e WHERE e.id = ?", (entity_id,)
        ).fetchone()
        if row is None:
            raise EntityNotFound(f"no entity with id {entity_id}")
        return self._entities_from([row], {})[0]

    def document_mentions(self, document: str) -> list[EntityMention]:
        return document_mentions(self._db, document)

    def entity_mention_count(self, entity_id: str) -> int:
        row = self._db.execute(
            "SELECT mention_count FROM entities WHERE id = ?", (entity_id,)
        ).fetchone()
        if row is None:
            raise EntityNotFound(f"no entity with id {entity_id}")
        return int(row[0])

    def entity_claims(self, entity_id: str) -> list[Claim]:
        names = {
            str(row[0])
            for row in self._db.execute(
                "SELECT name FROM entity_names WHERE entity = ?", (entity_id,)
            )
        }
        if not names:
            self._entity_by_id(entity_id, False)  # raises EntityNotFound
            return []
        # Through the claims reader, so that reviewed corrections of the source count.
        found: dict[str, Claim] = {}
        for name in sorted(names, key=len):
            for claim in self.claims(ClaimQuery(source=name)):
                if (claim.attributed_to or "").casefold() in names:
                    found.setdefault(claim.id, claim)
        return self._in_reading_order(found.values())

    def event_claims(self, event_id: str) -> list[Claim]:
        event = self.get_event(event_id)
        wanted = set(event.claims)
        found: dict[str, Claim] = {}
        for document in event.documents:
            for claim in self.claims(ClaimQuery(document=document)):
                if claim.id in wanted:
                    found.setdefault(claim.id, claim)
        missing = wanted - found.keys()
        if missing:  # a claim of a document the event does not list: look it up by its id
            for row in self._db.execute(
                f"SELECT DISTINCT document FROM claims WHERE id IN ({_marks(len(missing))})",
                sorted(missing),
            ).fetchall():
                for claim in self.claims(ClaimQuery(document=str(row[0]))):
                    if claim.id in wanted:
                        found.setdefault(claim.id, claim)
        return self._in_reading_order(found.values())

    def _in_reading_order(self, claims: Iterable[Claim]) -> list[Claim]:
        """By document in ingest order, then by position: the claims reader's own order."""
        claims = list(claims)
        documents = sorted({claim.document for claim in claims})
        order: dict[str, int] = {}
        for start in range(0, len(documents), 500):  # stay under SQLite's variable limit
            chunk = documents[start : start + 500]
            order.update(
                self._db.execute(
                    f"SELECT id, rowid FROM documents WHERE id IN ({_marks(len(chunk))})", chunk
                ).fetchall()
            )
        return sorted(claims, key=lambda c: (order.get(c.document, 0), c.start, c.end, c.id))

    def events(self, query: EventQuery = ALL_EVENTS) -> Iterator[Event]:
        where, params = _event_filter(query)
        cursor = self._db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events v{where} "
            'ORDER BY v."when" IS NULL, v."when", v.label COLLATE NOCASE, v.id LIMIT ? OFFSET ?',
            (*params, -1 if query.limit is None else query.limit, query.offset),
        )
        while rows := cursor.fetchmany(200):
            for row in rows:
                yield event_from_row(row)

    def count_events(self, query: EventQuery = ALL_EVENTS) -> int:
        where, params = _event_filter(query)
        return int(self._db.execute(f"SELECT count(*) FROM events v{where}", params).fetchone()[0])

    def get_event(self, reference: str) -> Event:
        reference = reference.strip()
        rows = self._db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events v WHERE v.id = ?", (reference,)
        ).fetchall()
        if not rows and reference:
            rows = self._db.execute(
                f"SELECT {_EVENT_COLUMNS} FROM events v WHERE v.id >= ? AND v.id < ? LIMIT 6",
                (reference, reference + _LAST),
            ).fetchall()
        if not rows:
            raise EventNotFound(
                f"no event has an id starting with {reference!r}: list them with `tolltrace events`"
            )
        if len(rows) > 1:
            candidates = ", ".join(f"{row[0]} ({row[1]})" for row in rows[:5])
            raise AmbiguousReference(
                f"{reference!r} matches several events: {candidates}; give more characters"
            )
        return event_from_row(rows[0])

    def findings(self, event: str | None = None) -> Iterator[Finding]:
        sql = f"SELECT {_FINDING_COLUMNS} FROM findings"
        params: tuple[str, ...] = ()
        if event is not None:
            sql, params = sql + " WHERE event = ?", (event,)
        cursor = self._db.execute(sql + " ORDER BY rowid", params)
        while rows := cursor.fetchmany(200):
            for row in rows:
                yield finding_from_row(row)

    def add_entity_decision(self, decision: EntityDecision) -> EntityDecision:
        made = decisions.checked(
            ENTITY_DECISIONS, decision.action, decision.names, decision.reason, decision.by,
            decision.at,
        )  # fmt: skip
        with self.batch():
            decisions.record(ENTITY_DECISIONS, self._db, self.append_custody, made)
        return EntityDecision(made.action, made.subjects, made.reason, made.by, made.at)

    def entity_decisions(self) -> list[EntityDecision]:
        return [
            EntityDecision(d.action, d.subjects, d.reason, d.by, d.at)
            for d in decisions.read(ENTITY_DECISIONS, self._db)
        ]


def _refuse_repeated_ids(kind: str, ids: Sequence[str]) -> None:
    repeated = [value for value, count in Counter(ids).items() if count > 1]
    if repeated:
        raise StoreError(
            f"the link results repeat the {kind} id {repeated[0]!r} ({len(repeated)} repeated "
            "ids): this is a bug in the link stage, nothing was stored"
        )


def _custody_details(
    run: str, counts: LinkCounts, entities: Sequence[Entity], events: Sequence[Event]
) -> dict[str, Any]:
    ids = (
        "\n".join(sorted(e.id for e in entities)) + "\n\n" + "\n".join(sorted(e.id for e in events))
    )
    return {
        "run": run,
        "entities": counts.entities,
        "events": counts.events,
        "findings": counts.findings,
        "claims_linked": counts.claims,
        "replaced": {
            "entities": counts.replaced_entities,
            "events": counts.replaced_events,
            "findings": counts.replaced_findings,
        },
        "ids_sha256": hashlib.sha256(ids.encode()).hexdigest(),
    }


def _names(entity: Entity) -> set[str]:
    return {entity.name.casefold()} | {alias.name.casefold() for alias in entity.aliases}


def _marks(count: int) -> str:
    return ", ".join("?" for _ in range(count))


def _like(words: str) -> str:
    return "%" + re.sub(r"([\\%_])", r"\\\1", words) + "%"


def _entity_filter(query: EntityQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if query.type:
        clauses.append("e.type = ?")
        params.append(query.type)
    if query.name:
        clauses.append("e.id IN (SELECT entity FROM entity_names WHERE name LIKE ? ESCAPE '\\')")
        params.append(_like(query.name.casefold()))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _event_filter(query: EventQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if query.type:
        clauses.append("v.type = ?")
        params.append(query.type)
    if query.text:
        clauses.append("(v.label LIKE ? ESCAPE '\\' OR v.name LIKE ? ESCAPE '\\')")
        params.extend([_like(query.text)] * 2)
    if query.document:
        clauses.append(
            "v.id IN (SELECT event FROM event_documents WHERE document >= ? AND document < ?)"
        )
        params.extend([query.document, query.document + _LAST])
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params
