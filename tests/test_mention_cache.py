"""Entity mentions are found once per document and kept between link runs (fictional texts)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from tolltrace import pipeline
from tolltrace.model import Mention
from tolltrace.nlp.mentions import finder_version
from tolltrace.pipeline import extract, ingest, link
from tolltrace.store import open_store
from tolltrace.store.links import CachedMentions
from tolltrace.store.sqlite import SQLiteStore, SQLStore

TEXTS = {
    "a.txt": "Soldiers killed 12 people in Orsk on Monday, the Tarn Rights Group said.\n",
    "b.txt": "Police in Velm arrested 30 students, Mayor Ivo Daln said on Friday.\n",
}


@pytest.fixture
def store(tmp_path: Path, db_location: str) -> Iterator[SQLStore]:
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text + "FICTIONAL EXAMPLE: every name here is invented.\n")
    with open_store(db_location) as store:
        assert isinstance(store, SQLStore)
        ingest(store, [str(tmp_path)])
        extract(store)
        yield store


def counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Swap the finder for one that records which documents it is asked to read."""
    asked: list[str] = []
    real = pipeline.find_mentions_many

    def finder(documents: Iterable[tuple[str, str]]) -> Iterator[list[Mention]]:
        documents = list(documents)
        asked.extend(document for document, _ in documents)
        return real(documents)

    monkeypatch.setattr(pipeline, "find_mentions_many", finder)
    return asked


def test_a_second_link_finds_no_mention_again(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = counting(monkeypatch)
    link(store)
    assert len(asked) == 2
    entities = sorted(e.name for e in store.entities())
    link(store)
    assert len(asked) == 2, "the second link read every mention from the store"
    assert sorted(e.name for e in store.entities()) == entities
    assert "Tarn Rights Group" in entities


def test_mentions_of_another_text_or_finder_are_found_again(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    link(store)
    document = next(iter(store.documents())).id
    stale = {document: CachedMentions("0" * 64, ())}  # as if the clean text had changed
    store.cache_mentions(finder_version(), stale)
    asked = counting(monkeypatch)
    link(store)
    assert asked == [document]
    assert store.cached_mentions(finder_version())[document].mentions
    assert store.cached_mentions("some-older-finder") == {}


def test_mentions_of_an_unknown_document_are_not_stored(store: SQLiteStore) -> None:
    store.cache_mentions("f", {"no-such-document": CachedMentions("0" * 64, ())})
    assert store.cached_mentions("f") == {}


def test_a_damaged_cache_row_is_found_again(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    link(store)
    document = next(iter(store.documents())).id
    store._db.execute(
        "UPDATE mention_cache SET mentions = '[[1, 2' WHERE document = ?", (document,)
    )
    asked = counting(monkeypatch)
    link(store)
    assert asked == [document]
    assert document in store.cached_mentions(finder_version())
