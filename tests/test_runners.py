"""Runners: the same results wherever the pure stages run (in process, a pool, Spark).

The Spark tests run real Spark on local[2] (the session-wide `spark` fixture of conftest);
without pyspark or Java they are skipped, except in CI, where they fail.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tolltrace.cli import cli
from tolltrace.export import EXPORT_FIELDS
from tolltrace.runner import LocalRunner, PoolRunner, make_runner

EXAMPLES = Path(__file__).parents[1] / "examples"
# Stand-ins a Spark executor can unpickle by reference (builtins, not this test module).
SLEEP = time.sleep
FAILED = "{}:{}".format


def _invoke(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _corpus(folder: Path) -> Path:
    """The example corpus and one file of binary junk (an item that fails on its own)."""
    shutil.copytree(EXAMPLES, folder)
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 40)
    return folder


def _claims(db: Path) -> dict[str, dict[str, Any]]:
    exported = _invoke("claims", "--db", str(db), "--format", "jsonl")
    assert exported.exit_code == 0, exported.output
    records = [json.loads(line) for line in exported.output.splitlines() if line.strip()]
    return {record["id"]: record for record in records}


def test_the_local_runner_stops_an_item_at_its_time_limit() -> None:
    results = list(LocalRunner().map_with_deadline(SLEEP, [0.0, 30.0, 0.0], 0.5, FAILED))
    assert results == [(0.0, None), (30.0, "30.0:time"), (0.0, None)]


def test_workers_is_the_size_of_the_pool_runner() -> None:
    pool = make_runner("pool", workers=3)
    assert isinstance(pool, PoolRunner) and pool.parallelism == 3
    assert isinstance(make_runner("local"), LocalRunner)


def test_runner_options_that_do_not_fit_are_usage_errors(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    master = _invoke("ingest", str(EXAMPLES), "--db", db, "--master", "local[2]")
    assert master.exit_code == 2 and "--master is for --runner spark" in master.output
    workers = _invoke("ingest", str(EXAMPLES), "--db", db, "--runner", "local", "--workers", "2")
    assert workers.exit_code == 2 and "--workers" in workers.output
    assert not Path(db).exists()  # nothing was made


def test_without_pyspark_the_spark_runner_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)  # what `import pyspark` finds: nothing
    db = tmp_path / "t.db"
    result = _invoke("ingest", str(EXAMPLES), "--db", str(db), "--runner", "spark")
    assert result.exit_code == 3
    assert "T600" in result.output and "pip install 'tolltrace[spark]'" in result.output
    assert not db.exists()


def test_spark_stops_a_document_at_its_time_limit(spark: Any) -> None:
    from tolltrace.runner_spark import SparkRunner

    with SparkRunner("local[2]", context=spark) as runner:
        results = list(runner.map_with_deadline(SLEEP, [0.0, 30.0, 0.0], 1.0, FAILED))
    assert results == [(0.0, None), (30.0, "30.0:time"), (0.0, None)]
    assert spark.parallelize([1]).count() == 1  # the shared context was not stopped


def test_spark_gives_the_claims_of_the_local_runner(spark: Any, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    stores = {"local": tmp_path / "local.db", "spark": tmp_path / "spark.db"}
    runners = {
        "local": ["--runner", "local"],
        "spark": ["--runner", "spark", "--master", "local[2]"],
    }
    for name, db in stores.items():
        ingested = _invoke("ingest", str(corpus), "--db", str(db), "-q", *runners[name])
        assert ingested.exit_code == 1, ingested.output  # the junk file, and only it, failed
        assert "failed 1" in ingested.output and "T105" in ingested.output
        extracted = _invoke("extract", "--db", str(db), "-q", *runners[name])
        assert extracted.exit_code == 0, extracted.output
        assert "failed 0" in extracted.output
    local, on_spark = _claims(stores["local"]), _claims(stores["spark"])
    assert len(local) >= 20  # the example corpus has dozens of claims
    assert set(on_spark) == set(local)
    for claim_id, record in local.items():
        for field in EXPORT_FIELDS:
            assert on_spark[claim_id][field] == record[field], (claim_id, field)
    # The same documents, cleaned alike (when each was ingested is all that differs).
    documents = [_documents(db) for db in stores.values()]
    assert len(documents[0]) == 10 and documents[0] == documents[1]


def _documents(db: Path) -> list[dict[str, Any]]:
    listed = _invoke("docs", "--db", str(db), "--format", "jsonl")
    assert listed.exit_code == 0, listed.output
    records = [json.loads(line) for line in listed.output.splitlines() if line.strip()]
    for record in records:
        assert record.pop("ingested_at")
    return records
