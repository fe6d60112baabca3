"""The demo on the bundled (fictional) example corpus: what `make demo` promises in the README."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import BACKENDS
from tolltrace.cli import cli
from tolltrace.model import Event, Finding
from tolltrace.pipeline import extract, ingest, link
from tolltrace.store import open_store
from tolltrace.store.sqlite import SQLiteStore, SQLStore

EXAMPLES = Path(__file__).parents[1] / "examples"


@pytest.fixture(scope="module", params=BACKENDS)
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SQLStore]:
    """The example corpus run through, in a SQLite file or a PostgreSQL database."""
    location = str(tmp_path_factory.mktemp("demo") / "demo.db")
    if request.param == "postgresql":
        cluster = request.getfixturevalue("pg_cluster")
        location = cluster.url(cluster.new_database())
    with open_store(location) as store:
        ingest(store, [str(EXAMPLES)])
        extract(store)
        link(store)
    with open_store(location) as store:
        assert isinstance(store, SQLStore)
        yield store


def _uris(store: SQLiteStore, event: Event) -> set[str]:
    return {store.get_document(d).document.uri.rsplit("/", 1)[-1] for d in event.documents}


def _crackdown(store: SQLiteStore) -> tuple[Event, Finding]:
    events = [e for e in store.events() if e.name and "March" in e.name]
    assert len(events) == 1, "one event for the March crackdown, however it is named"
    killed = next(f for f in store.findings(events[0].id) if f.category == "killed")
    return events[0], killed


def test_reports_that_never_name_the_crackdown_join_it(store: SQLiteStore) -> None:
    event, _ = _crackdown(store)
    uris = _uris(store, event)
    for unnamed in ("01_evening-post_protests-spread.txt", "02_orvane-herald_minister-toll.txt"):
        assert unnamed in uris
    assert "valdoria-protest-toll" in uris  # the wire's first item
    first = next(
        d
        for d in event.documents
        if store.get_document(d).document.uri.endswith("01_evening-post_protests-spread.txt")
    )
    killed = [c for c in store.claims() if c.document == first and c.category == "killed"]
    assert killed and all(c.event == event.id for c in killed)


def test_the_1995_massacre_is_an_event_of_its_own(store: SQLiteStore) -> None:
    event, _ = _crackdown(store)
    massacre = [c for c in store.claims() if c.category == "killed" and c.low == 1200]
    assert massacre and all(c.event != event.id for c in massacre)
    assert massacre[0].event is not None
    assert "Halvorn" in (store.get_event(massacre[0].event).label or "")


def test_the_killed_finding_sets_the_government_against_the_monitor(store: SQLiteStore) -> None:
    _, killed = _crackdown(store)
    assert not killed.consistent
    reasons = " | ".join(c.reason for c in killed.contradictions)
    assert "23" in reasons and "112" in reasons
    (at_least_112,) = [s for s in killed.support if s.low == 112 and s.high is None]
    # The monitor, however short the reports name it, is one source; the outlets relay it.
    assert at_least_112.independent == 1
    assert len(at_least_112.relays) >= 2


def test_counts_of_a_part_are_shown_but_not_contradictions(store: SQLiteStore) -> None:
    _, killed = _crackdown(store)
    parts = [f for f in killed.figures if f.part is not None]
    assert any("police" in f.text for f in parts)
    contradicted = {c.first for c in killed.contradictions} | {
        c.second for c in killed.contradictions
    }
    small = [f for f in parts if (f.low or 0) < 23]
    assert small and all(f.claim not in contradicted for f in small)


README = (Path(__file__).parents[1] / "README.md").read_text()
# Commands of the README that cannot run here: a server runs until stopped, and the
# evaluation data sets live outside the project.
NOT_RUN = ("serve", "eval")


def _readme_commands() -> list[list[str]]:
    """Every `.venv/bin/tolltrace ...` command of the README: in code blocks and inline."""
    lines = re.findall(r"^\.venv/bin/tolltrace (.+)$", README, flags=re.MULTILINE)
    lines += re.findall(r"`\.venv/bin/tolltrace ([^`]+)`", README)
    commands = [shlex.split(line, comments=True) for line in lines]
    return [command for command in commands if command[0] not in NOT_RUN]


def test_every_readme_command_runs_against_the_demo_store(
    store: SQLiteStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Regression (issue 21): `show 3fa9c1` was T302 and the search example found nothing.
    assert "export TOLLTRACE_DB=demo.db" in README
    demo = store.location
    (tmp_path / "examples").symlink_to(EXAMPLES)
    (tmp_path / "profiles").symlink_to(EXAMPLES.parent / "profiles")
    monkeypatch.chdir(tmp_path)
    commands = _readme_commands()
    assert len(commands) >= 12
    for command in commands:
        args = [demo if word == "demo.db" else word for word in command]
        result = CliRunner().invoke(
            cli, args, env={"TOLLTRACE_DB": demo}, input="a long password\n" * 2
        )
        assert result.exit_code == 0, (command, result.output)
        assert "no document matches" not in result.output, command
        assert result.output.strip(), command  # every example shows something
