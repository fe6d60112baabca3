"""Regression: one small document listing hundreds of different tolls must not exhaust memory.

Guards against n distinct figures making n(n-1)/2 stored contradictions, each quoting a
whole sentence of many kilobytes, in the store, the reports, the event page and its API.
The documents are generated here (fictional districts of an invented town); work is
counted (function calls, rows, bytes), never timed.
"""

from __future__ import annotations

import cProfile
import io
import json
import pstats
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from rich.console import Console

from tests.test_long_sentence import counts_sentence
from tolltrace.cli import cli
from tolltrace.model import Claim, Event
from tolltrace.pipeline import extract, ingest, link
from tolltrace.reconcile.findings import reconcile_event
from tolltrace.reconcile.quotes import QUOTE_LIMIT, excerpt
from tolltrace.reconcile.sources import SourceDocument
from tolltrace.report.gather import gather_event
from tolltrace.report.html import event_report_html
from tolltrace.report.terminal import render_event_report
from tolltrace.store.links import EventQuery
from tolltrace.store.sqlite import SQLiteStore
from tolltrace.web import create_app
from tolltrace.web.accounts import set_anonymous_read

COUNTS = 400
DOC = "d" * 64


def district_claims(counts: int) -> list[Claim]:
    """`counts` exact tolls, all different, in one long sentence of one document."""
    sentence = counts_sentence(counts).strip()
    claims = []
    for n in range(1, counts + 1):
        text = f"{n} people in district number {n} were killed"
        start = sentence.index(f" {text}") + 1 if n > 1 else sentence.index(text)
        claims.append(
            Claim(
                id=f"c{n:04d}",
                document=DOC,
                uri="districts.txt",
                text=text,
                sentence=sentence,
                start=start,
                end=start + len(text),
                raw_start=start,
                raw_end=start + len(text),
                low=n,
                high=n,
                qualifier="exact",
                category="killed",
                subject="people",
                event="ev-districts",
            )
        )
    return claims


def _event(claims: list[Claim]) -> Event:
    return Event(
        "ev-districts", "the district killings", "killed", "2031-05", "Sarenna", (DOC,),
        tuple(c.id for c in claims),
    )  # fmt: skip


DOCUMENTS = {DOC: SourceDocument(DOC, "districts.txt", "sarenna-post", "2031-05-02", "Tolls")}


def _reconciled(counts: int) -> tuple[Event, list[Claim]]:
    claims = district_claims(counts)
    return _event(claims), claims


def test_distinct_figures_of_one_sentence_make_a_linear_number_of_contradictions() -> None:
    event, claims = _reconciled(COUNTS)
    [finding] = reconcile_event(event, claims, DOCUMENTS)
    assert not finding.consistent
    # was 79,800: one pair for each pair of different tolls
    assert len(finding.contradictions) <= 2 * COUNTS
    named = {claim for c in finding.contradictions for claim in (c.first, c.second)}
    assert named == {c.id for c in claims}  # every toll is still shown as contradicted
    assert {f.contradicts for f in finding.figures} == {COUNTS - 1}  # each defies all others
    assert max(len(f.sentence) for f in finding.figures) <= QUOTE_LIMIT
    assert all(f.text in f.sentence for f in finding.figures)


def _finding_of(
    claims: list[Claim], published: dict[str, str]
) -> tuple[set[frozenset[str]], dict[str, int]]:
    documents = {
        c.document: SourceDocument(c.document, c.uri, c.document, published[c.document], None)
        for c in claims
    }
    event = Event("ev-x", "x", "killed", None, None, tuple(documents), tuple(c.id for c in claims))
    [finding] = reconcile_event(event, claims, documents)
    pairs = {frozenset((c.first, c.second)) for c in finding.contradictions}
    return pairs, {f.claim: f.contradicts for f in finding.figures}


def _claim(claim_id: str, text: str, low: int, high: int | None, qualifier: str) -> Claim:
    sentence = f"In Sarenna, {text}."
    return Claim(
        id=claim_id, document=f"doc-{claim_id}", uri=f"https://{claim_id}.example/", text=text,
        sentence=sentence, start=12, end=12 + len(text), raw_start=12, raw_end=12 + len(text),
        low=low, high=high, qualifier=qualifier, category="killed", subject="people",
    )  # fmt: skip


def test_each_figure_is_set_against_its_nearest_rivals_and_counts_all_it_defies() -> None:
    claims = [
        _claim("five", "5 people were killed", 5, 5, "exact"),
        _claim("twelve", "12 people were killed", 12, 12, "exact"),
        _claim("forty", "at least 40 people were killed", 40, None, "at_least"),
        _claim("three", "more than 300 people were killed", 300, None, "more_than"),
    ]
    same_day = {c.document: "2031-05-02" for c in claims}
    pairs, defies = _finding_of(claims, same_day)
    # 5 is below all three others, but only its nearest rival (12) is paired with it
    assert pairs == {
        frozenset(("five", "twelve")),
        frozenset(("twelve", "forty")),
        frozenset(("twelve", "three")),
    }
    assert defies == {"five": 3, "twelve": 3, "forty": 2, "three": 2}


