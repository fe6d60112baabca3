"""Exports of entities, events and findings (JSON Lines, CSV, Parquet) and the ACLED-like table."""

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.fake_extractor import make_claim
from tolltrace.errors import Unsupported
from tolltrace.export_links import (
    ACLED_FIELDS,
    ENTITY_FIELDS,
    EVENT_FIELDS,
    FINDING_FIELDS,
    acled_event_type,
    acled_rows,
    export_acled,
    export_entities,
    export_events,
    export_findings,
    fatalities_rule,
)
from tolltrace.model import (
    Alias,
    Claim,
    Contradiction,
    Entity,
    Event,
    Figure,
    Finding,
    Mention,
    Role,
    SourceSupport,
)

DOC_A, DOC_B = "a" * 64, "b" * 64
MONITOR = Entity(
    "ent-monitor",
    "Valdorian Rights Monitor",
    "organisation",
    (
        Alias("Valdorian Rights Monitor", "canonical"),
        Alias("VRM", "acronym", "the Valdorian Rights Monitor (VRM)", DOC_A, 10, 44),
    ),
    (Role("observer", "2031", "an observer since 2031", DOC_A, 50, 72),),
    (
        Mention(DOC_A, 14, 38, "Valdorian Rights Monitor", "organisation"),
        Mention(DOC_B, 0, 3, "VRM", "organisation"),
        Mention(DOC_A, 90, 93, "VRM", "organisation"),
    ),
)
KOSS = Entity("ent-koss", "Koss", "place")
EVENT = Event(
    "ev-koss",
    "the Koss prison killings",
    "killed",
    "2031-05-14",
    "Koss",
    (DOC_A, DOC_B),
    ("c1", "c2"),
    name="the Koss prison killings",
    evidence=("named in both",),
)


def _figure(claim: str, low: int, text: str, source: str, negated: bool = False) -> Figure:
    return Figure(
        claim, DOC_A, low, None, "at_least", text, f"They said {text}.", source, "koss.example",
        source, "2031-05-20", negated,
    )  # fmt: skip


FINDING = Finding(
    "ev-koss",
    "killed",
    (_figure("c1", 120, "at least 120", "VRM"), _figure("c2", 150, "over 150", "Harbour Guard")),
    None,
    None,
    False,
    (Contradiction("c1", "c2", "over 150 is above 120"),),
    (
        SourceSupport("at least 120", 120, None, ("VRM",), ("koss.example", "alder.example")),
        SourceSupport("over 150", 151, None, ("Harbour Guard",)),
    ),
)


def test_entities_as_json_lines_carry_aliases_roles_and_mentions() -> None:
    out = io.StringIO()
    assert export_entities([MONITOR, KOSS], "jsonl", None, out) == 2
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert tuple(first) == ENTITY_FIELDS
    assert first["aliases"][1]["quote"] == "the Valdorian Rights Monitor (VRM)"
    assert first["aliases"][1]["evidence"] == "acronym"
    assert first["roles"] == [
        {"title": "observer", "when": "2031", "quote": "an observer since 2031",
         "document": DOC_A, "start": 50, "end": 72},
    ]  # fmt: skip
    assert first["mention_count"] == 3 and first["documents"] == [DOC_A, DOC_B]
    assert second == {
        "id": "ent-koss", "name": "Koss", "type": "place", "aliases": [], "roles": [],
        "mention_count": 0, "documents": [],
    }  # fmt: skip


def test_events_and_findings_as_json_lines() -> None:
    out = io.StringIO()
    export_events([EVENT], "jsonl", None, out)
    event = json.loads(out.getvalue())
    assert tuple(event) == EVENT_FIELDS
    assert event["documents"] == [DOC_A, DOC_B] and event["claims"] == ["c1", "c2"]
    assert event["when"] == "2031-05-14" and event["where"] == "Koss"
    out = io.StringIO()
    export_findings([FINDING], "jsonl", None, out)
    finding = json.loads(out.getvalue())
    assert tuple(finding) == FINDING_FIELDS
    assert (finding["low"], finding["high"], finding["consistent"]) == (None, None, False)
    assert finding["independent_sources"] == 2
    assert [f["primary_source"] for f in finding["figures"]] == ["VRM", "Harbour Guard"]
    assert finding["contradictions"][0] == {
        "first": "c1", "second": "c2", "reason": "over 150 is above 120",
        "first_text": "at least 120", "second_text": "over 150",
    }  # fmt: skip
    assert finding["support"][0]["relays"] == ["koss.example", "alder.example"]
    assert finding["support"][0]["independent"] == 1


