"""Check an evidence package offline: its files against its manifest, its custody chain.

Needs nothing but the zip. Names each file altered, missing or added, each custody entry
whose content no longer gives its hash or whose link to the one before it is broken, and each
original that no entry records as ingested. The manifest cannot vouch for itself: its SHA-256
(`manifest_sha256`) is what to compare with the one the maker sent or published.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tolltrace.errors import NotAPackage
from tolltrace.model import CustodyEntry
from tolltrace.package.layout import (
    CLAIMS,
    CUSTODY,
    FORMAT,
    FORMAT_VERSION,
    KINDS,
    MANIFEST,
    hash_member,
    original_id,
)
from tolltrace.store.custody import Tampering, verify_chain

ENTRY_HASH_RULE = (
    "SHA-256 of the UTF-8 JSON array [seq, at, action, subject, details, prev_hash] with "
    "object keys sorted, separators ',' and ':', non-ASCII characters unescaped; an entry's "
    "prev_hash is the hash of the entry before it"
)
_MANIFEST_LIMIT = 256 * 2**20  # a manifest is a list of files, never this large
_READ_LIMIT = 2**30  # the custody and claims files are read whole to check their lines
_UNREADABLE = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, ValueError)


@dataclass(slots=True)
class PackageReport:
    path: Path
    event: str = ""
    files: int = 0  # files the manifest lists
    originals: int = 0
    custody_entries: int = 0  # in full
    custody_withheld: int = 0  # by their hashes only
    custody_head: tuple[int, str] | None = None
    manifest_sha256: str = ""
    problems: list[Tampering] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_package(path: Path) -> PackageReport:
    """Every problem of the package at `path`, each naming the file or custody entry concerned.

    Raises `NotAPackage` (T501) for a file that is no zip, or a zip without a tolltrace manifest.
    """
    report = PackageReport(path)
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise NotAPackage(f"{path}: no such file") from exc
    except (zipfile.BadZipFile, OSError) as exc:
        raise NotAPackage(
            f"{path} is not a zip file ({exc}); an evidence package is the zip that "
            "`tolltrace package EVENT --output FILE.zip` writes"
        ) from exc
    with archive:
        manifest = _manifest(archive, path, report)
        listed = _listed(manifest, report)
        report.files = len(listed)
        contents = _check_files(archive, listed, report)
        ingested = _check_custody(contents.get(CUSTODY), manifest, report)
        _check_originals(manifest, listed, ingested, report)
        _check_claims(contents.get(CLAIMS), listed, report)
    return report


def _manifest(archive: zipfile.ZipFile, path: Path, report: PackageReport) -> dict[str, Any]:
    try:
        info = archive.getinfo(MANIFEST)
    except KeyError as exc:
        raise NotAPackage(
            f"{path} is a zip but no tolltrace evidence package: it has no {MANIFEST}"
        ) from exc
    if info.file_size > _MANIFEST_LIMIT:
        raise NotAPackage(f"{path}: its {MANIFEST} is {info.file_size:,} bytes, no manifest")
    try:
        body = archive.read(info)
        manifest = json.loads(body)
    except _UNREADABLE as exc:
        raise NotAPackage(f"{path}: its {MANIFEST} cannot be read ({exc}): damaged") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise NotAPackage(f"{path} is a zip but no tolltrace evidence package ({MANIFEST})")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise NotAPackage(
            f"{path} is a package of format version {version!r}; this tolltrace reads up to "
            f"{FORMAT_VERSION}: upgrade tolltrace"
        )
    report.manifest_sha256 = hashlib.sha256(body).hexdigest()
    event = manifest.get("event")
    report.event = str(event.get("id", "")) if isinstance(event, dict) else ""
    return manifest


def _listed(manifest: dict[str, Any], report: PackageReport) -> dict[str, dict[str, Any]]:
    """The manifest's files by path; a malformed row is a problem of the manifest."""
    files = manifest.get("files")
    if not isinstance(files, list):
        report.problems.append(Tampering(MANIFEST, "has no list of files"))
        return {}
    listed: dict[str, dict[str, Any]] = {}
    for row in files:
        if not (
            isinstance(row, dict)
            and isinstance(row.get("path"), str)
            and isinstance(row.get("sha256"), str)
            and isinstance(row.get("size"), int)
            and row.get("kind") in KINDS
        ):
            report.problems.append(Tampering(MANIFEST, f"a malformed file row: {row!r:.120}"))
            continue
        if row["path"] in listed or row["path"] == MANIFEST:
            report.problems.append(Tampering(row["path"], "listed twice in the manifest"))
        listed[row["path"]] = row
    return listed


def _check_files(
    archive: zipfile.ZipFile, listed: dict[str, dict[str, Any]], report: PackageReport
) -> dict[str, bytes]:
    """Each member against the manifest; the bytes of the members read again later."""
    members = archive.infolist()
    counts = Counter(info.filename for info in members)
    for name, count in sorted(counts.items()):
        if count > 1:
            report.problems.append(Tampering(name, f"added: the zip holds {count} files so named"))
    kept: dict[str, bytes] = {}
    for info in members:
        name = info.filename
        if name == MANIFEST:
            continue
        row = listed.get(name)
        if row is None:
            report.problems.append(Tampering(name, "added: not in the manifest"))
            continue
        try:
            digest, size = hash_member(archive, info)
            if name in (CUSTODY, CLAIMS) and size <= _READ_LIMIT:  # checked further, altered or not
                kept[name] = archive.read(info)
        except _UNREADABLE as exc:
            report.problems.append(Tampering(name, f"altered: its bytes cannot be read ({exc})"))
            continue
        if digest != row["sha256"] or size != row["size"]:
            report.problems.append(
                Tampering(
                    name,
                    f"altered: {size:,} bytes hashing to {digest[:16]}…, the manifest says "
                    f"{row['size']:,} bytes hashing to {str(row['sha256'])[:16]}…",
                )
            )
    for name in sorted(set(listed) - set(counts)):
        report.problems.append(Tampering(name, "missing: in the manifest, not in the package"))
    return kept


