"""What only the PostgreSQL store has: the database's own guards of the custody log, a role
without UPDATE or DELETE on it, many writers at once, its schema version, and a clear error
when psycopg is missing. The shared behaviour runs on both backends in the other store tests.
"""

import multiprocessing
import sys
import threading
from collections.abc import Iterator

import pytest

from tests.conftest import prepared
from tests.fake_extractor import make_claim
from tests.pg_cluster import Cluster
from tolltrace.errors import BackendMissing, SchemaTooNew, StoreError
from tolltrace.store import open_store
from tolltrace.store.custody import verify_chain
from tolltrace.store.postgres import PostgresStore
from tolltrace.store.postgres_schema import SCHEMA_VERSION, WRITER_ROLE
from tolltrace.verify import verify_store

psycopg = pytest.importorskip("psycopg")

ARTICLE = "Orvane, June 3, 2031 - Police detained 25 dock workers near the Salt Gate."


@pytest.fixture
def pg(pg_url: str) -> Iterator[PostgresStore]:
    with PostgresStore(pg_url) as opened:
        yield opened


def _owner(url: str) -> "psycopg.Connection[tuple[object, ...]]":
    return psycopg.connect(url, autocommit=True)


def test_the_custody_log_refuses_update_delete_and_truncate_in_the_database(
    pg: PostgresStore, pg_url: str
) -> None:
    pg.add_document(prepared(ARTICLE), "t")
    with _owner(pg_url) as db:  # the owner itself, bypassing tolltrace
        for statement in (
            "UPDATE custody SET subject = 'forged'",
            "DELETE FROM custody",
            "TRUNCATE custody",
        ):
            with pytest.raises(psycopg.Error, match="append-only"):
                db.execute(statement)
        assert db.execute("SELECT count(*) FROM custody").fetchone() == (1,)


def test_the_writer_role_may_append_but_not_update_delete_or_drop_the_guard(
    pg: PostgresStore, pg_cluster: Cluster, pg_url: str
) -> None:
    database = pg_url.split("?")[0].rsplit("/", 1)[1]
    pg_cluster.admin("DROP ROLE IF EXISTS orvane_clerk")
    pg_cluster.admin(f"CREATE ROLE orvane_clerk LOGIN IN ROLE {WRITER_ROLE}")
    clerk_url = pg_cluster.url(database, user="orvane_clerk")
    # The clerk works through tolltrace: ingesting appends to the custody log.
    with PostgresStore(clerk_url) as clerk:
        doc = prepared(ARTICLE)
        clerk.add_document(doc, "t")
        clerk.store_claims(
            doc.id, "v1", [make_claim(doc.id, "detained 25", ARTICLE.index("detained 25"))], "run"
        )
        assert [e.action for e in clerk.custody()] == ["ingest", "extract"]
    with psycopg.connect(clerk_url, autocommit=True) as db:
        for statement in (
            "UPDATE custody SET subject = 'forged'",
            "DELETE FROM custody",
            "TRUNCATE custody",
            "UPDATE reviews SET reason = 'forged'",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                db.execute(statement)
        # Nor can the clerk take the trigger away: only the owner may.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute("ALTER TABLE custody DISABLE TRIGGER custody_no_update")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute("DROP TRIGGER custody_no_update ON custody")
        # What the role may do, it does: other tables stay writable.
        db.execute("UPDATE settings SET value = 'x' WHERE name = 'nothing'")
    assert verify_store(pg).ok


def test_a_disabled_trigger_is_put_back_and_a_forgery_is_named(
    pg: PostgresStore, pg_url: str
) -> None:
    first, second = prepared(ARTICLE), prepared("Another report from Mirath.")
    pg.add_document(first, "t")
    pg.add_document(second, "t")
    assert verify_store(pg).ok
    with _owner(pg_url) as db:
        db.execute("ALTER TABLE custody DISABLE TRIGGER custody_no_update")
        db.execute("UPDATE custody SET details = '{\"size\": 1}' WHERE seq = 2")
        db.execute("UPDATE originals SET bytes = 'forged'::bytea WHERE doc_rowid = 1")
    with PostgresStore(pg_url) as reopened:
        entries = list(reopened.custody())
        assert entries[-1].action == "guard"
        assert entries[-1].details["altered"] == ["custody_no_update"]
        problems = {(p.where, p.problem.split(":")[0]) for p in verify_store(reopened).problems}
    assert ("custody #2", "content altered") in problems
    assert (f"document {first.id[:16]}", "original altered") in problems
    with _owner(pg_url) as db, pytest.raises(psycopg.Error, match="append-only"):
        db.execute("DELETE FROM custody")  # the trigger is back


def test_the_schema_is_versioned_and_a_newer_one_is_refused(pg_url: str) -> None:
    with PostgresStore(pg_url) as first:
        assert first.schema_version() == SCHEMA_VERSION
        first.add_document(prepared(ARTICLE), "t")
    with PostgresStore(pg_url) as again:  # opening again migrates nothing and keeps all
        assert again.count_documents() == 1
        assert verify_store(again).ok
    with _owner(pg_url) as db:
        db.execute("UPDATE schema_version SET version = version + 1")
    with pytest.raises(SchemaTooNew, match="upgrade tolltrace"):
        PostgresStore(pg_url)


def test_search_uses_a_tsvector_with_a_gin_index(pg: PostgresStore, pg_url: str) -> None:
    pg.add_document(prepared(ARTICLE, title="Dock workers detained"), "t")
    pg.add_document(prepared("The Velisk Rights Watch counted 300 arrests in Koss."), "t")
    hits = pg.search("detain worker")  # stemmed: detained, workers
    assert [h.title for h in hits] == ["Dock workers detained"]
    assert "[" in hits[0].snippet and "]" in hits[0].snippet
    with _owner(pg_url) as db:
        (definition,) = db.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'texts' AND indexname = 'texts_fts'"
        ).fetchone()
    assert "USING gin (fts)" in definition


