import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from tolltrace.cli import cli

ARTICLE = (
    "Back to top\n\n"
    "Sarenna, March 14, 2025 - Security forces detained at least 40 students near Harbour\n"
    "Square on Friday, the Valdorian Human Rights Monitor said.\n\n"
    "Leave a Reply\n"
)


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_ingest_docs_show_search_verify(tmp_path: Path, db_location: str) -> None:
    source = tmp_path / "article.txt"
    source.write_text(ARTICLE)
    db = db_location
    code, out = _invoke("ingest", str(source), "--db", db)
    assert code == 0, out
    assert "ingested 1" in out
    code, out = _invoke("ingest", str(source), "--db", db)
    assert "ingested 0, skipped 1" in out
    code, out = _invoke("docs", "--db", db, "--format", "jsonl")
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["published"] == "2025-03-14"
    code, out = _invoke("show", record["id"][:10], "--db", db, "--removed")
    assert code == 0
    assert "Harbour Square" in out  # the hard wrap was joined
    assert "dateline" in out
    assert "removed (boilerplate" in out
    code, out = _invoke("search", "students", "--db", db)
    assert record["id"][:12] in out
    code, out = _invoke("verify", "--db", db)
    assert code == 0
    assert "ok" in out


def test_failures_set_the_exit_code_and_are_listed(tmp_path: Path, db_location: str) -> None:
    db = db_location
    code, out = _invoke("ingest", str(tmp_path / "nope.txt"), "--db", db)
    assert code == 1
    assert "does not exist" in out
    code, out = _invoke("errors", "--db", db)
    assert "T101" in out


def test_verify_exit_code_on_tampering(tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_text(ARTICLE)
    db = tmp_path / "t.db"
    _invoke("ingest", str(source), "--db", str(db))
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE originals SET bytes = x'00'")
    code, out = _invoke("verify", "--db", str(db))
    assert code == 1
    assert "original altered" in out


def test_unknown_document_is_a_clean_error(tmp_path: Path, db_location: str) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE)
    _invoke("ingest", str(tmp_path / "article.txt"), "--db", db_location)
    result = CliRunner().invoke(cli, ["show", "abcdef", "--db", db_location])
    assert result.exit_code == 3
    assert "no document matches" in result.output
    assert "Traceback" not in result.output


def test_a_file_that_is_not_a_database_is_a_clean_error(tmp_path: Path) -> None:
    bogus = tmp_path / "not.db"
    bogus.write_text("this is not sqlite " * 100)
    result = CliRunner().invoke(cli, ["docs", "--db", str(bogus)])
    assert result.exit_code == 3
    assert "cannot open" in result.output


def test_every_command_has_help() -> None:
    for name, command in cli.commands.items():
        code, _ = _invoke(name, "--help")
        assert code == 0
        assert command.help, f"{name} has no help text"


READ_COMMANDS = [
    ["docs"],
    ["show", "abc"],
    ["claims"],
    ["search", "killed"],
    ["verify"],
    ["errors"],
    ["extract"],
    ["link"],
    ["entities"],
    ["entity", "Koss"],
    ["events"],
    ["findings"],
    ["report"],
    ["users", "list"],
]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0] + "-" + c[-1])
def test_a_read_command_never_creates_a_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    # Regression (issue 21): `docs` without --db made an empty ./tolltrace.db, then said
    # "0 documents".
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TOLLTRACE_DB", raising=False)
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 3, result.output
    assert "T305" in result.output and "./tolltrace.db" in result.output
    assert "neither --db nor TOLLTRACE_DB" in result.output
    assert "tolltrace run PATH" in result.output  # how to make one
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setenv("TOLLTRACE_DB", str(tmp_path / "elsewhere.db"))
    from_env = CliRunner().invoke(cli, command)
    assert "elsewhere.db (from TOLLTRACE_DB)" in from_env.output
    assert list(tmp_path.iterdir()) == []


def _first_column(output: str) -> str:
    """The first column of a boxed table, its folded lines joined: what a reader reads whole."""
    cells = [line.split("│")[1] for line in output.splitlines() if line.startswith("│")]
    return "".join(cell.strip() for cell in cells)


def test_failure_tables_keep_the_whole_item_at_80_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db_location: str
) -> None:
    # Regression (issue 21): the item column was cut ("documents.jsonl:1…"), losing the line.
    monkeypatch.setenv("COLUMNS", "80")
    deep = tmp_path / "a-rather-long-folder-name" / "another-long-folder-of-scrapes"
    deep.mkdir(parents=True)
    corpus = deep / "documents.jsonl"
    corpus.write_text('{"text": "12 people were detained in Koss."}\n{"text": \n')
    db = db_location
    ingested = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", db])
    assert ingested.exit_code == 1
    assert "…" not in ingested.output
    assert f"{corpus}:2" in _first_column(ingested.output)
    listed = CliRunner().invoke(cli, ["errors", "--db", db])
    assert "…" not in listed.output and f"{corpus}:2" in _first_column(listed.output)
    records = CliRunner().invoke(cli, ["errors", "--format", "jsonl", "--db", db]).output
    (record,) = [json.loads(line) for line in records.splitlines()]
    assert record["item"] == f"{corpus}:2" and record["code"] == "T106"
    assert set(record) == {"run", "at", "item", "stage", "code", "message"}
    table = CliRunner().invoke(cli, ["errors", "--format", "csv", "--db", db]).output
    assert table.splitlines()[0] == "run,at,item,stage,code,message"
    assert f"{corpus}:2,ingest,T106" in table
