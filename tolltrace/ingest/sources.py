"""Paths, folders and globs -> source items (one per document), streaming large corpora."""

from __future__ import annotations

import errno
import glob
import json
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from tolltrace.errors import BadRecord, InputError, NotFound, TooLarge, Unsupported
from tolltrace.ingest.decode import DEFAULT_MAX_BYTES
from tolltrace.model import ItemError, SourceItem

# Suffix -> (media type, container). Folders are walked for these; a named file may be sniffed.
SUFFIXES: dict[str, tuple[str, str]] = {
    ".txt": ("text/plain", "file"),
    ".text": ("text/plain", "file"),
    ".html": ("text/html", "file"),
    ".htm": ("text/html", "file"),
    ".xhtml": ("text/html", "file"),
    ".pdf": ("application/pdf", "file"),
    ".jsonl": ("", "jsonl"),
    ".ndjson": ("", "jsonl"),
}
TEXT_FIELDS = ("text", "content", "body", "articleBody", "article", "maintext")
URI_FIELDS = ("uri", "url", "link", "source_url")
_READ_CHUNK = 1 << 20
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Found:
    """A file to read, with what its name says it holds."""

    path: Path
    media_type: str
    container: str
    size: int


def discover(paths: Sequence[str]) -> Iterator[Found | ItemError]:
    """Expand files, folders (recursively) and glob patterns, in a stable order."""
    for given in paths:
        path = Path(given)
        mode = _mode(path)
        if mode is not None and stat.S_ISDIR(mode):
            yield from _walk(path)
        elif mode is not None and stat.S_ISREG(mode):
            yield _found(path, named=True)
        elif mode is not None:
            yield _not_regular(path, mode)
        elif glob.has_magic(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                yield _error(given, NotFound(f"no file matches the pattern {given!r}"))
            for match in matches:
                candidate = Path(match)
                mode = _mode(candidate)
                if mode is not None and stat.S_ISDIR(mode):
                    yield from _walk(candidate)
                elif mode is not None and stat.S_ISREG(mode):
                    yield _found(candidate, named=False)
                elif mode is not None:
                    yield _not_regular(candidate, mode)
        else:
            yield _error(given, NotFound(f"{given} does not exist: check the path"))


def _walk(folder: Path) -> Iterator[Found | ItemError]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root, name)
            mode = _mode(path)
            if mode is not None and not stat.S_ISREG(mode):
                yield _not_regular(path, mode)  # a FIFO would block the read forever
            elif _kind(path) is not None:
                yield _found(path, named=False)


def _mode(path: Path) -> int | None:
    """The file type bits of `path` (symbolic links followed), or None when it is absent."""
    try:
        return path.stat().st_mode
    except OSError:
        return None


def _not_regular(path: Path, mode: int) -> ItemError:
    kind = (
        "a named pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "not a regular file"
    )
    return _error(
        str(path),
        Unsupported(f"{path} is {kind}, not a regular file: only regular files are read"),
    )


def _kind(path: Path) -> tuple[str, str] | None:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz" and len(suffixes) == 2:
        inner = SUFFIXES.get(suffixes[0])
        if inner and inner[1] == "file":
            return inner[0], "gzip"
        return inner if inner else None
    return SUFFIXES.get(suffixes[-1]) if suffixes else None


def _found(path: Path, *, named: bool) -> Found | ItemError:
    kind = _kind(path)
    if kind is None:
        kind = _sniff(path)
        if kind is None:
            return _error(
                str(path),
                Unsupported(
                    f"{path}: unsupported file type; tolltrace reads .txt, .html/.htm "
                    "(also .gz), .pdf and .jsonl"
                ),
            )
    try:
        size = path.stat().st_size
    except OSError as exc:
        return _error(str(path), NotFound(f"{path}: cannot read ({exc.strerror})"))
    return Found(path, kind[0], kind[1], size)


def _sniff(path: Path) -> tuple[str, str] | None:
    try:
        with _open_regular(path) as handle:
            head = handle.read(1024)
    except OSError:
        return None
    if head.startswith(b"%PDF"):
        return "application/pdf", "file"
    if head.startswith(b"\x1f\x8b"):
        return "text/html", "gzip"
    lowered = head.lower()
    if b"<html" in lowered or b"<!doctype html" in lowered:
        return "text/html", "file"
    if head.lstrip().startswith(b"{"):
        return "", "jsonl"
    return "text/plain", "file"


