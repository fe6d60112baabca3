"""The nouns every stage shares: frozen, slotted records, never spaCy or database objects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from tolltrace.clean.offsets import OffsetMap

EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class SourceItem:
    """One document as read from disk, before anything is derived from it."""

    original: bytes
    uri: str  # where the document came from: a path, or the URL a corpus record names
    origin: str  # the file (and line, for corpora) it was read from
    media_type: str  # text/plain, text/html or application/pdf: what the content is
    container: str = "file"  # file, gzip, or jsonl (one record of a JSON Lines corpus)
    fields: Mapping[str, Any] = field(default_factory=dict)  # corpus record fields


@dataclass(frozen=True, slots=True)
class Document:
    """A preserved original: its id is the SHA-256 of its bytes."""

    id: str
    uri: str
    origin: str
    media_type: str
    size: int
    encoding: str  # how the original bytes were decoded into raw text
    ingested_at: str  # ISO 8601, UTC
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DateCandidate:
    """One piece of evidence for a document's publication date."""

    value: str  # ISO 8601 at the precision the evidence gives: YYYY, YYYY-MM or YYYY-MM-DD
    source: str  # metadata, field, dateline, byline, header, url, anniversary
    evidence: str  # the exact words (or metadata field) the value comes from
    confidence: float
    raw_start: int | None = None  # span of the evidence in the raw text, when it is in the text
    raw_end: int | None = None


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A stretch of the raw text the cleaner left out, and why."""

    raw_start: int
    raw_end: int
    reason: str  # boilerplate:<kind>, duplicate, header-date, ...


@dataclass(frozen=True, slots=True)
class CleanText:
    """The clean text of a document, with an offset map back to the raw (decoded) text."""

    text: str
    offsets: OffsetMap
    title: str | None = None
    author: str | None = None
    site: str | None = None
    published: str | None = None  # the best date candidate's value
    dates: tuple[DateCandidate, ...] = ()
    removed: tuple[RemovedLine, ...] = ()
    cleaner: str = ""  # name/version of the cleaner that made it


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """What the pure per-document stages produce, ready to be stored."""

    id: str
    item: SourceItem
    raw_text: str
    encoding: str
    clean: CleanText


@dataclass(frozen=True, slots=True)
class ItemError:
    """A per-item failure: recorded, reported, and never fatal to the batch."""

    item: str  # path, path:line, or document id
    stage: str
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class CustodyEntry:
    """One append-only, hash-chained entry in the chain of custody."""

    seq: int
    at: str
    action: str  # ingest, run, review, ...
    subject: str  # document id, run id, claim id
    details: Mapping[str, Any]
    prev_hash: str
    hash: str


@dataclass(slots=True)
class IngestSummary:
    """Counts for one ingest run (mutable: filled in as the run goes)."""

    run_id: str = ""
    ingested: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    errors: list[ItemError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)


# Claim categories and count qualifiers of the public export schema (DESIGN.md).
CATEGORIES = (
    "killed", "executed", "injured", "arrested", "detained", "imprisoned", "disappeared",
    "tortured", "sentenced", "displaced", "victims", "protesters", "other",
)  # fmt: skip
QUALIFIERS = (
    "exact", "at_least", "more_than", "at_most", "less_than", "approximately", "range", "vague",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Count:
    """A number of people as an interval, with the words that state it.

    Conventions (DESIGN.md): "at least 1,000" -> 1000..None at_least; "over 1,500" ->
    1500..None more_than; "about 30,000" -> 30000..30000 approximately; "between 200 and 300"
    -> 200..300 range; "dozens" -> 24..None vague; "thousands" -> 2000..None vague.
    """

    low: int | None
    high: int | None
    qualifier: str
    text: str  # the exact words, e.g. "more than 30,000"
    start: int  # offsets of `text` in the string it was parsed from
    end: int


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement of how many people were affected, and who says so (the public schema)."""

    id: str
    document: str
    uri: str
    text: str
    sentence: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    low: int | None
    high: int | None
    qualifier: str
    category: str
    subject: str
    event: str | None = None
    event_label: str | None = None
    when: str | None = None
    where: str | None = None
    attributed_to: str | None = None
    attribution_cue: str | None = None
    negated: bool = False
    confidence: float = 0.5
    perpetrator: str | None = None
    extractor: str = ""
