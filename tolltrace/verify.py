"""Verification: re-hash every original and the custody chain, and cross-check the two."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from tolltrace.store.base import Store
from tolltrace.store.custody import Tampering, verify_chain


@dataclass(slots=True)
class VerifyReport:
    documents: int = 0
    custody_entries: int = 0
    problems: list[Tampering] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_store(store: Store) -> VerifyReport:
    """Every problem found, each naming the document or custody entry concerned."""
    report = VerifyReport()
    ingested: dict[str, int] = {}
    entries = []
    for entry in store.custody():
        entries.append(entry)
        if entry.action == "ingest":
            ingested[entry.subject] = entry.seq
            if entry.details.get("sha256") != entry.subject:
                report.problems.append(
                    Tampering(f"custody #{entry.seq}", "ingest entry names a different sha256")
                )
    report.custody_entries = len(entries)
    report.problems.extend(verify_chain(entries))
    stored: set[str] = set()
    for doc_id, original in store.iter_originals():
        report.documents += 1
        stored.add(doc_id)
        where = f"document {doc_id[:16]}"
        digest = hashlib.sha256(original).hexdigest()
        if digest != doc_id:
            report.problems.append(
                Tampering(where, f"original altered: its bytes now hash to {digest[:16]}")
            )
        if doc_id not in ingested:
            report.problems.append(Tampering(where, "stored without an ingest custody entry"))
    for doc_id, seq in ingested.items():
        if doc_id not in stored:
            report.problems.append(
                Tampering(f"custody #{seq}", f"document {doc_id[:16]} was ingested but is missing")
            )
    report.problems.extend(Tampering("database", p) for p in store.integrity_problems())
    return report
