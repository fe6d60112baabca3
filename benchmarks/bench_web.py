"""Page latency of the review app on a real corpus: median and 95th percentile per page.

    .venv/bin/python benchmarks/bench_web.py ../shared/eval/gva/documents.jsonl
    .venv/bin/python benchmarks/bench_web.py ../shared/eval/gva/documents.jsonl --db gva.db

Builds the store once (ingest, extract, link; `--db` keeps it for the next run, which then
only measures), serves it with uvicorn on a free local port, signs in, and times full HTTP
round trips of the search, document and event pages (and the claim page and the queue) with
a warm-up request first. Target: median under 200 ms on these machines.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from tolltrace.pipeline import extract, ingest, link
from tolltrace.runner import PoolRunner
from tolltrace.store.base import ClaimQuery
from tolltrace.store.links import EventQuery
from tolltrace.store.sqlite import SQLiteStore
from tolltrace.web import create_app
from tolltrace.web.accounts import add_account

QUERIES = (
    "police", "shot", "killed", "wounded", "arrested", "shooting", "teenager", "suspect",
    '"police said"', "gunman OR shooter", "hospital", "victim", "charged", "woman",
)  # fmt: skip
PASSWORD = "benchmark password"
TARGET_MS = 200.0


def build(store: SQLiteStore, data: Path, workers: int) -> None:
    started = time.perf_counter()
    summary = ingest(store, [str(data)])
    print(f"ingest: {len(summary.ingested)} documents ({time.perf_counter() - started:.0f} s)")
    started = time.perf_counter()
    extracted = extract(store, runner=PoolRunner(workers))
    print(f"extract: {extracted.claims} claims ({time.perf_counter() - started:.0f} s)")
    started = time.perf_counter()
    linked = link(store)
    print(f"link: {linked.events} events, {linked.findings} findings "
          f"({time.perf_counter() - started:.0f} s)")  # fmt: skip


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def measure(client: httpx.Client, urls: list[str]) -> list[float]:
    client.get(urls[0])  # warm-up: templates compiled, connection open
    times = []
    for url in urls:
        started = time.perf_counter()
        answer = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if answer.status_code != 200:
            raise SystemExit(f"{url}: HTTP {answer.status_code}: {answer.text[:300]}")
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the corpus (e.g. gva/documents.jsonl)")
    parser.add_argument("--db", type=Path, help="keep the store here (reused when it exists)")
    parser.add_argument("--requests", type=int, default=60, help="requests per page kind")
    parser.add_argument("--workers", type=int, default=2, help="extraction processes")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-web-"))
    db = args.db or folder / "bench.db"
    random.seed(7)
    with SQLiteStore(db) as store:
        if store.count_documents() == 0:
            build(store, args.data, args.workers)
        if "bench" not in {user.name for user in store.users()}:
            add_account(store, "bench", "viewer", PASSWORD)
        documents = [doc.id for doc in store.documents()]
        claims = [claim.id for claim in store.claims(ClaimQuery(limit=5000))]
        events = [event.id for event in store.events(EventQuery(limit=5000))]
        print(f"store: {len(documents)} documents, {store.count_claims()} claims, "
              f"{store.count_events()} events")  # fmt: skip
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    n = args.requests
    pages = {
        "search": [f"/search?q={random.choice(QUERIES)}" for _ in range(n)],
        "document": [f"/documents/{random.choice(documents)}" for _ in range(n)],
        "event": [f"/events/{random.choice(events)}" for _ in range(n)] if events else [],
        "claim": [f"/claims/{random.choice(claims)}" for _ in range(n)] if claims else [],
        "queue": ["/queue"] * max(n // 4, 5),
    }
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
        client.post("/api/session", json={"name": "bench", "password": PASSWORD})
        print(f"\n{'page':<10} {'requests':>8} {'median ms':>10} {'p95 ms':>8}  target")
        failed = False
        for name, urls in pages.items():
            if not urls:
                print(f"{name:<10} {'-':>8}  (nothing to request: no {name}s in the store)")
                continue
            times = measure(client, urls)
            median, p95 = statistics.median(times), percentile(times, 0.95)
            met = median < TARGET_MS
            failed |= not met and name in ("search", "document", "event")
            print(f"{name:<10} {len(times):>8} {median:>10.1f} {p95:>8.1f}  "
                  f"{'met' if met else 'MISSED'} (<{TARGET_MS:.0f} median)")  # fmt: skip
    server.should_exit = True
    thread.join(timeout=10)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
