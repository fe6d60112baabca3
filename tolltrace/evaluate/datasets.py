"""Readers for the evaluation data sets: each folder layout becomes gold records + documents.

Every loader reads exactly the layout of `../shared/eval/<name>` and nothing else it could
guess: ids, counts and file names come from the files. A missing file raises `NotFound` naming
it; a file that cannot be understood raises `BadRecord` naming the file and the record.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tolltrace.errors import BadRecord, NotFound
from tolltrace.evaluate.brat import Attribution, parse_brat_attributions
from tolltrace.evaluate.magnitudes import magnitude_of
from tolltrace.model import Claim


@dataclass(frozen=True, slots=True)
class EvalDocument:
    """One text of a data set, as an extractor sees it."""

    id: str  # the data set's own id
    text: str  # the text to extract from, exactly as the data set gives it
    published: str | None  # publication date when the data set gives one
    title: str | None = None


# An extractor: any function from a document to the claims it finds there. Spans are compared
# through `raw_start`/`raw_end`, which must index `EvalDocument.text`.
Extract = Callable[[EvalDocument], Sequence[Claim]]


def _required(path: Path, what: str) -> Path:
    if not path.exists():
        raise NotFound(f"{path} is missing: {what}")
    return path


def _read_text(path: Path) -> str:
    # Bytes decoded as-is: no newline translation, so character offsets match the annotations.
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadRecord(f"{path} is not UTF-8 text ({error}); re-encode it as UTF-8") from error


def _read_json(path: Path) -> Any:
    try:
        return json.loads(_read_text(path))
    except json.JSONDecodeError as error:
        raise BadRecord(f"{path} is not valid JSON: {error}") from error


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    # Split on \n only: JSON strings may hold U+2028, which str.splitlines() would cut at.
    for number, line in enumerate(_read_text(path).split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise BadRecord(f"{path}:{number} is not valid JSON: {error}") from error
        if not isinstance(record, dict):
            raise BadRecord(f"{path}:{number} is not a JSON object")
        yield number, record


def _read_tsv(path: Path, columns: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a tab-separated file with a header naming at least `columns`.

    Fields are taken literally (no CSV quoting): these files hold free text with stray quotes.
    """
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None:
            raise BadRecord(f"{path} is empty: expected a header with {', '.join(columns)}")
        missing = [name for name in columns if name not in header]
        if missing:
            raise BadRecord(f"{path} has no column {', '.join(missing)} (header: {header})")
        for number, row in enumerate(reader, 2):
            if not any(field.strip() for field in row):
                continue
            if len(row) != len(header):
                raise BadRecord(f"{path}:{number} has {len(row)} fields, the header {len(header)}")
            yield number, dict(zip(header, row, strict=True))