def test_without_support_the_independent_sources_are_the_figures_primary_sources() -> None:
    bare = Finding(
        "ev",
        "killed",
        (
            _figure("c1", 1, "one", "VRM"),
            _figure("c2", 1, "one", "VRM"),
            _figure("c3", 2, "two", "Guard", negated=True),
        ),
        1,
        1,
        True,
    )
    out = io.StringIO()
    export_findings([bare], "jsonl", None, out)
    assert json.loads(out.getvalue())["independent_sources"] == 1


def test_csv_cells_hold_json_for_nested_values_and_empty_for_null() -> None:
    out = io.StringIO()
    assert export_events([EVENT, Event("ev2", "x", "other", None, None, (), ())], "csv", None, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == EVENT_FIELDS
    assert json.loads(rows[0]["documents"]) == [DOC_A, DOC_B]
    assert rows[1]["when"] == "" and rows[1]["claims"] == "[]"
    out = io.StringIO()
    export_findings([FINDING], "csv", None, out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["consistent"] == "false" and row["low"] == ""
    assert json.loads(row["figures"])[1]["text"] == "over 150"


def test_parquet_keeps_nested_records_typed(tmp_path: Path) -> None:
    path = tmp_path / "findings.parquet"
    assert export_findings([FINDING], "parquet", path, io.StringIO()) == 1
    table = pq.read_table(path)
    assert table.column_names == list(FINDING_FIELDS)
    (record,) = table.to_pylist()
    assert record["figures"][0]["low"] == 120 and record["figures"][0]["negated"] is False
    assert record["support"][1]["sources"] == ["Harbour Guard"]
    assert str(table.schema.field("low").type) == "int64"
    entities = tmp_path / "entities.parquet"
    export_entities([MONITOR, KOSS], "parquet", entities, io.StringIO())
    rows = pq.read_table(entities).to_pylist()
    assert rows[0]["aliases"][1]["name"] == "VRM" and rows[1]["aliases"] == []
    events = tmp_path / "events.parquet"
    export_events([EVENT], "parquet", events, io.StringIO())
    assert pq.read_table(events).to_pylist()[0]["claims"] == ["c1", "c2"]


def test_an_empty_parquet_export_still_has_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "none.parquet"
    assert export_entities([], "parquet", path, io.StringIO()) == 0
    table = pq.read_table(path)
    assert table.num_rows == 0 and table.column_names == list(ENTITY_FIELDS)


def test_files_and_bad_formats(tmp_path: Path) -> None:
    path = tmp_path / "entities.jsonl"
    assert export_entities([KOSS], "jsonl", path, io.StringIO()) == 1
    assert json.loads(path.read_text())["name"] == "Koss"
    with pytest.raises(Unsupported, match="--output"):
        export_events([EVENT], "parquet", None, io.StringIO())
    with pytest.raises(Unsupported, match="unknown export format"):
        export_events([EVENT], "xml", None, io.StringIO())


def _claim(claim_id: str, category: str, low: int | None, **fields: object) -> Claim:
    claim = make_claim(DOC_A, f"{low} people", 0, category, low=low, high=None, **fields)
    return Claim(**{**{f: getattr(claim, f) for f in claim.__slots__}, "id": claim_id})  # type: ignore[arg-type]


def test_fatalities_take_the_consensus_low() -> None:
    consistent = Finding(
        "ev", "killed", (_figure("c1", 120, "at least 120", "VRM"),), 120, None, True
    )
    assert fatalities_rule([consistent], []) == (120, "consensus low of the killed figures")


def test_contradicting_figures_give_the_smallest_undenied_one() -> None:
    denied = _figure("c0", 10, "only 10", "Ministry", negated=True)
    finding = Finding("ev", "killed", (*FINDING.figures, denied), None, None, False)
    assert fatalities_rule([finding], []) == (120, "smallest killed figure (they contradict)")


def test_killed_and_executed_are_not_added() -> None:
    killed = Finding("ev", "killed", (), 120, None, True)
    executed = Finding("ev", "executed", (), 90, 90, True)
    value, rule = fatalities_rule([killed, executed], [])
    assert value == 120 and "not their sum" in rule


def test_without_a_finding_the_smallest_claim_counts_and_without_any_zero() -> None:
    claims = [_claim("c1", "killed", 30), _claim("c2", "killed", 12), _claim("c3", "killed", 5,
              negated=True), _claim("c4", "arrested", 400)]  # fmt: skip
    assert fatalities_rule([], claims) == (12, "smallest killed claim (no finding)")
    assert fatalities_rule([], claims[3:]) == (0, "no killed or executed figure: 0")


@pytest.mark.parametrize(
    ("kind", "label", "categories", "expected"),
    [
        ("killed", "Koss, May 2031", {"killed"}, ("Violence against civilians", "Attack")),
        ("protests", "the Alder protests", {"killed", "protesters"},
         ("Protests", "Excessive force against protesters")),
        ("arrested", "Alder", {"protesters", "arrested"},
         ("Protests", "Protest with intervention")),
        ("other", "a march", {"protesters"}, ("Protests", "Peaceful protest")),
        ("bombing", "the market bombing", {"killed"},
         ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
        ("killed", "the airstrike on Koss", {"killed"},
         ("Explosions/Remote violence", "Air/drone strike")),
        ("killed", "border clashes", {"killed"}, ("Battles", "Armed clash")),
        ("disappeared", "Koss", {"disappeared"},
         ("Violence against civilians", "Abduction/forced disappearance")),
        ("sentenced", "Koss trial", {"sentenced"}, ("Strategic developments", "Arrests")),
        ("displaced", "Koss", {"displaced"}, ("Strategic developments", "Other")),
    ],
)  # fmt: skip
def test_acled_event_types(
    kind: str, label: str, categories: set[str], expected: tuple[str, str]
) -> None:
    event = Event("ev", label, kind, None, None, (), ())
    assert acled_event_type(event, categories) == expected


def test_acled_rows_from_events_findings_and_claims(tmp_path: Path) -> None:
    claims = [
        _claim("c1", "killed", 120, perpetrator="Harbour Guard", subject="prisoners",
               attributed_to="VRM"),
        _claim("c2", "killed", 151, perpetrator="Harbour Guard", subject="inmates"),
        _claim("c3", "killed", 151, perpetrator="police", subject="prisoners"),
        _claim("c9", "killed", 9999),  # of no event: unused
    ]  # fmt: skip
    event = Event("ev-koss", "the Koss prison killings", "killed", "1988-07/1988-09", "Koss",
                  (DOC_A,), ("c1", "c2", "c3"))  # fmt: skip
    undated = Event("ev-alder", "Alder", "arrested", None, None, (DOC_B,), ())
    rows = acled_rows([event, undated], [FINDING], claims)
    first, second = rows
    assert tuple(first) == ACLED_FIELDS
    assert (first["event_date"], first["year"], first["time_precision"]) == ("1988-07", 1988, 3)
    assert (first["event_type"], first["sub_event_type"]) == (
        "Violence against civilians",
        "Attack",
    )
    assert (first["actor1"], first["actor2"], first["location"]) == (
        "Harbour Guard",
        "prisoners",
        "Koss",
    )
    assert first["fatalities"] == 120
    assert first["fatalities_rule"] == "smallest killed figure (they contradict)"
    assert first["sources"] == "Harbour Guard; VRM" and first["source_count"] == 2
    assert "the Koss prison killings" in first["notes"] and "1 contradictions" in first["notes"]
    assert second["fatalities"] == 0 and second["year"] is None and second["sources"] == ""
    assert second["event_type"] == "Strategic developments"
    out = io.StringIO()
    assert export_acled(rows, "csv", None, out) == 2
    assert next(csv.reader(io.StringIO(out.getvalue()))) == list(ACLED_FIELDS)
    path = tmp_path / "acled.parquet"
    export_acled(rows, "parquet", path, io.StringIO())
    assert pq.read_table(path).to_pylist()[0]["fatalities"] == 120


def test_acled_sources_fall_back_to_claims_and_outlets() -> None:
    claims = [
        _claim("c1", "killed", 4, attributed_to="VRM"),
        _claim("c2", "killed", 5, uri="https://www.alder-news.example/a"),
    ]
    event = Event("ev", "Koss", "killed", "2031-05-14", "Koss", (DOC_A,), ("c1", "c2"))
    (row,) = acled_rows([event], [], claims)
    assert row["sources"] == "alder-news.example; VRM"
    assert row["time_precision"] == 1 and row["fatalities"] == 4


def test_acled_actor1_is_who_harmed_and_pronouns_are_no_actors() -> None:
    claims = [
        _claim("c1", "killed", 12, perpetrator="soldiers", subject="he"),
        _claim("c2", "sentenced", 1, perpetrator="Koss Court", subject="students"),
        _claim("c3", "arrested", 9, perpetrator="Koss Court", subject="students"),
        _claim("c4", "killed", 3, perpetrator="they", subject="he"),
    ]
    event = Event("ev", "Koss", "killed", "2031-05-14", "Koss", (DOC_A,), ("c1", "c2", "c3", "c4"))
    (row,) = acled_rows([event], [], claims)
    assert row["actor1"] == "soldiers"
    assert row["actor2"] == "students"
