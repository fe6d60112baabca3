"""SQLite tables of the review app (users, sessions, settings, review decisions, sign-ins)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from tolltrace.errors import TolltraceError
from tolltrace.model import (
    CATEGORIES,
    QUALIFIERS,
    REVIEW_ACTIONS,
    REVIEW_STATES,
    REVIEWABLE_FIELDS,
    ROLES,
    Claim,
    CustodyEntry,
    Review,
    Session,
    User,
)
from tolltrace.store.custody import now_utc
from tolltrace.store.dialect import Connection
from tolltrace.store.reviews import (
    ClaimNotFound,
    InvalidReview,
    QueuedClaim,
    ReviewConflict,
    ReviewTables,
    UserExists,
    UserNotFound,
)

# Schema migration 4 (see sqlite.MIGRATIONS); never edit it once it has shipped.
REVIEW_MIGRATION = """
CREATE TABLE users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE sessions (
    token_sha256 TEXT PRIMARY KEY,
    user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE reviews (
    claim TEXT NOT NULL,
    version INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('confirm', 'reject', 'correct')),
    before TEXT NOT NULL,
    after TEXT NOT NULL,
    reason TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (claim, version)
);
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
    BEGIN SELECT RAISE(ABORT, 'review decisions are append-only'); END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
    BEGIN SELECT RAISE(ABORT, 'review decisions are append-only'); END;
-- A claim's event, once a reviewer corrected it, changes only by another review: a re-link
-- (which sets and clears events on every claim) leaves it as the reviewer decided.
CREATE TRIGGER claims_keep_reviewed_event BEFORE UPDATE OF event ON claims
    WHEN EXISTS (SELECT 1 FROM reviews WHERE claim = OLD.id AND action = 'correct'
                 AND json_extract(after, '$.event') IS NOT json_extract(before, '$.event'))
    AND NEW.event IS NOT (SELECT json_extract(after, '$.event') FROM reviews
                          WHERE claim = OLD.id ORDER BY version DESC LIMIT 1)
    BEGIN SELECT RAISE(IGNORE); END;
