import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.pg_cluster import Cluster, find_bindir
from tolltrace.clean.offsets import OffsetMap
from tolltrace.model import CleanText, DateCandidate, PreparedDocument, SourceItem
from tolltrace.store.sqlite import SQLStore

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """A throwaway PostgreSQL cluster for the whole session; in CI a missing one fails."""
    bindir = find_bindir()
    if bindir is None:
        reason = "PostgreSQL's initdb and pg_ctl are not installed (apt-get install postgresql)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    cluster = Cluster(bindir)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> Iterator[str]:
    """The URL of a new, empty database on the test cluster, dropped after the test."""
    name = pg_cluster.new_database()
    yield pg_cluster.url(name)
    pg_cluster.admin(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture(params=BACKENDS)
def db_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a store lives, on each backend: a SQLite file, or a PostgreSQL database URL."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    if request.node.get_closest_marker("sqlite_only"):
        pytest.skip("reads or alters the SQLite file itself (see tests/test_store_postgres.py)")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(db_location: str) -> Iterator[SQLStore]:
    """A new, empty store on each backend."""
    from tolltrace.store import open_store

    with open_store(db_location) as opened:
        assert isinstance(opened, SQLStore)
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
