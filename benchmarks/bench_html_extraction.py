"""Main-text extraction from HTML: tolltrace's clean_html against trafilatura's default.

Scores articleBody exactly as the scrapinghub article-extraction-benchmark does (4-gram
shingles of \\w+ tokens, per-page counts normalised to sum 1, precision/recall/F1 from the
sums over pages), plus a plain bag-of-tokens F1. Each system runs in its own process so its
peak memory is its own. Exits 1 if clean_html scores below trafilatura's default.

    python -m benchmarks.bench_html_extraction --data ../shared/eval/article_extraction
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import multiprocessing
import re
import resource
import sys
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

_TOKEN = re.compile(r"\w+")
SYSTEMS = ("trafilatura default", "tolltrace clean_html")


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    url: str
    html: str
    truth: str


@dataclass(frozen=True, slots=True)
class Run:
    system: str
    texts: tuple[str, ...]
    seconds: float
    peak_rss_mb: float
    aligned: tuple[float, ...]  # clean_html only
    failures: int


@dataclass(frozen=True, slots=True)
class Counts:
    """One page's true/false positives and false negatives, normalised to sum 1."""

    tp: float
    fp: float
    fn: float

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0


def load_pages(data: Path) -> list[Page]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, record in sorted(truth.items()):
        raw = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes())
        # The benchmark's pages are UTF-8; a stray bad byte must not stop the run.
        html = raw.decode("utf-8", errors="replace")
        pages.append(Page(page_id, record.get("url", ""), html, record["articleBody"]))
    return pages


def shingles(text: str, n: int) -> Counter[tuple[str, ...]]:
    """The benchmark's n-gram shingles (a text shorter than n gives one short shingle)."""
    tokens = _TOKEN.findall(text)
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def page_counts(truth: str, predicted: str, n: int) -> Counts:
    expected, got = shingles(truth, n), shingles(predicted, n)
    tp = sum((expected & got).values())
    fp = sum((got - expected).values())
    fn = sum((expected - got).values())
    total = tp + fp + fn
    return Counts(tp / total, fp / total, fn / total) if total else Counts(0.0, 0.0, 0.0)


def prf(counts: Sequence[Counts]) -> tuple[float, float, float]:
    tp = sum(c.tp for c in counts)
    fp = sum(c.fp for c in counts)
    fn = sum(c.fn for c in counts)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run_system(system: str, data: Path) -> Run:
    """Runs one system over every page (called in a fresh process)."""
    logging.disable(logging.CRITICAL)  # trafilatura logs every page it discards
    import trafilatura

    from tolltrace.clean.html import clean_html
    from tolltrace.errors import NoText

    pages = load_pages(data)
    texts, aligned, failures = [], [], 0
    started = time.perf_counter()  # after the imports: they are not per-page work
    for page in pages:
        if system == SYSTEMS[0]:
            texts.append(trafilatura.extract(page.html) or "")
            continue
        try:
            result = clean_html(page.html, url=page.url or None)
        except NoText:
            texts.append("")
            failures += 1
            continue
        texts.append(result.text)
        aligned.append(result.aligned)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return Run(system, tuple(texts), seconds, peak, tuple(aligned), failures)


def run_isolated(system: str, data: Path) -> Run:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(run_system, system, data).result()


@dataclass(frozen=True, slots=True)
class Score:
    system: str
    pages: tuple[Counts, ...]  # shingle counts per page
    shingle: tuple[float, float, float]  # precision, recall, F1
    token_f1: float
    pages_per_second: float
    peak_rss_mb: float


def score(run: Run, pages: Sequence[Page]) -> Score:
    shingle = [page_counts(p.truth, t, 4) for p, t in zip(pages, run.texts, strict=True)]
    tokens = [page_counts(p.truth, t, 1) for p, t in zip(pages, run.texts, strict=True)]
    rate = len(pages) / run.seconds if run.seconds else 0.0
    return Score(run.system, tuple(shingle), prf(shingle), prf(tokens)[2], rate, run.peak_rss_mb)


def print_table(scores: Sequence[Score]) -> None:
    header = (
        f"{'system':<22} {'P':>7} {'R':>7} {'F1':>7} {'tok F1':>7} {'pages/s':>8} {'peak MB':>8}"
    )
    print(header)
    print("-" * len(header))
    for s in scores:
        precision, recall, f1 = s.shingle
        print(
            f"{s.system:<22} {precision:7.4f} {recall:7.4f} {f1:7.4f} {s.token_f1:7.4f} "
            f"{s.pages_per_second:8.1f} {s.peak_rss_mb:8.0f}"
        )


def print_comparison(ours: Run, ours_score: Score, default_score: Score) -> None:
    mean = sum(ours.aligned) / len(ours.aligned) if ours.aligned else 0.0
    lowest = min(ours.aligned, default=0.0)
    print(f"\npages: {len(ours.texts)}; clean_html NoText: {ours.failures}")
    print(f"clean_html aligned share: mean {mean:.4f}, min {lowest:.4f}")
    diffs = [a.f1 - b.f1 for a, b in zip(ours_score.pages, default_score.pages, strict=True)]
    better = sum(d > 1e-9 for d in diffs)
    worse = sum(d < -1e-9 for d in diffs)
    print(
        f"clean_html vs default, per-page F1: better on {better}, worse on {worse}, "
        f"equal on {len(diffs) - better - worse}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, required=True, help="article_extraction folder")
    args = parser.parse_args(argv)
    data = args.data.resolve()
    pages = load_pages(data)
    default, ours = (run_isolated(system, data) for system in SYSTEMS)
    default_score, ours_score = score(default, pages), score(ours, pages)
    print_table([default_score, ours_score])
    print_comparison(ours, ours_score, default_score)
    ok = ours_score.shingle[2] >= default_score.shingle[2]
    if not ok:
        print("FAIL: clean_html scores below trafilatura's default", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
