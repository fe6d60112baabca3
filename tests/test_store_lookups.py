"""Schema 5: entity mentions by document, the review queue's order, failed sign-ins.

The corpus is fictional (the Republic of Valdoria).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import tolltrace.store.sqlite as sqlite_module
from tests.conftest import prepared
from tests.fake_extractor import make_claim
from tolltrace.model import Claim, Contradiction, Entity, Finding, Mention
from tolltrace.store.link_rows import entity_row, finding_row
from tolltrace.store.links import EntityMention
from tolltrace.store.sqlite import SCHEMA_VERSION, SQLiteStore
from tolltrace.verify import verify_store

TEXTS = (
    "The Harbour Guard killed 14 dockers in Port Alder, the Valdorian Rights Monitor said.",
    "Minister Idris Pellamy said 9 dockers were killed in Port Alder, not 14.",
    "In Koss, 30 students were detained and 2 were injured, the Monitor said.",
    "The Harbour Guard arrested 6 fishermen near Koss on Sunday.",
)


def _add_documents(store: SQLiteStore) -> list[str]:
    ids = []
    for n, text in enumerate(TEXTS):
        doc = prepared(text, uri=f"https://wire{n}.example.org/story")
        store.add_document(doc, "t")
        ids.append(doc.id)
    return ids


def _claims(store: SQLiteStore, docs: list[str]) -> dict[str, Claim]:
    """Claims on every figure; two on the same start in the third document (end decides)."""
    wanted = {
        "guard14": (0, "killed 14 dockers", "killed"),
        "said9": (1, "9 dockers were killed", "killed"),
        "not14": (1, "14", "killed"),
        "students": (2, "30 students", "detained"),
        "students_detained": (2, "30 students were detained", "detained"),
        "injured": (2, "2 were injured", "injured"),
        "fishermen": (3, "arrested 6 fishermen", "arrested"),
    }
    found: dict[str, Claim] = {}
    for key, (index, words, category) in wanted.items():
        text = TEXTS[index]
        found[key] = make_claim(docs[index], words, text.index(words), category)
    for index, doc in enumerate(docs):
        mine = [claim for claim in found.values() if claim.document == doc]
        store.store_claims(doc, "v1", mine, f"extract-{index}")
    return found


def _span(index: int, words: str) -> tuple[int, int]:
    start = TEXTS[index].index(words)
    return start, start + len(words)


def _entities(docs: list[str]) -> list[Entity]:
    def mention(index: int, words: str, kind: str) -> Mention:
        return Mention(docs[index], *_span(index, words), words, kind)

    guard = Entity(
        "org-guard",
        "Valdorian Harbour Guard",
        "organisation",
        mentions=(
            mention(3, "Harbour Guard", "organisation"),  # listed out of reading order
            mention(0, "Harbour Guard", "organisation"),
            Mention("f" * 64, 0, 13, "Harbour Guard", "organisation"),  # not a stored document
        ),
    )
    alder = Entity(
        "place-alder",
        "Port Alder",
        "place",
        mentions=(mention(0, "Port Alder", "place"), mention(1, "Port Alder", "place")),
    )
    pellamy = Entity(
        "person-pellamy",
        "Idris Pellamy",
        "person",
        mentions=(mention(1, "Idris Pellamy", "person"), mention(1, "Pellamy", "person")),
    )
    return [guard, alder, pellamy]


def _findings(claims: dict[str, Claim]) -> list[Finding]:
    return [
        Finding(
            "ev-alder",
            "killed",
            (),
            None,
            None,
            False,
            contradictions=(
                Contradiction(claims["said9"].id, claims["guard14"].id, "9 is not 14"),
                Contradiction(claims["not14"].id, "0" * 24, "a claim no longer stored"),
            ),
        ),
        Finding(
            "ev-koss",
            "detained",
            (),
            None,
            None,
            False,
            contradictions=(
                Contradiction(claims["students_detained"].id, claims["students"].id, "same"),
            ),
        ),
        Finding("ev-fish", "arrested", (), 6, 6, True),
    ]


def test_the_mentions_of_a_document_are_read_by_position_with_their_entity(
    store: SQLiteStore,
) -> None:
    docs = _add_documents(store)
    _claims(store, docs)
    store.replace_links(_entities(docs), [], [], "link-1")
    second = store.document_mentions(docs[1])
    assert [(m.mention.text, m.entity, m.name, m.type) for m in second] == [
        ("Idris Pellamy", "person-pellamy", "Idris Pellamy", "person"),
        ("Pellamy", "person-pellamy", "Idris Pellamy", "person"),
        ("Port Alder", "place-alder", "Port Alder", "place"),
    ]
    assert second[1] == EntityMention(
        Mention(docs[1], *_span(1, "Pellamy"), "Pellamy", "person"),
        "person-pellamy",
        "Idris Pellamy",
        "person",
    )
    assert [m.mention.text for m in store.document_mentions(docs[0])] == [
        "Harbour Guard",
        "Port Alder",
    ]
    assert store.document_mentions("f" * 64) == []  # a mention of no stored document
    assert store.document_mentions("nope") == []
    # The entity itself keeps every mention, the unstored document's too.
    assert len(store.get_entity("org-guard").mentions) == 3


def test_a_re_link_replaces_the_mentions_and_a_failed_one_keeps_them(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _add_documents(store)
    _claims(store, docs)
    store.replace_links(_entities(docs), [], [], "link-1")
    store.replace_links(_entities(docs)[:1], [], [], "link-2")
    assert [m.entity for m in store.document_mentions(docs[1])] == []
    assert [m.entity for m in store.document_mentions(docs[0])] == ["org-guard"]

    def fail(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "append_custody", fail)  # after every write of the batch
    with pytest.raises(RuntimeError):
        store.replace_links(_entities(docs), [], [], "link-3")
    monkeypatch.undo()
    assert [m.entity for m in store.document_mentions(docs[0])] == ["org-guard"]
    assert store.document_mentions(docs[1]) == []


def _queue_the_old_way(store: SQLiteStore) -> list[str]:
    """The queue as it was read before schema 5: every finding, then every unreviewed claim."""
    first: dict[str, None] = {}
    for finding in store.findings():
        for contradiction in finding.contradictions:
            first.setdefault(contradiction.first)
            first.setdefault(contradiction.second)
    return [c.id for c in store.unreviewed_claims(tuple(first), limit=1000)]


def test_the_queue_puts_contradicted_claims_first_and_pages_like_before(
    store: SQLiteStore,
) -> None:
    docs = _add_documents(store)
    claims = _claims(store, docs)
    store.replace_links([], [], _findings(claims), "link-1")
    store.review_claim(claims["guard14"].id, "confirm", {}, "", "ana", 0)  # contradicted
    store.review_claim(claims["injured"].id, "confirm", {}, "", "ana", 0)
    expected = [
        claims[key].id for key in ("said9", "not14", "students", "students_detained", "fishermen")
    ]
    assert _queue_the_old_way(store) == expected
    whole = store.review_queue(limit=50)
    assert [q.claim.id for q in whole] == expected
    assert [q.contradicted for q in whole] == [True, True, True, True, False]
    assert all(q.claim.review == "unreviewed" for q in whole)
    for limit in (1, 2, 3, 4):
        for offset in range(len(expected) + 2):
            page = [q.claim.id for q in store.review_queue(limit=limit, offset=offset)]
            assert page == expected[offset : offset + limit], (limit, offset)


def test_a_re_link_changes_which_claims_come_first(store: SQLiteStore) -> None:
    docs = _add_documents(store)
    claims = _claims(store, docs)
    store.replace_links([], [], _findings(claims), "link-1")
    store.replace_links([], [], _findings(claims)[1:], "link-2")
    queue = store.review_queue(limit=3)
    assert [q.claim.id for q in queue] == [
        claims["students"].id,
        claims["students_detained"].id,
        claims["guard14"].id,
    ]
    assert [q.contradicted for q in queue] == [True, True, False]
    assert [q.claim.id for q in store.review_queue(limit=50)] == _queue_the_old_way(store)


def test_sign_in_failures_are_counted_per_key_and_forgotten(store: SQLiteStore) -> None:
    store.record_sign_in_failure(["name-a", "addr-1"], "2031-05-02T10:00:00.000000Z", "")
    store.record_sign_in_failure(["name-b", "addr-1"], "2031-05-02T10:05:00.000000Z", "")
    assert store.sign_in_failures("addr-1", "2031-05-02T09:00:00.000000Z") == [
        "2031-05-02T10:00:00.000000Z",
        "2031-05-02T10:05:00.000000Z",
    ]
    assert store.sign_in_failures("addr-1", "2031-05-02T10:01:00.000000Z") == [
        "2031-05-02T10:05:00.000000Z"
    ]
    store.clear_sign_in_failures("addr-1", "2031-05-02T10:05:00.000000Z")
    assert store.sign_in_failures("addr-1", "") == ["2031-05-02T10:00:00.000000Z"]
    store.clear_sign_in_failures("name-a")
    assert store.sign_in_failures("name-a", "") == []
    assert store.sign_in_failures("name-b", "") == ["2031-05-02T10:05:00.000000Z"]
    # Each new failure deletes those too old to count.
    store.record_sign_in_failure(["name-c"], "2031-05-02T11:00:00.000000Z", "2031-05-02T10:45")
    (rows,) = store._db.execute("SELECT count(*) FROM sign_in_failures").fetchone()
    assert rows == 1


def test_a_version_4_store_is_upgraded_in_place_and_filled_by_the_next_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "v4.db"
    with monkeypatch.context() as patch:
        patch.setattr(sqlite_module, "MIGRATIONS", sqlite_module.MIGRATIONS[:4])
        patch.setattr(sqlite_module, "SCHEMA_VERSION", 4)
        with SQLiteStore(path) as old:
            docs = _add_documents(old)
            # Today's claim writer needs migration 7's column: there while writing, then gone.
            old._db.execute("ALTER TABLE claims ADD COLUMN attributed_as TEXT")
            claims = _claims(old, docs)
            old._db.execute("ALTER TABLE claims DROP COLUMN attributed_as")
            # The link results as version 4 stored them (today's replace_links needs schema 5).
            rowids = dict(old._db.execute("SELECT id, rowid FROM documents").fetchall())
            old._db.executemany(
                "INSERT INTO entities (id, name, type, aliases, roles, mentions, mention_count) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [entity_row(entity, rowids) for entity in _entities(docs)],
            )
            old._db.executemany(
                "INSERT INTO findings (event, category, low, high, consistent, figures, "
                "contradictions, support) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [finding_row(finding) for finding in _findings(claims)],
            )
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 4
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        assert not {"entity_mentions", "claim_contradictions", "sign_in_failures"} & tables
    with SQLiteStore(path) as store:
        assert store.count_documents() == 4 and store.count_claims() == 7
        assert store.document_mentions(docs[0]) == []  # until the next link
        assert len(store.get_entity("org-guard").mentions) == 3
        # Contradicted claims come from the stored findings at once.
        queue = store.review_queue(limit=50)
        assert [q.claim.id for q in queue] == _queue_the_old_way(store)
        assert sum(q.contradicted for q in queue) == 5
        assert store.sign_in_failures("anyone", "") == []
        store.replace_links(_entities(docs), [], _findings(claims), "link-after-upgrade")
        assert [m.entity for m in store.document_mentions(docs[0])] == [
            "org-guard",
            "place-alder",
        ]
        assert verify_store(store).ok
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        indexes = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        assert {"entity_mentions", "claim_contradictions_claim", "sign_in_failures_key"} <= indexes
