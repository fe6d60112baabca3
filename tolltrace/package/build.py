"""Make an event's evidence package: its originals, their custody, what was read from them.

The package is built from the store without changing it, and checked (`verify_package`)
before it replaces the output file: a package that would not verify is never handed over.
Nothing in it but `manifest.json`'s `created_at` depends on the clock, so the same store and
event give the same bytes.
"""

from __future__ import annotations

import io
import json
import os
import platform
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from tolltrace import __version__
from tolltrace.errors import PackageError, PackageRefused
from tolltrace.export import write_jsonl
from tolltrace.export_links import export_events, export_findings
from tolltrace.extract.stage import extractor_version
from tolltrace.model import Claim, CustodyEntry, Event
from tolltrace.package.check import ENTRY_HASH_RULE, verify_package
from tolltrace.package.layout import (
    CLAIMS,
    CUSTODY,
    EVENT,
    FINDINGS,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    OPTIONAL_CONTENTS,
    ORIGINALS,
    REPORT,
    PackedFile,
    original_path,
    write_entry,
)
from tolltrace.report.gather import gather_event
from tolltrace.report.html import event_report_html
from tolltrace.store.base import ClaimQuery, Store
from tolltrace.store.custody import now_utc

# Custody entries about the package's originals and claims, or about the whole store's
# integrity, are given in full; every other entry of the stretch by its hash only.
_DOCUMENT_ACTIONS = frozenset({"ingest", "extract"})
_STORE_ACTIONS = frozenset({"link", "guard"})
INCLUDED_CUSTODY = (
    "in full: the ingest and extract entries of the originals, the review entries of the "
    "claims, the runs of those extractions, and every link and guard entry; every other "
    "entry by its number and hashes only (its content concerns other documents, accounts "
    "or settings)"
)


@dataclass(frozen=True, slots=True)
class PackageSummary:
    path: Path
    event: Event
    originals: int
    claims: int
    findings: int
    custody_entries: int  # given in full
    custody_withheld: int  # given by their hashes only
    manifest_sha256: str


@dataclass(slots=True)
class _Custody:
    """The stretch of the chain from the first entry that concerns the package to the head."""

    lines: list[str] = field(default_factory=list)
    first: CustodyEntry | None = None  # entry #1: names the store's chain
    last: CustodyEntry | None = None
    included: int = 0
    withheld: int = 0
    ingest_seq: dict[str, int] = field(default_factory=dict)


def build_package(
    store: Store,
    reference: str,
    output: Path,
    *,
    store_location: str,
    made_by: str,
    created_at: str | None = None,
) -> PackageSummary:
    """Write the evidence package of the event `reference` (an id or id prefix) to `output`."""
    report = gather_event(store, reference)
    event = report.event
    claims = _event_claims(store, event)
    documents = list(dict.fromkeys([*event.documents, *(claim.document for claim in claims)]))
    findings = list(report.findings)
    custody = _custody(store, set(documents), {claim.id for claim in claims})

    output = output.resolve()
    # Written beside the output (created with the user's umask) and renamed once it verifies.
    temporary = output.parent / f".{output.name}.{os.getpid()}.partial"
    try:
        temporary.open("wb").close()
    except OSError as exc:
        raise PackageError(
            f"cannot write the package into {output.parent} ({exc.strerror}): give --output "
            "a file in a folder that exists and that you may write to"
        ) from exc
    try:
        with zipfile.ZipFile(temporary, "w") as archive:
            packed, originals = _write_originals(archive, store, documents, custody)
            packed.append(write_entry(archive, CUSTODY, _utf8(custody.lines), "custody"))
            links = {entry["sha256"]: f"../{entry['path']}" for entry in originals}
            page = event_report_html(event, findings, report.documents, report.bodies, links)
            packed += [
                write_entry(
                    archive, CLAIMS, _text(lambda out: write_jsonl(claims, out)), "derived"
                ),
                write_entry(
                    archive,
                    FINDINGS,
                    _text(lambda out: export_findings(findings, "jsonl", None, out)),
                    "derived",
                ),
                write_entry(
                    archive,
                    EVENT,
                    _text(lambda out: export_events([event], "jsonl", None, out)),
                    "derived",
                ),
                write_entry(archive, REPORT, page.encode("utf-8"), "derived"),
            ]
            manifest = _manifest(
                event,
                claims,
                len(findings),
                originals,
                custody,
                packed,
                store_location=store_location,
                documents_in_store=store.count_documents(),
                made_by=made_by,
                created_at=created_at or now_utc(),
            )
            body = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
            write_entry(archive, MANIFEST, body, "manifest")
        checked = verify_package(temporary)
        if not checked.ok:
            found = "; ".join(f"{p.where}: {p.problem}" for p in checked.problems[:5])
            raise PackageRefused(
                f"the package of event {event.id[:12]} would not verify ({found}); run "
                "`tolltrace verify` on the store to find what was altered"
            )
        os.replace(temporary, output)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return PackageSummary(
        output,
        event,
        len(originals),
        len(claims),
        len(findings),
        custody.included,
        custody.withheld,
        checked.manifest_sha256,
    )


