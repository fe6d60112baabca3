"""The extract job's time limit stops the work, and two extract processes share it (issue 21)."""

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import tolltrace.pipeline as pipeline
from tests.fake_extractor import FAKE_VERSION, fake_extract
from tests.small_corpus import ARTICLES, write_corpus
from tolltrace.cli import cli
from tolltrace.extract.stage import ExtractOptions, extractor_version
from tolltrace.model import Claim, CleanText
from tolltrace.pipeline import extract, ingest
from tolltrace.store import open_store
from tolltrace.store.sqlite import SQLiteStore
from tolltrace.verify import verify_store


@pytest.fixture
def filled(store: SQLiteStore, tmp_path: Path) -> SQLiteStore:
    ingest(store, [str(write_corpus(tmp_path))])
    return store


def _stuck_on_tarn(
    doc_id: str, uri: str, clean: CleanText, options: ExtractOptions
) -> tuple[Claim, ...]:
    if clean.text.startswith("Tarn"):
        time.sleep(600)  # never looks at the clock: only a kill stops it
    return fake_extract(doc_id, uri, clean, options)


def test_a_document_over_the_limit_is_stopped_and_the_rest_go_on(
    filled: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "extract_document", _stuck_on_tarn)
    monkeypatch.setattr(pipeline, "extractor_version", lambda *profiles: FAKE_VERSION)
    summary = extract(filled, ExtractOptions(time_limit=1))
    assert [e.code for e in summary.errors] == ["T201"]
    assert "stopped" in summary.errors[0].message
    assert len(summary.processed) == len(ARTICLES) - 1
    assert verify_store(filled).ok


def test_a_timed_out_document_waits_for_a_larger_limit_or_retry_timeouts(
    filled: SQLiteStore, db_location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "extract_document", _stuck_on_tarn)
    monkeypatch.setattr(pipeline, "extractor_version", lambda *profiles: FAKE_VERSION)
    first = extract(filled, ExtractOptions(time_limit=1))
    (tarn,) = (e.item for e in first.errors)
    again = extract(filled, ExtractOptions(time_limit=0.5))  # a smaller limit: not retried
    assert again.processed == [] and again.errors == [] and again.timed_out_before == 1
    monkeypatch.setattr(pipeline, "extract_document", fake_extract)
    db = db_location  # where `filled` is
    runner = CliRunner()
    same = runner.invoke(cli, ["extract", "--db", db, "--time-limit", "1", "-q"])
    assert same.exit_code == 0, same.output
    assert "ran out of time before" in same.output and "--retry-timeouts" in same.output
    asked = runner.invoke(
        cli, ["extract", "--db", db, "--time-limit", "1", "--retry-timeouts", "-q"]
    )
    assert asked.exit_code == 0, asked.output
    assert filled.pending_extraction(FAKE_VERSION) == []
    assert tarn in {e.subject for e in filled.custody() if e.action == "extract"}


def test_a_huge_sentence_under_a_short_limit_fails_with_t201(store: SQLiteStore) -> None:
    words = " ".join(f"guards shot {n % 90 + 2} people in district {n}," for n in range(3000))
    sentence = f"Witnesses said {words} and fled."  # one sentence of about 21,000 words
    from tests.conftest import prepared

    store.add_document(prepared(sentence, uri="huge.txt"), "2025-03-14T00:00:00Z")
    summary = extract(store, ExtractOptions(time_limit=2))
    assert [e.code for e in summary.errors] == ["T201"]


def test_leases_give_each_document_to_one_owner(filled: SQLiteStore, db_location: str) -> None:
    version = extractor_version()
    with open_store(db_location) as other:
        first = filled.lease_extraction(version, "here:1:a", 2, 60, 60)
        second = other.lease_extraction(version, "here:1:b", 2, 60, 60)
        assert len(first) == 2 and len(second) == 1
        assert not {d for _, d in first} & {d for _, d in second}
        assert other.lease_extraction(version, "here:1:b", 2, 60, 60, after=second[-1][0]) == []
        assert filled.leased_elsewhere(version, "here:1:a") == 1
        other.release_leases("here:1:b")
        assert filled.leased_elsewhere(version, "here:1:a") == 0
        # A lease that ran out is free again.
        expired = filled.lease_extraction(version, "here:1:c", 5, -1, 60)
        assert len(expired) == 1
        assert len(other.lease_extraction(version, "here:1:d", 5, 60, 60)) == 1


def test_a_dead_process_lease_on_this_machine_is_free_at_once(
    filled: SQLiteStore, tmp_path: Path
) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    version = extractor_version()
    host = pipeline.lease_owner("x").split(":")[0]
    assert len(filled.lease_extraction(version, f"{host}:{gone.pid}:old", 5, 3600, 60)) == 3
    assert len(filled.lease_extraction(version, f"{host}:{os.getpid()}:new", 5, 3600, 60)) == 3


def test_two_extract_processes_at_once_share_the_work(tmp_path: Path, db_location: str) -> None:
    corpus, db = tmp_path / "wire.jsonl", db_location
    records = 240
    with corpus.open("w") as handle:
        for number in range(records):
            text = (
                f"Report {number}. Guards detained {number % 90 + 2} people in Koss on Monday, "
                f"the Monitor said. At least {number % 7 + 3} protesters were killed."
            )
            handle.write(json.dumps({"text": text, "uri": f"wire/{number}"}) + "\n")
    with open_store(db) as store:
        ingest(store, [str(corpus)])
    command = [sys.executable, "-m", "tolltrace.cli", "extract", "--db", str(db), "-q"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])}
    children = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    shares = []
    for child in children:
        out, err = child.communicate(timeout=600)
        assert child.returncode == 0, err.decode()
        shares.append(int(re.search(r"from (\d+) documents", out.decode()).group(1)))
    assert sum(shares) == records and min(shares) > 0  # both worked, on different documents
    with open_store(db) as store:
        extracted = [e.subject for e in store.custody() if e.action == "extract"]
        assert len(extracted) == records  # each document extracted once
        assert len(set(extracted)) == records
        assert store.pending_extraction(extractor_version()) == []
        assert verify_store(store).ok