def test_without_psycopg_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now raises ImportError
    with pytest.raises(BackendMissing, match=r"pip install tolltrace\[postgres\]"):
        open_store("postgresql://localhost/tolltrace")


def _write(url: str, worker: str, count: int) -> None:
    """One writer: ingest documents, store their claims, log decisions; all in its own store."""
    with PostgresStore(url) as store:
        for n in range(count):
            text = f"Orvane, May {n % 28 + 1}, 2031 - {worker} report {n}: 7 people were killed."
            doc = prepared(text, uri=f"{worker}-{n}.txt")
            store.add_document(doc, "t")
            claim = make_claim(doc.id, "7 people were killed", text.index("7 people"))
            store.store_claims(doc.id, "v1", [claim], f"run-{worker}")
            store.append_custody("note", worker, {"n": n})


def _check_after_writers(url: str, writers: int, count: int) -> None:
    with PostgresStore(url) as store:
        assert store.count_documents() == writers * count
        assert store.count_claims() == writers * count
        entries = list(store.custody())
        assert len(entries) == writers * count * 3  # ingest, extract, note: none lost
        assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
        assert verify_chain(entries) == []
        for worker in range(writers):  # each writer's own entries in the order it wrote them
            notes = [e.details["n"] for e in entries if e.subject == f"writer-{worker}"]
            assert notes == list(range(count))
        assert verify_store(store).ok


def test_two_writer_processes_at_once_lose_nothing_and_keep_the_chain(pg_url: str) -> None:
    PostgresStore(pg_url).close()  # the schema first, so both writers start writing at once
    context = multiprocessing.get_context("spawn")
    count = 25
    processes = [
        context.Process(target=_write, args=(pg_url, f"writer-{w}", count)) for w in range(2)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=300)
    assert [p.exitcode for p in processes] == [0, 0]
    _check_after_writers(pg_url, 2, count)


def test_two_writer_threads_at_once_lose_nothing_and_keep_the_chain(pg_url: str) -> None:
    PostgresStore(pg_url).close()
    failures: list[BaseException] = []

    def run(worker: str) -> None:
        try:
            _write(pg_url, worker, 20)
        except BaseException as exc:  # reported below, not lost in the thread
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(f"writer-{w}",)) for w in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert failures == []
    _check_after_writers(pg_url, 2, 20)


def test_two_reviewers_deciding_on_one_claim_at_once_conflict_cleanly(pg_url: str) -> None:
    from tolltrace.store.reviews import ReviewConflict

    with PostgresStore(pg_url) as setup:
        doc = prepared(ARTICLE)
        setup.add_document(doc, "t")
        claim = make_claim(doc.id, "detained 25", ARTICLE.index("detained 25"), "arrested")
        setup.store_claims(doc.id, "v1", [claim], "run")
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def decide(reviewer: str) -> None:
        with PostgresStore(pg_url) as store:
            barrier.wait()
            try:
                store.review_claim(claim.id, "confirm", {}, "", reviewer, 0)
                outcomes.append("recorded")
            except ReviewConflict:
                outcomes.append("conflict")

    threads = [threading.Thread(target=decide, args=(name,)) for name in ("ana", "bo")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(outcomes) == ["conflict", "recorded"]
    with PostgresStore(pg_url) as store:
        assert len(store.reviews(claim.id)) == 1
        assert [e.action for e in store.custody()].count("review") == 1
        assert verify_store(store).ok


def test_a_refused_connection_is_a_clean_error_without_the_password(pg_cluster: Cluster) -> None:
    url = f"postgresql://ghost:hunter2@/postgres?host={pg_cluster.dir}"
    with pytest.raises(StoreError, match="cannot open the PostgreSQL store") as raised:
        open_store(url)
    assert "hunter2" not in str(raised.value) and "ghost:***@" in str(raised.value)
