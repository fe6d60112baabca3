"""The claim commands end to end: run, extract, claims (every format), show, errors, eval."""

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result
from rich.console import Console

import tolltrace.cli.claims as cli_claims
import tolltrace.cli.common as cli_common
import tolltrace.cli.documents as cli_module
import tolltrace.pipeline as pipeline
from tests.fake_extractor import FAKE_VERSION, fake_extract
from tests.small_corpus import write_corpus
from tolltrace.cli import cli
from tolltrace.errors import TimeLimit
from tolltrace.export import EXPORT_FIELDS
from tolltrace.extract.stage import ExtractOptions
from tolltrace.model import Claim, CleanText
from tolltrace.store import open_store

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "extract_document", fake_extract)
    monkeypatch.setattr(pipeline, "extractor_version", lambda *profiles: FAKE_VERSION)
    monkeypatch.setattr(cli_claims, "extractor_version", lambda *profiles: FAKE_VERSION)


@pytest.fixture
def db(tmp_path: Path, db_location: str) -> str:
    path = db_location
    assert _invoke("ingest", str(write_corpus(tmp_path)), "--db", path).exit_code == 0
    return path


def _doc_id(db: str, startswith: str) -> str:
    listing = _invoke("docs", "--format", "jsonl", "--db", db).stdout
    records = [json.loads(line) for line in listing.splitlines()]
    return next(r["id"] for r in records if Path(r["uri"]).name.startswith(startswith))


