"""The runners side by side: the pool runner against Spark local[N], per core, in the same run.

    .venv/bin/python benchmarks/bench_runners.py [--copies 50] [--cores 2] [--json FILE]

The corpus: the bundled example corpus (examples/) ingested once, then --copies renamed copies
of each document's clean text as plain-text files, each copy with every capitalised word
enciphered by a key of its own ("Orvane" -> "Pswbof"; month and day names kept, so dates still
read): documents with the example corpus' statistics, each with its own id and names.

Each runner then runs alone in a child process (this script with a hidden --child flag) on a
fresh store:

  pool    `PoolRunner(cores)`: --cores worker processes (what `--workers N` chooses)
  spark   `SparkRunner("local[cores]")`: Spark on --cores cores. The JVM is started before
          the clock (its start-up is printed apart); the Python workers load the model
          inside the timed job, as the pool's workers do.

and times the two jobs as the CLI runs them: `ingest` (decode and clean, mapped by the runner;
the store written by this process) and `extract` (the claims, mapped by the runner; stored by
this process). Figures: articles/s, articles/s per core, the claims found (they must be the
same for both runners), and the peak memory of the child's whole process tree (the sum of the
resident set sizes of the child and every process under it: pool workers, or the JVM and its
Python workers; sampled every 0.2 s). The ratio of Spark's per-core rate to the pool's is the
figure of the target: Spark local[N] at least 0.8x the pool per core.
"""

from __future__ import annotations

import argparse
import calendar
import json
import os
import platform
import re
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TARGET = 0.8
RUNNERS = ("pool", "spark")
_CAPITALISED = re.compile(r"\b([A-Z])([a-z]+)\b")
_KEPT = set(calendar.month_name[1:]) | set(calendar.day_name)  # English in the C locale
_PAGE = os.sysconf("SC_PAGE_SIZE")


