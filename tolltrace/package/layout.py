"""What an evidence package holds and where: the names both its maker and its checker use.

A package is a zip:

- `manifest.json`: every other file with its SHA-256, size and kind; who made the package,
  when, with which versions, from which store; the event; each original's provenance.
- `originals/`: each original exactly as preserved, named by its SHA-256 (the document id).
- `custody/custody.jsonl`: the stretch of the chain of custody that concerns them.
- `derived/`: what tolltrace read from them (claims, findings, the event, the HTML report).

Originals and derived files are kept apart, by folder and by `kind` in the manifest.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from dataclasses import dataclass

FORMAT = "tolltrace-evidence-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CUSTODY = "custody/custody.jsonl"
CLAIMS = "derived/claims.jsonl"
FINDINGS = "derived/findings.jsonl"
EVENT = "derived/event.jsonl"
REPORT = "derived/report.html"
ORIGINALS = "originals/"
KINDS = ("original", "custody", "derived")
# Files another part of tolltrace will add (issue 20): the manifest's `contents` names them,
# null until they exist, so a reader knows where to look and that they are missing on purpose.
OPTIONAL_CONTENTS = ("victims", "dossiers")

# Zip entries carry no clock: the same store and event give the same bytes.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_UNIX = 3  # the zip "made by" system: fixed, so the platform does not change the bytes
_FILE_MODE = 0o644 << 16
_CHUNK = 1 << 20
_ORIGINAL_NAME = re.compile(r"originals/([0-9a-f]{64})(\.[a-z.]+)?")


def original_path(doc_id: str, original: bytes, media_type: str, origin: str) -> str:
    """Where an original lies in a package: its SHA-256 and a suffix that says what it is.

    An HTML page is kept as `.html.txt`: opening it shows its source and never runs its
    scripts nor loads its remote images (which would tell the page's owner who reads it).
    """
    if original.startswith(b"\x1f\x8b"):
        suffix = ".gz"
    elif original.startswith(b"%PDF"):
        suffix = ".pdf"
    elif re.search(r":\d+$", origin) and original.lstrip().startswith(b"{"):
        suffix = ".json"  # one record of a JSON Lines corpus
    elif media_type == "text/html":
        suffix = ".html.txt"
    else:
        suffix = ".txt"
    return f"{ORIGINALS}{doc_id}{suffix}"


def original_id(path: str) -> str | None:
    """The document id an `originals/` path is named by, or None for any other path."""
    found = _ORIGINAL_NAME.fullmatch(path)
    return found.group(1) if found else None


@dataclass(frozen=True, slots=True)
class PackedFile:
    """One file of a package as its manifest lists it."""

    path: str
    sha256: str
    size: int
    kind: str  # original, custody or derived


def zip_entry(path: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(path, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = _UNIX
    info.external_attr = _FILE_MODE
    return info


def write_entry(archive: zipfile.ZipFile, path: str, data: bytes, kind: str) -> PackedFile:
    """Write one file whose bytes are at hand."""
    archive.writestr(zip_entry(path), data)
    return PackedFile(path, hashlib.sha256(data).hexdigest(), len(data), kind)


def hash_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[str, int]:
    """SHA-256 and size of one member's bytes, read in chunks (a member may be large)."""
    digest = hashlib.sha256()
    size = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size
