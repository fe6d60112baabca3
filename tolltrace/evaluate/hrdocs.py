"""hrdocs: real human-rights excerpts, read by the whole pipeline as a user would run it.

The layout: `docs/NNN_slug.txt` (a document's id is the NNN before the first "_"),
`gold.json` with `claims` (one gold figure each), `events` (key -> label and the documents
whose main subject it is), `events_also_in` (key -> documents that mention it in passing),
`aliases` (canonical source -> spellings that name it) and `outlets` (document -> the names
of the outlet whose own voice it speaks in). Nothing here depends on a particular folder's
documents, events or sources: a held-out set of the same layout loads the same way.

`run_hrdocs` ingests the part's files into a temporary SQLite store, extracts and links them
(`pipeline.ingest`, `extract`, `link`), and scores the public exports (`export.claim_record`,
`export_links.event_record`), exactly what `tolltrace claims|events --format jsonl` write.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tolltrace.errors import BadRecord, NotFound
from tolltrace.evaluate.datasets import _count, _field, _optional_str, _read_json, _required
from tolltrace.evaluate.magnitudes import magnitude_of
from tolltrace.evaluate.metrics import Failure
from tolltrace.evaluate.parts import in_part
from tolltrace.export import claim_record
from tolltrace.export_links import event_record
from tolltrace.pipeline import extract, ingest, link
from tolltrace.store import open_store


@dataclass(frozen=True, slots=True)
class HrFigure:
    """One gold figure: a number, what it counts, how it is bounded and who says so."""

    doc: str
    quote: str  # verbatim words of one sentence holding the number and its predicate
    value: int | None  # None for a vague magnitude
    low: int | None  # both ends are given for a range only (value == low)
    high: int | None
    magnitude: str | None  # dozens, hundreds, ... when value is None
    qualifiers: tuple[str, ...]  # the preferred reading first, then the defensible ones
    category: str
    category_also: tuple[str, ...]
    any_category: bool  # an optional figure a claim of any category may match
    sources: tuple[str | None, ...]  # canonical name first (None = the document's own voice)
    source_unscored: bool  # an unnamed source ("previous claims"): no source figure
    event: str | None
    required: bool

    @property
    def qualifier(self) -> str:
        return self.qualifiers[0]

    @property
    def source(self) -> str | None:
        return self.sources[0]

    def shown(self) -> str:
        """The gold number as a report lists it: 834, 3200..5000, None hundreds."""
        number = str(self.value) if self.low is None else f"{self.low}..{self.high}"
        return f"{number} {self.magnitude}" if self.magnitude else number


@dataclass(frozen=True, slots=True)
class HrdocsGold:
    figures: tuple[HrFigure, ...]
    main_event: Mapping[str, str]  # document -> the gold event that is its main subject
    also_in: Mapping[str, frozenset[str]]  # document -> events it mentions in passing
    aliases: Mapping[str, tuple[str, ...]]  # canonical source -> lower-case spellings
    outlets: Mapping[str, tuple[str, ...]]  # document -> its outlet's lower-case names

    @property
    def documents(self) -> frozenset[str]:
        """Every document the gold speaks of: those with figures and those in events."""
        return frozenset(f.doc for f in self.figures) | frozenset(self.main_event)


def file_document_id(name: str) -> str:
    """A document's id from its file name: the part before the first "_" ("001")."""
    return name.split("_", 1)[0] if "_" in name else Path(name).stem


def load_hrdocs(folder: Path) -> tuple[HrdocsGold, dict[str, Path]]:
    """The gold and each document id's file; a gold document without a file is `NotFound`."""
    what = "an hrdocs folder holds docs/NNN_slug.txt and gold.json"
    raw = _read_json(_required(folder / "gold.json", what))
    docs_folder = _required(folder / "docs", what)
    where = str(folder / "gold.json")
    if not isinstance(raw, dict):
        raise BadRecord(f"{where} is not a JSON object with 'claims' and 'events'")
    files: dict[str, Path] = {}
    for path in sorted(docs_folder.glob("*.txt")):
        doc = file_document_id(path.name)
        if doc in files:
            names = f"{files[doc].name}, {path.name}"
            raise BadRecord(f"{docs_folder}: two files for document {doc}: {names}")
        files[doc] = path
    figures = tuple(
        _figure(record, f"{where} claims[{index}]")
        for index, record in enumerate(_field(raw, "claims", where))
    )
    main_event: dict[str, str] = {}
    for key, event in (_field(raw, "events", where) or {}).items():
        for doc in _field(event, "docs", f"{where} events[{key!r}]"):
            main_event[str(doc)] = str(key)
    also_in: dict[str, set[str]] = {}
    for key, docs in (raw.get("events_also_in") or {}).items():
        for doc in docs:
            also_in.setdefault(str(doc), set()).add(str(key))
    gold = HrdocsGold(
        figures=figures,
        main_event=main_event,
        also_in={doc: frozenset(keys) for doc, keys in also_in.items()},
        aliases={str(k): _names(v) for k, v in (raw.get("aliases") or {}).items()},
        outlets={str(k): _names(v) for k, v in (raw.get("outlets") or {}).items()},
    )
    missing = sorted(gold.documents - set(files))
    if missing:
        first = docs_folder / f"{missing[0]}_*.txt"
        raise NotFound(
            f"{first} is missing: gold.json names document {missing[0]} "
            f"({len(missing)} gold documents have no file)"
        )
    return gold, files


