"""Lookup tables the review app reads on every page view, derived from the link results.

`entity_mentions` holds each mention of an entity in a stored document as one row, clustered
by document: the document page reads its marks in one range scan instead of unpacking the
mentions of every entity. `claim_contradictions` holds the claims some finding says
contradict another, in reading order: the review queue reads its first rows from it instead
of every finding. `replace_links` rewrites both in its own transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tolltrace.model import Entity, Finding, Mention
from tolltrace.store.dialect import Connection
from tolltrace.store.links import EntityMention

# Part of schema migration 5 (see sqlite.MIGRATIONS); never edit it once it has shipped.
# Contradicted claims can be derived from the stored findings, so they are filled at once;
# mentions are packed inside each entity row, so they wait for the next `tolltrace link`.
LOOKUP_MIGRATION = """
CREATE TABLE entity_mentions (
    document INTEGER NOT NULL, -- documents.rowid
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    entity INTEGER NOT NULL, -- entities.rowid
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    PRIMARY KEY (document, start, "end", entity)
) WITHOUT ROWID;
CREATE TABLE claim_contradictions (
    document INTEGER NOT NULL, -- documents.rowid: the key is the claims reader's order
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    claim TEXT NOT NULL,
    PRIMARY KEY (document, start, "end", claim)
) WITHOUT ROWID;
CREATE INDEX claim_contradictions_claim ON claim_contradictions(claim);
INSERT OR IGNORE INTO claim_contradictions (document, start, "end", claim)
    SELECT d.rowid, c.start, c."end", c.id FROM claims c JOIN documents d ON d.id = c.document
    WHERE c.id IN (
        SELECT json_extract(pair.value, '$[0]') FROM findings f, json_each(f.contradictions) pair
        UNION
        SELECT json_extract(pair.value, '$[1]') FROM findings f, json_each(f.contradictions) pair
    );
"""


def write_lookups(
    db: Connection,
    entities: Sequence[Entity],
    findings: Sequence[Finding],
    document_rowids: Mapping[str, int],
) -> None:
    """Replace both tables with what these entities and findings say (inside the caller's batch).

    Mentions of documents the store does not hold have no page, so they get no row here (the
    entity keeps them); contradicted claim ids no stored claim has are left out likewise.
    """
    db.execute("DELETE FROM entity_mentions")
    db.execute("DELETE FROM claim_contradictions")
    entity_rowids = dict(db.execute("SELECT id, rowid FROM entities").fetchall())
    db.executemany(
        'INSERT OR IGNORE INTO entity_mentions (document, start, "end", entity, text, type) '
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            (document_rowids[m.document], m.start, m.end, entity_rowids[e.id], m.text, m.type)
            for e in entities
            for m in e.mentions
            if m.document in document_rowids
        ),
    )
    claims = {claim for f in findings for c in f.contradictions for claim in (c.first, c.second)}
    db.executemany(
        'INSERT OR IGNORE INTO claim_contradictions (document, start, "end", claim) '
        'SELECT d.rowid, c.start, c."end", c.id FROM claims c '
        "JOIN documents d ON d.id = c.document WHERE c.id = ?",
        ((claim,) for claim in sorted(claims)),
    )


def document_mentions(db: Connection, document: str) -> list[EntityMention]:
    rows = db.execute(
        'SELECT m.start, m."end", m.text, m.type, e.id, e.name, e.type FROM documents d '
        "JOIN entity_mentions m ON m.document = d.rowid JOIN entities e ON e.rowid = m.entity "
        'WHERE d.id = ? ORDER BY m.start, m."end", e.id',
        (document,),
    )
    return [
        EntityMention(Mention(document, start, end, text, kind), entity, name, entity_type)
        for start, end, text, kind, entity, name, entity_type in rows
    ]
