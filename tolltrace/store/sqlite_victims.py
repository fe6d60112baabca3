"""SQLite tables of named victims: one row per victim, one per mention, people's decisions.

Plain SQL only (the PostgreSQL backend reuses it through a dialect): the evidence of the
merges is a JSON text column; the columns a lookup needs are plain and indexed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from tolltrace.errors import AmbiguousReference, BadVictimDecision, VictimNotFound
from tolltrace.model import FATES, MatchEvidence, Victim, VictimDecision, VictimMention
from tolltrace.store import decisions
from tolltrace.store.decisions import DecisionLog
from tolltrace.store.dialect import Connection
from tolltrace.store.victims import ALL_VICTIMS, VictimQuery, VictimTables

if TYPE_CHECKING:
    from tolltrace.model import CustodyEntry

# Schema migration 9 (see sqlite.MIGRATIONS); never edit it once it has shipped.
VICTIM_MIGRATION = """
CREATE TABLE IF NOT EXISTS victims (
    id TEXT PRIMARY KEY,
    name TEXT,
    normalised TEXT,
    fate TEXT NOT NULL,
    age INTEGER,
    sex TEXT,
    "when" TEXT,
    "where" TEXT,
    event TEXT,
    mention_count INTEGER NOT NULL,
    evidence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS victims_name ON victims(normalised);
CREATE INDEX IF NOT EXISTS victims_fate ON victims(fate);
CREATE TABLE IF NOT EXISTS victim_mentions (
    id TEXT PRIMARY KEY,
    victim TEXT NOT NULL REFERENCES victims(id),
    document TEXT NOT NULL,
    uri TEXT NOT NULL,
    words TEXT NOT NULL,
    name TEXT,
    normalised TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    raw_start INTEGER NOT NULL,
    raw_end INTEGER NOT NULL,
    fate TEXT NOT NULL,
    age INTEGER,
    sex TEXT,
    "when" TEXT,
    "where" TEXT,
    event TEXT,
    attributed_to TEXT,
    claim TEXT,
    sentence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS victim_mentions_victim ON victim_mentions(victim);
CREATE INDEX IF NOT EXISTS victim_mentions_document ON victim_mentions(document);
CREATE TABLE IF NOT EXISTS victim_decisions (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
    ids TEXT NOT NULL,
    reason TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    at TEXT NOT NULL
);
"""
VICTIM_DECISIONS = DecisionLog(
    "victim_decisions", "ids", "decided_by", "victim", BadVictimDecision,
    "at least two different mention ids", "at least one mention id",
)  # fmt: skip
_MENTION_FIELDS = (
    "id", "victim", "document", "uri", "words", "name", "normalised", "start", "end",
    "raw_start", "raw_end", "fate", "age", "sex", "when", "where", "event", "attributed_to",
    "claim", "sentence",
)  # fmt: skip
_VICTIM_FIELDS = (
    "id", "name", "normalised", "fate", "age", "sex", "when", "where", "event", "mention_count",
    "evidence",
)  # fmt: skip


def _columns(names: Sequence[str], prefix: str = "") -> str:
    return ", ".join(f'{prefix}"{name}"' for name in names)


def _marks(count: int) -> str:
    return ", ".join("?" for _ in range(count))


class SQLiteVictimTables(VictimTables):
    _db: Connection

    if TYPE_CHECKING:  # provided by SQLiteStore

        def batch(self) -> Any: ...

        def append_custody(
            self, action: str, subject: str, details: Mapping[str, Any]
        ) -> CustodyEntry: ...

    def replace_victims(self, victims: Sequence[Victim], run: str) -> int:
        db = self._db
        with self.batch():
            before = int(db.execute("SELECT count(*) FROM victims").fetchone()[0])
            db.execute("DELETE FROM victim_mentions")
            db.execute("DELETE FROM victims")
            db.executemany(
                f"INSERT INTO victims ({_columns(_VICTIM_FIELDS)}) "
                f"VALUES ({_marks(len(_VICTIM_FIELDS))})",
                (_victim_row(victim) for victim in victims),
            )
            db.executemany(
                f"INSERT INTO victim_mentions ({_columns(_MENTION_FIELDS)}) "
                f"VALUES ({_marks(len(_MENTION_FIELDS))})",
                (_mention_row(v.id, m) for v in victims for m in v.mentions),
            )
            self.append_custody(
                "link-victims",
                run,
                {
                    "run": run,
                    "victims": len(victims),
                    "mentions": sum(len(v.mentions) for v in victims),
                    "replaced": before,
                },
            )
        return before

    def victims(self, query: VictimQuery = ALL_VICTIMS) -> Iterator[Victim]:
        where, params = _filter(query)
        sql = (
            f"SELECT {_columns(_VICTIM_FIELDS, 'v.')} FROM victims v{where} "
            "ORDER BY v.mention_count DESC, v.normalised, v.id"
        )
        if query.limit is not None:
            sql += f" LIMIT {int(query.limit)} OFFSET {int(query.offset)}"
        rows = self._db.execute(sql, params).fetchall()
        for first in range(0, len(rows), 200):
            chunk = rows[first : first + 200]
            mentions = self._mentions([row[0] for row in chunk])
            for row in chunk:
                yield _victim_from_row(row, mentions.get(row[0], ()))

    def _mentions(self, victim_ids: Sequence[str]) -> dict[str, tuple[VictimMention, ...]]:
        if not victim_ids:
            return {}
        rows = self._db.execute(
            f"SELECT {_columns(_MENTION_FIELDS)} FROM victim_mentions "
            f"WHERE victim IN ({_marks(len(victim_ids))}) ORDER BY document, start",
            list(victim_ids),
        )
        found: dict[str, list[VictimMention]] = {}
        for row in rows:
            found.setdefault(row[1], []).append(_mention_from_row(row))
        return {key: tuple(value) for key, value in found.items()}

    def count_victims(self, query: VictimQuery = ALL_VICTIMS) -> int:
        where, params = _filter(query)
        return int(self._db.execute(f"SELECT count(*) FROM victims v{where}", params).fetchone()[0])

    def get_victim(self, reference: str) -> Victim:
        reference = reference.strip()
        ids = [
            row[0]
            for row in self._db.execute(
                "SELECT id FROM victims WHERE id = ? UNION "
                "SELECT victim FROM victim_mentions WHERE id = ?",
                (reference, reference),
            )
        ]
        if not ids and len(reference) >= 4:
            ids = [
                row[0]
                for row in self._db.execute(
                    "SELECT id FROM victims WHERE id LIKE ?", (reference + "%",)
                )
            ]
        if not ids:
            raise VictimNotFound(
                f"no victim {reference!r}: list them with `tolltrace victims` "
                "(run `tolltrace link-victims` first)"
            )
        if len(ids) > 1:
            raise AmbiguousReference(f"{reference!r} names {len(ids)} victims: give more of the id")
        rows = self._db.execute(
            f"SELECT {_columns(_VICTIM_FIELDS)} FROM victims WHERE id = ?", (ids[0],)
        ).fetchall()
        return _victim_from_row(rows[0], self._mentions([ids[0]]).get(ids[0], ()))

    def add_victim_decision(self, decision: VictimDecision) -> VictimDecision:
        made = decisions.checked(
            VICTIM_DECISIONS, decision.action, decision.ids, decision.reason, decision.by,
            decision.at,
        )  # fmt: skip
        with self.batch():
            decisions.record(VICTIM_DECISIONS, self._db, self.append_custody, made)
        return VictimDecision(made.action, made.subjects, made.reason, made.by, made.at)

    def victim_decisions(self) -> list[VictimDecision]:
        return [
            VictimDecision(d.action, d.subjects, d.reason, d.by, d.at)
            for d in decisions.read(VICTIM_DECISIONS, self._db)
        ]


def _filter(query: VictimQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if query.fate is not None:
        if query.fate not in FATES:
            raise BadVictimDecision(f"no fate {query.fate!r}: choose one of {', '.join(FATES)}")
        clauses.append("v.fate = ?")
        params.append(query.fate)
    if query.name:
        clauses.append("(lower(v.name) LIKE ? OR v.normalised LIKE ?)")
        words = "%" + query.name.strip().lower() + "%"
        params += [words, words]
    if query.document:
        clauses.append(
            "v.id IN (SELECT victim FROM victim_mentions WHERE document = ? OR document LIKE ?)"
        )
        params += [query.document, query.document + "%"]
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _victim_row(victim: Victim) -> tuple[Any, ...]:
    evidence = [
        {
            "first": e.first,
            "second": e.second,
            "probability": e.probability,
            "weight": e.weight,
            "comparisons": dict(e.comparisons),
            "manual": e.manual,
        }
        for e in victim.evidence
    ]
    return (
        victim.id, victim.name, victim.normalised, victim.fate, victim.age, victim.sex,
        victim.when, victim.where, victim.event, len(victim.mentions), json.dumps(evidence),
    )  # fmt: skip


def _mention_row(victim: str, m: VictimMention) -> tuple[Any, ...]:
    return (
        m.id, victim, m.document, m.uri, m.words, m.name, m.normalised, m.start, m.end,
        m.raw_start, m.raw_end, m.fate, m.age, m.sex, m.when, m.where, m.event,
        m.attributed_to, m.claim, m.sentence,
    )  # fmt: skip


def _mention_from_row(row: Sequence[Any]) -> VictimMention:
    (ident, _victim, document, uri, words, name, normalised, start, end, raw_start, raw_end,
     fate, age, sex, when, where, event, attributed_to, claim, sentence) = row  # fmt: skip
    return VictimMention(
        id=ident, document=document, uri=uri, words=words, name=name, start=start, end=end,
        raw_start=raw_start, raw_end=raw_end, fate=fate, age=age, sex=sex, when=when,
        where=where, event=event, attributed_to=attributed_to, claim=claim, sentence=sentence,
        normalised=normalised,
    )  # fmt: skip


def _victim_from_row(row: Sequence[Any], mentions: tuple[VictimMention, ...]) -> Victim:
    ident, name, normalised, fate, age, sex, when, where, event, _count, evidence = row
    return Victim(
        id=ident, name=name, normalised=normalised, fate=fate, age=age, sex=sex, when=when,
        where=where, event=event, mentions=mentions,
        evidence=tuple(
            MatchEvidence(e["first"], e["second"], e["probability"], e["weight"],
                          e["comparisons"], e.get("manual"))
            for e in json.loads(evidence)
        ),
    )  # fmt: skip