def _field(record: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in record:
        raise BadRecord(f"{where} has no field {key!r}")
    return record[key]


def _optional_str(value: Any) -> str | None:
    return None if value is None or str(value).strip() == "" else str(value)


def _count(value: Any, where: str) -> int:
    try:
        number = float(value)
    except (TypeError, ValueError) as error:
        raise BadRecord(f"{where}: {value!r} is not a number") from error
    if number != int(number):
        raise BadRecord(f"{where}: {value!r} is not a whole number")
    return int(number)


# ---------------------------------------------------------------------------------- advocacy


@dataclass(frozen=True, slots=True)
class AdvocacyClaim:
    """One gold casualty figure of an advocacy article."""

    doc: str
    quote: str
    value: int | None  # None for a vague magnitude ("dozens"): see `magnitude`
    qualifier: str
    category: str  # the data set's label: killed, executed, victims_named, ...
    event: str | None
    source: str | None  # who the text says reports it; None = the article's own voice
    required: bool
    magnitude: str | None = None  # a `magnitudes.DECADE_FLOOR` name when value is None


@dataclass(frozen=True, slots=True)
class CommissionSize:
    doc: str
    quote: str
    value: int


@dataclass(frozen=True, slots=True)
class AdvocacyGold:
    claims: tuple[AdvocacyClaim, ...]
    commission_sizes: tuple[CommissionSize, ...]
    dates: Mapping[str, str]  # document id -> publication date
    unannotated: tuple[str, ...]  # .txt files the gold never mentions (not scored)


def load_advocacy(folder: Path) -> tuple[AdvocacyGold, list[EvalDocument]]:
    """`gold.json` plus one `<doc>_<anything>.txt` (or `<doc>.txt`) per gold document id."""
    gold_path = _required(folder / "gold.json", "an advocacy folder holds gold.json and .txt files")
    raw = _read_json(gold_path)
    if not isinstance(raw, dict):
        raise BadRecord(f"{gold_path} is not a JSON object with 'claims'")
    claims = tuple(
        _advocacy_claim(record, f"{gold_path} claims[{index}]")
        for index, record in enumerate(_field(raw, "claims", str(gold_path)))
    )
    sizes = []
    for index, record in enumerate(raw.get("commission_size") or []):
        where = f"{gold_path} commission_size[{index}]"
        value = _count(_field(record, "value", where), where)
        sizes.append(
            CommissionSize(str(_field(record, "doc", where)), str(record.get("quote", "")), value)
        )
    dates = {str(doc): str(date) for doc, date in (raw.get("dates") or {}).items()}
    ids = sorted({c.doc for c in claims} | {s.doc for s in sizes} | set(dates))
    texts = sorted(folder.glob("*.txt"))
    documents, used = [], set()
    for doc in ids:
        matches = [p for p in texts if p.stem == doc or p.stem.startswith(f"{doc}_")]
        if not matches:
            raise NotFound(
                f"{folder / (doc + '_*.txt')} is missing: gold.json names document {doc}"
            )
        if len(matches) > 1:
            names = ", ".join(p.name for p in matches)
            raise BadRecord(f"{folder}: several files for gold document {doc}: {names}")
        used.add(matches[0])
        documents.append(EvalDocument(doc, _read_text(matches[0]), dates.get(doc)))
    unannotated = tuple(p.name for p in texts if p not in used)
    return AdvocacyGold(claims, tuple(sizes), dates, unannotated), documents


def _advocacy_claim(record: Mapping[str, Any], where: str) -> AdvocacyClaim:
    value = _field(record, "value", where)
    magnitude = magnitude_of(value, record.get("magnitude"), where)
    return AdvocacyClaim(
        doc=str(_field(record, "doc", where)),
        quote=str(record.get("quote", "")),
        value=None if magnitude else _count(value, where),
        qualifier=str(_field(record, "qualifier", where)),
        category=str(_field(record, "category", where)),
        event=_optional_str(record.get("event")),
        source=_optional_str(record.get("source")),
        required=bool(record.get("required", True)),
        magnitude=magnitude,
    )


# --------------------------------------------------------------------------------------- gva


@dataclass(frozen=True, slots=True)
class Participant:
    """A person of an incident as the archive lists them (any field may be empty)."""

    name: str | None
    age: int | None
    statuses: tuple[str, ...]  # Killed, Injured, Arrested, Unharmed
    type: str  # Victim or Subject-Suspect


@dataclass(frozen=True, slots=True)
class Incident:
    id: str
    killed: int
    injured: int
    date: str | None
    city: str | None
    state: str | None
    participants: tuple[Participant, ...] = ()


@dataclass(frozen=True, slots=True)
class GvaGold:
    incidents: Mapping[str, Incident]
    article_incidents: Mapping[str, tuple[str, ...]]  # document id -> its incident ids
    unknown_incidents: tuple[str, ...]  # incident ids documents name but incidents.jsonl lacks


def load_gva(folder: Path) -> tuple[GvaGold, list[EvalDocument]]:
    """`documents.jsonl` (id, title, dct, uri, content, incident_id) + `incidents.jsonl`."""
    what = "a gva folder holds documents.jsonl and incidents.jsonl"
    documents_path = _required(folder / "documents.jsonl", what)
    incidents_path = _required(folder / "incidents.jsonl", what)
    incidents: dict[str, Incident] = {}
    for number, record in _read_jsonl(incidents_path):
        where = f"{incidents_path}:{number}"
        key = str(_field(record, "incident_id", where))
        incidents[key] = Incident(
            id=key,
            killed=_count(_field(record, "num_killed", where), where),
            injured=_count(_field(record, "num_injured", where), where),
            date=_optional_str(record.get("date")),
            city=_optional_str(record.get("city_or_county")),
            state=_optional_str(record.get("state")),
            participants=_participants(record.get("participants")),
        )
    documents: dict[str, EvalDocument] = {}
    links: dict[str, list[str]] = {}
    unknown: set[str] = set()
    for number, record in _read_jsonl(documents_path):
        where = f"{documents_path}:{number}"
        doc = str(_field(record, "id", where))
        # One article may be listed once per incident it reports: one document, several links.
        if doc not in documents:
            documents[doc] = EvalDocument(
                doc,
                str(_field(record, "content", where) or ""),
                _optional_str(record.get("dct")),
                _optional_str(record.get("title")),
            )
        incident = _optional_str(record.get("incident_id"))
        if incident is None:
            continue
        if incident not in incidents:
            unknown.add(incident)
            continue
        if incident not in links.setdefault(doc, []):
            links[doc].append(incident)
    gold = GvaGold(
        incidents,
        {doc: tuple(ids) for doc, ids in links.items()},
        tuple(sorted(unknown)),
    )
    return gold, list(documents.values())


def _participants(value: Any) -> tuple[Participant, ...]:
    """The incident's participants; a malformed entry is left out, not fatal."""
    if not isinstance(value, list):
        return ()
    found = []
    for item in value:
        if not isinstance(item, Mapping):
            continue
        name = str(item.get("Name") or "").strip() or None
        age_text = str(item.get("Age") or "").strip()
        statuses = tuple(s.strip() for s in str(item.get("Status") or "").split(",") if s.strip())
        kind = str(item.get("Type") or "").strip()
        found.append(
            Participant(name, int(age_text) if age_text.isdigit() else None, statuses, kind)
        )
    return tuple(found)


# -------------------------------------------------------------------------------------- gvdb


@dataclass(frozen=True, slots=True)
class GvdbVictim:
    name: str | None
    age: str | None
    outcomes: tuple[str, ...]  # the annotation's victim-was: killed, injured, hospitalized


@dataclass(frozen=True, slots=True)
class GvdbArticle:
    id: str
    url: str | None
    victims: tuple[GvdbVictim, ...]
    date: str | None  # the annotated date of the shooting, not of publication

    @property
    def killed(self) -> int:
        return sum(1 for victim in self.victims if "killed" in victim.outcomes)

    @property
    def injured(self) -> int:
        # A victim who was shot and hospitalized was injured; one who died counts as killed only.
        return sum(
            1
            for victim in self.victims
            if "killed" not in victim.outcomes
            and ("injured" in victim.outcomes or "hospitalized" in victim.outcomes)
        )


@dataclass(frozen=True, slots=True)
class GvdbGold:
    articles: Mapping[str, GvdbArticle]


GVDB_COLUMNS = ("Article id", "Article url", "Article title", "Full text", "Json")


def load_gvdb(folder: Path) -> tuple[GvdbGold, list[EvalDocument]]:
    """`articles.tsv`: one article per row, its crowd annotation as JSON in column `Json`."""
    path = _required(folder / "articles.tsv", "a gvdb folder holds articles.tsv")
    articles: dict[str, GvdbArticle] = {}
    documents: list[EvalDocument] = []
    for number, row in _read_tsv(path, GVDB_COLUMNS):
        where = f"{path}:{number}"
        doc = row["Article id"]
        if doc in articles:
            raise BadRecord(f"{where}: article id {doc} appears twice")
        try:
            annotation = json.loads(row["Json"])
        except json.JSONDecodeError as error:
            raise BadRecord(f"{where}: column Json is not valid JSON: {error}") from error
        victims = tuple(
            GvdbVictim(
                _span_value(victim.get("name")),
                _span_value(victim.get("age")),
                tuple(str(outcome).lower() for outcome in victim.get("victim-was") or ()),
            )
            for victim in annotation.get("victim-section") or ()
        )
        when = annotation.get("date-and-time") or {}
        articles[doc] = GvdbArticle(
            doc, _optional_str(row["Article url"]), victims, _optional_str(when.get("date"))
        )
        documents.append(EvalDocument(doc, row["Full text"], None, row["Article title"] or None))
    return GvdbGold(articles), documents


def _span_value(span: Any) -> str | None:
    """The text of an annotated span ({"value", "startIndex", "endIndex"}), if filled in."""
    return _optional_str(span.get("value")) if isinstance(span, dict) else _optional_str(span)


# --------------------------------------------------------------------------------- newsquant


@dataclass(frozen=True, slots=True)
class Quantity:
    """A gold quantity: a value (or a range low..high), its bound/change and its unit."""

    low: float
    high: float
    change: str  # = ~ > < up down
    unit: str
    normalized_unit: str


@dataclass(frozen=True, slots=True)
class NewsquantGold:
    sentences: Mapping[str, tuple[Quantity, ...]]  # sentence id (its position) -> quantities
    unparsed: tuple[str, ...]  # gold values that are not numbers or ranges, left out


_VALUE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(?:-\s*(-?\d+(?:\.\d+)?))?\s*$")


def load_newsquant(folder: Path) -> tuple[NewsquantGold, list[EvalDocument]]:
    """`newsquant.json`: a list of {text, quantities: [{value, change, unit, ...}]}.

    The data set has no ids: a sentence's id is its position in the list ("0", "1", ...).
    """
    path = _required(folder / "newsquant.json", "a newsquant folder holds newsquant.json")
    raw = _read_json(path)
    if not isinstance(raw, list):
        raise BadRecord(f"{path} is not a JSON list of sentences")
    sentences: dict[str, tuple[Quantity, ...]] = {}
    documents, unparsed = [], []
    for index, record in enumerate(raw):
        where = f"{path}[{index}]"
        quantities = []
        for number, quantity in enumerate(_field(record, "quantities", where) or ()):
            value = str(_field(quantity, "value", f"{where} quantities[{number}]"))
            match = _VALUE.match(value.replace(",", ""))
            if match is None:
                unparsed.append(f"{index}:{value}")
                continue
            low = float(match.group(1))
            high = float(match.group(2)) if match.group(2) else low
            quantities.append(
                Quantity(
                    low,
                    high,
                    str(quantity.get("change", "=")).strip(),
                    str(quantity.get("unit", "")),
                    str(quantity.get("normalized_unit", "")),
                )
            )
        sentences[str(index)] = tuple(quantities)
        documents.append(EvalDocument(str(index), str(_field(record, "text", where)), None))
    return NewsquantGold(sentences, tuple(unparsed)), documents


# ----------------------------------------------------------------------------------- polnear


@dataclass(frozen=True, slots=True)
class PolnearGold:
    attributions: Mapping[str, tuple[Attribution, ...]]  # "<split>/<stem>" -> relations
    splits: tuple[str, ...]
    unused_annotations: tuple[str, ...]  # extra annotators' files of a text (first one scored)
    unannotated: tuple[str, ...]  # texts without any .ann file (not scored)


def load_polnear(folder: Path) -> tuple[PolnearGold, list[EvalDocument]]:
    """Every `<split>/text/*.txt` + `<split>/attributions/*.ann` (brat standoff) found.

    An annotation file belongs to the text whose name it starts with (`<stem>.ann` or
    `<stem>_<annotator>.ann`). When several annotators did one text, the first file in name
    order is the gold and the others are listed as unused. `metadata.tsv`, when present,
    gives publication dates and titles.
    """
    if not folder.is_dir():
        raise NotFound(
            f"{folder} is missing: a polnear folder holds <split>/text, <split>/attributions"
        )
    splits = []
    for child in sorted(p for p in folder.iterdir() if p.is_dir()):
        has_text, has_ann = (child / "text").is_dir(), (child / "attributions").is_dir()
        if has_text != has_ann:
            missing = child / ("attributions" if has_text else "text")
            raise NotFound(
                f"{missing} is missing: each polnear split holds text/ and attributions/"
            )
        if has_text:
            splits.append(child.name)
    if not splits:
        raise NotFound(f"{folder} has no <split>/text and <split>/attributions folders (polnear)")
    metadata = _polnear_metadata(folder / "metadata.tsv")
    attributions: dict[str, tuple[Attribution, ...]] = {}
    documents: list[EvalDocument] = []
    unused: list[str] = []
    unannotated: list[str] = []
    for split in splits:
        texts = {p.stem: p for p in sorted((folder / split / "text").glob("*.txt"))}
        annotations: dict[str, list[Path]] = {}
        for ann in sorted((folder / split / "attributions").glob("*.ann")):
            stem = _text_stem(ann.stem, texts)
            if stem is None:
                raise NotFound(f"{folder / split / 'text'} has no text for {ann.name}")
            annotations.setdefault(stem, []).append(ann)
        for stem, text_path in texts.items():
            doc = f"{split}/{stem}"
            if stem not in annotations:
                unannotated.append(doc)
                continue
            first, *others = annotations[stem]
            unused.extend(f"{split}/{p.name}" for p in others)
            text = _read_text(text_path)
            attributions[doc] = parse_brat_attributions(_read_text(first), text, str(first))
            published, title = metadata.get(stem, (None, None))
            documents.append(EvalDocument(doc, text, published, title))
    gold = PolnearGold(attributions, tuple(splits), tuple(unused), tuple(unannotated))
    return gold, documents


def _text_stem(ann_stem: str, texts: Mapping[str, Path]) -> str | None:
    stem = ann_stem
    while stem not in texts and "_" in stem:
        stem = stem.rsplit("_", 1)[0]
    return stem if stem in texts else None


def _polnear_metadata(path: Path) -> dict[str, tuple[str | None, str | None]]:
    if not path.exists():
        return {}
    return {
        row["filename"]: (
            _optional_str(row.get("publication_date")),
            _optional_str(row.get("title")),
        )
        for _, row in _read_tsv(path, ("filename",))
    }


# ---------------------------------------------------------------------------------- case2021


@dataclass(frozen=True, slots=True)
class Case2021Gold:
    types: Mapping[str, str]  # snippet id -> event type (ARREST, ATTACK, ...)


def load_case2021(folder: Path) -> tuple[Case2021Gold, list[EvalDocument]]:
    """`snippets.tsv` with columns id, EventSnippet, SubType."""
    path = _required(folder / "snippets.tsv", "a case2021 folder holds snippets.tsv")
    types: dict[str, str] = {}
    documents = []
    for number, row in _read_tsv(path, ("id", "EventSnippet", "SubType")):
        if row["id"] in types:
            raise BadRecord(f"{path}:{number}: snippet id {row['id']} appears twice")
        types[row["id"]] = row["SubType"].strip()
        documents.append(EvalDocument(row["id"], row["EventSnippet"], None))
    return Case2021Gold(types), documents
