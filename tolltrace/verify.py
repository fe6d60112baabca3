"""Verification: re-hash every original and the custody chain, and cross-check the two.

The chain protects what its entries record: each original (its SHA-256 is the document id),
each document's clean text (its hash in the `ingest` entry), each document's claims as
extracted (their fields' hash in the `extract` entry) and as reviewed (the `review` entries'
values), and the runs, accounts and settings logged. Whoever can write the file can rewrite
the whole chain with recomputed hashes: only a head kept elsewhere (`expect_head`) shows it.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from tolltrace.model import REVIEWABLE_FIELDS, Claim, CustodyEntry
from tolltrace.store.base import Store
from tolltrace.store.custody import Tampering, claims_fingerprint, verify_chain

# A review changes these; a link changes a claim's event. Neither is an edit behind its back.
_REVIEWED = tuple(name for name in REVIEWABLE_FIELDS if name != "event")
_HEX = frozenset("0123456789abcdef")


@dataclass(slots=True)
class VerifyReport:
    documents: int = 0
    custody_entries: int = 0
    claims: int = 0
    head_seq: int = 0  # the last custody entry: publish it to detect a rewritten chain
    head_hash: str = ""
    problems: list[Tampering] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_store(store: Store, expect_head: str | None = None) -> VerifyReport:
    """Every problem found, each naming the document, claim or custody entry concerned.

    `expect_head` is a custody entry hash published earlier (`head_hash` of a report): the
    chain must still hold that entry, else it was rewritten or cut short since.
    """
    report = VerifyReport()
    entries = list(store.custody())
    report.custody_entries = len(entries)
    if entries:
        report.head_seq, report.head_hash = entries[-1].seq, entries[-1].hash
    report.problems.extend(verify_chain(entries))
    report.problems.extend(_guards(store, entries))
    if expect_head is not None:
        report.problems.extend(_anchored(entries, expect_head))
    ingested = _documents(store, entries, report)
    _claims(store, entries, ingested, report)
    report.problems.extend(Tampering("database", p) for p in store.integrity_problems())
    return report


def _guards(store: Store, entries: list[CustodyEntry]) -> list[Tampering]:
    """The log's own guards: its triggers, and its last entry as recorded apart from it."""
    problems = [Tampering("custody log", problem) for problem in store.guard_problems]
    for entry in entries:
        if entry.action == "guard":
            gone = ", ".join([*entry.details.get("missing", []), *entry.details.get("altered", [])])
            problems.append(
                Tampering(
                    f"custody #{entry.seq}",
                    f"the custody log's triggers ({gone}) were found dropped or altered and put "
                    f"back on {entry.at}: entries before then may have been changed or deleted; "
                    "check the chain against a head published earlier (--expect-head)",
                )
            )
            recorded, found = entry.details.get("recorded_last"), entry.details.get("found_last")
            if isinstance(recorded, int) and isinstance(found, int) and recorded > found:
                problems.append(
                    Tampering(
                        f"custody #{entry.seq}",
                        f"entries #{found + 1} to #{recorded} were deleted from the end of the "
                        "log while its triggers were missing",
                    )
                )
    head = store.custody_head()
    last = entries[-1] if entries else None
    if head is not None and last is not None:
        seq, digest = head
        if seq > last.seq:
            problems.append(
                Tampering(
                    "custody log",
                    f"entries #{last.seq + 1} to #{seq} were deleted from the end of the log "
                    f"(its last entry was recorded as #{seq})",
                )
            )
        elif seq == last.seq and digest != last.hash:
            problems.append(Tampering(f"custody #{seq}", "the last entry was replaced"))
    elif head is not None and last is None:
        problems.append(Tampering("custody log", f"every entry was deleted (it had {head[0]})"))
    return problems


def _anchored(entries: list[CustodyEntry], expected: str) -> list[Tampering]:
    wanted = expected.strip().lower()
    if len(wanted) < 16 or not set(wanted) <= _HEX:
        return [Tampering("expected head", f"{expected!r} is no head: give 16 or more hex digits")]
    if any(entry.hash.startswith(wanted) for entry in entries):
        return []
    return [
        Tampering(
            "expected head",
            f"no custody entry has the hash {wanted[:16]}…: the chain was rewritten or cut "
            "short since that head was published",
        )
    ]