def encipher(text: str, key: int) -> str:
    """Every capitalised word but month and day names made another of the same length: its
    letters after the first shifted by two amounts that depend on `key` (unique below 625)."""
    shifts = (key % 25 + 1, key // 25 % 25 + 1)

    def shift(match: re.Match[str]) -> str:
        if match[0] in _KEPT:
            return match[0]
        rest = "".join(chr((ord(c) - 97 + shifts[i % 2]) % 26 + 97) for i, c in enumerate(match[2]))
        return match[1] + rest

    return _CAPITALISED.sub(shift, text)


def make_corpus(folder: Path, copies: int) -> int:
    """Write the renamed copies of the example corpus into `folder`; return how many."""
    from tolltrace.pipeline import IngestOptions, ingest
    from tolltrace.runner import LocalRunner
    from tolltrace.store.sqlite import SQLiteStore

    with SQLiteStore(folder.parent / "template.db") as store:
        ingest(store, [str(EXAMPLES)], IngestOptions(runner=LocalRunner()))
        texts = []
        for document in store.documents():
            clean = store.get_document(document.id).clean
            assert clean is not None
            title = f"{clean.title}\n\n" if clean.title else ""
            texts.append(title + clean.text)
    folder.mkdir()
    for key in range(copies):
        for number, text in enumerate(texts):
            path = folder / f"copy{key:04d}-{number:02d}.txt"
            path.write_text(encipher(text, key), encoding="utf-8")
    return copies * len(texts)


class TreePeak:
    """The largest total resident set size of this process and every process under it."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> TreePeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(0.2):
            self.peak = max(self.peak, tree_rss(os.getpid()))


def tree_rss(root: int) -> int:
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        parents[int(entry)], rss[int(entry)] = int(fields[1]), int(fields[21]) * _PAGE
    tree, grown = {root}, True
    while grown:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grown = bool(more)
    return sum(rss.get(pid, 0) for pid in tree)


def child(runner_name: str, corpus: Path, db: Path, cores: int) -> None:
    """One runner on a fresh store; prints its figures as one JSON line."""
    from tolltrace.pipeline import IngestOptions, extract, ingest
    from tolltrace.runner import PoolRunner, Runner
    from tolltrace.store.sqlite import SQLiteStore

    figures: dict[str, Any] = {"runner": runner_name, "cores": cores}
    runner: Runner
    if runner_name == "spark":
        from tolltrace.runner_spark import SparkRunner

        began = time.perf_counter()
        runner = SparkRunner(f"local[{cores}]")
        _ = runner.context  # the JVM, started before the clock
        figures["start_seconds"] = time.perf_counter() - began
    else:
        runner = PoolRunner(cores)
    with TreePeak() as peak, runner, SQLiteStore(db) as store:
        began = time.perf_counter()
        ingested = ingest(store, [str(corpus)], IngestOptions(runner=runner))
        figures["ingest_seconds"] = time.perf_counter() - began
        figures["ingested"], figures["ingest_failed"] = len(ingested.ingested), ingested.failed
        began = time.perf_counter()
        extracted = extract(store, runner=runner)
        figures["extract_seconds"] = time.perf_counter() - began
        figures["extracted"], figures["claims"] = len(extracted.processed), extracted.claims
        figures["extract_failed"] = extracted.failed
    figures["peak_mb"] = peak.peak / 2**20
    print(json.dumps(figures))


def measure(runner: str, corpus: Path, db: Path, cores: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", runner, "--corpus", str(corpus)]
    command += ["--db", str(db), "--cores", str(cores)]
    out = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def render(results: Sequence[dict[str, Any]]) -> str:
    header = (
        f"{'runner':<14} {'ingest/s':>9} {'per core':>9} {'extract/s':>10} {'per core':>9} "
        f"{'claims':>7} {'failed':>7} {'peak MB':>8}"
    )
    lines = [header, "-" * len(header)]
    for r in results:
        name = f"{r['runner']} ({r['cores']})"
        ingest_rate = r["ingested"] / r["ingest_seconds"]
        extract_rate = r["extracted"] / r["extract_seconds"]
        failed = r["ingest_failed"] + r["extract_failed"]
        lines.append(
            f"{name:<14} {ingest_rate:>9.1f} {ingest_rate / r['cores']:>9.1f} "
            f"{extract_rate:>10.2f} {extract_rate / r['cores']:>9.2f} {r['claims']:>7} "
            f"{failed:>7} {r['peak_mb']:>8.0f}"
        )
    return "\n".join(lines)


def per_core(result: dict[str, Any], job: str) -> float:
    done = result["ingested" if job == "ingest" else "extracted"]
    return float(done / result[f"{job}_seconds"] / result["cores"])


def _provenance() -> dict[str, Any]:
    root = Path(__file__).resolve().parents[1]
    info: dict[str, Any] = {
        "command": shlex.join([os.path.relpath(sys.executable), *sys.argv]),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
    }
    try:
        git = ["git", "-C", str(root)]
        info["commit"] = subprocess.run(
            [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        info["uncommitted_files"] = len(
            subprocess.run(
                [*git, "status", "--porcelain"], capture_output=True, text=True, check=True
            ).stdout.splitlines()
        )
    except (OSError, subprocess.CalledProcessError):
        info["commit"] = None
    return info


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=50, help="renamed copies of the corpus")
    parser.add_argument("--cores", type=int, default=2, help="pool workers and Spark cores")
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    parser.add_argument("--child", choices=RUNNERS, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.corpus, args.db, args.cores)
        return 0
    info = _provenance()
    print(f"$ {info['command']}")
    if info.get("commit"):
        print(
            f"commit {info['commit']}, {info['uncommitted_files']} uncommitted file(s); "
            f"python {info['python']}, {info['cpus']} CPUs"
        )
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder, "corpus")
        articles = make_corpus(corpus, args.copies)
        print(f"corpus: {args.copies} renamed copies of {EXAMPLES.name}/, {articles} articles")
        results = [measure(r, corpus, Path(folder, f"{r}.db"), args.cores) for r in RUNNERS]
    print(render(results))
    pool, spark = results
    print(f"spark JVM start-up (not timed above): {spark['start_seconds']:.1f} s")
    ratios = {job: per_core(spark, job) / per_core(pool, job) for job in ("ingest", "extract")}
    verdict = "met" if ratios["extract"] >= TARGET else "NOT met"
    print(
        f"spark/pool per core: extract {ratios['extract']:.2f}x (target >= {TARGET}x: "
        f"{verdict}), ingest {ratios['ingest']:.2f}x"
    )
    if pool["claims"] != spark["claims"]:
        print(f"WARNING: the runners found different claims: {pool['claims']} != {spark['claims']}")
    if args.json:
        figures = {"provenance": info, "copies": args.copies, "results": results, "ratios": ratios}
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
