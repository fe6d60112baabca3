"""`tolltrace eval hrdocs`: the scorer on hand-made exports of a fictional folder, figures
counted by hand; the reference scorer's agreement when `../shared/eval/hrdocs` is here.

The fictional folder (`tests/hrdocs_fiction`, the hrdocs layout) has six documents: 001, 004,
005 and 006 in part tune, 002 and 003 in part check. The exports below read it as follows:
- 001: four figures, each read once, plus "at least 120" read a second time (a duplicate
  reading); "Two demonstrators" credited to the monitor while the gold says the text's own
  voice (wrong source).
- 002: the toll read as at_least (wrong qualifier), the range in custody as arrested (right
  family, wrong category), the crowd as protesters (never matched, never a false positive).
- 003: the source named through `attributed_as`; the guards charged (an optional figure of any
  category) read as arrested; the year 2030 read as 2,030 killed (a false positive).
- 004: the figure credited to the document's own outlet (right for a null gold source); the
  jailed journalists (source not scored).
- 005: nothing read for the death sentences nor the executions; "31 prisoners were killed"
  is its own figure's, not the executions' neighbour of the same value and family.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tolltrace.cli import cli
from tolltrace.errors import BadRecord, NotFound
from tolltrace.evaluate.hrdocs import document_ids, export_pipeline, load_hrdocs
from tolltrace.evaluate.parts import in_part
from tolltrace.evaluate.score_hrdocs import alias_hit, score_exports

FICTION = Path(__file__).parent / "hrdocs_fiction"
SHARED_HRDOCS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "hrdocs"
GOLD, FILES = load_hrdocs(FICTION)
SHA = {doc: sha for sha, doc in document_ids(FILES).items()}

S001 = (
    "Security forces in Varnesia arrested at least 120 protesters in Dalmor on Saturday, the "
    "Varnesian Rights Monitor said."
)
S001B = "Two demonstrators were killed and 15 were injured."
S001C = "Hundreds more were detained in the days that followed."
S002 = (
    "The death toll from the Dalmor crackdown rose to 4, according to the Varnesian Rights "
    "Monitor (VRM)."
)
S002B = "Between 300 and 350 people remain in custody."
S002C = "Some 2,000 people marched in the capital on Sunday."
S003 = "A report by Openwall Watch found that 37 prisoners died in custody at Kesh prison in 2030."
S004 = "Nearly 5,000 families have fled Dalmor province since March, the Kestrel Daily reported."
S005 = "Executions rose to 31 in 2030, and 31 prisoners were killed in riots, rights groups said."


def record(
    doc: str,
    text: str,
    sentence: str,
    low: int,
    category: str,
    qualifier: str = "exact",
    *,
    high: int | None = -1,
    source: str | None = None,
    source_as: str | None = None,
    event: str | None = None,
) -> dict[str, Any]:
    """A claim export record with what scoring reads; `high` defaults to `low` when exact."""
    return {
        "document": SHA[doc],
        "uri": f"docs/{FILES[doc].name}",
        "text": text,
        "sentence": sentence,
        "low": low,
        "high": low if high == -1 else high,
        "qualifier": qualifier,
        "category": category,
        "event": event,
        "attributed_to": source,
        "attributed_as": source_as,
    }


VRM = "Varnesian Rights Monitor"
CLAIMS = [
    record("001", "arrested at least 120 protesters", S001, 120, "arrested", "at_least",
           high=None, source=VRM, event="E1"),
    record("001", "Two demonstrators were killed", S001B, 2, "killed", source=VRM, event="E1"),
    record("001", "15 were injured", S001B, 15, "injured", event="E1"),
    record("001", "Hundreds more were detained", S001C, 200, "detained", "vague", high=None,
           event="E2"),
    record("001", "at least 120", S001, 120, "arrested", "at_least", high=None, event="E1"),
    record("002", "death toll from the Dalmor crackdown rose to 4", S002, 4, "killed",
           "at_least", high=None, source="the VRM", event="E1"),
    record("002", "Between 300 and 350 people", S002B, 300, "arrested", "range", high=350,
           event="E1"),
    record("002", "Some 2,000 people marched", S002C, 2000, "protesters", "approximately"),
    record("003", "37 prisoners died in custody", S003, 37, "killed",
           source="Openwall Institute", source_as="Openwall Watch researchers", event="E3"),
    record("003", "Nine guards were charged", "Nine guards were charged.", 9, "arrested"),
    record("003", "2030", S003, 2030, "killed"),
    record("004", "Nearly 5,000 families have fled", S004, 5000, "displaced", "approximately",
           source="Kestrel Daily", event="E4"),
    record("004", "At least 12 journalists were jailed", "At least 12 journalists were jailed.",
           12, "imprisoned", "at_least", high=None, source="a union", event="E1"),
    record("005", "31 prisoners were killed", S005, 31, "killed", source="rights groups",
           event="E5"),
]  # fmt: skip


def event(key: str, *docs: str) -> dict[str, Any]:
    return {"id": key, "label": f"event {key}", "documents": [SHA[doc] for doc in docs]}


EVENTS = [
    event("E1", "001", "002", "004"),
    event("E2", "001"),
    event("E3", "003"),
    event("E4", "004"),
    event("E5", "005"),
]


def score(part: str, claims: Sequence[Mapping[str, Any]] = CLAIMS) -> dict[str, Any]:
    documents = frozenset(doc for doc in GOLD.documents if in_part(doc, part))
    report = score_exports(GOLD, claims, EVENTS, documents, document_ids(FILES), part)
    return report.to_json()


def test_the_fictional_folder_loads_with_its_parts() -> None:
    assert sorted(FILES) == ["001", "002", "003", "004", "005", "006"]
    assert len(GOLD.figures) == 14 and sum(f.required for f in GOLD.figures) == 12
    hundreds = [f for f in GOLD.figures if f.value is None]
    assert [(f.doc, f.magnitude) for f in hundreds] == [("001", "hundreds")]
    assert GOLD.main_event["006"] == "dalmor-crackdown-2031"
    assert GOLD.also_in["004"] == frozenset({"dalmor-crackdown-2031"})
    assert sorted(d for d in FILES if in_part(d, "tune")) == ["001", "004", "005", "006"]


def test_figures_on_all_documents_counted_by_hand() -> None:
    got = score("all")
    assert got["part"] == "all" and got["docs"] == 6
    assert (got["gold_required"], got["gold_optional"]) == (12, 2)
    assert (got["system_claims"], got["system_casualty_claims"]) == (14, 13)
    assert (got["matched_required"], got["matched_optional"]) == (10, 1)
    assert (got["false_positive_count"], got["duplicate_readings"]) == (1, 1)
    assert got["recall"] == pytest.approx(10 / 12)
    assert got["precision"] == pytest.approx(10 / 11)
    assert got["f1"] == pytest.approx(2 * (10 / 12) * (10 / 11) / (10 / 12 + 10 / 11))
    assert got["category_acc"] == pytest.approx(9 / 10)
    assert got["qualifier_acc"] == pytest.approx(9 / 10)
    assert got["source_acc"] == pytest.approx(8 / 9)  # the jailed journalists are not scored
    assert got["source_acc_named"] == 1.0
    assert got["source_acc_null"] == pytest.approx(4 / 5)
    assert got["recall_by_event"] == {
        "dalmor-crackdown-2031": "6/6",
        "varnesia-death-penalty-2031": "1/3",
    }


def test_the_lists_name_each_error() -> None:
    got = score("all")
    assert got["misses"] == [
        "005: sentenced 8 activists to death [sentenced 8]",
        "005: Executions rose to 31 in 2030 [executed 31]",
    ]
    assert len(got["false_positives"]) == 1
    assert got["false_positives"][0].startswith("003: 2030 [killed 2030 exact src=None] | a report")
    assert got["wrong_category"] == [
        "002: Between 300 and 350 people remain in custody [gold detained; got arrested]"
    ]
    assert got["wrong_qualifier"] == [
        "002: The death toll from the Dalmor crackdown rose to 4 [gold exact; got at_least]"
    ]
    assert got["wrong_source"] == [f"001: Two demonstrators were killed [gold None; got {VRM}]"]


def test_each_part_counts_its_own_documents_only() -> None:
    tune, check = score("tune"), score("check")
    assert (tune["docs"], tune["gold_required"], tune["gold_optional"]) == (4, 9, 0)
    assert (tune["matched_required"], tune["false_positive_count"]) == (7, 0)
    assert tune["recall"] == pytest.approx(7 / 9) and tune["precision"] == 1.0
    assert tune["source_acc"] == pytest.approx(5 / 6)
    assert tune["source_acc_null"] == pytest.approx(3 / 4)
    assert (check["docs"], check["gold_required"], check["gold_optional"]) == (2, 3, 2)
    assert (check["system_claims"], check["system_casualty_claims"]) == (6, 5)
    assert check["recall"] == 1.0 and check["precision"] == pytest.approx(3 / 4)
    assert check["category_acc"] == pytest.approx(2 / 3)
    assert check["qualifier_acc"] == pytest.approx(2 / 3)
    assert check["matched_optional"] == 1


def test_a_neighbour_of_the_same_value_goes_to_the_figure_whose_words_it_is() -> None:
    """One claim, two figures of value 31 in one sentence: the killing's, not the executions'
    (which comes first and has as few candidates). A vague magnitude's claim in its decade
    matches, out of it does not."""
    got = score("all")
    assert "005: 31 prisoners were killed in riots [killed 31]" not in got["misses"]
    # Read twice, the killing's words are a duplicate reading, still not the executions' match.
    twice = score("all", [*CLAIMS, dict(CLAIMS[-1], text="31 prisoners")])
    assert twice["misses"] == got["misses"] and twice["duplicate_readings"] == 2
    # Words that overlap two quotes are the own words of both: the first pass gives them to one.
    wide = dict(CLAIMS[1], text="demonstrators were killed and 15 were injured")
    assert score("all", [CLAIMS[0], wide, *CLAIMS[2:]])["misses"] == got["misses"]
    thousands = [dict(CLAIMS[3], low=2000), *CLAIMS[4:]]
    missed = score("all", [*CLAIMS[:3], *thousands])["misses"]
    assert "001: Hundreds more were detained [detained None hundreds]" in missed


def test_events_by_hand() -> None:
    """Majority: 001, 002 and 004 in E1 (004's tie goes to the event exported first), 006 in
    no event. Overlapping: 001 listed by E1 and E2, 004 by E1 and E4."""
    got = score("all")
    assert got["event_bcubed_precision"] == pytest.approx(14 / 18)
    assert got["event_bcubed_recall"] == pytest.approx(14 / 18)
    assert got["event_bcubed_overlap_precision"] == pytest.approx((5 / 6 + 5) / 6)
    assert got["event_bcubed_overlap_recall"] == pytest.approx(4.5 / 6)
    assert (got["system_events"], got["docs_in_no_event"]) == (5, 1)
    assert got["event_clusters"][0] == {
        "event": "event E1",
        "docs": ["001", "002", "004"],
        "gold": ["dalmor-crackdown-2031", "dalmor-exodus-2031"],
    }
    tune, check = score("tune"), score("check")
    assert (tune["event_bcubed_precision"], tune["event_bcubed_recall"]) == (0.75, 0.75)
    assert (check["event_bcubed_f1"], check["event_bcubed_overlap_f1"]) == (1.0, 1.0)


def test_nothing_found_is_recall_zero_and_no_precision() -> None:
    got = score("all", [])
    assert (got["recall"], got["precision"], got["f1"]) == (0.0, None, 0.0)
    assert len(got["misses"]) == 12 and got["category_acc"] is None
    assert got["docs_in_no_event"] == 1  # 006: listed by no event; the others by their event


def test_source_aliases() -> None:
    assert alias_hit("vrm", "the vrm") and not alias_hit("vrm", "vrmx monitor")
    assert alias_hit("=rights groups", "rights groups")
    assert not alias_hit("=rights groups", "local rights groups")
    assert alias_hit("openwall", "openwall watch researchers")


def test_the_report_names_its_part_and_targets() -> None:
    documents = frozenset(doc for doc in GOLD.documents if in_part(doc, "check"))
    report = score_exports(GOLD, CLAIMS, EVENTS, documents, document_ids(FILES), "check")
    table = report.render()
    assert "[part check]" in table
    assert "named-source accuracy" in table and ">= 0.90" in table
    assert "wrong qualifier" in table and "false positive" in table
    assert report.to_json()["targets"] == {
        "recall": 0.92,
        "precision": 0.95,
        "category accuracy": 0.97,
        "qualifier accuracy": 0.97,
        "named-source accuracy": 0.90,
    }
    assert report.to_json()["meets_targets"] is False


def test_layout_errors(tmp_path: Path) -> None:
    with pytest.raises(NotFound, match=r"gold\.json"):
        load_hrdocs(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "001_a.txt").write_text("Text.", encoding="utf-8")
    figure = {"doc": "002", "quote": "q", "value": 3, "qualifier": "exact", "category": "killed"}
    gold = {"claims": [figure], "events": {}}
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(NotFound, match="002"):
        load_hrdocs(tmp_path)
    figure.update(doc="001", value=None, magnitude="scores")
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(BadRecord, match=r"claims\[0\].*magnitude"):
        load_hrdocs(tmp_path)


def test_cli_runs_the_pipeline_on_a_part(tmp_path: Path) -> None:
    out = tmp_path / "check.json"
    args = ["eval", "hrdocs", "--data", str(FICTION), "--part", "check", "--json", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "[part check]" in result.output
    got = json.loads(out.read_text(encoding="utf-8"))
    assert (got["dataset"], got["part"], got["docs"]) == ("hrdocs", "check", 2)
    assert (got["gold_required"], got["gold_optional"]) == (3, 2)
    assert got["failures"] == []
    assert got["system_events"] >= 1


# --------------------------------------------------------- agreement with the reference scorer


def jsonl(path: Path, records: Sequence[Mapping[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def reference(scorer: Path, claims: Path, events: Path, gold: Path, docs: Sequence[str]) -> Any:
    args = [sys.executable, str(scorer), str(claims), str(events), "--gold", str(gold)]
    args += ["--docs", ",".join(docs)]
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def assert_agree(ours: Mapping[str, Any], theirs: Mapping[str, Any]) -> None:
    """Every figure within 0.005, every count and list equal."""
    compared = 0
    for key, value in theirs.items():
        if isinstance(value, float) or (key in ours and isinstance(ours[key], float)):
            assert ours[key] == pytest.approx(value, abs=0.005), key
        else:
            assert ours[key] == value, key
        compared += 1
    assert compared >= 30


@pytest.mark.skipif(not (SHARED_HRDOCS / "score.py").exists(), reason="no reference scorer")
@pytest.mark.parametrize("part", ["tune", "check", "all"])
@pytest.mark.parametrize("found", [CLAIMS, []], ids=["claims", "nothing"])
def test_the_reference_scorer_agrees_on_the_fiction(
    tmp_path: Path, part: str, found: list[dict[str, Any]]
) -> None:
    """The reference scorer maps documents through its own folder's files, then the claims'
    uris: with no claim it cannot place these documents in events, so none are given."""
    linked = EVENTS if found else []
    claims, events = jsonl(tmp_path / "c.jsonl", found), jsonl(tmp_path / "e.jsonl", linked)
    docs = sorted(doc for doc in GOLD.documents if in_part(doc, part))
    theirs = reference(SHARED_HRDOCS / "score.py", claims, events, FICTION / "gold.json", docs)
    documents = frozenset(docs)
    ours = score_exports(GOLD, found, linked, documents, document_ids(FILES), part)
    assert_agree(ours.to_json(), theirs)


@pytest.mark.skipif(not (SHARED_HRDOCS / "score.py").exists(), reason="no reference scorer")
def test_the_reference_scorer_agrees_on_the_development_set(tmp_path: Path) -> None:
    """The pipeline's exports of the whole set, scored by both on each part."""
    gold, files = load_hrdocs(SHARED_HRDOCS)
    exported = export_pipeline(sorted(files.values()))
    claims = jsonl(tmp_path / "claims.jsonl", exported.claims)
    events = jsonl(tmp_path / "events.jsonl", exported.events)
    for part in ("tune", "check", "all"):
        documents = frozenset(doc for doc in gold.documents if in_part(doc, part))
        ours = score_exports(
            gold, exported.claims, exported.events, documents, document_ids(files), part
        )
        theirs = reference(
            SHARED_HRDOCS / "score.py", claims, events, SHARED_HRDOCS / "gold.json",
            sorted(documents),
        )  # fmt: skip
        assert_agree(ours.to_json(), theirs)
