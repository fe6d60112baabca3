"""The link listing commands end to end on a store filled by hand: entities, entity, merge,
split, events, findings, export-acled."""

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result
from rich.console import Console

import tolltrace.cli.links as links_module
from tests.conftest import prepared
from tests.fake_extractor import make_claim
from tolltrace.cli import cli
from tolltrace.export_links import ACLED_FIELDS, ENTITY_FIELDS, EVENT_FIELDS, FINDING_FIELDS
from tolltrace.model import (
    Alias,
    Contradiction,
    Entity,
    Event,
    Figure,
    Finding,
    Mention,
    Role,
    SourceSupport,
)
from tolltrace.store import open_store

# Fictional: the Republic of Valdoria, the Valdorian Rights Monitor, Warden Ilse Marrow.
FIRST = "The Valdorian Rights Monitor (VRM) said guards killed 120 prisoners in Koss."
SECOND = "Warden Ilse Marrow said 80 prisoners were killed in Koss."


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(autouse=True)
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(links_module, "console", Console(width=200))


@pytest.fixture
def db(db_location: str) -> str:
    path = db_location
    with open_store(path) as store:
        claims = []
        for text, words, source in (
            (FIRST, "killed 120 prisoners", "Valdorian Rights Monitor"),
            (SECOND, "80 prisoners were killed", "Ilse Marrow"),
        ):
            doc = prepared(text, uri=f"https://news{len(claims)}.example.org/koss")
            store.add_document(doc, "t")
            low = int(next(w for w in words.split() if w.isdigit()))
            claim = make_claim(
                doc.id, words, text.index(words), "killed", low=low, high=low,
                attributed_to=source, perpetrator="prison guards", subject="prisoners",
            )  # fmt: skip
            store.store_claims(doc.id, "v1", [claim], "extract")
            claims.append(claim)
        first, second = claims
        monitor = Entity(
            "5e0a1monitor",
            "Valdorian Rights Monitor",
            "organisation",
            (
                Alias("Valdorian Rights Monitor", "canonical"),
                Alias("VRM", "acronym", "Valdorian Rights Monitor (VRM)", first.document, 4, 34),
            ),
            mentions=(Mention(first.document, 4, 28, "Valdorian Rights Monitor", "organisation"),),
        )
        warden = Entity(
            "5e0b2warden",
            "Ilse Marrow",
            "person",
            (Alias("Ilse Marrow", "canonical"), Alias("Marrow", "surname")),
            (Role("Warden", "2031", "Warden Ilse Marrow", second.document, 0, 18),),
        )
        event = Event(
            "ev7koss", "the Koss prison killings", "killed", "2031-05-14", "Koss",
            (first.document, second.document), (first.id, second.id),
        )  # fmt: skip
        figures = tuple(
            Figure(
                c.id, c.document, c.low, c.high, "exact", c.text, c.sentence, c.attributed_to,
                "news.example.org", c.attributed_to or "", "2031-05-15",
            )
            for c in claims
        )  # fmt: skip
        finding = Finding(
            "ev7koss",
            "killed",
            figures,
            None,
            None,
            False,
            (Contradiction(first.id, second.id, "exactly 120 is not exactly 80"),),
            (
                SourceSupport("120", 120, 120, ("Valdorian Rights Monitor",)),
                SourceSupport("80", 80, 80, ("Ilse Marrow",)),
            ),
        )
        store.replace_links([monitor, warden], [event], [finding], "link-1")
    return path


def test_entities_table_and_filters(db: str) -> None:
    result = _invoke("entities", "--db", db)
    assert result.exit_code == 0
    assert "2 entities" in result.stdout
    assert "Valdorian Rights Monitor" in result.stdout and "VRM" in result.stdout
    assert "Warden" in result.stdout
    people = _invoke("entities", "--type", "person", "--db", db).stdout
    assert "Ilse Marrow" in people and "Valdorian" not in people
    named = _invoke("entities", "--name", "vrm", "--limit", "5", "--db", db).stdout
    assert "1 entities" in named and "Marrow" not in named


def test_entities_export_as_json_lines_csv_and_parquet(db: str, tmp_path: Path) -> None:
    lines = _invoke("entities", "--format", "jsonl", "--db", db).stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["name"] for r in records] == ["Valdorian Rights Monitor", "Ilse Marrow"]
    assert tuple(records[0]) == ENTITY_FIELDS
    assert records[0]["aliases"][1]["name"] == "VRM" and records[0]["mention_count"] == 1
    assert records[1]["roles"][0]["title"] == "Warden"
    out = tmp_path / "entities.csv"
    result = _invoke("entities", "--output", str(out), "--db", db)
    assert result.exit_code == 0 and "wrote 2 entities" in result.stderr
    assert len(list(csv.DictReader(out.open()))) == 2
    parquet = tmp_path / "entities.parquet"
    assert _invoke("entities", "-o", str(parquet), "--db", db).exit_code == 0
    assert pq.read_table(parquet).num_rows == 2
    refused = CliRunner().invoke(cli, ["entities", "--format", "parquet", "--db", db])
    assert refused.exit_code == 2 and "--output" in refused.output


