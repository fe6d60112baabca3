"""Which extract process works on which document, and which documents ran out of time.

Two `extract` processes on one store must not both extract a document: each takes a lease on
the documents it is about to extract, in one write transaction, and gives it back when their
claims are stored. A lease expires, so the documents of a process killed halfway are taken
by the next run (at once when that process ran on this machine and is gone).
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, Any

from tolltrace.store.custody import now_utc
from tolltrace.store.dialect import Connection

# Part of schema migration 8 (see sqlite.MIGRATIONS); never edit it once it has shipped.
LEASE_MIGRATION = """
CREATE TABLE IF NOT EXISTS extraction_leases (
    document TEXT PRIMARY KEY REFERENCES documents(id),
    owner TEXT NOT NULL, -- host:pid:run of the extract process
    expires REAL NOT NULL -- seconds since the epoch
);
CREATE TABLE IF NOT EXISTS extraction_timeouts (
    document TEXT NOT NULL REFERENCES documents(id),
    extractor TEXT NOT NULL,
    time_limit REAL NOT NULL, -- the largest limit the document ran out of
    at TEXT NOT NULL,
    PRIMARY KEY (document, extractor)
);
"""
_PENDING = (
    "SELECT d.rowid, d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM extractions e "
    "WHERE e.document = d.id AND e.extractor = :extractor AND e.status = 'ok') "
    "AND NOT EXISTS (SELECT 1 FROM extraction_leases l WHERE l.document = d.id "
    "AND l.owner != :owner AND l.expires > :now) "
    "AND (:retry OR NOT EXISTS (SELECT 1 FROM extraction_timeouts t WHERE t.document = d.id "
    "AND t.extractor = :extractor AND t.time_limit >= :limit)) "
    "AND d.rowid > :after ORDER BY d.rowid LIMIT :count"
)


class SQLiteLeases:
    _db: Connection

    if TYPE_CHECKING:  # provided by SQLiteStore

        def batch(self) -> Any: ...

    def lease_extraction(
        self,
        extractor: str,
        owner: str,
        count: int,
        seconds: float,
        time_limit: float,
        after: int = 0,
        retry_timeouts: bool = False,
    ) -> list[tuple[int, str]]:
        """Lease up to `count` documents still to extract, ingested after position `after`,
        in ingest order, for `seconds`: (position, id) of each.

        Leaves out documents another live owner holds and (unless `retry_timeouts`) those
        that ran out of a time limit at least `time_limit`. Renews the owner's other leases.
        """
        with self.batch():
            self._free_orphans(owner)
            now = time.time()
            self._db.execute(
                "UPDATE extraction_leases SET expires = ? WHERE owner = ?", (now + seconds, owner)
            )
            params = {
                "extractor": extractor,
                "owner": owner,
                "now": now,
                "retry": int(retry_timeouts),
                "limit": time_limit,
                "after": after,
                "count": count,
            }
            documents = [(int(row[0]), str(row[1])) for row in self._db.execute(_PENDING, params)]
            self._db.executemany(
                "INSERT OR REPLACE INTO extraction_leases VALUES (?, ?, ?)",
                [(document, owner, now + seconds) for _, document in documents],
            )
        return documents

    def release_leases(self, owner: str, documents: list[str] | None = None) -> None:
        """Give back the owner's leases on `documents` (all of them when None)."""
        with self.batch():
            if documents is None:
                self._db.execute("DELETE FROM extraction_leases WHERE owner = ?", (owner,))
            else:
                self._db.executemany(
                    "DELETE FROM extraction_leases WHERE owner = ? AND document = ?",
                    [(owner, document) for document in documents],
                )

    def leased_elsewhere(self, extractor: str, owner: str) -> int:
        """Documents still to extract that another live process holds a lease on."""
        with self.batch():
            self._free_orphans(owner)
        row = self._db.execute(
            "SELECT count(*) FROM extraction_leases l WHERE l.owner != ? AND l.expires > ? "
            "AND NOT EXISTS (SELECT 1 FROM extractions e WHERE e.document = l.document "
            "AND e.extractor = ? AND e.status = 'ok')",
            (owner, time.time(), extractor),
        ).fetchone()
        return int(row[0])

    def record_timeout(self, document: str, extractor: str, time_limit: float) -> None:
        with self.batch():
            self._db.execute(
                "INSERT INTO extraction_timeouts VALUES (?, ?, ?, ?) "
                "ON CONFLICT (document, extractor) DO UPDATE SET "
                "time_limit = max(time_limit, excluded.time_limit), at = excluded.at",
                (document, extractor, time_limit, now_utc()),
            )

    def timed_out(self, extractor: str, time_limit: float) -> int:
        """Documents still to extract that ran out of a limit at least `time_limit` before."""
        row = self._db.execute(
            "SELECT count(*) FROM extraction_timeouts t WHERE t.extractor = ? "
            "AND t.time_limit >= ? AND NOT EXISTS (SELECT 1 FROM extractions e "
            "WHERE e.document = t.document AND e.extractor = t.extractor AND e.status = 'ok')",
            (extractor, time_limit),
        ).fetchone()
        return int(row[0])

    def _free_orphans(self, owner: str) -> None:
        """Leases of processes of this machine that are gone are free at once."""
        host = owner.split(":", 1)[0]
        rows = self._db.execute(
            "SELECT DISTINCT owner FROM extraction_leases WHERE owner != ?", (owner,)
        ).fetchall()
        for (other,) in rows:
            other_host, _, rest = str(other).partition(":")  # see base.lease_owner
            pid = rest.split(":", 1)[0]
            if other_host == host and pid.isdigit() and not _alive(int(pid)):
                self._db.execute("DELETE FROM extraction_leases WHERE owner = ?", (other,))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True
