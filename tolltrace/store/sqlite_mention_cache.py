"""The mentions of each document, kept between link runs.

Finding the names in a text (spaCy's recogniser) is most of the time `tolltrace link` takes,
and a document's names change only when its clean text or the finder changes. So each
document's mentions are stored with the finder's version and a SHA-256 of the clean text they
were found in; `link` reads the ones that still match and finds only the others.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from tolltrace.model import Mention
from tolltrace.store.dialect import Connection
from tolltrace.store.links import CachedMentions

# Schema migration 6 (see sqlite.MIGRATIONS); never edit it once it has shipped.
MENTION_CACHE_MIGRATION = """
CREATE TABLE mention_cache (
    document TEXT PRIMARY KEY REFERENCES documents(id),
    finder TEXT NOT NULL, -- the version of the mention finder
    text_sha256 TEXT NOT NULL, -- of the clean text the mentions are offsets into
    mentions TEXT NOT NULL -- JSON: [[start, end, text, type], ...]
);
"""


class SQLiteMentionCache:
    _db: Connection

    if TYPE_CHECKING:  # provided by SQLiteStore

        def batch(self) -> Any: ...

    def cached_mentions(self, finder: str) -> dict[str, CachedMentions]:
        found: dict[str, CachedMentions] = {}
        rows = self._db.execute(
            "SELECT document, text_sha256, mentions FROM mention_cache WHERE finder = ?",
            (finder,),
        )
        for document, text_sha256, packed in rows:
            try:
                mentions = tuple(
                    Mention(document, int(start), int(end), str(text), str(kind))
                    for start, end, text, kind in json.loads(packed)
                )
            except (ValueError, TypeError):
                continue  # a damaged row is a miss: the mentions are found again
            found[document] = CachedMentions(text_sha256, mentions)
        return found

    def cache_mentions(self, finder: str, mentions: Mapping[str, CachedMentions]) -> None:
        with self.batch():
            self._db.executemany(
                "INSERT OR REPLACE INTO mention_cache (document, finder, text_sha256, mentions) "
                "SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE id = ?)",
                (
                    (document, finder, cached.text_sha256, _pack(cached.mentions), document)
                    for document, cached in mentions.items()
                ),
            )


def _pack(mentions: Sequence[Mention]) -> str:
    return json.dumps([[m.start, m.end, m.text, m.type] for m in mentions], ensure_ascii=False)
