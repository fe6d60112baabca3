"""Original bytes -> raw text, with the exact recipe recorded so it can be re-derived."""

from __future__ import annotations

import codecs
import io
import json
import logging
import re
import warnings
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from charset_normalizer import from_bytes

from tolltrace.errors import BinaryInput, EmptyInput, NoText, TooLarge, Unreadable
from tolltrace.model import SourceItem

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
log = logging.getLogger("tolltrace.ingest")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDE = ("utf-16", "utf-32")
_SURROGATE = re.compile("[\ud800-\udfff]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
# Bytes that never appear in text: C0 controls other than tab, newlines, form feed and escape.
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # the recipe: "utf-8", "gzip+cp1252", "jsonl:content", "pdf:pypdf-7.1.0"


def decode_item(item: SourceItem, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """The raw text of an item. Raises an InputError that says what is wrong and what to do."""
    if item.container == "jsonl":
        field = str(item.fields.get("text_field", "text"))
        text = json.loads(item.original)[field]
        _require_text(text, item.origin)
        return Decoded(text, f"jsonl:{field}")
    data, prefix = item.original, ""
    if item.container == "gzip":
        data, prefix = gunzip(data, max_bytes), "gzip+"
    if not data:
        raise EmptyInput(f"{item.origin} is empty")
    if item.media_type == "application/pdf":
        return Decoded(pdf_text(data, item.origin), prefix + "pdf:pypdf")
    text, encoding = decode_text(data, item.origin, html=item.media_type == "text/html")
    _require_text(text, item.origin)
    return Decoded(text, prefix + encoding)


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress every member, refusing to inflate beyond the size limit (a gzip bomb is one
    bad item) and refusing a stream cut short (it would be stored as a shortened document)."""
    out = bytearray()
    rest = data
    while True:
        inflater = zlib.decompressobj(wbits=31)
        try:
            out += inflater.decompress(rest, max_bytes + 1 - len(out))
        except zlib.error as exc:
            raise Unreadable(
                f"not a valid gzip file ({exc}): re-download or decompress it"
            ) from exc
        if len(out) > max_bytes:
            raise TooLarge(
                f"decompresses to more than {max_bytes // 2**20} MB: raise --max-size to ingest it"
            )
        if not inflater.eof:
            raise Unreadable(
                f"the gzip stream is truncated (it ends after {len(out):,} bytes of text, "
                "before its end marker): re-download it"
            )
        rest = inflater.unused_data
        if not rest.strip(b"\x00"):  # trailing padding after the last member is allowed
            return bytes(out)


def decode_text(data: bytes, origin: str, *, html: bool = False) -> tuple[str, str]:
    """Detect the encoding of text bytes and decode them; refuse binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    sample = data[:65536]
    wide = _utf16_without_bom(sample)
    if wide:
        return data.decode(wide, errors="replace"), wide
    if _looks_binary(sample):
        raise BinaryInput(
            f"{origin} looks like binary data, not text: check that it is the file you meant"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(sample) if html else None
    if declared:
        try:
            return data.decode(declared, errors="replace"), declared
        except (LookupError, UnicodeError, ValueError):
            pass  # a codec that cannot decode text: guess, as for an undeclared page
    if _mostly_ascii(sample):
        # English text with a few accented names: Windows-1252 is by far the likeliest, and
        # statistical detectors guess wildly on so few high bytes.
        return data.decode("cp1252", errors="replace"), "cp1252"
    best = from_bytes(data[:262144]).best()
    encoding = best.encoding if best is not None else "cp1252"
    return data.decode(encoding, errors="replace"), encoding


def _mostly_ascii(sample: bytes) -> bool:
    high = len(sample) - len(sample.translate(None, bytes(range(128, 256))))
    return high <= len(sample) * 0.05


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text has a NUL in every other byte (for Latin script); binary data does not."""
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    controls = len(_CONTROL.findall(sample))
    return controls > max(4, len(sample) // 100)


def _declared_charset(sample: bytes) -> str | None:
    match = _META_CHARSET.search(sample)
    if not match:
        return None
    name = match.group(1).decode("ascii", errors="ignore")
    try:
        codec = codecs.lookup(name)
    except LookupError:
        return None
    # "hex", "rot13", "zlib"... are codecs but no text encodings; a page declaring UTF-16 in
    # its own 8-bit markup is not UTF-16 (browsers read such a page as UTF-8).
    if not getattr(codec, "_is_text_encoding", True) or codec.name.startswith(_WIDE):
        return None
    return codec.name


def pdf_text(data: bytes, origin: str) -> str:
    """The text layer of a PDF, page by page; a scan without one is a clear error."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        with _library_messages("pypdf", origin):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise Unreadable(f"{origin} is an encrypted PDF: decrypt it first")
            pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise Unreadable(f"{origin} is not a readable PDF ({exc})") from exc
    # A broken text map may yield lone surrogates, which no store can write: one for one.
    text = _SURROGATE.sub("\ufffd", "\n\n".join(page.strip("\n") for page in pages))
    if not text.strip():
        raise NoText(
            f"{origin} has no text layer (a scanned PDF?): run OCR on it (e.g. ocrmypdf) "
            "and ingest the result"
        )
    return text


class _Relay(logging.Handler):
    """Passes a library's log records on to tolltrace's logger, naming the document."""

    def __init__(self, origin: str) -> None:
        super().__init__(logging.DEBUG)
        self.origin = origin

    def emit(self, record: logging.LogRecord) -> None:
        log.info("%s: %s: %s", self.origin, record.name, record.getMessage())


@contextmanager
def _library_messages(library: str, origin: str) -> Iterator[None]:
    """A library's warnings go to the `tolltrace.ingest` log, never straight to stderr."""
    logger = logging.getLogger(library)
    relay, propagate = _Relay(origin), logger.propagate
    logger.addHandler(relay)
    logger.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield
        for warning in caught:
            log.info("%s: %s: %s", origin, library, warning.message)
    finally:
        logger.removeHandler(relay)
        logger.propagate = propagate


def _require_text(text: object, origin: str) -> None:
    if not isinstance(text, str):
        raise Unreadable(f"{origin}: the text field is not a string")
    if _SURROGATE.search(text):
        raise Unreadable(
            f"{origin}: the text holds a lone UTF-16 surrogate, which is no character: fix it"
        )
    if not text.strip():
        raise EmptyInput(f"{origin} has no text (empty or only white space)")
