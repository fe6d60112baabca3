"""People's merge and split decisions, of entities and of victims: checked, stored in their
table, logged in the chain of custody, and read back in the order they were made.

The two kinds differ only in their words (the table, the column and custody key of what they
name, the error they raise), which `DecisionLog` holds; the statements are written once here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tolltrace.errors import TolltraceError
from tolltrace.store.custody import now_utc
from tolltrace.store.dialect import Connection

ACTIONS = ("merge", "split")


@dataclass(frozen=True, slots=True)
class DecisionLog:
    table: str  # entity_decisions, victim_decisions
    subjects: str  # the column, and the custody key, of what a decision names: names, ids
    by_column: str  # who decided (victims: decided_by, as PostgreSQL reserves "by")
    kind: str  # the custody action's prefix: entity, victim
    error: type[TolltraceError]
    merge_needs: str  # what the error says a merge needs
    split_needs: str


@dataclass(frozen=True, slots=True)
class Checked:
    action: str
    subjects: tuple[str, ...]
    reason: str
    by: str
    at: str


def checked(
    log: DecisionLog, action: str, subjects: Sequence[str], reason: str, by: str, at: str
) -> Checked:
    """The decision with its subjects stripped and unique, its time set; or `log.error`."""
    unique = tuple(dict.fromkeys(s.strip() for s in subjects if s.strip()))
    if action not in ACTIONS:
        raise log.error(f"unknown {log.kind} decision {action!r}: use one of {', '.join(ACTIONS)}")
    if action == "merge" and len(unique) < 2:
        raise log.error(f"a merge needs {log.merge_needs}")
    if not unique:
        raise log.error(f"a split needs {log.split_needs}")
    if not reason.strip():
        raise log.error("say why with a reason: it is kept in the custody log")
    return Checked(action, unique, reason.strip(), by, at or now_utc())


def record(
    log: DecisionLog,
    db: Connection,
    append_custody: Callable[[str, str, Mapping[str, Any]], object],
    decision: Checked,
) -> None:
    """Store the decision and log it (inside the caller's batch)."""
    db.execute(
        f"INSERT INTO {log.table} (action, {log.subjects}, reason, {log.by_column}, at) "
        "VALUES (?, ?, ?, ?, ?)",
        (decision.action, json.dumps(list(decision.subjects)), decision.reason, decision.by,
         decision.at),
    )  # fmt: skip
    append_custody(
        f"{log.kind}-{decision.action}",
        decision.subjects[0],
        {
            log.subjects: list(decision.subjects),
            "reason": decision.reason,
            "by": decision.by,
            "at": decision.at,
        },
    )


def read(log: DecisionLog, db: Connection) -> list[Checked]:
    """Every decision of the log, oldest first."""
    rows = db.execute(
        f"SELECT action, {log.subjects}, reason, {log.by_column}, at FROM {log.table} ORDER BY id"
    )
    return [
        Checked(action, tuple(json.loads(subjects)), reason, by, at)
        for action, subjects, reason, by, at in rows
    ]
