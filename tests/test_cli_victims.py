"""Named victims end to end on a store filled by hand, linked by the real splink on DuckDB:
link-victims, victims (table, CSV, JSON Lines, Parquet), victim, victim-merge, victim-split.
Fictional: the town of Orvane in Valdoria, the monitor Velisk Rights Watch."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result
from rich.console import Console

import tolltrace.cli.victims as victims_module
from tests.conftest import prepared
from tests.fake_extractor import make_claim
from tolltrace.cli import cli
from tolltrace.export_victims import VICTIM_FIELDS
from tolltrace.store import open_store

# (text, the claim's words, subject, category, source)
ARTICLES = (
    ("Mohammad Pour-Mohammadi, 34, was killed in Orvane, the monitor said.",
     "Mohammad Pour-Mohammadi, 34, was killed", "Mohammad Pour-Mohammadi", "killed",
     "Velisk Rights Watch"),
    ("Muhammad Pourmohammadi, 35, was shot dead by guards in Orvane.",
     "Muhammad Pourmohammadi, 35, was shot dead", "Muhammad Pourmohammadi", "killed", None),
    ("Pourmohammadi Mohammed was killed in Orvane, his family said.",
     "Pourmohammadi Mohammed was killed", "Pourmohammadi Mohammed", "killed", "his family"),
    ("Lena Varo, 60, was arrested in Orvane on Sunday.",
     "Lena Varo, 60, was arrested", "Lena Varo", "arrested", None),
    ("Jon Arven, 22, was wounded in Kessa.", "Jon Arven, 22, was wounded", "Jon Arven",
     "injured", None),
)  # fmt: skip


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(autouse=True)
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(victims_module, "console", Console(width=220))


@pytest.fixture
def db(db_location: str) -> str:
    path = db_location  # a SQLite file, or a PostgreSQL database (each test runs on both)
    with open_store(path) as store:
        for number, (text, words, subject, category, source) in enumerate(ARTICLES):
            doc = prepared(text, uri=f"https://news{number}.example.org/orvane")
            store.add_document(doc, "t")
            claim = make_claim(
                doc.id, words, text.index(words), category, subject=subject, sentence=text,
                attributed_to=source, uri=f"https://news{number}.example.org/orvane",
                where="Orvane" if "Orvane" in text else "Kessa",
            )  # fmt: skip
            store.store_claims(doc.id, "fake/1", [claim], "run")
    result = _invoke("link-victims", "--db", path)
    assert "3 victims from 5 mentions in 5 documents" in result.stdout
    return path


def _records(db: str) -> list[dict[str, object]]:
    lines = _invoke("victims", "--format", "jsonl", "--db", db).stdout.splitlines()
    return [json.loads(line) for line in lines]


def test_spellings_name_order_and_an_age_a_year_off_are_one_person(db: str) -> None:
    records = {r["name"]: r for r in _records(db)}
    assert set(records) == {"Mohammad Pour-Mohammadi", "Lena Varo", "Jon Arven"}
    person = records["Mohammad Pour-Mohammadi"]
    assert person["fate"] == "killed" and person["mention_count"] == 3
    assert len(person["documents"]) == 3  # type: ignore[arg-type]
    assert set(person["sources"]) == {  # type: ignore[arg-type]
        "Velisk Rights Watch", "his family", "https://news1.example.org/orvane",
    }  # fmt: skip
    words = {m["words"] for m in person["mentions"]}  # type: ignore[union-attr]
    assert words == {"Mohammad Pour-Mohammadi", "Muhammad Pourmohammadi", "Pourmohammadi Mohammed"}
    # the evidence of each merge: its probability and a match weight per comparison
    evidence = person["evidence"]
    assert len(evidence) >= 2  # type: ignore[arg-type]
    for item in evidence:  # type: ignore[union-attr]
        assert item["probability"] >= 0.5
        weights = json.loads(item["comparisons"])
        assert weights["name"] > 10
    ages = [json.loads(e["comparisons"]).get("age") for e in evidence]  # type: ignore[union-attr]
    assert any(age is not None and age > 0 for age in ages)  # 34 and 35: one year off
    assert records["Lena Varo"]["mention_count"] == 1


def test_the_table_csv_and_parquet_exports(db: str, tmp_path: Path) -> None:
    table = _invoke("victims", "--db", db).stdout
    assert "3 victims" in table and "Pour-Mohammadi" in table and "arrested" in table
    only = _invoke("victims", "--fate", "arrested", "--db", db).stdout
    assert "Lena Varo" in only and "Arven" not in only
    out = tmp_path / "victims.csv"
    _invoke("victims", "--output", str(out), "--db", db)
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 3 and list(rows[0]) == list(VICTIM_FIELDS)
    parquet = tmp_path / "victims.parquet"
    assert _invoke("victims", "-o", str(parquet), "--db", db).exit_code == 0
    read = pq.read_table(parquet).to_pylist()
    assert sorted(r["mention_count"] for r in read) == [1, 1, 3]
    person = next(r for r in read if r["mention_count"] == 3)
    assert {m["start"] for m in person["mentions"]} == {0}


def test_show_one_victim_with_its_evidence(db: str) -> None:
    record = next(r for r in _records(db) if r["mention_count"] == 3)
    shown = _invoke("victim", str(record["id"])[:8], "--db", db).stdout
    assert "Pour-Mohammadi" in shown and "Velisk Rights Watch" in shown
    assert "why these mentions are one person" in shown and "name +" in shown
    missing = CliRunner().invoke(cli, ["victim", "nobody-at-all", "--db", db])
    assert missing.exit_code != 0 and "T314" in missing.output


def test_manual_merge_and_split_are_logged_and_replayed(db: str) -> None:
    records = {r["name"]: r for r in _records(db)}
    varo = records["Lena Varo"]["mentions"][0]["id"]  # type: ignore[index]
    arven = records["Jon Arven"]["mentions"][0]["id"]  # type: ignore[index]
    merged = _invoke(
        "victim-merge", varo, arven, "--reason", "one person in court papers", "--db", db
    )
    assert "recorded: victim-merge" in merged.stdout
    _invoke("link-victims", "--db", db)
    after = {r["id"]: r for r in _records(db)}
    assert len(after) == 2
    joined = next(r for r in after.values() if r["mention_count"] == 2)
    assert any(e["manual"] == "one person in court papers" for e in joined["evidence"])  # type: ignore[union-attr]
    pour = next(r for r in after.values() if r["mention_count"] == 3)
    taken = pour["mentions"][0]["id"]  # type: ignore[index]
    _invoke("victim-split", taken, "--reason", "another man of that name", "--db", db)
    _invoke("link-victims", "--db", db)
    assert sorted(r["mention_count"] for r in _records(db)) == [1, 2, 2]
    with open_store(db) as store:
        actions = [(e.action, e.details.get("reason")) for e in store.custody()]
    assert ("victim-merge", "one person in court papers") in actions
    assert ("victim-split", "another man of that name") in actions
    assert sum(1 for action, _ in actions if action == "link-victims") == 3


def test_a_merge_needs_two_mentions_and_a_reason(db: str) -> None:
    one = CliRunner().invoke(cli, ["victim-merge", "abc", "--reason", "x", "--db", db])
    assert one.exit_code != 0
    no_reason = CliRunner().invoke(cli, ["victim-split", "abc", "--db", db])
    assert no_reason.exit_code != 0
