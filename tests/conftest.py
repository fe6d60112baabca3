import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


def spark_missing() -> str | None:
    """Why the Spark runner cannot run here (no pyspark, no Java), or None."""
    import importlib.util
    import shutil

    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed (pip install 'tolltrace[spark]')"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no Java for Spark (apt-get install openjdk-17-jre-headless)"
    return None


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One real SparkContext on local[2] for the whole test run (the JVM takes many seconds to
    start); the Spark runners of the tests reuse it. Without pyspark or Java the test is
    skipped, except in CI, where it fails."""
    reason = spark_missing()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the Spark tests: {reason}")
        pytest.skip(reason)
    from tolltrace.runner_spark import start_context

    context = start_context("local[2]")
    yield context
    context.stop()
