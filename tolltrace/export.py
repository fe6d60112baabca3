"""Claim exports: JSON Lines, CSV and Parquet rows in the public schema's field order.

The public fields (DESIGN.md) come first, in their documented order, then the extra fields.
Fields are added, never renamed or dropped: users' scripts and external scorers read them.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from tolltrace.errors import Unsupported
from tolltrace.model import Claim

PUBLIC_FIELDS = (
    "id", "document", "uri", "text", "sentence", "start", "end", "raw_start", "raw_end", "low",
    "high", "qualifier", "category", "subject", "event", "event_label", "when", "where",
    "attributed_to", "attribution_cue", "negated", "confidence",
)  # fmt: skip
# The review state (unreviewed/confirmed/corrected/rejected, by whom, when), then fields added
# later, each at the end so that no column moves: `attributed_as`, the source as the sentence
# words it when that differs from `attributed_to` (a pronoun such as "she").
EXTRA_FIELDS = (
    "perpetrator", "extractor", "review", "reviewed_by", "reviewed_at", "attributed_as",
)  # fmt: skip
EXPORT_FIELDS = PUBLIC_FIELDS + EXTRA_FIELDS
FORMATS = ("jsonl", "csv", "parquet")
_INTEGERS = frozenset({"start", "end", "raw_start", "raw_end", "low", "high"})
_PARQUET_ROWS = 10_000  # claims per row group: memory stays flat on any export size


def claim_record(claim: Claim) -> dict[str, Any]:
    """One claim as an export row: every field of `EXPORT_FIELDS`, in that order."""
    return {name: getattr(claim, name) for name in EXPORT_FIELDS}


def write_jsonl(claims: Iterable[Claim], out: IO[str]) -> int:
    """One JSON object per line; returns the number of claims written."""
    written = 0
    for claim in claims:
        out.write(json.dumps(claim_record(claim), ensure_ascii=False) + "\n")
        written += 1
    return written


def write_csv(claims: Iterable[Claim], out: IO[str]) -> int:
    """A header row, then one row per claim: null is an empty cell, booleans true/false."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_FIELDS)
    written = 0
    for claim in claims:
        writer.writerow(_csv_cell(value) for value in claim_record(claim).values())
        written += 1
    return written


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def parquet_schema() -> Any:
    """The Parquet schema, explicit so that a column of nulls still has its proper type."""
    import pyarrow as pa

    def kind(name: str) -> Any:
        if name in _INTEGERS:
            return pa.int64()
        if name == "negated":
            return pa.bool_()
        if name == "confidence":
            return pa.float64()
        return pa.string()

    nullable = {"low", "high", "event", "event_label", "when", "where", "attributed_to"}
    nullable |= {"attribution_cue", "perpetrator", "reviewed_by", "reviewed_at", "attributed_as"}
    return pa.schema([pa.field(n, kind(n), nullable=n in nullable) for n in EXPORT_FIELDS])


def write_parquet(claims: Iterable[Claim], path: Path) -> int:
    """A Parquet file with `parquet_schema()`, written in row groups as the claims stream."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    written = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for chunk in _chunks(claims, _PARQUET_ROWS):
            columns = {name: [getattr(c, name) for c in chunk] for name in EXPORT_FIELDS}
            writer.write_table(pa.Table.from_pydict(columns, schema=schema))
            written += len(chunk)
        if written == 0:
            writer.write_table(schema.empty_table())
    return written


def export_claims(claims: Iterable[Claim], fmt: str, output: Path | None, stdout: IO[str]) -> int:
    """Write `claims` as `fmt` to the file `output`, or to `stdout` when there is none."""
    if fmt not in FORMATS:
        raise Unsupported(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if output is None:
            raise Unsupported("Parquet is a binary file format: give the file with --output")
        return write_parquet(claims, output)
    write = write_jsonl if fmt == "jsonl" else write_csv
    if output is None:
        return write(claims, stdout)
    # newline="": the csv module writes its own line ends; JSON Lines has only "\n".
    with output.open("w", encoding="utf-8", newline="") as handle:
        return write(claims, handle)


def format_for(output: Path) -> str | None:
    """The export format a file name asks for (.jsonl/.ndjson, .csv, .parquet), if any."""
    suffix = output.suffix.lower()
    return {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}.get(suffix)


def _chunks(claims: Iterable[Claim], size: int) -> Iterator[list[Claim]]:
    chunk: list[Claim] = []
    for claim in claims:
        chunk.append(claim)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