def _names(values: Any) -> tuple[str, ...]:
    return tuple(str(value).lower() for value in values or ())


def _number(value: Any, where: str) -> int | None:
    return None if value is None else _count(value, where)


def _figure(record: Mapping[str, Any], where: str) -> HrFigure:
    value = _field(record, "value", where)
    magnitude = magnitude_of(value, record.get("magnitude"), where)
    qualifier = str(_field(record, "qualifier", where))
    source = _optional_str(record.get("attributed_to"))
    also = [None if s is None else str(s) for s in record.get("attributed_to_also") or ()]
    return HrFigure(
        doc=str(_field(record, "doc", where)),
        quote=str(_field(record, "quote", where)),
        value=None if magnitude else _count(value, where),
        low=_number(record.get("low"), where),
        high=_number(record.get("high"), where),
        magnitude=magnitude,
        qualifiers=(qualifier, *(str(q) for q in record.get("qualifier_also") or ())),
        category=str(_field(record, "category", where)),
        category_also=tuple(str(c) for c in record.get("category_also") or ()),
        any_category=bool(record.get("any_category", False)),
        sources=(source, *also),
        source_unscored=bool(record.get("source_unscored", False)),
        event=_optional_str(record.get("event")),
        required=bool(record.get("required", True)),
    )


_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_SPACE = re.compile(r"\s+")


def norm(text: str | None) -> str:
    """Straight quotes and dashes, one space, lower case: how quotes and texts compare."""
    return _SPACE.sub(" ", (text or "").translate(_TYPOGRAPHY)).strip().lower()


@dataclass(frozen=True, slots=True)
class ExportedClaim:
    """The fields of a claim export record that scoring reads, words normalised."""

    doc: str | None
    document: str  # the stored document's id (SHA-256 of the file)
    words: str  # `text` as exported
    text: str  # normalised
    sentence: str  # normalised
    low: int | None
    high: int | None
    qualifier: str
    category: str
    attributed_to: str | None
    attributed_as: str | None
    event: str | None

    @classmethod
    def from_record(cls, record: Mapping[str, Any], doc: str | None) -> ExportedClaim:
        return cls(
            doc=doc,
            document=str(record.get("document") or ""),
            words=str(record.get("text") or ""),
            text=norm(record.get("text")),
            sentence=norm(record.get("sentence")),
            low=record.get("low"),
            high=record.get("high"),
            qualifier=str(record.get("qualifier") or ""),
            category=str(record.get("category") or ""),
            attributed_to=record.get("attributed_to"),
            attributed_as=record.get("attributed_as"),
            event=record.get("event"),
        )

    def brief(self) -> str:
        value = self.low if self.low == self.high else f"{self.low}..{self.high}"
        return f"{self.category} {value} {self.qualifier} src={self.attributed_to}"


@dataclass(frozen=True, slots=True)
class PipelineExport:
    """What the pipeline exported for a set of files, and what failed on the way."""

    claims: tuple[dict[str, Any], ...]  # `export.claim_record`s, in export order
    events: tuple[dict[str, Any], ...]  # `export_links.event_record`s, in export order
    failures: tuple[Failure, ...]


def export_pipeline(
    files: Sequence[Path], progress: Callable[[int, int], None] | None = None
) -> PipelineExport:
    """Ingest, extract and link `files` in a temporary store; the claim and event exports.

    `progress` receives (documents extracted, documents to extract).
    """
    with (
        tempfile.TemporaryDirectory(prefix="tolltrace-eval-") as folder,
        open_store(str(Path(folder) / "eval.db")) as store,
    ):
        ingested = ingest(store, [str(path) for path in files])
        extracted = extract(store, progress=progress)
        link(store)
        claims = tuple(claim_record(claim) for claim in store.claims())
        events = tuple(event_record(event) for event in store.events())
    failures = tuple(
        Failure(error.item, f"{error.stage} {error.code}: {error.message}")
        for error in [*ingested.errors, *extracted.errors]
    )
    return PipelineExport(claims, events, failures)


def document_ids(files: Mapping[str, Path]) -> dict[str, str]:
    """SHA-256 of each file's bytes (a stored document's id) -> the file's document id."""
    return {hashlib.sha256(path.read_bytes()).hexdigest(): doc for doc, path in files.items()}


def part_files(files: Mapping[str, Path], part: str) -> list[Path]:
    return [path for doc, path in sorted(files.items()) if in_part(doc, part)]
