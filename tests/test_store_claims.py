"""Claims in the store: round trip, replacement by a new extractor version, filters, migration."""

import sqlite3
from pathlib import Path

import pytest

import tolltrace.store.sqlite as sqlite_module
from tests.conftest import prepared
from tests.fake_extractor import make_claim
from tolltrace.model import Claim, ItemError
from tolltrace.store.base import ClaimQuery
from tolltrace.store.sqlite import SCHEMA_VERSION, SQLiteStore
from tolltrace.verify import verify_store

ARTICLE = "Guards killed 12 prisoners in Koss. The Monitor said 40 students were detained."


def _two_claims(doc_id: str, version: str = "v1") -> list[Claim]:
    return [
        make_claim(doc_id, "killed 12 prisoners", 7, "killed", version, low=12, high=12),
        make_claim(
            doc_id,
            "40 students were detained",
            53,
            "detained",
            version,
            low=40,
            high=None,
            qualifier="at_least",
            attributed_to="Valdorian Rights Monitor",
            attribution_cue="said",
            when="2031-05",
            where="Koss",
            negated=True,
            confidence=0.25,
            perpetrator="guards",
        ),
    ]


def test_claims_round_trip_with_every_field(store: SQLiteStore) -> None:
    doc = prepared(ARTICLE)
    store.add_document(doc, "t")
    claims = _two_claims(doc.id)
    assert ARTICLE[claims[1].start : claims[1].end] == claims[1].text
    assert store.store_claims(doc.id, "v1", claims, "run-1") == 2
    assert list(store.claims()) == claims
    assert store.count_claims() == 2
    assert store.pending_extraction("v1") == []


def test_a_new_version_replaces_the_documents_claims(store: SQLiteStore) -> None:
    doc = prepared(ARTICLE)
    store.add_document(doc, "t")
    store.store_claims(doc.id, "v1", _two_claims(doc.id, "v1"), "run-1")
    assert store.pending_extraction("v2") == [doc.id]
    newer = _two_claims(doc.id, "v2")[:1]
    store.store_claims(doc.id, "v2", newer, "run-2")
    assert list(store.claims()) == newer
    assert store.pending_extraction("v1") == store.pending_extraction("v2") == []
    extract_entries = [e for e in store.custody(doc.id) if e.action == "extract"]
    assert [(e.details["extractor"], e.details["claims"]) for e in extract_entries] == [
        ("v1", 2),
        ("v2", 1),
    ]
    assert extract_entries[1].details["replaced"] == 2
    assert verify_store(store).ok


def test_storing_the_same_claims_again_duplicates_nothing(store: SQLiteStore) -> None:
    doc = prepared(ARTICLE)
    store.add_document(doc, "t")
    claims = _two_claims(doc.id)
    store.store_claims(doc.id, "v1", claims, "run-1")
    assert store.store_claims(doc.id, "v1", claims + claims[:1], "run-2") == 2
    assert store.count_claims() == 2
    first, second = [e for e in store.custody(doc.id) if e.action == "extract"]
    assert first.details["claim_ids_sha256"] == second.details["claim_ids_sha256"]


def test_a_failed_extraction_is_listed_and_stays_pending(store: SQLiteStore) -> None:
    doc = prepared(ARTICLE)
    store.add_document(doc, "t")
    store.store_claims(doc.id, "v1", _two_claims(doc.id), "run-1")
    error = ItemError(doc.id, "extract", "T201", "took too long")
    store.record_extraction_error("run-2", doc.id, "v2", error)
    assert store.pending_extraction("v2") == [doc.id]  # retried by the next run
    assert store.count_claims() == 2  # the earlier claims are kept
    assert [(r.run, r.error) for r in store.errors()] == [("run-2", error)]
    store.store_claims(doc.id, "v2", [], "run-3")
    assert store.pending_extraction("v2") == []
    assert store.count_claims() == 0


def test_claim_filters(store: SQLiteStore) -> None:
    first, second = prepared(ARTICLE, uri="a.txt"), prepared(ARTICLE + " Again.", uri="b.txt")
    store.add_document(first, "t")
    store.add_document(second, "t")
    store.store_claims(second.id, "v1", _two_claims(second.id), "run")
    store.store_claims(first.id, "v1", _two_claims(first.id), "run")
    ordered = [(c.document, c.start) for c in store.claims()]
    assert ordered == [(first.id, 7), (first.id, 53), (second.id, 7), (second.id, 53)]

    def texts(**query: object) -> list[tuple[str, str]]:
        found = store.claims(ClaimQuery(**query))  # type: ignore[arg-type]
        return [(c.document, c.category) for c in found]

    assert texts(categories=("detained",)) == [(first.id, "detained"), (second.id, "detained")]
    assert texts(categories=("detained", "killed"), limit=3) == [
        (first.id, "killed"),
        (first.id, "detained"),
        (second.id, "killed"),
    ]
    assert texts(document=second.id[:6]) == [(second.id, "killed"), (second.id, "detained")]
    assert texts(source="rights MONITOR") == [(first.id, "detained"), (second.id, "detained")]
    assert texts(source="%") == texts(source="_") == []  # LIKE wildcards are literal
    assert texts(document="zz") == []
    assert store.count_claims(ClaimQuery(categories=("killed",), limit=1)) == 2


def test_a_failed_batch_stores_no_claims(store: SQLiteStore) -> None:
    doc = prepared(ARTICLE)
    store.add_document(doc, "t")
    with pytest.raises(RuntimeError), store.batch():
        store.store_claims(doc.id, "v1", _two_claims(doc.id), "run")
        raise RuntimeError("killed halfway")
    assert store.count_claims() == 0
    assert store.pending_extraction("v1") == [doc.id]
    assert [e.action for e in store.custody()] == ["ingest"]


def test_a_version_1_database_is_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    doc = prepared(ARTICLE)
    with monkeypatch.context() as patch:
        patch.setattr(sqlite_module, "MIGRATIONS", sqlite_module.MIGRATIONS[:1])
        patch.setattr(sqlite_module, "SCHEMA_VERSION", 1)
        with SQLiteStore(path) as old:
            old.add_document(doc, "t")
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        assert "claims" not in tables
    with SQLiteStore(path) as store:
        assert store.count_documents() == 1
        assert store.pending_extraction("v1") == [doc.id]
        store.store_claims(doc.id, "v1", _two_claims(doc.id), "run")
        assert store.count_claims() == 2
        assert verify_store(store).ok
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 2
        columns = [row[1] for row in db.execute("PRAGMA table_info(claims)")]
        assert columns[:3] == ["id", "document", "uri"]
        assert {"perpetrator", "extractor", "when", "where", "end"} <= set(columns)
        indexes = {row[1] for row in db.execute("PRAGMA index_list(claims)")}
        assert {"claims_document", "claims_category", "claims_attributed_to"} <= indexes
