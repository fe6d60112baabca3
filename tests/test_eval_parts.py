"""`--part tune|check|all` on every eval, and gold figures of a vague magnitude (value null)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.test_evaluate import (
    ADVOCACY_GOLD,
    advocacy_folder,
    advocacy_perfect,
    by_id,
    claim,
    newsquant_folder,
    nothing,
    write,
)
from tolltrace.cli import cli
from tolltrace.errors import BadRecord, Unsupported
from tolltrace.evaluate import datasets
from tolltrace.evaluate.datasets import EvalDocument
from tolltrace.evaluate.parts import part_of, select_part
from tolltrace.evaluate.score_advocacy import score_advocacy
from tolltrace.evaluate.scoring import AdvocacyReport, NewsquantReport, run
from tolltrace.model import Claim

# The split the figures of 2026-12-07 were reported on: it must never move.
TUNE_OF_70 = (
    "001,004,005,006,008,009,010,011,015,016,018,021,022,025,027,031,034,042,044,045,046,048,"
    "049,053,056,057,059,064,068,069,070"
)


def test_the_split_is_a_fixed_hash_of_the_id() -> None:
    ids = [f"{n:03d}" for n in range(1, 71)]
    assert ",".join(select_part(ids, "tune", str)) == TUNE_OF_70
    check = select_part(ids, "check", str)
    assert len(check) == 39 and "002" in check and "001" not in check
    assert select_part(ids, "all", str) == ids
    assert part_of("101") == "tune" and part_of("102") == "check"
    with pytest.raises(Unsupported, match="tune, check, all"):
        select_part(ids, "test", str)


def test_advocacy_scores_the_documents_of_its_part_only(tmp_path: Path) -> None:
    seen: list[str] = []
    perfect = by_id(advocacy_perfect())

    def extract(document: EvalDocument) -> Sequence[Claim]:
        seen.append(document.id)
        return perfect(document)

    tune = run("advocacy", advocacy_folder(tmp_path), extract, "tune")
    assert seen == ["101"]
    assert isinstance(tune, AdvocacyReport) and tune.part == "tune"
    assert (tune.documents, tune.claims.gold, tune.required.total) == (1, 2, 2)
    check = run("advocacy", advocacy_folder(tmp_path), extract, "check")
    assert isinstance(check, AdvocacyReport)
    assert (check.documents, check.claims.gold, check.required.total) == (1, 3, 2)
    assert check.to_json()["part"] == "check" and "[part check]" in check.render()
    every = run("advocacy", advocacy_folder(tmp_path), extract)
    assert isinstance(every, AdvocacyReport) and every.part == "all"
    assert every.claims.gold == tune.claims.gold + check.claims.gold


def test_newsquant_gold_totals_follow_the_part(tmp_path: Path) -> None:
    folder = newsquant_folder(tmp_path)
    tune, check, every = (run("newsquant", folder, nothing, p) for p in ("tune", "check", "all"))
    assert isinstance(tune, NewsquantReport) and isinstance(check, NewsquantReport)
    assert isinstance(every, NewsquantReport)
    assert (tune.sentences, check.sentences, every.sentences) == (2, 2, 4)
    assert tune.in_scope > 0 and check.in_scope > 0
    assert tune.in_scope + check.in_scope == every.in_scope == every.values.gold
    assert tune.values.gold == tune.in_scope


def test_cli_eval_takes_a_part(tmp_path: Path) -> None:
    folder = newsquant_folder(tmp_path)
    out = tmp_path / "r.json"
    args = ["eval", "newsquant", "--data", str(folder), "--part", "tune", "--json", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "[part tune]" in result.output
    assert json.loads(out.read_text(encoding="utf-8"))["part"] == "tune"
    wrong = CliRunner().invoke(cli, ["eval", "newsquant", "--data", str(folder), "--part", "x"])
    assert wrong.exit_code == 2 and "tune" in wrong.output


# ------------------------------------------------------------------- vague magnitudes in gold

DOZENS = {"doc": "101", "quote": "dozens of prisoners were killed", "value": None,
          "magnitude": "dozens", "qualifier": "vague", "category": "killed", "event": "koss",
          "source": None, "required": True}  # fmt: skip


def test_advocacy_gold_of_a_vague_magnitude_loads_and_matches_its_decade(tmp_path: Path) -> None:
    folder = advocacy_folder(tmp_path)
    gold_record = dict(ADVOCACY_GOLD, claims=[*ADVOCACY_GOLD["claims"], DOZENS])
    write(folder / "gold.json", json.dumps(gold_record))
    gold, docs = datasets.load_advocacy(folder)
    assert [(c.value, c.magnitude) for c in gold.claims if c.quote == DOZENS["quote"]] == [
        (None, "dozens")
    ]
    table = advocacy_perfect()
    table["101"].append(claim(24, qualifier="vague", high=None))  # "dozens" read as 24
    report = score_advocacy(gold, docs, by_id(table))
    assert (report.claims.correct, report.claims.gold) == (6, 6) and report.missed == ()
    table["101"][-1] = claim(120, qualifier="vague", high=None)  # past the decade of dozens
    report = score_advocacy(gold, docs, by_id(table))
    assert report.missed == ("101: dozens of prisoners were killed",)


def test_a_null_value_needs_a_known_magnitude(tmp_path: Path) -> None:
    folder = advocacy_folder(tmp_path)
    vague = dict(DOZENS, magnitude="scores")
    write(folder / "gold.json", json.dumps({"claims": [vague]}))
    with pytest.raises(BadRecord, match=r"claims\[0\].*'scores'.*dozens, hundreds"):
        datasets.load_advocacy(folder)