def _check_custody(
    body: bytes | None, manifest: dict[str, Any], report: PackageReport
) -> dict[str, CustodyEntry]:
    """The custody stretch's hashes and links; the ingest entries found, by document id."""
    if body is None:
        return {}  # missing or altered: said already
    entries: list[CustodyEntry] = []
    withheld: set[int] = set()
    for number, line in enumerate(body.decode("utf-8", errors="replace").splitlines(), 1):
        read = _entry(line)
        if read is None:
            report.problems.append(Tampering(f"{CUSTODY} line {number}", "not a custody entry"))
            continue
        entry, content_withheld = read
        entries.append(entry)
        if content_withheld:
            withheld.add(entry.seq)
    report.custody_entries = len(entries) - len(withheld)
    report.custody_withheld = len(withheld)
    for problem in verify_chain(entries, partial=True, withheld=withheld):
        report.problems.append(Tampering(f"{CUSTODY} ({problem.where})", problem.problem))
    if entries:
        report.custody_head = (entries[-1].seq, entries[-1].hash)
    stretch = manifest.get("custody")
    first = stretch.get("first_seq") if isinstance(stretch, dict) else None
    if entries and first != entries[0].seq:
        report.problems.append(
            Tampering(CUSTODY, f"starts at entry #{entries[0].seq}, the manifest says #{first}")
        )
    head = (manifest.get("store") or {}).get("custody_head")
    if isinstance(head, dict) and report.custody_head != (head.get("seq"), head.get("hash")):
        report.problems.append(
            Tampering(CUSTODY, "its last entry is not the custody head the manifest records")
        )
    return {e.subject: e for e in entries if e.action == "ingest" and e.seq not in withheld}


def _entry(line: str) -> tuple[CustodyEntry, bool] | None:
    """An entry of the custody file, and whether its content was withheld; None: no entry."""
    try:
        row = json.loads(line)
    except ValueError:
        return None
    if not isinstance(row, dict):
        return None
    seq, prev_hash, digest = row.get("seq"), row.get("prev_hash"), row.get("hash")
    if not (isinstance(seq, int) and isinstance(prev_hash, str) and isinstance(digest, str)):
        return None
    if row.get("withheld") is True:
        return CustodyEntry(seq, "", "", "", {}, prev_hash, digest), True
    details = row.get("details")
    if not isinstance(details, dict):
        return None
    at, action, subject = row.get("at"), row.get("action"), row.get("subject")
    if not (isinstance(at, str) and isinstance(action, str) and isinstance(subject, str)):
        return None
    return CustodyEntry(seq, at, action, subject, details, prev_hash, digest), False


def _check_originals(
    manifest: dict[str, Any],
    listed: dict[str, dict[str, Any]],
    ingested: dict[str, CustodyEntry],
    report: PackageReport,
) -> None:
    """Each original is named by its SHA-256, recorded as ingested, and in the provenance list."""
    provenance = manifest.get("originals")
    rows = provenance if isinstance(provenance, list) else []
    described: set[str] = {
        row["path"] for row in rows if isinstance(row, dict) and isinstance(row.get("path"), str)
    }
    for path, row in sorted(listed.items()):
        if row["kind"] != "original":
            continue
        report.originals += 1
        doc_id = original_id(path)
        if doc_id is None:
            report.problems.append(Tampering(path, "an original not named by its SHA-256"))
            continue
        if row["sha256"] != doc_id:
            report.problems.append(
                Tampering(path, f"altered: it hashes to {row['sha256'][:16]}…, not its name")
            )
        entry = ingested.get(doc_id)
        if entry is None:
            report.problems.append(Tampering(path, "no ingest entry in the custody file"))
        elif entry.details.get("sha256") != doc_id:
            report.problems.append(
                Tampering(path, f"its ingest entry (custody #{entry.seq}) names another SHA-256")
            )
        if path not in described:
            report.problems.append(Tampering(path, "no provenance in the manifest's originals"))
    for path in sorted(described - set(listed)):
        report.problems.append(
            Tampering(path, "missing: in the manifest's originals, not among its files")
        )


def _check_claims(
    body: bytes | None, listed: dict[str, dict[str, Any]], report: PackageReport
) -> None:
    """Every claim quotes an original the package holds."""
    if body is None:
        return
    held = {original_id(path) for path, row in listed.items() if row["kind"] == "original"}
    for number, line in enumerate(body.decode("utf-8", errors="replace").splitlines(), 1):
        try:
            claim = json.loads(line)
        except ValueError:
            claim = None
        if not isinstance(claim, dict):
            report.problems.append(Tampering(f"{CLAIMS} line {number}", "not a claim"))
        elif claim.get("document") not in held:
            report.problems.append(
                Tampering(
                    f"{CLAIMS} line {number}",
                    f"claim {claim.get('id')} quotes a document the package does not hold",
                )
            )
