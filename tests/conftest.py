import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tolltrace.clean.offsets import OffsetMap
from tolltrace.model import CleanText, DateCandidate, PreparedDocument, SourceItem
from tolltrace.store.sqlite import SQLiteStore


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "test.db") as opened:
        yield opened


def prepared(text: str, uri: str = "file.txt", title: str | None = None) -> PreparedDocument:
    """A stored-ready document whose clean text is its raw text (no cleaning involved)."""
    original = text.encode()
    item = SourceItem(original, uri, uri, "text/plain")
    clean = CleanText(
        text=text,
        offsets=OffsetMap.identity(len(text)),
        title=title,
        published="2025-03-14",
        dates=(DateCandidate("2025-03-14", "dateline", "Sarenna, March 14, 2025", 0.85, 0, 23),),
        cleaner="test",
    )
    return PreparedDocument(hashlib.sha256(original).hexdigest(), item, text, "utf-8", clean)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/*.json from the current extractor; review them with git diff",
    )
