"""What keeps the SQLite custody log append-only, checked each time a store is opened.

The log's triggers refuse updates and deletes, and a third keeps the last entry's number and
hash in `custody_head`, so entries deleted from the end of the log are noticed. Anyone who
can write the file can drop a trigger: opening the store puts missing or altered triggers
back and appends a `guard` entry saying so, which `verify` reports.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from tolltrace.model import CustodyEntry
from tolltrace.store.dialect import Connection

_APPEND_ONLY = "BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END"
# The triggers as migrations 1 and 8 create them (compared without white space).
CUSTODY_TRIGGERS: dict[str, str] = {
    "custody_no_update": f"CREATE TRIGGER custody_no_update BEFORE UPDATE ON custody\n"
    f"    {_APPEND_ONLY}",
    "custody_no_delete": f"CREATE TRIGGER custody_no_delete BEFORE DELETE ON custody\n"
    f"    {_APPEND_ONLY}",
    "custody_head_follows": "CREATE TRIGGER custody_head_follows AFTER INSERT ON custody\n"
    "    BEGIN INSERT OR REPLACE INTO custody_head VALUES (1, NEW.seq, NEW.hash); END",
}

# Schema migration 8 (see sqlite.MIGRATIONS); never edit it once it has shipped. It may run
# again on a store whose version was set back, so it creates only what is missing.
GUARD_MIGRATION = (
    """
CREATE TABLE IF NOT EXISTS custody_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL
);
INSERT OR REPLACE INTO custody_head SELECT 1, seq, hash FROM custody ORDER BY seq DESC LIMIT 1;
"""
    + CUSTODY_TRIGGERS["custody_head_follows"].replace(
        "CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS", 1
    )
    + ";\n"
)
_SPACE = re.compile(r"\s+")


def _same_sql(first: str, second: str) -> bool:
    return _SPACE.sub("", first).rstrip(";") == _SPACE.sub("", second).rstrip(";")


class SQLiteCustodyGuard:
    _db: Connection
    guard_problems: tuple[str, ...]  # triggers found missing or altered and not put back

    if TYPE_CHECKING:  # provided by SQLiteStore

        def batch(self) -> Any: ...

        def append_custody(
            self, action: str, subject: str, details: Mapping[str, Any]
        ) -> CustodyEntry: ...

    def _guard_custody(self) -> None:
        """Put back any custody trigger found missing or altered, and log that it was."""
        found = dict(
            self._db.execute(
                "SELECT name, sql FROM sqlite_master "
                "WHERE type = 'trigger' AND tbl_name = 'custody'"
            ).fetchall()
        )
        missing = sorted(name for name in CUSTODY_TRIGGERS if name not in found)
        altered = sorted(
            name
            for name, sql in CUSTODY_TRIGGERS.items()
            if name in found and not _same_sql(str(found[name]), sql)
        )
        self.guard_problems = ()
        if not missing and not altered:
            return
        try:
            with self.batch():
                for name in missing + altered:
                    self._db.execute(f"DROP TRIGGER IF EXISTS {name}")
                    self._db.execute(CUSTODY_TRIGGERS[name])
                # What the head said before this entry moves it: entries deleted meanwhile.
                head = self._db.execute("SELECT seq FROM custody_head WHERE id = 1").fetchone()
                last = self._db.execute("SELECT max(seq) FROM custody").fetchone()
                self.append_custody(
                    "guard",
                    "custody triggers",
                    {
                        "missing": missing,
                        "altered": altered,
                        "restored": True,
                        "recorded_last": head[0] if head else None,
                        "found_last": last[0] if last else None,
                    },
                )
        except sqlite3.DatabaseError as exc:  # a read-only file: verify still says so
            self.guard_problems = tuple(
                f"the custody trigger {name} is {'missing' if name in missing else 'altered'} "
                f"and could not be put back ({exc})"
                for name in missing + altered
            )

    def custody_head(self) -> tuple[int, str] | None:
        """The number and hash of the last entry, as the insert trigger recorded them."""
        row = self._db.execute("SELECT seq, hash FROM custody_head WHERE id = 1").fetchone()
        if row is None:
            return None
        try:
            return int(row[0]), str(row[1])
        except (TypeError, ValueError):
            return -1, str(row[1])

    def extraction_records(self) -> set[tuple[str, str]]:
        """(document, extractor version) of every extraction recorded as done."""
        rows = self._db.execute("SELECT document, extractor FROM extractions WHERE status = 'ok'")
        return {(str(document), str(extractor)) for document, extractor in rows}