def _documents(store: Store, entries: list[CustodyEntry], report: VerifyReport) -> set[str]:
    """Originals and clean texts against their ingest entries; the ids ingested."""
    ingested: dict[str, CustodyEntry] = {}
    for entry in entries:
        if entry.action == "ingest":
            ingested[entry.subject] = entry
            if entry.details.get("sha256") != entry.subject:
                report.problems.append(
                    Tampering(f"custody #{entry.seq}", "ingest entry names a different sha256")
                )
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
        ingest = ingested.get(doc_id)
        if ingest is None:
            report.problems.append(Tampering(where, "stored without an ingest custody entry"))
            continue
        recorded = ingest.details.get("clean_sha256")
        if recorded is not None:
            try:
                clean = store.get_document(doc_id).clean
            except Exception as exc:  # a row damaged past reading is one more finding
                report.problems.append(Tampering(where, f"clean text unreadable ({exc})"))
                continue
            text = clean.text if clean is not None else ""
            if hashlib.sha256(text.encode()).hexdigest() != recorded:
                report.problems.append(
                    Tampering(where, f"clean text altered since its ingest (custody #{ingest.seq})")
                )
    for doc_id, entry in ingested.items():
        if doc_id not in stored:
            report.problems.append(
                Tampering(
                    f"custody #{entry.seq}", f"document {doc_id[:16]} was ingested but is missing"
                )
            )
    return stored


def _claims(
    store: Store, entries: list[CustodyEntry], documents: set[str], report: VerifyReport
) -> None:
    """Each document's claims against its last `extract` entry, reviewed ones against their
    last `review` entry."""
    extracted: dict[str, CustodyEntry] = {}
    reviews: dict[str, list[CustodyEntry]] = defaultdict(list)
    versions: set[tuple[str, str]] = set()
    for entry in entries:
        if entry.action == "extract":
            extracted[entry.subject] = entry
            versions.add((entry.subject, str(entry.details.get("extractor"))))
        elif entry.action == "review":
            reviews[entry.subject].append(entry)
    for doc_id, extractor in sorted(store.extraction_records() - versions):
        report.problems.append(
            Tampering(
                f"document {doc_id[:16]}",
                f"its extraction by {extractor} is recorded without an extract custody entry",
            )
        )
    by_document: dict[str, list[Claim]] = defaultdict(list)
    try:
        for claim in store.claims():
            report.claims += 1
            by_document[claim.document].append(claim)
            report.problems.extend(_review_problems(claim, reviews.get(claim.id, [])))
    except Exception as exc:  # a row damaged past reading is one more finding
        report.problems.append(Tampering("claims", f"unreadable ({type(exc).__name__}: {exc})"))
        return
    for doc_id in sorted(documents | set(by_document)):
        last = extracted.get(doc_id)
        claims = by_document.get(doc_id, [])
        if last is None:
            if claims:
                report.problems.append(
                    Tampering(
                        f"document {doc_id[:16]}",
                        f"{len(claims)} claims stored without an extract custody entry",
                    )
                )
            continue
        problem = _extract_problem(last, claims, reviews)
        if problem is not None:
            report.problems.append(Tampering(f"document {doc_id[:16]}", problem))


def _review_problems(claim: Claim, reviews: list[CustodyEntry]) -> list[Tampering]:
    where = f"claim {claim.id}"
    if not reviews:
        if claim.review != "unreviewed":
            return [Tampering(where, f"marked {claim.review} without a review custody entry")]
        return []
    after: Any = reviews[-1].details.get("after")
    if not isinstance(after, dict):
        return [Tampering(where, f"its review (custody #{reviews[-1].seq}) records no values")]
    changed = [name for name in _REVIEWED if name in after and getattr(claim, name) != after[name]]
    if changed:
        return [
            Tampering(
                where,
                f"{', '.join(changed)} differ from its last review (custody #{reviews[-1].seq})",
            )
        ]
    return []


def _extract_problem(
    entry: CustodyEntry, claims: list[Claim], reviews: dict[str, list[CustodyEntry]]
) -> str | None:
    """How the document's claims differ from what its last extraction stored, or None."""
    details = entry.details
    kept = set(details.get("kept_reviewed") or [])
    written = [claim for claim in claims if claim.id not in kept]
    if "claims_sha256" in details:
        as_extracted = [_before_reviews(c, reviews.get(c.id, []), entry.seq) for c in written]
        if claims_fingerprint(as_extracted) == details["claims_sha256"]:
            return None
        stored = details.get("stored")
        if isinstance(stored, int) and stored != len(written):
            return (
                f"{len(written)} claims where its extraction (custody #{entry.seq}) stored "
                f"{stored}: claims were deleted or added"
            )
        return f"a claim was edited since its extraction (custody #{entry.seq})"
    if kept or details.get("shadowed_by_review"):
        return None  # an entry older than claim hashes, with reviews: its ids cannot be matched
    ids = "\n".join(sorted(claim.id for claim in claims))
    if hashlib.sha256(ids.encode()).hexdigest() != details.get("claim_ids_sha256"):
        return (
            f"its claims are not those its extraction stored (custody #{entry.seq}): "
            f"{len(claims)} now, {details.get('claims')} then"
        )
    return None


def _before_reviews(claim: Claim, reviews: list[CustodyEntry], since: int) -> Claim:
    """The claim as extracted: reviewed fields as the first review after `since` found them."""
    first = next((entry for entry in reviews if entry.seq > since), None)
    before: Any = first.details.get("before") if first is not None else None
    if not isinstance(before, dict):
        return claim
    values = {name: before[name] for name in _REVIEWED if name in before}
    return replace(claim, **values)
