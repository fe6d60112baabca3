"""The chain of custody: append-only entries, each hashed together with the one before it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

from tolltrace.model import Claim, CustodyEntry

GENESIS = "0" * 64


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def entry_hash(
    seq: int, at: str, action: str, subject: str, details: Mapping[str, Any], prev_hash: str
) -> str:
    """SHA-256 over a canonical JSON form, so any change to any field changes the hash."""
    body = json.dumps(
        [seq, at, action, subject, dict(details), prev_hash],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def next_entry(
    previous: CustodyEntry | None,
    action: str,
    subject: str,
    details: Mapping[str, Any],
    at: str | None = None,
) -> CustodyEntry:
    seq = previous.seq + 1 if previous else 1
    prev_hash = previous.hash if previous else GENESIS
    at = at or now_utc()
    digest = entry_hash(seq, at, action, subject, details, prev_hash)
    return CustodyEntry(seq, at, action, subject, dict(details), prev_hash, digest)


# What linking and reviewing may change on a stored claim; a fingerprint leaves them out.
_CHANGEABLE = frozenset(["event", "event_label", "review", "reviewed_by", "reviewed_at"])


def claims_fingerprint(claims: Iterable[Claim]) -> str:
    """SHA-256 over every claim's fields as extracted, in id order: the `extract` custody
    entry records it, so a claim edited, deleted or added afterwards is noticed."""
    rows = sorted(
        [
            {f.name: getattr(claim, f.name) for f in fields(claim) if f.name not in _CHANGEABLE}
            for claim in claims
        ],
        key=lambda row: str(row["id"]),
    )
    body = json.dumps(rows, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Tampering:
    """One precise finding of `verify`."""

    where: str  # "custody #12", "document 3fa9c1...", ...
    problem: str


def verify_chain(
    entries: Iterable[CustodyEntry],
    *,
    partial: bool = False,
    withheld: Collection[int] = frozenset(),
) -> list[Tampering]:
    """Every entry must hash to its stored hash, point at its predecessor, and follow in order.

    `partial`: the entries are a stretch of a chain that may start after its first entry (an
    evidence package's), so the first one's link to the entry before it is taken as given.
    `withheld`: numbers of entries given without their content (their hash only): their place
    in the chain is checked, their content cannot be.
    """
    problems: list[Tampering] = []
    expected_prev, expected_seq = GENESIS, 1
    for index, entry in enumerate(entries):
        where = f"custody #{entry.seq}"
        if partial and index == 0:
            expected_prev, expected_seq = entry.prev_hash, entry.seq
        if entry.damage is not None:
            problems.append(Tampering(where, f"content altered: {entry.damage}"))
        if entry.seq != expected_seq:
            problems.append(
                Tampering(where, f"sequence jumps from #{expected_seq - 1} to #{entry.seq}")
            )
        recomputed = entry_hash(
            entry.seq, entry.at, entry.action, entry.subject, entry.details, entry.prev_hash
        )
        if recomputed != entry.hash and entry.damage is None and entry.seq not in withheld:
            problems.append(
                Tampering(
                    where,
                    f"content altered: stored hash {entry.hash[:12]}…, "
                    f"content hashes to {recomputed[:12]}…",
                )
            )
        if entry.prev_hash != expected_prev:
            problems.append(
                Tampering(where, "chain broken: prev_hash does not match the entry before it")
            )
        expected_prev, expected_seq = entry.hash, entry.seq + 1
    return problems
