"""The link job over a store and its commands: link, report, run (fictional Valdoria texts)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.conftest import BACKENDS
from tests.web_support import store_copy
from tolltrace.cli import cli
from tolltrace.model import EntityDecision
from tolltrace.pipeline import extract, ingest, link
from tolltrace.store import Store, open_store

# Three outlets on one fictional shooting: a monitor's figure, a wire relaying it, and a
# ministry's lower figure; and an unrelated story from another town and month.
ARTICLES = {
    "harbour-times.txt": (
        "Sarenna, April 3, 2031\n\nSoldiers killed at least 40 people at Harbour Square in\n"
        "Sarenna on Tuesday, the Valdorian Rights Monitor said.\n"
    ),
    "coast-wire.txt": (
        "Sarenna, April 4, 2031 - At least 40 people were killed when soldiers opened fire at\n"
        "Harbour Square in Sarenna on Tuesday, according to the Valdorian Rights Monitor.\n"
    ),
    "state-daily.txt": (
        "Sarenna, April 4, 2031 - Twelve rioters were killed at Harbour Square in Sarenna on\n"
        "Tuesday, the Interior Ministry said.\n"
    ),
    "koss-post.txt": (
        "Koss, September 20, 2031 - Police arrested 15 students at the Koss university on\n"
        "Friday, the student union said.\n"
    ),
}
FICTION = "FICTIONAL EXAMPLE: Valdoria and every name here are invented.\n"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module", params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The linked corpus, in a SQLite file or a PostgreSQL database."""
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text + "\n" + FICTION)
    path = str(folder / "t.db")
    if request.param == "postgresql":
        cluster = request.getfixturevalue("pg_cluster")
        path = cluster.url(cluster.new_database())
    with open_store(path) as store:
        ingest(store, [str(folder)])
        extract(store)
        link(store)
    return path


@pytest.fixture
def copy(db: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A copy of the linked store, for a test that changes it."""
    with store_copy(db, tmp_path, request) as location:
        yield str(location)


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _harbour_event(store: Store) -> str:
    killed = [c for c in store.claims() if c.category == "killed" and c.event is not None]
    assert killed, "the killings are linked to an event"
    return killed[0].event or ""


def test_one_event_holds_the_three_reports_of_the_shooting(db: str) -> None:
    with open_store(db) as store:
        event = store.get_event(_harbour_event(store))
        outlets = {store.get_document(d).document.uri.rsplit("/", 1)[-1] for d in event.documents}
        assert {"harbour-times.txt", "coast-wire.txt", "state-daily.txt"} <= outlets
        assert "koss-post.txt" not in outlets


def test_the_finding_quotes_the_contradiction_and_counts_the_relay_once(db: str) -> None:
    with open_store(db) as store:
        findings = list(store.findings(_harbour_event(store)))
    killed = next(f for f in findings if f.category == "killed")
    assert not killed.consistent and killed.low is None
    assert killed.contradictions, "at least 40 against 12"
    reason = killed.contradictions[0].reason
    assert "40" in reason and "Twelve" in reason
    at_least_40 = next(s for s in killed.support if s.low == 40)
    assert at_least_40.independent == 1  # the wire only relays the monitor
    assert at_least_40.relays


def test_relinking_replaces_rather_than_duplicates(db: str) -> None:
    with open_store(db) as store:
        before = sorted(event.id for event in store.events())
        findings = sum(1 for _ in store.findings())
        link(store)
        assert sorted(event.id for event in store.events()) == before
        assert sum(1 for _ in store.findings()) == findings
        runs = [e for e in store.custody() if e.action == "link"]
        assert len(runs) >= 2


def test_a_manual_merge_is_applied_at_the_next_link(db: str) -> None:
    with open_store(db) as store:
        store.add_entity_decision(
            EntityDecision("merge", ("Valdorian Rights Monitor", "Interior Ministry"), "a test")
        )
        link(store)
        entity = store.get_entity("Valdorian Rights Monitor")
        assert "Interior Ministry" in {alias.name for alias in entity.aliases}
        assert store.get_entity("Interior Ministry").id == entity.id


def test_report_prints_the_figures_side_by_side_and_writes_html(db: str, tmp_path: Path) -> None:
    with open_store(db) as store:
        event = _harbour_event(store)
    result = _invoke("report", event[:10], "--db", str(db), "--html", str(tmp_path / "e.html"))
    assert result.exit_code == 0, result.output
    text = ANSI.sub("", result.output)
    assert "contradictions" in text and "independent" in text
    page = (tmp_path / "e.html").read_text()
    assert "<svg" in page and "Harbour Square" in page


def test_report_without_an_event_lists_the_events(db: str, tmp_path: Path) -> None:
    result = _invoke("report", "--db", str(db), "--html", str(tmp_path / "pages"))
    assert result.exit_code == 0, result.output
    assert "events" in result.output
    assert (tmp_path / "pages" / "index.html").exists()


def test_report_of_an_unknown_event_is_a_clean_error(db: str) -> None:
    result = _invoke("report", "ffffffffffff", "--db", str(db))
    assert result.exit_code == 3
    assert "Traceback" not in result.output


def test_link_with_a_malformed_affiliation_table_is_a_clean_error(db: str, tmp_path: Path) -> None:
    table = tmp_path / "aff.csv"
    table.write_text("who,what\nA,B\n")
    result = _invoke("link", "--db", str(db), "--affiliations", str(table), "-q")
    assert result.exit_code == 3
    assert "aff.csv" in result.output


def test_a_rejected_claim_is_no_figure_at_the_next_link(copy: str, tmp_path: Path) -> None:
    with open_store(copy) as store:
        twelve = next(c for c in store.claims() if c.category == "killed" and c.low == 12)
        store.review_claim(twelve.id, "reject", {}, "rioters' toll counted twice", "ana", 0)
        link(store)
        findings = list(store.findings(_harbour_event(store)))
    killed = next(f for f in findings if f.category == "killed")
    assert killed.support and all(s.low != 12 for s in killed.support)
    assert killed.consistent and not killed.contradictions


def test_an_event_keeps_its_id_when_a_new_report_joins_it(copy: str, tmp_path: Path) -> None:
    late = tmp_path / "late"
    late.mkdir()
    (late / "late-wire.txt").write_text(
        "Sarenna, April 5, 2031 - At least 40 people were killed by soldiers at Harbour Square\n"
        "in Sarenna on Tuesday, the Valdorian Rights Monitor said.\n\n" + FICTION
    )
    with open_store(copy) as store:
        before = _harbour_event(store)
        ingest(store, [str(late)])
        extract(store)
        link(store)
        after = _harbour_event(store)
        assert after == before
        uris = {store.get_document(d).document.uri for d in store.get_event(after).documents}
        assert any(uri.endswith("late-wire.txt") for uri in uris)


def test_a_claim_a_reviewer_moved_stays_in_that_event(copy: str, tmp_path: Path) -> None:
    with open_store(copy) as store:
        harbour = _harbour_event(store)
        koss = next(e.id for e in store.events() if e.id != harbour and "Koss" in (e.where or ""))
        twelve = next(c for c in store.claims() if c.category == "killed" and c.low == 12)
        store.review_claim(twelve.id, "correct", {"event": koss}, "another incident", "ana", 0)
        link(store)
        assert twelve.id in store.get_event(koss).claims
        assert twelve.id not in store.get_event(harbour).claims
        assert store.get_claim(twelve.id).event == koss
        killed = [f for f in store.findings(harbour) if f.category == "killed"]
        support = [s for f in killed for s in f.support]
        assert support and all(s.low != 12 for s in support)
