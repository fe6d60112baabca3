"""The extract job: incremental, idempotent, one bad document never stops the batch."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import tolltrace.pipeline as pipeline
from tests.conftest import prepared
from tests.fake_extractor import FAKE_VERSION, fake_extract, make_claim
from tests.small_corpus import ARTICLES, write_corpus
from tolltrace.errors import StageError, TimeLimit
from tolltrace.extract.stage import ExtractOptions, extract_document, extractor_version
from tolltrace.model import Claim, CleanText
from tolltrace.pipeline import extract, ingest
from tolltrace.runner import PoolRunner
from tolltrace.store.base import ClaimQuery
from tolltrace.store.sqlite import SQLiteStore
from tolltrace.verify import verify_store


@pytest.fixture
def filled(store: SQLiteStore, tmp_path: Path) -> SQLiteStore:
    summary = ingest(store, [str(write_corpus(tmp_path))])
    assert len(summary.ingested) == len(ARTICLES)
    return store


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "extract_document", fake_extract)
    monkeypatch.setattr(pipeline, "extractor_version", lambda *profiles: FAKE_VERSION)


def _texts(store: SQLiteStore) -> dict[str, str]:
    texts = {}
    for doc in store.documents():
        clean = store.get_document(doc.id).clean
        assert clean is not None
        texts[doc.id] = clean.text
    return texts


def test_real_extractor_claims_point_at_their_words(filled: SQLiteStore) -> None:
    summary = extract(filled)
    assert summary.failed == 0, summary.errors
    assert len(summary.processed) == len(ARTICLES)
    assert summary.extractor == extractor_version()
    texts = _texts(filled)
    claims = list(filled.claims())
    assert claims and summary.claims == len(claims) == filled.count_claims()
    for claim in claims:
        assert texts[claim.document][claim.start : claim.end] == claim.text
        assert claim.text in claim.sentence
        assert claim.extractor == summary.extractor
    assert len({c.id for c in claims}) == len(claims)


@pytest.mark.usefixtures("fake")
def test_a_second_run_processes_nothing(filled: SQLiteStore) -> None:
    first = extract(filled)
    before = list(filled.claims())
    second = extract(filled)
    assert (second.pending, len(second.processed), second.claims, second.failed) == (0, 0, 0, 0)
    assert list(filled.claims()) == before
    assert first.claims == len(before)
    runs = [e for e in filled.custody() if e.action == "run" and e.details["stage"] == "extract"]
    assert [e.details["processed"] for e in runs] == [len(ARTICLES), 0]
    assert verify_store(filled).ok


def test_a_process_pool_stores_what_one_process_stores(filled: SQLiteStore, tmp_path: Path) -> None:
    extract(filled)
    with SQLiteStore(tmp_path / "pool.db") as pooled:
        ingest(pooled, [str(tmp_path / "corpus")])
        summary = extract(pooled, runner=PoolRunner(2))
        assert summary.failed == 0, summary.errors
        assert list(pooled.claims()) == list(filled.claims())


@pytest.mark.usefixtures("fake")
def test_a_failing_document_is_recorded_and_retried(
    filled: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _texts(filled)
    tarn = next(doc for doc, text in texts.items() if text.startswith("Tarn"))
    koss = next(doc for doc, text in texts.items() if text.startswith("Koss"))

    def flaky(
        doc_id: str, uri: str, clean: CleanText, options: ExtractOptions
    ) -> tuple[Claim, ...]:
        if doc_id == tarn:
            raise TimeLimit("extraction took longer than 0.5 s")
        if doc_id == koss:
            raise KeyError("a bug")
        return fake_extract(doc_id, uri, clean, options)

    monkeypatch.setattr(pipeline, "extract_document", flaky)
    progress: list[tuple[int, int]] = []
    summary = extract(filled, progress=lambda done, total: progress.append((done, total)))
    assert progress == [(1, 3), (2, 3), (3, 3)]
    assert len(summary.processed) == 1
    assert sorted((e.item, e.stage, e.code) for e in summary.errors) == sorted(
        [(tarn, "extract", "T201"), (koss, "extract", "T200")]
    )
    assert "KeyError" in next(e.message for e in summary.errors if e.item == koss)
    recorded = {(r.run, r.error.item, r.error.code) for r in filled.errors()}
    assert recorded == {(summary.run_id, tarn, "T201"), (summary.run_id, koss, "T200")}
    assert filled.count_claims() == 0  # the quiet article states no count

    monkeypatch.setattr(pipeline, "extract_document", fake_extract)
    retry = extract(filled)  # a document out of time is not retried under the same limit
    assert retry.processed == [koss] and retry.timed_out_before == 1
    assert retry.failed == 0
    larger = extract(filled, ExtractOptions(time_limit=120))
    assert larger.processed == [tarn] and larger.failed == 0
    assert filled.count_claims(ClaimQuery(document=koss)) == 3
    (denied,) = filled.claims(ClaimQuery(document=tarn))
    assert denied.negated and denied.low == 12 and denied.category == "killed"


@pytest.mark.usefixtures("fake")
def test_a_new_extractor_version_replaces_every_claim(
    filled: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    extract(filled)
    old = filled.count_claims()
    assert old == 4
    monkeypatch.setattr(pipeline, "extractor_version", lambda *profiles: "fake/2")

    def newer(
        doc_id: str, uri: str, clean: CleanText, options: ExtractOptions
    ) -> tuple[Claim, ...]:
        return tuple(
            make_claim(doc_id, c.text, c.start, c.category, "fake/2", uri=uri)
            for c in fake_extract(doc_id, uri, clean, options)
        )

    monkeypatch.setattr(pipeline, "extract_document", newer)
    summary = extract(filled)
    assert len(summary.processed) == len(ARTICLES)
    assert filled.count_claims() == old
    assert {c.extractor for c in filled.claims()} == {"fake/2"}


@pytest.mark.usefixtures("fake")
def test_a_claim_that_misses_its_words_fails_its_document(
    filled: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def shifted(
        doc_id: str, uri: str, clean: CleanText, options: ExtractOptions
    ) -> tuple[Claim, ...]:
        return tuple(
            make_claim(doc_id, c.text, c.start + 1, c.category)
            for c in fake_extract(doc_id, uri, clean, options)
        )

    monkeypatch.setattr(pipeline, "extract_document", shifted)
    summary = extract(filled)
    assert sorted(e.code for e in summary.errors) == ["T200", "T200"]
    assert all("does not match its span" in e.message for e in summary.errors)
    assert len(summary.processed) == 1  # the article without counts


def test_the_time_limit_reaches_the_stage(
    filled: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def spy(doc_id: str, uri: str, clean: CleanText, options: ExtractOptions) -> tuple[Claim, ...]:
        raise StageError(f"limit {options.time_limit}")  # the stage runs in a worker process

    monkeypatch.setattr(pipeline, "extract_document", spy)
    summary = extract(filled, ExtractOptions(time_limit=7.5))
    assert [e.message for e in summary.errors] == ["limit 7.5"] * len(ARTICLES)


KILL_RECORDS = 600


def _extracted(db: Path, status: str = "%") -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            sql = "SELECT count(*) FROM extractions WHERE status LIKE ?"
            return int(conn.execute(sql, (status,)).fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def test_kill_mid_extract_then_resume(tmp_path: Path) -> None:
    corpus, db = tmp_path / "wire.jsonl", tmp_path / "t.db"
    with corpus.open("w") as handle:
        for number in range(KILL_RECORDS):
            text = (
                f"Report {number}. Guards detained {number % 90 + 2} people in Koss on Monday, "
                f"the Monitor said. At least {number % 7 + 3} protesters were killed."
            )
            handle.write(json.dumps({"text": text, "uri": f"wire/{number}"}) + "\n")
    with SQLiteStore(db) as store:
        ingest(store, [str(corpus)])
    child = subprocess.Popen(
        [sys.executable, "-m", "tolltrace.cli", "extract", "--db", str(db), "-q"],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its workers too are killed below, and none is left behind
    )
    deadline = time.monotonic() + 120
    while _extracted(db) < 2 * pipeline.EXTRACT_BATCH_SIZE and time.monotonic() < deadline:
        if child.poll() is not None:
            break
        time.sleep(0.05)
    os.killpg(child.pid, signal.SIGKILL)  # the whole job, as an out-of-memory kill takes it
    child.wait()
    done, ok = _extracted(db), _extracted(db, "ok")
    assert 0 < done < KILL_RECORDS, "the child must be killed halfway for this test to mean much"
    with SQLiteStore(db) as store:
        assert store.integrity_problems() == []
        assert verify_store(store).ok
        # Whatever was committed is whole: a document is done exactly when its custody says so.
        recorded = {e.subject for e in store.custody() if e.action == "extract"}
        assert len(recorded) == ok
        assert {c.document for c in store.claims()} <= recorded
        summary = extract(store)
        assert summary.pending == KILL_RECORDS - ok
        left = store.pending_extraction(extractor_version())
        assert sorted(left) == sorted(error.item for error in summary.errors)
        assert verify_store(store).ok


@pytest.mark.parametrize(
    ("text", "some_claims"),
    [
        # one sentence of 5,200 words, with hundreds of counts and places
        (" ".join(["Guards shot 12 protesters and detained 40 others in Kerevo,"] * 520), True),
        ("killed 3 " * 3000, True),  # no sentence break at all
        ("\n".join(" ".join(str(n * 7 % 1000) for n in range(20)) for _ in range(500)), False),
        ("Die Polizei hat am Montag 40 Menschen festgenommen. " * 200, False),  # not English
    ],
    ids=["long-sentence", "no-breaks", "table", "not-english"],
)
def test_pathological_documents_extract_and_every_claim_points_at_its_words(
    text: str, some_claims: bool
) -> None:
    document = prepared(text)
    claims = extract_document(document.id, document.item.uri, document.clean)
    assert bool(claims) == some_claims
    assert all(document.clean.text[c.start : c.end] == c.text for c in claims)
