"""Link and report one document that lists hundreds of different tolls in a single sentence.

    .venv/bin/python benchmarks/bench_long_sentence.py [--counts 200 400 800 1600] [--keep DIR]

Each document is generated here: "N people in district number N were killed" for N = 1..counts
in an invented town, written two ways:

  sentence   all of them joined by commas into one sentence (the pathological case: one
             sentence of 19 KB at 400 counts, that each claim quotes)
  separate   one short sentence each, in one document (the baseline: the same claims and the
             same figures, none of them in a long sentence)

Each document is ingested and extracted into a store of its own (not measured), then timed
(after one small warm-up run that loads the models and templates):

  link       `tolltrace.pipeline.link` on that store (entities, events, findings)
  report     the report of its largest event: gathered from the store, as HTML and on a
             terminal (120 columns), and its web page (`GET /events/{id}`, in-process)

For each: seconds, claims per second for link and report together, the peak memory Python
allocates during them (tracemalloc), the stored contradictions, and the sizes of the HTML
report, the terminal report and the web page. The last columns compare each size with the
one before it (time x, memory x: 2.0 per doubling is linear, 4.0 quadratic) and each
`sentence` row with the `separate` row of the same size (vs separate: 1.0 is no cost for
the long sentence).
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

from fastapi.testclient import TestClient
from rich.console import Console

from tolltrace.pipeline import extract, ingest, link
from tolltrace.report.gather import gather_event, largest_events
from tolltrace.report.html import event_report_html
from tolltrace.report.terminal import render_event_report
from tolltrace.store.sqlite import SQLiteStore
from tolltrace.web import create_app
from tolltrace.web.accounts import set_anonymous_read

DATELINE = "Sarenna, May 2, 2031 - "
FICTION = "\nFICTIONAL EXAMPLE: Sarenna and its districts are invented.\n"


def document(counts: int, layout: str) -> str:
    parts = [f"{n} people in district number {n} were killed" for n in range(1, counts + 1)]
    if layout == "sentence":
        return DATELINE + ", ".join(parts) + ".\n" + FICTION
    return DATELINE + ". ".join(part.capitalize() for part in parts) + ".\n" + FICTION


def prepared_store(folder: Path, counts: int, layout: str) -> Path:
    text_file = folder / f"{layout}-{counts}.txt"
    text_file.write_text(document(counts, layout))
    db = folder / f"{layout}-{counts}.db"
    with SQLiteStore(db) as store:
        ingest(store, [str(text_file)])
        extract(store)
        set_anonymous_read(store, True, "bench")
    return db


def measure(db: Path) -> dict[str, float]:
    tracemalloc.start()
    started = time.perf_counter()
    with SQLiteStore(db) as store:
        link(store)
        linked = time.perf_counter()
        contradictions = sum(len(f.contradictions) for f in store.findings())
        [largest] = largest_events(store, 1)
        report = gather_event(store, largest.id)
        claims = len(largest.claims)
    html = event_report_html(report.event, report.findings, report.documents, report.bodies)
    console = Console(file=io.StringIO(), width=120, record=True, color_system=None)
    render_event_report(report.event, report.findings, console, report.bodies)
    terminal = console.export_text()
    with TestClient(create_app(str(db))) as client:
        page = client.get(f"/events/{largest.id}")
        assert page.status_code == 200, page.status_code
    finished = time.perf_counter()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "claims": claims,
        "contradictions": contradictions,
        "link": linked - started,
        "report": finished - linked,
        "seconds": finished - started,
        "peak": peak,
        "html": len(html.encode()),
        "terminal": len(terminal.encode()),
        "page": len(page.content),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[200, 400, 800, 1600])
    parser.add_argument("--keep", type=Path, help="a folder for the stores (else a temporary one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        measure(prepared_store(folder, 10, "separate"))  # models and templates loaded once
        print(
            f"{'layout':<9} {'counts':>6} {'claims':>6} {'contra.':>7} {'link s':>7} "
            f"{'report s':>8} {'claims/s':>8} {'peak MiB':>8} {'html KB':>8} {'term. KB':>8} "
            f"{'page KB':>7} {'time x':>6} {'memory x':>8} {'vs separate':>11}"
        )
        results: dict[tuple[str, int], dict[str, float]] = {}
        for counts in args.counts:
            for layout in ("separate", "sentence"):
                result = measure(prepared_store(folder, counts, layout))
                results[(layout, counts)] = result
                previous = [c for c in args.counts if c < counts]
                growth = "" if not previous else (
                    f"{result['seconds'] / results[(layout, previous[-1])]['seconds']:>6.2f} "
                    f"{result['peak'] / results[(layout, previous[-1])]['peak']:>8.2f}"
                )  # fmt: skip
                baseline = results[("separate", counts)]
                versus = f"{result['seconds'] / baseline['seconds']:>11.2f}"
                print(
                    f"{layout:<9} {counts:>6} {result['claims']:>6.0f} "
                    f"{result['contradictions']:>7.0f} {result['link']:>7.2f} "
                    f"{result['report']:>8.2f} {result['claims'] / result['seconds']:>8.0f} "
                    f"{result['peak'] / 2**20:>8.1f} {result['html'] / 1024:>8.0f} "
                    f"{result['terminal'] / 1024:>8.0f} {result['page'] / 1024:>7.0f} "
                    f"{growth:>15} {versus if layout == 'sentence' else '':>11}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
