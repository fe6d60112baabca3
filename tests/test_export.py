"""Claim exports keep the public schema: its fields, in its order, with their types."""

import csv
import io
import json
from dataclasses import fields
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import tolltrace.export as export
from tests.fake_extractor import make_claim
from tolltrace.errors import Unsupported
from tolltrace.export import EXPORT_FIELDS, PUBLIC_FIELDS, claim_record, export_claims
from tolltrace.model import Claim

# The public claim schema (DESIGN.md), in its documented order: never renamed or dropped.
DOCUMENTED = (
    "id", "document", "uri", "text", "sentence", "start", "end", "raw_start", "raw_end", "low",
    "high", "qualifier", "category", "subject", "event", "event_label", "when", "where",
    "attributed_to", "attribution_cue", "negated", "confidence",
)  # fmt: skip


def _claims() -> list[Claim]:
    return [
        make_claim("d" * 64, "at least 40 students", 10, "detained", low=40, high=None,
                   qualifier="at_least", attributed_to="Valdorian Rights Monitor",
                   attribution_cue="said", negated=True, confidence=0.25, sentence='Said "40".'),
        make_claim("e" * 64, "200 killed", 3, "killed", low=200, high=200, when="2031-05",
                   where="Koss", perpetrator="guards"),
    ]  # fmt: skip


def test_the_public_fields_come_first_in_their_documented_order() -> None:
    assert PUBLIC_FIELDS == DOCUMENTED
    assert EXPORT_FIELDS[: len(DOCUMENTED)] == DOCUMENTED
    assert EXPORT_FIELDS[len(DOCUMENTED) :] == (
        "perpetrator", "extractor", "review", "reviewed_by", "reviewed_at", "attributed_as",
    )  # fmt: skip
    assert set(EXPORT_FIELDS) <= {f.name for f in fields(Claim)}
    assert tuple(claim_record(_claims()[0])) == EXPORT_FIELDS


def test_jsonl_rows_parse_back_with_nulls_and_booleans() -> None:
    out = io.StringIO()
    assert export_claims(_claims(), "jsonl", None, out) == 2
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [tuple(row) for row in rows] == [EXPORT_FIELDS, EXPORT_FIELDS]
    assert rows[0]["high"] is None and rows[0]["negated"] is True
    assert rows[0]["sentence"] == 'Said "40".'
    assert rows[1]["event"] is None and rows[1]["when"] == "2031-05"


def test_csv_has_a_header_and_empty_cells_for_null(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    assert export_claims(_claims(), "csv", path, io.StringIO()) == 2
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == EXPORT_FIELDS
    assert rows[0]["high"] == "" and rows[0]["low"] == "40"
    assert rows[0]["negated"] == "true" and rows[1]["negated"] == "false"
    assert rows[0]["sentence"] == 'Said "40".'


def test_parquet_has_typed_columns_even_when_all_null(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export, "_PARQUET_ROWS", 1)  # one row group per claim
    path = tmp_path / "claims.parquet"
    assert export_claims(_claims(), "parquet", path, io.StringIO()) == 2
    assert pq.ParquetFile(path).metadata.num_row_groups == 2
    table = pq.read_table(path)
    assert tuple(table.column_names) == EXPORT_FIELDS
    schema = table.schema
    assert schema.field("event").type == pa.string()  # null in every row, still a string
    assert schema.field("low").type == pa.int64() and schema.field("high").type == pa.int64()
    assert schema.field("negated").type == pa.bool_()
    assert schema.field("confidence").type == pa.float64()
    assert table.column("high").to_pylist() == [None, 200]
    assert table.column("attributed_to").to_pylist() == ["Valdorian Rights Monitor", None]


def test_an_empty_parquet_export_still_has_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "none.parquet"
    assert export_claims([], "parquet", path, io.StringIO()) == 0
    table = pq.read_table(path)
    assert table.num_rows == 0
    assert tuple(table.column_names) == EXPORT_FIELDS


def test_parquet_needs_a_file_and_formats_are_checked() -> None:
    with pytest.raises(Unsupported, match="--output"):
        export_claims(_claims(), "parquet", None, io.StringIO())
    with pytest.raises(Unsupported, match="xml"):
        export_claims(_claims(), "xml", None, io.StringIO())


def test_the_format_follows_the_file_name() -> None:
    assert export.format_for(Path("a.PARQUET")) == "parquet"
    assert export.format_for(Path("a.ndjson")) == "jsonl"
    assert export.format_for(Path("a.csv")) == "csv"
    assert export.format_for(Path("a.txt")) is None
