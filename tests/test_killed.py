"""A process killed mid-ingest loses only the batch in flight; re-running completes the job."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tolltrace.pipeline import ingest
from tolltrace.store.sqlite import SQLiteStore
from tolltrace.verify import verify_store

RECORDS = 3000


def _corpus(path: Path) -> None:
    with path.open("w") as handle:
        for number in range(RECORDS):
            text = (
                f"Report {number}. Guards detained {number % 90 + 2} people in Koss on Monday, "
                "the Monitor said.\n\nFamilies gathered outside the prison."
            )
            handle.write(json.dumps({"text": text, "uri": f"wire/{number}"}) + "\n")


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def test_kill_mid_ingest_then_resume(tmp_path: Path) -> None:
    corpus, db = tmp_path / "wire.jsonl", tmp_path / "t.db"
    _corpus(corpus)
    child = subprocess.Popen(
        [sys.executable, "-m", "tolltrace.cli", "ingest", str(corpus), "--db", str(db), "-q"],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while _stored(db) < 400 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    partial = _stored(db)
    assert 0 < partial < RECORDS, "the child must be killed halfway for this test to mean much"
    with SQLiteStore(db) as store:
        assert store.integrity_problems() == []
        assert verify_store(store).ok  # what was committed is whole, chain included
        summary = ingest(store, [str(corpus)])
        assert len(summary.duplicates) == partial
        assert len(summary.ingested) == RECORDS - partial
        assert store.count_documents() == RECORDS
        assert verify_store(store).ok
