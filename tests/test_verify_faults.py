"""Tampering `verify` missed or crashed on (issue 21): each one is now a named problem."""

import hashlib
import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from tests.conftest import prepared
from tests.fake_extractor import FAKE_VERSION, make_claim
from tolltrace.cli import cli
from tolltrace.store.custody import GENESIS, claims_fingerprint, entry_hash
from tolltrace.store.sqlite import SQLiteStore
from tolltrace.store.sqlite_guard import CUSTODY_TRIGGERS
from tolltrace.verify import verify_store

FIRST = "Sarenna, March 14, 2025 - Guards killed 12 prisoners and detained 40 students."
SECOND = "Koss, March 15, 2025 - The Monitor said 7 journalists were arrested."


def _filled(path: Path) -> dict[str, str]:
    """A store with two documents, their claims, and one reviewed claim; ids by name."""
    with SQLiteStore(path) as store:
        first, second = prepared(FIRST, uri="first.txt"), prepared(SECOND, uri="second.txt")
        for document in (first, second):
            store.add_document(document, "2025-03-16T00:00:00Z")
        killed = make_claim(first.id, "killed 12", FIRST.index("killed 12"), low=12, high=12)
        detained = make_claim(
            first.id, "detained 40", FIRST.index("detained"), "detained", low=40, high=40
        )
        arrested = make_claim(
            second.id, "7 journalists were arrested", SECOND.index("7"), "arrested", low=7
        )
        store.store_claims(first.id, FAKE_VERSION, [killed, detained], "run-1")
        store.store_claims(second.id, FAKE_VERSION, [arrested], "run-1")
        store.add_user("ada", "analyst", "not-a-real-hash")
        store.review_claim(arrested.id, "correct", {"low": 8, "high": 8}, "recount", "ada", 0)
        assert verify_store(store).ok
        return {
            "first": first.id,
            "second": second.id,
            "killed": killed.id,
            "detained": detained.id,
            "arrested": arrested.id,
        }


def _tamper(path: Path, *statements: str) -> None:
    """Writes as someone with the file would: the guards dropped first."""
    with sqlite3.connect(path) as db:
        db.execute("DROP TRIGGER custody_no_update")
        db.execute("DROP TRIGGER custody_no_delete")
        for statement in statements:
            db.execute(statement)


def _problems(path: Path, expect_head: str | None = None) -> list[str]:
    with SQLiteStore(path) as store:
        return [f"{p.where}: {p.problem}" for p in verify_store(store, expect_head).problems]