CREATE TABLE review_state (
    claim TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    state TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    at TEXT NOT NULL
);
"""

# Part of schema migration 5 (see sqlite.MIGRATIONS); never edit it once it has shipped.
SIGN_IN_MIGRATION = """
CREATE TABLE sign_in_failures (
    key TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX sign_in_failures_key ON sign_in_failures(key, at);
CREATE INDEX sign_in_failures_at ON sign_in_failures(at);
"""

# What `SQLiteStore.claims` adds to its SELECT so that every claim carries its review state.
REVIEW_COLUMNS = "r.state, r.reviewer, r.at"
REVIEW_JOIN = " LEFT JOIN review_state r ON r.claim = c.id"
_REVIEW_SELECT = "SELECT claim, version, action, before, after, reason, reviewer, at FROM reviews"


class SQLiteReviewTables(ReviewTables):
    _db: Connection
    # What the connection raises when a row breaks a unique key.
    _integrity_errors: tuple[type[Exception], ...] = (sqlite3.IntegrityError,)

    if TYPE_CHECKING:  # SQLiteStore's, which these tables are part of

        def batch(self) -> Any: ...

        def append_custody(
            self, action: str, subject: str, details: Mapping[str, Any]
        ) -> CustodyEntry: ...

    # Accounts
    def add_user(self, name: str, role: str, password_hash: str) -> User:
        if role not in ROLES:
            raise InvalidReview(f"unknown role {role!r}: choose one of {', '.join(ROLES)}")
        user = User(name, role, now_utc())
        with self.batch():
            try:
                self._db.execute(
                    "INSERT INTO users VALUES (?, ?, ?, ?)",
                    (name, role, password_hash, user.created_at),
                )
            except self._integrity_errors as exc:
                raise UserExists(f"there is already an account called {name!r}") from exc
        return user

    def get_user(self, name: str) -> User:
        row = self._db.execute(
            "SELECT name, role, created_at FROM users WHERE name = ?", (name,)
        ).fetchone()
        if row is None:
            raise UserNotFound(f"no account called {name!r}: `tolltrace users list` lists them")
        return User(*row)

    def password_hash(self, name: str) -> str:
        row = self._db.execute("SELECT password_hash FROM users WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise UserNotFound(f"no account called {name!r}")
        return str(row[0])

    def set_password_hash(self, name: str, password_hash: str) -> None:
        with self.batch():
            cursor = self._db.execute(
                "UPDATE users SET password_hash = ? WHERE name = ?", (password_hash, name)
            )
        if cursor.rowcount == 0:
            raise UserNotFound(f"no account called {name!r}")

    def users(self) -> list[User]:
        rows = self._db.execute("SELECT name, role, created_at FROM users ORDER BY name")
        return [User(*row) for row in rows]

    def remove_user(self, name: str) -> None:
        with self.batch():
            cursor = self._db.execute("DELETE FROM users WHERE name = ?", (name,))
        if cursor.rowcount == 0:
            raise UserNotFound(f"no account called {name!r}: `tolltrace users list` lists them")

    # Sessions and settings
    def add_session(self, session: Session) -> None:
        with self.batch():
            self._db.execute("DELETE FROM sessions WHERE expires_at <= ?", (session.created_at,))
            self._db.execute(
                "INSERT INTO sessions VALUES (?, ?, ?, ?, ?)",
                (
                    session.token_sha256,
                    session.user.name,
                    session.csrf,
                    session.created_at,
                    session.expires_at,
                ),
            )

    def get_session(self, token_sha256: str, now: str) -> Session | None:
        row = self._db.execute(
            "SELECT s.token_sha256, u.name, u.role, u.created_at, s.csrf, s.created_at, "
            "s.expires_at FROM sessions s JOIN users u ON u.name = s.user "
            "WHERE s.token_sha256 = ? AND s.expires_at > ?",
            (token_sha256, now),
        ).fetchone()
        if row is None:
            return None
        return Session(row[0], User(row[1], row[2], row[3]), row[4], row[5], row[6])

    def remove_session(self, token_sha256: str) -> None:
        with self.batch():
            self._db.execute("DELETE FROM sessions WHERE token_sha256 = ?", (token_sha256,))

    def record_sign_in_failure(self, keys: Sequence[str], at: str, forget_before: str) -> None:
        with self.batch():
            self._db.execute("DELETE FROM sign_in_failures WHERE at < ?", (forget_before,))
            self._db.executemany(
                "INSERT INTO sign_in_failures (key, at) VALUES (?, ?)", ((key, at) for key in keys)
            )

    def sign_in_failures(self, key: str, since: str) -> list[str]:
        rows = self._db.execute(
            "SELECT at FROM sign_in_failures WHERE key = ? AND at >= ? ORDER BY at", (key, since)
        )
        return [str(row[0]) for row in rows]

    def clear_sign_in_failures(self, key: str, at: str | None = None) -> None:
        with self.batch():
            if at is None:
                self._db.execute("DELETE FROM sign_in_failures WHERE key = ?", (key,))
                return
            self._db.execute(
                "DELETE FROM sign_in_failures WHERE rowid IN "
                "(SELECT rowid FROM sign_in_failures WHERE key = ? AND at = ? LIMIT 1)",
                (key, at),
            )

    def get_setting(self, name: str, default: str = "") -> str:
        row = self._db.execute("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
        return default if row is None else str(row[0])

    def set_setting(self, name: str, value: str) -> None:
        with self.batch():
            self._db.execute(
                "INSERT INTO settings VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = ?",
                (name, value, value),
            )

    # Claims and decisions
    def get_claim(self, claim_id: str) -> Claim:
        found = self._select_claims(" WHERE c.id = ?", [claim_id], "", 1, 0)
        if not found:
            raise ClaimNotFound(f"no claim with id {claim_id}")
        return found[0]

    def review_claim(
        self,
        claim_id: str,
        action: str,
        changes: Mapping[str, Any],
        reason: str,
        by: str,
        expected_version: int,
    ) -> Review:
        reason = reason.strip()
        _check_decision(action, changes, reason)
        with self.batch():
            claim = self.get_claim(claim_id)
            version = self._review_version(claim_id)
            if version != expected_version:
                current = self.reviews(claim_id)[-1]
                raise ReviewConflict(
                    f"{current.by} recorded a decision ({current.action}) on this claim at "
                    f"{current.at}, after you opened it: read it and decide again",
                    current,
                )
            before = {name: getattr(claim, name) for name in REVIEWABLE_FIELDS}
            after = {**before, **_checked_changes(changes)}
            if action == "correct" and after == before:
                raise InvalidReview("a correction must change at least one field")
            low, high = after["low"], after["high"]
            if low is not None and high is not None and low > high:
                raise InvalidReview(f"the low count {low} is above the high count {high}")
            label = claim.event_label
            if after["event"] != before["event"]:
                after["event"], label = self._resolve_event(after["event"])
            review = Review(claim_id, version + 1, action, before, after, reason, by, now_utc())
            self._db.execute(
                "INSERT INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    claim_id,
                    review.version,
                    action,
                    json.dumps(before, sort_keys=True),
                    json.dumps(after, sort_keys=True),
                    reason,
                    by,
                    review.at,
                ),
            )
            # After the decision is stored: the event trigger checks it.
            self._db.execute(
                "UPDATE claims SET low = ?, high = ?, qualifier = ?, category = ?, "
                "attributed_to = ?, event = ?, event_label = ? WHERE id = ?",
                (*(after[name] for name in REVIEWABLE_FIELDS), label, claim_id),
            )
            self._db.execute(
                "INSERT INTO review_state VALUES (?, ?, ?, ?, ?) ON CONFLICT (claim) DO UPDATE "
                "SET version = excluded.version, state = excluded.state, "
                "reviewer = excluded.reviewer, at = excluded.at",
                (claim_id, review.version, REVIEW_STATES[action], by, review.at),
            )
            self.append_custody(
                "review",
                claim_id,
                {
                    "document": claim.document,
                    "version": review.version,
                    "action": action,
                    "before": before,
                    "after": after,
                    "by": by,
                    "reason": reason,
                },
            )
        return review

    def reviews(self, claim_id: str) -> list[Review]:
        rows = self._db.execute(_REVIEW_SELECT + " WHERE claim = ? ORDER BY version", (claim_id,))
        return [_review(row) for row in rows]

    def reviewed_events(self) -> dict[str, str | None]:
        rows = self._db.execute(
            "SELECT r.claim, json_extract(r.after, '$.event') FROM reviews r "
            "WHERE r.version = (SELECT max(version) FROM reviews WHERE claim = r.claim) "
            "AND EXISTS (SELECT 1 FROM reviews e WHERE e.claim = r.claim AND e.action = 'correct' "
            "AND json_extract(e.after, '$.event') IS NOT json_extract(e.before, '$.event'))"
        )
        return {claim: event for claim, event in rows}

    def review_counts(self) -> dict[str, int]:
        counts = {"unreviewed": 0, **{state: 0 for state in REVIEW_STATES.values()}}
        rows = self._db.execute(
            "SELECT coalesce(r.state, 'unreviewed'), count(*) FROM claims c"
            + REVIEW_JOIN
            + " GROUP BY 1"
        )
        for state, count in rows:
            counts[state] = int(count)
        return counts

    def unreviewed_claims(
        self, first: tuple[str, ...] = (), limit: int = 50, offset: int = 0
    ) -> list[Claim]:
        if not first:
            return self._select_claims(" WHERE r.claim IS NULL", [], "", limit, offset)
        order = "(c.id NOT IN (SELECT value FROM json_each(?))), "
        # The ORDER BY parameter comes after the WHERE ones in the statement.
        return self._select_claims(
            " WHERE r.claim IS NULL", [json.dumps(list(first))], order, limit, offset
        )

    def review_queue(self, limit: int = 50, offset: int = 0) -> list[QueuedClaim]:
        # Part one walks `claim_contradictions` in its key order (the reading order); part two
        # walks documents by row, each one's claims through claims_document (CROSS JOIN keeps
        # that loop order), so both stop after the page instead of sorting every claim.
        contradicted = self._queue_claims(
            "FROM claim_contradictions x CROSS JOIN claims c ON c.id = x.claim",
            "",
            'x.document, x.start, x."end", x.claim',
            limit,
            offset,
        )
        page = [QueuedClaim(claim, True) for claim in contradicted]
        if len(page) == limit:
            return page
        skipped = offset - self._count_contradicted() if not page else 0
        rest = self._queue_claims(
            "FROM documents d CROSS JOIN claims c ON c.document = d.id",
            " AND NOT EXISTS (SELECT 1 FROM claim_contradictions x WHERE x.claim = c.id)",
            'd.rowid, c.start, c."end", c.id',
            limit - len(page),
            max(skipped, 0),
        )
        return page + [QueuedClaim(claim, False) for claim in rest]

    def _queue_claims(
        self, source: str, condition: str, order: str, limit: int, offset: int
    ) -> list[Claim]:
        from tolltrace.store.sqlite import _CLAIM_COLUMNS, _claim  # that module imports this one

        sql = (
            f"SELECT {_CLAIM_COLUMNS}, {REVIEW_COLUMNS} {source}{REVIEW_JOIN} "
            f"WHERE r.claim IS NULL{condition} ORDER BY {order} LIMIT ? OFFSET ?"
        )
        return [_claim(row) for row in self._db.execute(sql, (limit, offset))]

    def _count_contradicted(self) -> int:
        """How many contradicted claims still wait for a decision."""
        row = self._db.execute(
            "SELECT count(*) FROM claim_contradictions x JOIN claims c ON c.id = x.claim"
            f"{REVIEW_JOIN} WHERE r.claim IS NULL"
        ).fetchone()
        return int(row[0])

    def search_claims(self, words: str, limit: int = 50) -> list[Claim]:
        words = words.strip()
        if not words:
            return []
        escaped = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where = " WHERE " + " OR ".join(
            f"c.{name} LIKE ? ESCAPE '\\'"
            for name in ("text", "subject", "attributed_to", '"where"', "category")
        )
        return self._select_claims(where, [escaped] * 5, "", limit, 0)

    def _select_claims(
        self, where: str, params: list[Any], order: str, limit: int, offset: int
    ) -> list[Claim]:
        from tolltrace.store.sqlite import _CLAIM_COLUMNS, _claim  # that module imports this one

        sql = (
            f"SELECT {_CLAIM_COLUMNS}, {REVIEW_COLUMNS} FROM claims c "
            f"JOIN documents d ON d.id = c.document{REVIEW_JOIN}{where} "
            f'ORDER BY {order}d.rowid, c.start, c."end", c.id LIMIT ? OFFSET ?'
        )
        return [_claim(row) for row in self._db.execute(sql, (*params, limit, offset))]

    def _review_version(self, claim_id: str) -> int:
        row = self._db.execute(
            "SELECT version FROM review_state WHERE claim = ?", (claim_id,)
        ).fetchone()
        return 0 if row is None else int(row[0])

    def _resolve_event(self, reference: str | None) -> tuple[str | None, str | None]:
        """The full id and label of the event `reference` (an id or prefix) names."""
        if reference is None:
            return None, None
        get_event = getattr(self, "get_event", None)  # the link tables, when they exist
        if get_event is None:
            return reference, None
        try:
            event = get_event(reference)
        except TolltraceError as exc:
            raise InvalidReview(f"no event {reference!r} to link the claim to: {exc}") from exc
        return str(event.id), str(event.label)


def _check_decision(action: str, changes: Mapping[str, Any], reason: str) -> None:
    if action not in REVIEW_ACTIONS:
        raise InvalidReview(f"unknown action {action!r}: use one of {', '.join(REVIEW_ACTIONS)}")
    if action != "correct" and changes:
        raise InvalidReview(f"only a correction changes fields, not {action!r}")
    if action != "confirm" and not reason:
        raise InvalidReview(f"give a reason to {action} a claim")


# SQLite integers are 64-bit; no count of people comes near this.
MAX_COUNT = 10**12


def _checked_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    checked: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in REVIEWABLE_FIELDS:
            raise InvalidReview(
                f"{name!r} cannot be reviewed: correct one of {', '.join(REVIEWABLE_FIELDS)}"
            )
        if name in ("low", "high"):
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT
            ):
                raise InvalidReview(
                    f"{name} must be a whole number of people (at most {MAX_COUNT:,}) or empty"
                )
        elif name == "qualifier" and value not in QUALIFIERS:
            raise InvalidReview(f"unknown qualifier {value!r}: one of {', '.join(QUALIFIERS)}")
        elif name == "category" and value not in CATEGORIES:
            raise InvalidReview(f"unknown category {value!r}: one of {', '.join(CATEGORIES)}")
        elif name in ("attributed_to", "event"):
            if value is not None and not isinstance(value, str):
                raise InvalidReview(f"{name} must be text or empty")
            value = (value or "").strip() or None
        checked[name] = value
    return checked


def _review(row: tuple[Any, ...]) -> Review:
    claim, version, action, before, after, reason, by, at = row
    return Review(claim, version, action, json.loads(before), json.loads(after), reason, by, at)
