"""Ingest throughput and peak memory on a JSON Lines corpus, against a baseline in the same run.

    .venv/bin/python benchmarks/bench_ingest.py --data ../shared/eval/gva/documents.jsonl

Variants, each in its own process so peak memory is its own:
  baseline   parse each line, SHA-256 it, insert text into a bare SQLite table (no cleaning)
  tolltrace  the real ingest: preserve, decode, clean with offset maps, dates, FTS, custody
  rerun      tolltrace again on the same store: every record is a duplicate (the resume path)
The ratio tolltrace/baseline is what to compare between machines.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORD = re.compile(r"\w+")


def _count(path: Path, limit: int | None) -> tuple[int, int]:
    docs = words = 0
    with path.open("rb") as handle:
        for line in handle:
            if limit is not None and docs >= limit:
                break
            record = json.loads(line)
            text = next(
                (record[k] for k in ("text", "content", "body") if isinstance(record.get(k), str)),
                "",
            )
            docs += 1
            words += len(WORD.findall(text))
    return docs, words


def _limited(path: Path, limit: int | None, folder: Path) -> Path:
    if limit is None:
        return path
    out = folder / "corpus.jsonl"
    with path.open("rb") as src, out.open("wb") as dst:
        for number, line in enumerate(src):
            if number >= limit:
                break
            dst.write(line)
    return out


def run_baseline(corpus: Path, db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE docs (id TEXT PRIMARY KEY, body TEXT)")
    with corpus.open("rb") as handle:
        for line in handle:
            record = json.loads(line)
            text = record.get("content") or record.get("text") or ""
            digest = hashlib.sha256(line.rstrip(b"\n")).hexdigest()
            conn.execute("INSERT OR IGNORE INTO docs VALUES (?, ?)", (digest, text))
    conn.commit()
    conn.close()


def run_tolltrace(corpus: Path, db: Path, workers: int) -> None:
    from tolltrace.pipeline import IngestOptions, ingest
    from tolltrace.runner import PoolRunner
    from tolltrace.store.sqlite import SQLiteStore

    with SQLiteStore(db) as store:
        summary = ingest(store, [str(corpus)], IngestOptions(runner=PoolRunner(workers)))
    print(
        f"# ingested {len(summary.ingested)}, duplicates {len(summary.duplicates)}, "
        f"failed {summary.failed}",
        file=sys.stderr,
    )


def child(variant: str, corpus: Path, db: Path, workers: int) -> None:
    start = time.perf_counter()
    if variant == "baseline":
        run_baseline(corpus, db)
    else:
        run_tolltrace(corpus, db, workers)
    elapsed = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": elapsed, "peak_mb": peak_kb / 1024}))


def measure(variant: str, corpus: Path, db: Path, workers: int) -> dict[str, float]:
    command = [
        sys.executable,
        __file__,
        "--child",
        variant,
        "--data",
        str(corpus),
        "--db",
        str(db),
        "--workers",
        str(workers),
    ]
    out = subprocess.run(command, check=True, capture_output=True, text=True)
    sys.stderr.write(out.stderr)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="a JSON Lines corpus")
    parser.add_argument("--limit", type=int, help="only the first N records")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.data, args.db, args.workers)
        return
    with tempfile.TemporaryDirectory() as folder:
        corpus = _limited(args.data, args.limit, Path(folder))
        docs, words = _count(corpus, None)
        rows = [
            ("baseline", measure("baseline", corpus, Path(folder, "base.db"), 1)),
            ("tolltrace", measure("tolltrace", corpus, Path(folder, "tt.db"), args.workers)),
            ("rerun (all duplicates)", measure("rerun", corpus, Path(folder, "tt.db"), 1)),
        ]
    print(f"corpus: {args.data} ({docs} documents, {words} words), workers={args.workers}")
    print(f"{'variant':<24}{'seconds':>9}{'docs/s':>10}{'words/s':>12}{'peak MB':>9}")
    for name, result in rows:
        seconds = result["seconds"]
        print(
            f"{name:<24}{seconds:>9.2f}{docs / seconds:>10.1f}{words / seconds:>12.0f}"
            f"{result['peak_mb']:>9.0f}"
        )
    ratio = rows[1][1]["seconds"] / rows[0][1]["seconds"]
    print(f"tolltrace takes {ratio:.1f}x the baseline's time")


if __name__ == "__main__":
    main()
