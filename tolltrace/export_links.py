"""Exports of the link results: entities, events, findings, and an ACLED-like event table.

Every export is JSON Lines, CSV or Parquet, like the claim export (`tolltrace.export`). Fields
are added, never renamed or dropped. Nested values (aliases, roles, figures...) are JSON
objects and arrays in JSON Lines, JSON text in a CSV cell, and lists of structs in Parquet.

Fields:
- entities: id, name, type, aliases [{name, evidence, quote, document, start, end, score}],
  roles [{title, when, quote, document, start, end}], mention_count, documents (where it is
  mentioned).
- events: id, label, name, type, when, where, documents, claims, evidence.
- findings: event, category, low and high (the consensus interval: every figure fits in it;
  null when none), consistent, independent_sources (how many independent primary sources
  state a figure), figures [{claim, document, low, high, qualifier, text, sentence,
  attributed_to, outlet, primary_source, published, negated, superseded_by, part,
  contradicts}] in publication order (`sentence`: the claim's sentence, or the words around
  the claim within 400 characters when it is longer; `part`: why the figure counts a part of
  the victims, else null; `contradicts`: how many other distinct figures it contradicts),
  contradictions [{first, second, reason, first_text, second_text}] (each figure against its
  nearest rivals, the figure just below it and the one just above), support [{figure, low,
  high, sources, relays, independent}].

ACLED-like table (`acled_rows`), one row per event, so that scripts written for ACLED data
run on ours. Columns: event_id, event_date (the first day of `when`), year, time_precision
(1: the day is known, 3: only a month, year or interval), event_type, sub_event_type, actor1
(who did it: the perpetrator most claims of harm name, else most claims), actor2 (the
victims: the subject most casualty claims count; pronouns left out), location, fatalities,
fatalities_rule, sources, source_count, notes.

Fatalities rule (conservative: a lower bound every source agrees with, never a sum):
1. For each of the categories `killed` and `executed` that has a finding: its consensus low
   when the figures are consistent; otherwise (they contradict, or the consensus has no low)
   the smallest low of its figures that are neither denied nor counts of a part.
2. An event with no such finding: the smallest low of its `killed`/`executed` claims that are
   not denied.
3. fatalities = the larger of the two categories' values. They are not added: an execution
   is a killing, so the two counts may overlap, and the larger of two lower bounds is still a
   lower bound.
4. No figure at all: 0, ACLED's code for "no reported fatalities", with the rule saying so.
`fatalities_rule` says which step gave the number, for every row.

Event types, from the event's categories, the first that applies:
- the event's type or label names an explosion ("bomb", "explosion", "airstrike", "drone",
  "shelling") -> Explosions/Remote violence; a battle ("clash", "battle", "fighting") ->
  Battles / Armed clash;
- a protest (a `protesters` figure, or "protest"/"demonstration" in the type or label) ->
  Protests / Excessive force against protesters when anyone was killed, executed, injured
  or tortured; Protest with intervention when people were arrested or detained; otherwise
  Peaceful protest;
- killed, executed, injured, tortured, victims -> Violence against civilians / Attack;
- disappeared -> Violence against civilians / Abduction/forced disappearance;
- arrested, detained, imprisoned, sentenced -> Strategic developments / Arrests;
- displaced, other, or no figure -> Strategic developments / Other.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlparse

from tolltrace.errors import Unsupported
from tolltrace.model import Claim, Entity, Event, Finding

FORMATS = ("jsonl", "csv", "parquet")
ENTITY_FIELDS = ("id", "name", "type", "aliases", "roles", "mention_count", "documents")
EVENT_FIELDS = ("id", "label", "name", "type", "when", "where", "documents", "claims", "evidence")
FINDING_FIELDS = (
    "event", "category", "low", "high", "consistent", "independent_sources", "figures",
    "contradictions", "support",
)  # fmt: skip
ACLED_FIELDS = (
    "event_id", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
    "actor2", "location", "fatalities", "fatalities_rule", "sources", "source_count", "notes",
)  # fmt: skip
FATALITY_CATEGORIES = ("killed", "executed")
Record = dict[str, Any]


def entity_record(entity: Entity) -> Record:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": [asdict(alias) for alias in entity.aliases],
        "roles": [asdict(role) for role in entity.roles],
        "mention_count": len(entity.mentions),
        "documents": list(dict.fromkeys(mention.document for mention in entity.mentions)),
    }


def event_record(event: Event) -> Record:
    return {
        "id": event.id,
        "label": event.label,
        "name": event.name,
        "type": event.type,
        "when": event.when,
        "where": event.where,
        "documents": list(event.documents),
        "claims": list(event.claims),
        "evidence": list(event.evidence),
    }


def finding_record(finding: Finding) -> Record:
    texts = {figure.claim: figure.text for figure in finding.figures}
    return {
        "event": finding.event,
        "category": finding.category,
        "low": finding.low,
        "high": finding.high,
        "consistent": finding.consistent,
        "independent_sources": len(independent_sources(finding)),
        "figures": [asdict(figure) for figure in finding.figures],
        "contradictions": [
            {
                "first": c.first,
                "second": c.second,
                "reason": c.reason,
                "first_text": texts.get(c.first),
                "second_text": texts.get(c.second),
            }
            for c in finding.contradictions
        ],
        "support": [
            {
                "figure": s.figure,
                "low": s.low,
                "high": s.high,
                "sources": list(s.sources),
                "relays": list(s.relays),
                "independent": s.independent,
            }
            for s in finding.support
        ],
    }


def independent_sources(finding: Finding) -> list[str]:
    """The independent primary sources behind a finding's figures, as the reconcile stage found
    them (`support`); without support, the distinct primary sources of its undenied figures."""
    if finding.support:
        sources = [source for support in finding.support for source in support.sources]
    else:
        sources = [f.primary_source for f in finding.figures if not f.negated and f.primary_source]
    return list(dict.fromkeys(sources))


def export_entities(
    entities: Iterable[Entity], fmt: str, output: Path | None, stdout: IO[str]
) -> int:
    """Write `entities` as `fmt` to the file `output`, or to `stdout` when there is none."""
    records = (entity_record(entity) for entity in entities)
    return export_records(records, ENTITY_FIELDS, fmt, output, stdout, _entity_schema)


def export_events(events: Iterable[Event], fmt: str, output: Path | None, stdout: IO[str]) -> int:
    """Write `events` as `fmt` to the file `output`, or to `stdout` when there is none."""
    records = (event_record(event) for event in events)
    return export_records(records, EVENT_FIELDS, fmt, output, stdout, _event_schema)


def export_findings(
    findings: Iterable[Finding], fmt: str, output: Path | None, stdout: IO[str]
) -> int:
    """Write `findings` as `fmt` to the file `output`, or to `stdout` when there is none."""
    records = (finding_record(finding) for finding in findings)
    return export_records(records, FINDING_FIELDS, fmt, output, stdout, _finding_schema)


def export_acled(rows: Iterable[Record], fmt: str, output: Path | None, stdout: IO[str]) -> int:
    """Write `acled_rows(...)` as `fmt` to the file `output`, or to `stdout` when there is none."""
    return export_records(rows, ACLED_FIELDS, fmt, output, stdout, _acled_schema)


def export_records(
    records: Iterable[Record],
    names: Sequence[str],
    fmt: str,
    output: Path | None,
    stdout: IO[str],
    schema: Callable[[], Any],
) -> int:
    """Write `records` (dicts with the fields `names`) as JSON Lines, CSV or Parquet."""
    if fmt not in FORMATS:
        raise Unsupported(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if output is None:
            raise Unsupported("Parquet is a binary file format: give the file with --output")
        return _write_parquet(records, schema(), output)

    def write(out: IO[str]) -> int:
        return (
            _write_jsonl(records, names, out) if fmt == "jsonl" else _write_csv(records, names, out)
        )

    if output is None:
        return write(stdout)
    # newline="": the csv module writes its own line ends; JSON Lines has only "\n".
    with output.open("w", encoding="utf-8", newline="") as handle:
        return write(handle)


def _write_jsonl(records: Iterable[Record], names: Sequence[str], out: IO[str]) -> int:
    written = 0
    for record in records:
        out.write(json.dumps({name: record[name] for name in names}, ensure_ascii=False) + "\n")
        written += 1
    return written


def _write_csv(records: Iterable[Record], names: Sequence[str], out: IO[str]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    written = 0
    for record in records:
        writer.writerow(_csv_cell(record[name]) for name in names)
        written += 1
    return written


def _csv_cell(value: Any) -> Any:
    """Null is an empty cell, booleans true/false, lists and objects JSON text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _write_parquet(records: Iterable[Record], schema: Any, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    written = 0
    chunk: list[Record] = []
    with pq.ParquetWriter(str(path), schema) as writer:
        for record in records:
            chunk.append(record)
            if len(chunk) >= 5_000:  # rows per row group: memory stays flat on any size
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                written, chunk = written + len(chunk), []
        if chunk or written == 0:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            written += len(chunk)
    return written


def _struct(**columns: Any) -> Any:
    import pyarrow as pa

    return pa.list_(pa.struct([pa.field(name, kind) for name, kind in columns.items()]))


def _entity_schema() -> Any:
    import pyarrow as pa

    s, i = pa.string(), pa.int64()
    return pa.schema(
        [
            ("id", s),
            ("name", s),
            ("type", s),
            (
                "aliases",
                _struct(
                    name=s, evidence=s, quote=s, document=s, start=i, end=i, score=pa.float64()
                ),
            ),
            ("roles", _struct(title=s, when=s, quote=s, document=s, start=i, end=i)),
            ("mention_count", i),
            ("documents", pa.list_(s)),
        ]
    )


def _event_schema() -> Any:
    import pyarrow as pa

    s = pa.string()
    return pa.schema(
        [(name, s) for name in ("id", "label", "name", "type", "when", "where")]
        + [(name, pa.list_(s)) for name in ("documents", "claims", "evidence")]
    )


def _finding_schema() -> Any:
    import pyarrow as pa

    s, i = pa.string(), pa.int64()
    figure = _struct(
        claim=s, document=s, low=i, high=i, qualifier=s, text=s, sentence=s, attributed_to=s,
        outlet=s, primary_source=s, published=s, negated=pa.bool_(), superseded_by=s, part=s,
        contradicts=i,
    )  # fmt: skip
    contradiction = _struct(first=s, second=s, reason=s, first_text=s, second_text=s)
    support = _struct(
        figure=s, low=i, high=i, sources=pa.list_(s), relays=pa.list_(s), independent=i
    )
    return pa.schema(
        [
            ("event", s),
            ("category", s),
            ("low", i),
            ("high", i),
            ("consistent", pa.bool_()),
            ("independent_sources", i),
            ("figures", figure),
            ("contradictions", contradiction),
            ("support", support),
        ]
    )


def _acled_schema() -> Any:
    import pyarrow as pa

    integers = {"year", "time_precision", "fatalities", "source_count"}
    return pa.schema(
        [(name, pa.int64() if name in integers else pa.string()) for name in ACLED_FIELDS]
    )


# The ACLED-like table (the rules are in the module docstring).
_HARM = ("killed", "executed", "injured", "tortured")
_CUSTODY = ("arrested", "detained", "imprisoned", "sentenced")
_VICTIM_CATEGORIES = frozenset((*_HARM, *_CUSTODY, "disappeared", "victims"))
_EXPLOSIONS = (
    (re.compile(r"air ?strike|drone|air raid", re.I), "Air/drone strike"),
    (re.compile(r"shell|artillery|missile|rocket", re.I), "Shelling/artillery/missile attack"),
    (re.compile(r"bomb|explosi|blast|\bied\b|landmine", re.I), "Remote explosive/landmine/IED"),
)
_BATTLE = re.compile(r"clash|battle|fighting|firefight", re.I)
_PROTEST = re.compile(r"protest|demonstrat|uprising", re.I)


def acled_rows(
    events: Iterable[Event], findings: Iterable[Finding], claims: Iterable[Claim]
) -> list[Record]:
    """One ACLED-like row per event (columns `ACLED_FIELDS`), from its findings and claims.

    `claims` may be every stored claim: only those the events list are used.
    """
    events = list(events)
    by_event: defaultdict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_event[finding.event].append(finding)
    wanted = {claim_id for event in events for claim_id in event.claims}
    claim_by_id = {claim.id: claim for claim in claims if claim.id in wanted}
    rows = []
    for event in events:
        own = [claim_by_id[c] for c in event.claims if c in claim_by_id]
        rows.append(_acled_row(event, by_event.get(event.id, []), own))
    return rows


def _acled_row(event: Event, findings: Sequence[Finding], claims: Sequence[Claim]) -> Record:
    categories = {f.category for f in findings if any(not g.negated for g in f.figures)}
    categories |= {claim.category for claim in claims if not claim.negated}
    event_type, sub_event_type = acled_event_type(event, categories)
    fatalities, rule = fatalities_rule(findings, claims)
    sources = _sources(findings, claims)
    date = (event.when or "").split("/")[0]
    return {
        "event_id": event.id,
        "event_date": date,
        "year": int(date[:4]) if re.match(r"\d{4}", date) else None,
        "time_precision": 1 if re.fullmatch(r"\d{4}-\d{2}-\d{2}", event.when or "") else 3,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": _actor1(claims),
        "actor2": _most_common(
            c.subject
            for c in claims
            if c.category in _VICTIM_CATEGORIES and not _pronoun(c.subject)
        ),
        "location": event.where or "",
        "fatalities": fatalities,
        "fatalities_rule": rule,
        "sources": "; ".join(sources),
        "source_count": len(sources),
        "notes": _notes(event, findings, rule),
    }


def acled_event_type(event: Event, categories: Iterable[str]) -> tuple[str, str]:
    """(event_type, sub_event_type) for an event with figures in `categories`."""
    present = set(categories)
    words = f"{event.type} {event.label} {event.name or ''}"
    for pattern, sub_event in _EXPLOSIONS:
        if pattern.search(words):
            return "Explosions/Remote violence", sub_event
    if _BATTLE.search(words):
        return "Battles", "Armed clash"
    if "protesters" in present or _PROTEST.search(words):
        if present & set(_HARM):
            return "Protests", "Excessive force against protesters"
        if present & set(_CUSTODY):
            return "Protests", "Protest with intervention"
        return "Protests", "Peaceful protest"
    if present & {*_HARM, "victims"}:
        return "Violence against civilians", "Attack"
    if "disappeared" in present:
        return "Violence against civilians", "Abduction/forced disappearance"
    if present & set(_CUSTODY):
        return "Strategic developments", "Arrests"
    return "Strategic developments", "Other"


def fatalities_rule(findings: Sequence[Finding], claims: Sequence[Claim]) -> tuple[int, str]:
    """The conservative fatality count of one event, and the rule step that gave it."""
    candidates: list[tuple[int, str]] = []
    for finding in findings:
        if finding.category not in FATALITY_CATEGORIES:
            continue
        if finding.consistent and finding.low is not None:
            candidates.append((finding.low, f"consensus low of the {finding.category} figures"))
            continue
        lows = [
            f.low for f in finding.figures if not f.negated and f.part is None and f.low is not None
        ]
        if lows:
            why = "they contradict" if not finding.consistent else "no consensus low"
            candidates.append((min(lows), f"smallest {finding.category} figure ({why})"))
    if not candidates and not any(f.category in FATALITY_CATEGORIES for f in findings):
        for category in FATALITY_CATEGORIES:
            lows = [
                c.low
                for c in claims
                if c.category == category and not c.negated and c.low is not None
            ]
            if lows:
                candidates.append((min(lows), f"smallest {category} claim (no finding)"))
    if not candidates:
        return 0, "no killed or executed figure: 0"
    value, rule = max(candidates, key=lambda candidate: candidate[0])
    if len(candidates) > 1:
        rule += "; the larger of killed and executed, not their sum"
    return value, rule


def _sources(findings: Sequence[Finding], claims: Sequence[Claim]) -> list[str]:
    sources = [source for finding in findings for source in independent_sources(finding)]
    if not sources:
        sources = [claim.attributed_to or _host(claim.uri) for claim in claims if not claim.negated]
    return sorted(set(filter(None, sources)), key=str.casefold)


def _host(uri: str) -> str:
    host = urlparse(uri).netloc
    return host.removeprefix("www.") if host else ""


def _actor1(claims: Sequence[Claim]) -> str:
    """The perpetrator most claims of harm name (killed, executed, injured, tortured), else the
    one most claims name: who shot the protesters, not the court that later sentenced one."""
    harm = _most_common(
        c.perpetrator for c in claims if c.category in _HARM and not _pronoun(c.perpetrator)
    )
    return harm or _most_common(c.perpetrator for c in claims if not _pronoun(c.perpetrator))


_PRONOUNS = frozenset({
    "he", "she", "it", "they", "him", "her", "them", "we", "us", "i", "you", "his", "hers",
    "its", "their", "theirs", "who", "whom",
})  # fmt: skip


def _pronoun(words: str | None) -> bool:
    return words is not None and words.strip().casefold() in _PRONOUNS


def _most_common(values: Iterable[str | None]) -> str:
    counts = Counter(value for value in values if value)
    if not counts:
        return ""
    return min(counts.items(), key=lambda item: (-item[1], item[0].casefold()))[0]


def _notes(event: Event, findings: Sequence[Finding], rule: str) -> str:
    parts = [event.label]
    for finding in findings:
        texts = list(dict.fromkeys(f.text for f in finding.figures if not f.negated))
        note = f"{finding.category}: {' / '.join(texts[:6])}"
        if finding.contradictions:
            note += f" ({len(finding.contradictions)} contradictions)"
        parts.append(note + f" from {len(independent_sources(finding))} independent sources")
    parts.append(f"fatalities: {rule}")
    return ". ".join(parts)