def _event_claims(store: Store, event: Event) -> list[Claim]:
    """The event's claims, by document in event order, then by position."""
    wanted = set(event.claims)
    found: list[Claim] = []
    for doc_id in event.documents:
        found += [c for c in store.claims(ClaimQuery(document=doc_id)) if c.id in wanted]
    if len(found) < len(wanted):  # a claim a reviewer moved here from another document
        seen = {claim.id for claim in found}
        found += [c for c in store.claims() if c.id in wanted and c.id not in seen]
    return found


def _custody(store: Store, documents: set[str], claims: set[str]) -> _Custody:
    custody = _Custody()
    runs: set[str] = set()
    for entry in store.custody():
        if custody.first is None:
            custody.first = entry
        concerned = (
            (entry.action in _DOCUMENT_ACTIONS and entry.subject in documents)
            or (entry.action == "review" and entry.subject in claims)
            or (entry.action == "run" and entry.subject in runs)
            or entry.action in _STORE_ACTIONS
        )
        if concerned and entry.action == "extract":
            runs.add(str(entry.details.get("run")))
        if concerned and entry.action == "ingest":
            custody.ingest_seq[entry.subject] = entry.seq
        if not concerned and not custody.lines:
            continue  # before the first entry that concerns the package
        custody.lines.append(_custody_line(entry, concerned))
        custody.last = entry
        custody.included += concerned
        custody.withheld += not concerned
    return custody


def _custody_line(entry: CustodyEntry, full: bool) -> str:
    if full:
        record: dict[str, Any] = {
            "seq": entry.seq,
            "at": entry.at,
            "action": entry.action,
            "subject": entry.subject,
            "details": dict(entry.details),
            "prev_hash": entry.prev_hash,
            "hash": entry.hash,
        }
    else:
        record = {
            "seq": entry.seq,
            "prev_hash": entry.prev_hash,
            "hash": entry.hash,
            "withheld": True,
        }
    return json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n"


def _write_originals(
    archive: zipfile.ZipFile, store: Store, documents: list[str], custody: _Custody
) -> tuple[list[PackedFile], list[dict[str, Any]]]:
    packed: list[PackedFile] = []
    provenance: list[dict[str, Any]] = []
    for doc_id in documents:
        stored = store.get_document(doc_id)
        document = stored.document
        original = store.original(doc_id)
        path = original_path(doc_id, original, document.media_type, document.origin)
        written = write_entry(archive, path, original, "original")
        if written.sha256 != doc_id:
            raise PackageRefused(
                f"the original of document {doc_id[:16]} no longer hashes to its id: run "
                "`tolltrace verify` on the store"
            )
        packed.append(written)
        provenance.append(
            {
                "path": path,
                "sha256": doc_id,
                "size": written.size,
                "uri": document.uri,
                "origin": document.origin,
                "media_type": document.media_type,
                "encoding": document.encoding,
                "ingested_at": document.ingested_at,
                "title": stored.clean.title if stored.clean else None,
                "ingest_custody_seq": custody.ingest_seq.get(doc_id),
            }
        )
    return packed, provenance


def _manifest(
    event: Event,
    claims: list[Claim],
    findings: int,
    originals: list[dict[str, Any]],
    custody: _Custody,
    packed: Iterable[PackedFile],
    *,
    store_location: str,
    documents_in_store: int,
    made_by: str,
    created_at: str,
) -> dict[str, Any]:
    contents: dict[str, str | None] = {
        "originals": ORIGINALS,
        "custody": CUSTODY,
        "claims": CLAIMS,
        "findings": FINDINGS,
        "event": EVENT,
        "report": REPORT,
    }
    contents.update(dict.fromkeys(OPTIONAL_CONTENTS))  # not made yet: see the README
    last = custody.last
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": created_at,
        "created_by": {
            "person": made_by,
            "tool": "tolltrace",
            "tool_version": __version__,
            "extractor": extractor_version(),
            "python": platform.python_version(),
            "zlib": zlib.ZLIB_RUNTIME_VERSION,
        },
        "store": {
            "location": store_location,
            "documents": documents_in_store,
            "custody_first_hash": custody.first.hash if custody.first else None,
            "custody_head": {"seq": last.seq, "hash": last.hash} if last else None,
        },
        "event": {
            "id": event.id,
            "label": event.label,
            "name": event.name,
            "type": event.type,
            "when": event.when,
            "where": event.where,
        },
        "contents": contents,
        "claims": {
            "count": len(claims),
            "schema": "the public claim export (README: Claims), one claim per line",
            "extracted_by": sorted({claim.extractor for claim in claims}),
        },
        "findings": {"count": findings},
        "originals": originals,
        "custody": {
            "path": CUSTODY,
            "first_seq": int(json.loads(custody.lines[0])["seq"]) if custody.lines else None,
            "last_seq": last.seq if last else None,
            "entries": custody.included,
            "withheld": custody.withheld,
            "included": INCLUDED_CUSTODY,
            "entry_hash": ENTRY_HASH_RULE,
        },
        "files": [
            {"path": f.path, "sha256": f.sha256, "size": f.size, "kind": f.kind} for f in packed
        ],
    }


def _text(write: Callable[[IO[str]], int]) -> bytes:
    out = io.StringIO()
    write(out)
    return out.getvalue().encode("utf-8")


def _utf8(lines: Iterable[str]) -> bytes:
    return "".join(lines).encode("utf-8")