def read_items(
    found: Found, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[SourceItem | ItemError]:
    """The documents in one file: one for a page or PDF, one per line for a corpus."""
    if found.container == "jsonl":
        yield from _read_jsonl(found, max_bytes)
        return
    origin = str(found.path)
    if found.size > max_bytes:
        yield _error(
            origin,
            TooLarge(
                f"{origin} is {found.size / 2**20:.0f} MB, over the {max_bytes / 2**20:.0f} MB "
                "limit for one document: split it, or raise --max-size"
            ),
        )
        return
    try:
        with _open_regular(found.path) as handle:
            original = handle.read()
    except OSError as exc:
        yield _error(origin, NotFound(f"{origin}: cannot read ({exc.strerror})"))
        return
    yield SourceItem(original, origin, origin, found.media_type, found.container)


def _read_jsonl(found: Found, max_bytes: int) -> Iterator[SourceItem | ItemError]:
    try:
        handle = _open_regular(found.path)
    except OSError as exc:
        yield _error(str(found.path), NotFound(f"{found.path}: cannot read ({exc.strerror})"))
        return
    with handle:
        number = 0
        while True:
            line = handle.readline(max_bytes + 1)
            if not line:
                return
            number += 1
            origin = f"{found.path}:{number}"
            if len(line) > max_bytes and not line.endswith(b"\n"):
                _skip_rest_of_line(handle)
                yield _error(
                    origin, TooLarge(f"{origin}: record longer than {max_bytes // 2**20} MB")
                )
                continue
            record = line.rstrip(b"\r\n")
            if not record.strip():
                continue
            try:
                yield _record_item(record, origin)
            except InputError as exc:
                yield _error(origin, exc)


def _open_regular(path: Path) -> BinaryIO:
    """Open for reading without ever blocking: a file swapped for a FIFO since it was found
    is refused, not waited on."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _skip_rest_of_line(handle: BinaryIO) -> None:
    while True:
        chunk = handle.readline(_READ_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _record_item(record: bytes, origin: str) -> SourceItem:
    try:
        data: Any = json.loads(record)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BadRecord(f"{origin}: not valid JSON ({exc}); the line is skipped") from exc
    if not isinstance(data, dict):
        raise BadRecord(f"{origin}: a record must be a JSON object, got {type(data).__name__}")
    broken = _lone_surrogate(data)
    if broken is not None:
        raise BadRecord(
            f"{origin}: the field {broken!r} holds a lone UTF-16 surrogate escape (such as "
            "\\ud800), which is no character: fix the record; the line is skipped"
        )
    text_field = next((f for f in TEXT_FIELDS if isinstance(data.get(f), str)), None)
    if text_field is None:
        raise BadRecord(f"{origin}: no text field; a record needs one of {', '.join(TEXT_FIELDS)}")
    text = data[text_field]
    uri = next((str(data[f]) for f in URI_FIELDS if data.get(f)), origin)
    fields = {k: v for k, v in data.items() if k != text_field}
    fields["text_field"] = text_field
    media_type = "text/html" if _looks_like_html(text) else "text/plain"
    return SourceItem(record, uri, origin, media_type, "jsonl", fields)


def _lone_surrogate(value: Any, where: str = "") -> str | None:
    """The path of the first string (key or value) JSON decoded to a lone surrogate, or None:
    such a string cannot be written as UTF-8, so it would fail in the store."""
    if isinstance(value, str):
        return where or "(record)" if _SURROGATE.search(value) else None
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{where}.{key}" if where else str(key)
            if _SURROGATE.search(key):
                return path
            found = _lone_surrogate(item, path)
            if found is not None:
                return found
    if isinstance(value, list):
        for number, item in enumerate(value):
            found = _lone_surrogate(item, f"{where}[{number}]")
            if found is not None:
                return found
    return None


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return head.lstrip().startswith("<") and ("</p>" in head or "<html" in head or "<div" in head)


def _error(item: str, exc: InputError) -> ItemError:
    return ItemError(item=item, stage="ingest", code=exc.code, message=exc.message)