def test_one_entity_with_aliases_roles_and_claims(db: str) -> None:
    result = _invoke("entity", "vrm", "--db", db)
    assert result.exit_code == 0
    assert "5e0a1monitor" in result.stdout
    assert "Valdorian Rights Monitor (VRM)" in result.stdout  # the evidence quote
    assert "acronym" in result.stdout
    assert "1 in 1 documents" in result.stdout
    assert "killed 120 prisoners" in result.stdout  # the claim it is the source of
    assert "80 prisoners" not in result.stdout
    person = _invoke("entity", "5e0b", "--db", db).stdout
    assert "Warden Ilse Marrow" in person and "80 prisoners were killed" in person


def test_an_unknown_or_ambiguous_entity_is_a_clean_error(db: str) -> None:
    missing = CliRunner().invoke(cli, ["entity", "Harbour Guard", "--db", db])
    assert missing.exit_code == 3 and "T310" in missing.stderr
    assert "Traceback" not in missing.output
    ambiguous = CliRunner().invoke(cli, ["entity", "5e0", "--db", db])
    assert ambiguous.exit_code == 3 and "T312" in ambiguous.stderr


def test_merge_and_split_are_recorded_for_the_next_link(db: str) -> None:
    merged = _invoke(
        "merge", "VRM", "Rights Monitor of Valdoria", "--reason", "same body", "--db", db
    )
    assert merged.exit_code == 0
    assert "next `tolltrace link`" in merged.stdout
    assert "no stored entity is called 'Rights Monitor of Valdoria'" in merged.stderr
    split = _invoke("split", "Marrow", "--reason", "two wardens", "--db", db)
    assert split.exit_code == 0 and "split Marrow" in split.stdout
    with open_store(db) as store:
        decisions = store.entity_decisions()
        actions = [entry.action for entry in store.custody()]
    assert [(d.action, d.names) for d in decisions] == [
        ("merge", ("VRM", "Rights Monitor of Valdoria")),
        ("split", ("Marrow",)),
    ]
    assert actions[-2:] == ["entity-merge", "entity-split"]


def test_merge_needs_two_names_and_a_reason(db: str) -> None:
    one = CliRunner().invoke(cli, ["merge", "VRM", "--reason", "x", "--db", db])
    assert one.exit_code == 2 and "two names" in one.output
    no_reason = CliRunner().invoke(cli, ["split", "VRM", "--db", db])
    assert no_reason.exit_code == 2 and "--reason" in no_reason.output
    blank = CliRunner().invoke(cli, ["split", "VRM", "--reason", " ", "--db", db])
    assert blank.exit_code == 3 and "T313" in blank.stderr


def test_events_table_filters_and_export(db: str) -> None:
    table = _invoke("events", "--db", db).stdout
    assert "1 events" in table and "the Koss prison killings" in table and "2031-05-14" in table
    assert "0 events" in _invoke("events", "--text", "Alder", "--db", db).stdout
    assert "0 events" in _invoke("events", "--type", "arrested", "--db", db).stdout
    with open_store(db) as store:
        doc = next(store.documents()).id
    assert "1 events" in _invoke("events", "--document", doc[:10], "--db", db).stdout
    (line,) = _invoke("events", "--format", "jsonl", "--limit", "1", "--db", db).stdout.splitlines()
    record = json.loads(line)
    assert tuple(record) == EVENT_FIELDS and len(record["claims"]) == 2


def test_findings_table_shows_figures_by_source_and_contradictions(db: str) -> None:
    result = _invoke("findings", "--db", db)
    assert result.exit_code == 0
    assert "the Koss prison killings" in result.stdout
    assert "exactly 120 is not exactly 80" in result.stdout
    assert "(Ilse Marrow)" in result.stdout and "none" in result.stdout
    lines = _invoke("findings", "--event", "ev7", "--format", "jsonl", "--db", db).stdout
    (record,) = (json.loads(line) for line in lines.splitlines())
    assert tuple(record) == FINDING_FIELDS and record["independent_sources"] == 2
    missing = CliRunner().invoke(cli, ["findings", "--event", "nope", "--db", db])
    assert missing.exit_code == 3 and "T311" in missing.stderr


def test_export_acled(db: str, tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    result = _invoke("export-acled", "--output", str(out), "--db", db)
    assert result.exit_code == 0 and "wrote 1 events" in result.stderr
    (row,) = csv.DictReader(out.open())
    assert tuple(row) == ACLED_FIELDS
    assert row["fatalities"] == "80" and "contradict" in row["fatalities_rule"]
    assert row["actor1"] == "prison guards" and row["event_date"] == "2031-05-14"
    parquet = tmp_path / "acled.parquet"
    assert _invoke("export-acled", "-o", str(parquet), "--db", db).exit_code == 0
    assert pq.read_table(parquet).to_pylist()[0]["fatalities"] == 80
    jsonl = tmp_path / "acled.txt"
    _invoke("export-acled", "-o", str(jsonl), "--format", "jsonl", "--db", db)
    assert json.loads(jsonl.read_text())["location"] == "Koss"


def test_an_empty_store_lists_nothing(db_location: str) -> None:
    path = db_location
    open_store(path).close()  # an existing store without documents (a missing one is T305)
    assert "0 entities" in _invoke("entities", "--db", path).stdout
    assert "0 events" in _invoke("events", "--db", path).stdout
    assert "0 findings" in _invoke("findings", "--db", path).stdout
    assert _invoke("entities", "--format", "jsonl", "--db", path).stdout == ""
