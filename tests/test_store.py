import sqlite3
from pathlib import Path

import pytest

from tests.conftest import prepared
from tolltrace.errors import AmbiguousId, DocumentNotFound, SchemaTooNew
from tolltrace.model import ItemError
from tolltrace.store import open_store
from tolltrace.store.sqlite import SCHEMA_VERSION, SQLiteStore
from tolltrace.verify import verify_store

ARTICLE = "Sarenna, March 14, 2025 - Guards detained 40 students near Harbour Square."


def test_a_document_round_trips_with_its_original_and_clean_text(store: SQLiteStore) -> None:
    doc = prepared(ARTICLE, title="Students detained")
    stored_doc = store.add_document(doc, "2025-03-15T00:00:00Z")
    assert stored_doc.id == doc.id
    back = store.get_document(doc.id)
    assert back.clean is not None
    assert back.clean.text == ARTICLE
    assert back.clean.dates[0].value == "2025-03-14"
    assert back.clean.offsets.to_raw(5) == 5
    assert store.original(doc.id) == ARTICLE.encode()
    assert store.has_document(doc.id)


def test_ids_resolve_by_prefix_or_uri(store: SQLiteStore) -> None:
    doc = prepared(ARTICLE, uri="/data/a.txt")
    store.add_document(doc, "t")
    assert store.resolve_id(doc.id[:8]) == doc.id
    assert store.resolve_id("/data/a.txt") == doc.id
    with pytest.raises(DocumentNotFound):
        store.resolve_id("ffff0000")


def test_an_ambiguous_prefix_is_refused(store: SQLiteStore) -> None:
    docs = [prepared(f"Article number {n} about detentions.") for n in range(40)]
    for doc in docs:
        store.add_document(doc, "t")
    # 40 ids over 16 hex digits: some first digit is shared (pigeonhole).
    firsts = [d.id[0] for d in docs]
    shared = next(c for c in firsts if firsts.count(c) > 1)
    with pytest.raises(AmbiguousId):
        store.resolve_id(shared)


def test_search_finds_words_and_survives_fts_syntax(store: SQLiteStore) -> None:
    store.add_document(prepared(ARTICLE, title="Students detained"), "t")
    store.add_document(prepared("The Monitor counted 1,000 arrests in Koss."), "t")
    assert [h.title for h in store.search("students")] == ["Students detained"]
    assert store.search("arrest")  # stemmed
    assert len(store.search('"1,000" AND (')) == 1  # invalid FTS5 falls back to plain words
    assert store.search("nothing-like-this") == []


def test_a_failed_batch_leaves_nothing_behind(store: SQLiteStore) -> None:
    good = prepared("A first article about Koss.")
    with pytest.raises(RuntimeError), store.batch():
        store.add_document(good, "t")
        raise RuntimeError("killed halfway")
    assert not store.has_document(good.id)
    assert list(store.custody()) == []


def test_errors_are_recorded_per_run(store: SQLiteStore) -> None:
    store.record_error("run-1", ItemError("a.txt", "ingest", "T104", "a.txt is empty"))
    store.record_error("run-2", ItemError("b.bin", "decode", "T105", "binary"))
    assert [r.error.item for r in store.errors("run-1")] == ["a.txt"]
    assert len(store.errors()) == 2


@pytest.mark.sqlite_only
def test_custody_is_append_only_in_the_database(store: SQLiteStore, tmp_path: Path) -> None:
    store.add_document(prepared(ARTICLE), "t")
    db = sqlite3.connect(tmp_path / "test.db")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE custody SET subject = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM custody")


@pytest.mark.sqlite_only
def test_verify_reports_each_kind_of_tampering_precisely(
    store: SQLiteStore, tmp_path: Path
) -> None:
    first, second = prepared(ARTICLE), prepared("Another article about Mirath.")
    store.add_document(first, "t")
    store.add_document(second, "t")
    assert verify_store(store).ok
    db = sqlite3.connect(tmp_path / "test.db", isolation_level=None)
    db.execute("UPDATE originals SET bytes = ? WHERE doc_rowid = 1", (b"forged",))
    db.execute("DROP TRIGGER custody_no_update")
    db.execute("UPDATE custody SET details = '{\"size\": 1}' WHERE seq = 2")
    db.close()
    problems = {(p.where, p.problem.split(":")[0]) for p in verify_store(store).problems}
    assert (f"document {first.id[:16]}", "original altered") in problems
    assert ("custody #2", "content altered") in problems


@pytest.mark.sqlite_only
def test_verify_notices_a_deleted_document(store: SQLiteStore, tmp_path: Path) -> None:
    doc = prepared(ARTICLE)
    store.add_document(doc, "t")
    db = sqlite3.connect(tmp_path / "test.db", isolation_level=None)
    db.execute("DELETE FROM originals")
    db.execute("DELETE FROM texts")
    db.execute("DELETE FROM documents")
    db.close()
    problems = verify_store(store).problems
    assert any("was ingested but is missing" in p.problem for p in problems)


def test_schema_is_versioned_and_a_newer_one_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    SQLiteStore(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(SchemaTooNew):
        SQLiteStore(path)


def test_open_store_names_what_is_missing_for_postgres() -> None:
    with pytest.raises(Exception, match="PostgreSQL"):
        open_store("postgresql://localhost/tolltrace")


def test_reopening_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "keep.db"
    doc = prepared(ARTICLE)
    with SQLiteStore(path) as first:
        first.add_document(doc, "t")
    with SQLiteStore(path) as second:
        assert second.count_documents() == 1
        assert verify_store(second).ok
        second.add_document(prepared("A later article."), "t")
        assert [e.seq for e in second.custody()] == [1, 2]