def _jsonl(*args: str) -> list[dict[str, object]]:
    result = _invoke("claims", "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.usefixtures("fake")
def test_extract_is_incremental(db: str) -> None:
    result = _invoke("extract", "--db", db, "--workers", "1", "--time-limit", "30", "--quiet")
    assert result.exit_code == 0, result.output
    assert "extracted 4 claims from 3 documents, failed 0" in result.output
    assert FAKE_VERSION in result.output
    again = _invoke("extract", "--db", db)
    # Checked before any model is loaded or worker started (issue 21).
    assert "nothing to extract: all 3 documents are up to date" in again.output
    assert _invoke("verify", "--db", db).exit_code == 0


@pytest.mark.usefixtures("fake")
def test_claims_filters_and_formats(db: str, tmp_path: Path) -> None:
    _invoke("extract", "--db", db)
    koss = _doc_id(db, "koss")
    table = _invoke("claims", "--db", db)
    assert table.exit_code == 0
    assert "4 claims" in table.output and koss[:8] in table.output
    assert "arrested" in table.output

    rows = _jsonl("--db", db)
    assert len(rows) == 4 and all(tuple(row) == EXPORT_FIELDS for row in rows)
    assert [r["category"] for r in _jsonl("--db", db, "--category", "killed")] == ["killed"] * 2
    assert len(_jsonl("--db", db, "--category", "killed", "--category", "arrested")) == 3
    assert {r["document"] for r in _jsonl("--db", db, "--document", koss[:10])} == {koss}
    assert len(_jsonl("--db", db, "--document", str(tmp_path / "corpus/koss.txt"))) == 3
    (attributed,) = _jsonl("--db", db, "--source", "rights monitor")
    assert attributed["attributed_to"] == "Valdorian Rights Monitor"
    assert len(_jsonl("--db", db, "--limit", "1")) == 1

    out = _invoke("claims", "--db", db, "--format", "csv").stdout
    csv_rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(csv_rows[0]) == EXPORT_FIELDS and len(csv_rows) == 4
    assert {r["negated"] for r in csv_rows} == {"true", "false"}

    path = tmp_path / "claims.csv"
    written = _invoke("claims", "--db", db, "--format", "csv", "--output", str(path))
    assert "wrote 4 claims" in written.output
    assert path.read_text(encoding="utf-8") == out

    parquet = tmp_path / "killed.parquet"
    result = _invoke("claims", "--db", db, "--category", "killed", "-o", str(parquet))
    assert result.exit_code == 0, result.output
    back = pq.read_table(parquet)
    assert tuple(back.column_names) == EXPORT_FIELDS
    assert back.column("category").to_pylist() == ["killed", "killed"]
    assert back.column("low").to_pylist() == [3, 12]


@pytest.mark.usefixtures("fake")
def test_claims_errors_are_clean(db: str, tmp_path: Path) -> None:
    _invoke("extract", "--db", db)
    result = _invoke("claims", "--db", db, "--format", "parquet")
    assert result.exit_code == 2 and "--output" in result.output
    result = _invoke("claims", "--db", db, "--format", "table", "--output", str(tmp_path / "x"))
    assert result.exit_code == 2
    result = _invoke("claims", "--db", db, "--document", "ffff0000")
    assert result.exit_code == 3 and "no document matches" in result.output
    result = _invoke("claims", "--db", db, "--category", "eaten")
    assert result.exit_code == 2


@pytest.mark.usefixtures("fake")
def test_failed_documents_set_the_exit_code_are_listed_and_retried(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    tarn = _doc_id(db, "tarn")

    def slow_on_tarn(
        doc_id: str, uri: str, clean: CleanText, options: ExtractOptions
    ) -> tuple[Claim, ...]:
        if doc_id == tarn:
            raise TimeLimit(f"extraction took longer than {options.time_limit:g} s")
        return fake_extract(doc_id, uri, clean, options)

    monkeypatch.setattr(pipeline, "extract_document", slow_on_tarn)
    result = _invoke("extract", "--db", db, "--time-limit", "2")
    assert result.exit_code == 1
    assert "failed 1" in result.output and tarn[:12] in result.output
    assert "longer than 2 s" in result.output
    errors = _invoke("errors", "--db", db).output
    assert "extract" in errors and "T201" in errors and tarn[:12] in errors

    monkeypatch.setattr(pipeline, "extract_document", fake_extract)
    retry = _invoke("extract", "--db", db)
    assert retry.exit_code == 0
    assert "extracted 1 claims from 1 documents" in retry.output


@pytest.mark.usefixtures("fake")
def test_show_lists_and_highlights_the_claims(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _invoke("extract", "--db", db)
    koss = _doc_id(db, "koss")
    shown = _invoke("show", koss[:10], "--db", db)
    assert "3 claims" in shown.output and "(own voice)" in shown.output
    assert "Valdorian Rights Monitor" in shown.output
    hidden = _invoke("show", koss[:10], "--db", db, "--no-claims")
    assert "3 claims" not in hidden.output
    assert hidden.output in shown.output  # the rest is unchanged

    terminal = io.StringIO()
    monkeypatch.setattr(
        cli_module, "console", Console(file=terminal, force_terminal=True, width=120)
    )
    _invoke("show", koss[:10], "--db", db)
    styled = terminal.getvalue()
    assert re.search(r"\x1b\[[0-9;]*m200 people were arrested\x1b\[0m", styled)
    with open_store(db) as store:
        clean = store.get_document(koss).clean
    assert clean is not None
    assert clean.text in ANSI.sub("", styled)  # highlighting never changes the text


def test_run_ingests_extracts_and_lists_both(tmp_path: Path, db_location: str) -> None:
    db = db_location
    result = _invoke("run", str(write_corpus(tmp_path)), "--db", db, "--time-limit", "60")
    assert result.exit_code == 0, result.output
    assert "ingested 3" in result.output
    assert "from 3 documents, failed 0" in result.output
    assert "3 documents" in result.output
    assert re.search(r"\d+ claims", result.output)
    again = _invoke("run", str(tmp_path / "corpus"), "--db", db)
    assert "ingested 0, skipped 3" in again.output
    assert "from 0 documents" in again.output


# An evaluation folder in the advocacy layout: gold.json plus <doc>_<name>.txt (fiction).
GOLD = {
    "claims": [
        {"doc": "201", "quote": "at least 60 detainees were executed", "value": 60,
         "qualifier": "at_least", "category": "executed", "event": "ralsk",
         "source": "Kestrian Watch", "required": True},
        {"doc": "201", "quote": "About 300 people were arrested", "value": 300,
         "qualifier": "approximately", "category": "arrested", "event": "ralsk", "source": None,
         "required": True},
        {"doc": "202", "quote": "more than 1,500 villagers", "value": 1500,
         "qualifier": "more_than", "category": "killed", "event": "valleys",
         "source": "Kestrian Watch", "required": True},
    ],
    "dates": {"201": "2032-04-04"},
}  # fmt: skip
DOCUMENTS = {
    "201_ralsk-purge.txt": (
        "Ralsk, 4 April 2032. The Kestrian Watch said at least 60 detainees were executed in\n"
        "the Ralsk prison during the spring purge. About 300 people were arrested in the\n"
        "week that followed.\n"
    ),
    "202.txt": (
        "The Kestrian Watch documented the killing of more than 1,500 villagers in the northern\n"
        "valleys of Kestria in 2029.\n"
    ),
}


def _advocacy(tmp_path: Path) -> Path:
    folder = tmp_path / "advocacy"
    folder.mkdir()
    (folder / "gold.json").write_text(json.dumps(GOLD))
    for name, text in DOCUMENTS.items():
        (folder / name).write_text(text)
    return folder


def test_eval_prints_the_report_and_writes_json(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = _invoke("eval", "advocacy", "--data", str(_advocacy(tmp_path)), "--json", str(report))
    assert result.exit_code == 0, result.output  # even when targets are missed
    assert "claim precision" in result.stdout and "claim recall" in result.stdout
    record = json.loads(report.read_text())
    assert record["dataset"] == "advocacy"
    assert record["documents"] == 2
    assert record["claims"]["gold"] == 3


def test_eval_on_a_wrong_folder_is_a_clean_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", "advocacy", "--data", str(tmp_path)])
    assert result.exit_code == 3
    assert "gold.json is missing" in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(cli, ["eval", "advocacy", "--data", str(tmp_path / "none")])
    assert result.exit_code == 2 and "does not exist" in result.output
    result = CliRunner().invoke(cli, ["eval", "nonsense", "--data", str(tmp_path)])
    assert result.exit_code == 2


@pytest.mark.usefixtures("fake")
def test_redirected_output_gets_progress_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db_location: str
) -> None:
    # Regression (issue 21): with standard error not a terminal, long work printed nothing.
    monkeypatch.setattr(cli_common, "PROGRESS_LINE_SECONDS", 0.0)  # a line at every step
    db = db_location
    ingested = CliRunner().invoke(cli, ["ingest", str(write_corpus(tmp_path)), "--db", db])
    assert re.search(r"ingesting: [\d.]+ MB", ingested.stderr), ingested.stderr
    extracted = CliRunner().invoke(cli, ["extract", "--db", db])
    assert re.search(r"extracting: \d of 3 \(\d+%\)", extracted.stderr), extracted.stderr
    assert "extracting" not in extracted.stdout  # the report stays clean
    quiet = CliRunner().invoke(cli, ["ingest", str(tmp_path / "corpus"), "--db", db, "--quiet"])
    assert "ingesting" not in quiet.stderr


@pytest.mark.usefixtures("fake")
def test_ctrl_c_says_what_was_kept_and_how_to_resume(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Regression (issue 21): Ctrl-C printed only click's "Aborted!".
    # Ctrl-C reaches the parent process (documents are extracted in a worker), here as the
    # second document's claims are about to be stored.
    seen: list[str] = []
    store_extraction = pipeline._store_extraction

    def interrupted_after_one(*args: Any, **kwargs: Any) -> None:
        if seen:
            raise KeyboardInterrupt
        seen.append("stored")
        store_extraction(*args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_document", fake_extract)
    monkeypatch.setattr(pipeline, "_store_extraction", interrupted_after_one)
    result = CliRunner().invoke(cli, ["extract", "--db", db])
    assert result.exit_code == 130
    assert "interrupted" in result.stderr and "Aborted!" not in result.output
    assert f"written to {db} before now is kept" in result.stderr
    assert "`tolltrace extract` again to resume" in result.stderr
    monkeypatch.setattr(pipeline, "_store_extraction", store_extraction)
    resumed = _invoke("extract", "--db", db)
    assert "from 3 documents" in resumed.output or "from 2 documents" in resumed.output
    assert _invoke("verify", "--db", db).exit_code == 0