def test_a_short_sentence_is_quoted_whole_and_a_long_one_around_the_words() -> None:
    assert excerpt("In Sarenna, 12 people were killed.", "12 people") == (
        "In Sarenna, 12 people were killed."
    )
    sentence = counts_sentence(COUNTS).strip()
    words = "200 people in district number 200 were killed"
    quote = excerpt(sentence, words)
    assert len(quote) <= QUOTE_LIMIT and words in quote
    assert quote.startswith("…") and quote.endswith("…")
    assert quote.strip("…") in sentence  # the sentence's own words, cut at spaces
    assert (
        not quote.strip("…")[0].isspace() and sentence[sentence.index(quote.strip("…")) - 1] == " "
    )
    assert len(excerpt(sentence, "x" * 5000)) == QUOTE_LIMIT  # words longer than a quote
    assert len(excerpt(sentence, "words not in it")) <= QUOTE_LIMIT


def _work(counts: int) -> int:
    """Function calls to reconcile one long sentence's tolls and report them (HTML, terminal)."""
    event, claims = _reconciled(counts)
    profile = cProfile.Profile()
    profile.enable()
    findings = reconcile_event(event, claims, DOCUMENTS)
    event_report_html(event, findings, DOCUMENTS)
    render_event_report(event, findings, Console(file=io.StringIO(), width=120))
    profile.disable()
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


def test_reconciling_and_reporting_work_grows_linearly_with_the_tolls() -> None:
    half, whole = _work(60), _work(120)  # small: the old reports of 120 tolls took 80 MB
    assert whole < 2.5 * half, (half, whole)  # was 4 times: pairs of tolls


# ------------------------------------------------------- extract and link a generated document


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("districts")
    (folder / "districts.txt").write_text(
        counts_sentence(COUNTS) + "\nFICTIONAL EXAMPLE: Sarenna and its districts are invented.\n"
    )
    path = folder / "t.db"
    with SQLiteStore(path) as store:
        ingest(store, [str(folder / "districts.txt")])
        extract(store)
        link(store)
    return path


@pytest.fixture(scope="module")
def event_id(db: Path) -> str:
    with SQLiteStore(db) as store:
        events = list(store.events(EventQuery()))
        largest = max(events, key=lambda e: len(e.claims))
        assert len(largest.claims) == COUNTS  # one claim per toll, all in one event
        return largest.id


def test_stored_contradictions_are_few_and_short(db: Path, event_id: str) -> None:
    with SQLiteStore(db) as store:
        [killed] = [f for f in store.findings(event_id) if f.category == "killed"]
        assert len(killed.figures) == COUNTS
        assert len(killed.contradictions) <= 2 * COUNTS  # was 79,800 rows
    with closing(sqlite3.connect(db)) as raw:  # the bytes the finding takes in the store
        sizes = raw.execute(
            "SELECT length(contradictions), length(figures) FROM findings WHERE event = ?",
            (event_id,),
        ).fetchall()
    contradictions, figures = map(sum, zip(*sizes, strict=True))
    assert contradictions < 200_000  # was 6 MB
    assert figures < COUNTS * (QUOTE_LIMIT + 1_000)  # was 7.5 MB: each held the whole sentence


def test_reports_have_a_size_bound(db: Path, event_id: str) -> None:
    with SQLiteStore(db) as store:
        report = gather_event(store, event_id)
    page = event_report_html(report.event, report.findings, report.documents, report.bodies)
    assert len(page) < 1_000_000  # was 2.8 GB
    assert "more figures not shown (400 in all)" in page
    console = Console(record=True, width=120, file=io.StringIO(), color_system=None)
    render_event_report(report.event, report.findings, console, report.bodies)
    text = console.export_text()
    assert len(text) < 300_000
    assert "more contradictions not shown" in text and "--format jsonl" in text
    findings = CliRunner().invoke(cli, ["findings", "--db", str(db)], catch_exceptions=False)
    assert findings.exit_code == 0 and len(findings.output) < 100_000
    assert "380 more figures not shown (400 in all)" in " ".join(findings.output.split())


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with SQLiteStore(db) as store:
        set_anonymous_read(store, True, "test")
    with TestClient(create_app(str(db))) as opened:
        yield opened


def test_event_page_and_api_have_a_size_bound(client: TestClient, event_id: str) -> None:
    page = client.get(f"/events/{event_id}")
    assert page.status_code == 200
    assert len(page.content) < 400_000  # was 62 s and 5.3 GB of server memory
    assert "1–50 of 400" in page.text and "next →" in page.text
    last = client.get(f"/events/{event_id}?offset=350")
    assert "351–400 of 400" in last.text and "next →" not in last.text
    api = client.get(f"/api/events/{event_id}").json()
    [killed] = [f for f in api["findings"] if f["category"] == "killed"]
    assert len(killed["figures"]) == 100 and killed["sizes"]["figures"] == COUNTS
    assert len(json.dumps(api["findings"])) < 300_000
    assert len(api["claims"]) == 100 and api["claim_count"] == COUNTS
    window = client.get(f"/api/events/{event_id}?offset=390&limit=50").json()
    assert len(window["claims"]) == 10
    queue = client.get("/queue")  # 50 claims, each with its sentence quoted around it
    assert queue.status_code == 200 and len(queue.content) < 100_000  # was 950 KB