def test_dropped_triggers_are_put_back_and_reported(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    _filled(db)
    _tamper(db)
    problems = _problems(db)
    assert len(problems) == 1
    assert "custody_no_delete, custody_no_update" in problems[0]
    assert "put back" in problems[0]
    with sqlite3.connect(db) as raw:
        names = {row[0] for row in raw.execute("SELECT name FROM sqlite_master")}
        assert set(CUSTODY_TRIGGERS) <= names
        try:
            raw.execute("DELETE FROM custody")
            raise AssertionError("the log must refuse deletes again")
        except sqlite3.IntegrityError as exc:
            assert "append-only" in str(exc)


def test_an_original_replaced_by_text_is_named(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    _filled(db)
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE originals SET bytes = 'no longer the bytes' WHERE doc_rowid = 1")
    (problem,) = _problems(db)
    assert "original altered" in problem


def test_custody_details_that_are_not_json_are_named(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    _filled(db)
    _tamper(db, "UPDATE custody SET details = '{not json' WHERE seq = 1")
    problems = _problems(db)
    assert "custody #1: content altered: details are not valid JSON" in problems


def test_entries_deleted_from_the_end_are_noticed(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    _filled(db)
    _tamper(db, "DELETE FROM custody WHERE seq >= (SELECT max(seq) - 1 FROM custody)")
    assert any("were deleted from the end of the log" in p for p in _problems(db))


def test_entries_deleted_from_the_end_with_the_head_rewritten_are_noticed(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    ids = _filled(db)
    _tamper(
        db,
        "DROP TRIGGER custody_head_follows",
        "DELETE FROM custody WHERE seq >= (SELECT max(seq) - 1 FROM custody)",
        "UPDATE custody_head SET seq = (SELECT max(seq) FROM custody), "
        "hash = (SELECT hash FROM custody ORDER BY seq DESC LIMIT 1)",
    )
    problems = _problems(db)
    # The review entry is gone: the reviewed claim has no entry for its state.
    assert f"claim {ids['arrested']}: marked corrected without a review custody entry" in problems


def test_an_edited_claim_is_noticed(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    ids = _filled(db)
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE claims SET low = 1200, high = 1200 WHERE id = ?", (ids["killed"],))
    (problem,) = _problems(db)
    assert problem.startswith(f"document {ids['first'][:16]}: a claim was edited")


def test_a_deleted_claim_is_noticed(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    ids = _filled(db)
    with sqlite3.connect(db) as raw:
        raw.execute("DELETE FROM claims WHERE id = ?", (ids["detained"],))
    (problem,) = _problems(db)
    assert "1 claims where its extraction" in problem and "stored 2" in problem


def test_a_reviewed_claim_edited_after_its_review_is_noticed(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    ids = _filled(db)
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE claims SET low = 70 WHERE id = ?", (ids["arrested"],))
    problems = _problems(db)
    assert f"claim {ids['arrested']}: low differ from its last review (custody #5)" in problems


def test_edited_clean_text_is_noticed(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    ids = _filled(db)
    with sqlite3.connect(db) as raw:
        raw.execute(
            "UPDATE texts SET clean_text = replace(clean_text, '12', '21') WHERE doc_rowid = 1"
        )
    assert f"document {ids['first'][:16]}: clean text altered since its ingest (custody #1)" in (
        _problems(db)
    )


def _rewrite_chain(db: Path, claim: str, document: str) -> None:
    """The whole chain rebuilt with recomputed hashes after editing a claim: what only a head
    kept elsewhere can show."""
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE claims SET low = 1200, high = 1200 WHERE id = ?", (claim,))
    with SQLiteStore(db) as store:  # a forger would fix what the extract entry records
        claims = [c for c in store.claims() if c.document == document]
    previous = GENESIS
    with sqlite3.connect(db) as raw:
        rows = raw.execute("SELECT seq, at, action, subject, details FROM custody ORDER BY seq")
        entries = list(rows)
        for name in CUSTODY_TRIGGERS:
            raw.execute(f"DROP TRIGGER {name}")
        raw.execute("DELETE FROM custody")
        for seq, at, action, subject, details in entries:
            parsed = json.loads(details)
            if action == "extract" and subject == document:
                parsed["claims_sha256"] = claims_fingerprint(claims)
            digest = entry_hash(seq, at, action, subject, parsed, previous)
            raw.execute(
                "INSERT INTO custody VALUES (?, ?, ?, ?, ?, ?, ?)",
                (seq, at, action, subject, json.dumps(parsed, sort_keys=True), previous, digest),
            )
            previous = digest
        for sql in CUSTODY_TRIGGERS.values():
            raw.execute(sql)
        raw.execute("INSERT OR REPLACE INTO custody_head VALUES (1, ?, ?)", (seq, previous))


def test_a_rewritten_chain_is_caught_by_the_expected_head(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    ids = _filled(db)
    runner = CliRunner()
    printed = runner.invoke(cli, ["verify", "--db", str(db), "--print-head"])
    assert printed.exit_code == 0, printed.output
    seq, head = printed.output.split()
    assert seq == "5" and len(head) == 64
    shown = runner.invoke(cli, ["verify", "--db", str(db), "--expect-head", head])
    assert shown.exit_code == 0 and f"head: #5 {head}" in shown.output
    _rewrite_chain(db, ids["killed"], ids["first"])
    assert _problems(db) == []  # consistent in itself
    caught = runner.invoke(cli, ["verify", "--db", str(db), "--expect-head", head])
    assert caught.exit_code == 1
    assert "the chain was rewritten or cut short" in " ".join(caught.output.split())


def test_an_older_extract_entry_is_checked_by_its_claim_ids(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    ids = _filled(db)
    with SQLiteStore(db) as store:
        kept = sorted([ids["killed"], ids["detained"]])
        digest = hashlib.sha256("\n".join(kept).encode()).hexdigest()
        # What an extraction recorded before claim fields were hashed.
        store.append_custody(
            "extract",
            ids["first"],
            {"run": "old", "extractor": FAKE_VERSION, "claims": 2, "claim_ids_sha256": digest},
        )
        assert verify_store(store).ok
    with sqlite3.connect(db) as raw:
        raw.execute("DELETE FROM claims WHERE id = ?", (ids["killed"],))
    (problem,) = _problems(db)
    assert "its claims are not those its extraction stored" in problem
    assert "1 now, 2 then" in problem
