"""Counts in NewsQuant sentences: tolltrace's number finder against a baseline and quantulum3.

    .venv/bin/python benchmarks/bench_numbers.py --data ../shared/eval/newsquant [--errors]

Every extractor is scored in the same run by the project's one NewsQuant scorer
(`tolltrace.evaluate.score_newsquant`, whose docstring holds the scope rule and the bound
mapping): values and bounds of the gold quantities that count people or things. Extractors:

  tolltrace   `find_counts` on each sentence: one claim per count, qualifier as found.
  baseline    every run of digits ("1,500", "3.7"), exact; fractional values dropped (a claim
              holds whole numbers).
  quantulum3  its dimensionless quantities (the ones it does not give a unit of measure),
              exact (it reports no bound); skipped with a note when it is not installed.

A second, diagnostic table (not the project's figure) changes two things the data set and our
schema disagree on: a vague count ("dozens": 24..None) matches a gold magnitude range ("dozens"
is written = 12-120) when its low end lies inside it, and gold values that are not whole
numbers (averages: "3.7 rebounds", "0.5 WAR") are left out, since no count is fractional.

Speed is sentences per second over all sentences (best of --repeat runs). `--errors` lists
tolltrace's misses (gold value not found) and its extra claims per sentence.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

from tolltrace.evaluate.datasets import EvalDocument, NewsquantGold, Quantity, load_newsquant
from tolltrace.evaluate.metrics import PRF
from tolltrace.evaluate.score_newsquant import (
    BOUND_OF_QUALIFIER,
    BOUNDS,
    NewsquantReport,
    counts_people_or_things,
    score_newsquant,
)
from tolltrace.extract.numbers import counted_noun, find_counts
from tolltrace.model import Claim, Count

Finder = Callable[[str], list[tuple[int | None, int | None, str, int, int]]]
_DIGITS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.,])\d+(?:\.\d+)?")


def tolltrace_finder(sentence: str) -> list[tuple[int | None, int | None, str, int, int]]:
    return [(c.low, c.high, c.qualifier, c.start, c.end) for c in find_counts(sentence)]


def baseline_finder(sentence: str) -> list[tuple[int | None, int | None, str, int, int]]:
    found: list[tuple[int | None, int | None, str, int, int]] = []
    for match in _DIGITS.finditer(sentence):
        value = float(match.group().replace(",", ""))
        if value.is_integer():
            found.append((int(value), int(value), "exact", match.start(), match.end()))
    return found


def quantulum_finder() -> Finder | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser  # type: ignore[import-untyped]
    except ImportError:
        return None

    def find(sentence: str) -> list[tuple[int | None, int | None, str, int, int]]:
        found: list[tuple[int | None, int | None, str, int, int]] = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            quantities = parser.parse(sentence)
        for quantity in quantities:
            if quantity.unit.entity.name != "dimensionless":
                continue
            value = float(quantity.value)
            if value.is_integer():
                start, end = quantity.span
                found.append((int(value), int(value), "exact", start, end))
        return found

    return find


def as_extract(finder: Finder) -> Callable[[EvalDocument], Sequence[Claim]]:
    def extract(document: EvalDocument) -> Sequence[Claim]:
        return [
            Claim(
                id=f"{document.id}:{start}",
                document=document.id,
                uri="",
                text=document.text[start:end],
                sentence=document.text,
                start=start,
                end=end,
                raw_start=start,
                raw_end=end,
                low=low,
                high=high,
                qualifier=qualifier,
                category="other",
                subject="",
            )
            for low, high, qualifier, start, end in finder(document.text)
        ]

    return extract


def lenient_score(
    gold: NewsquantGold, documents: Sequence[EvalDocument], finder: Finder
) -> tuple[int, int, int, int, int]:
    """correct, predicted, gold, bounds right, bounds scored: the diagnostic matching."""
    correct = predicted = wanted_total = bound_right = bound_total = 0
    for document in documents:
        wanted = [
            q
            for q in gold.sentences.get(document.id, ())
            if counts_people_or_things(q) and q.low.is_integer() and q.high.is_integer()
        ]
        found = finder(document.text)
        predicted += len(found)
        wanted_total += len(wanted)
        free = list(range(len(wanted)))
        for low, high, qualifier, _, _ in found:
            for index in free:
                q = wanted[index]
                if _lenient_match(low, high, qualifier, q.low, q.high):
                    free.remove(index)
                    correct += 1
                    if q.change in BOUNDS:
                        bound_total += 1
                        bound_right += BOUND_OF_QUALIFIER[qualifier] == q.change
                    break
    return correct, predicted, wanted_total, bound_right, bound_total


def _lenient_match(
    low: int | None, high: int | None, qualifier: str, gold_low: float, gold_high: float
) -> bool:
    if qualifier == "vague":
        return low is not None and gold_low < gold_high and gold_low <= low <= gold_high
    if gold_low != gold_high:
        return low == gold_low and high == gold_high
    value = low if low is not None else high
    return value == gold_low


def speed(finder: Finder, documents: Sequence[EvalDocument], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        for document in documents:
            finder(document.text)
        best = min(best, time.perf_counter() - began)
    return len(documents) / best if best > 0 else float("inf")


def _cell(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def print_errors(gold: NewsquantGold, documents: Sequence[EvalDocument]) -> None:
    """tolltrace's misses, extra claims and wrong bounds, with the diagnostic matching."""
    for document in documents:
        wanted = [q for q in gold.sentences.get(document.id, ()) if counts_people_or_things(q)]
        counts = find_counts(document.text)

        def matches(c: Count, q: Quantity) -> bool:
            return _lenient_match(c.low, c.high, c.qualifier, q.low, q.high)

        missed = [q for q in wanted if not any(matches(c, q) for c in counts)]
        extra = [c for c in counts if not any(matches(c, q) for q in wanted)]
        wrong_bound = [
            (c, q)
            for c in counts
            for q in wanted
            if matches(c, q) and q.change in BOUNDS and _bound(c.qualifier) != q.change
        ]
        if not (missed or extra or wrong_bound):
            continue
        print(f"[{document.id}] {document.text}")
        for q in missed:
            value = f"{q.low:g}" if q.low == q.high else f"{q.low:g}-{q.high:g}"
            print(f"    missed {value} {q.change} {q.unit!r}")
        for c in extra:
            noun = counted_noun(document.text, c)
            print(f"    extra  {c.text!r} {c.low}..{c.high} {c.qualifier} -> {noun}")
        for c, q in wrong_bound:
            print(f"    bound  {c.text!r} {c.qualifier}, gold {q.change}")


def _bound(qualifier: str) -> str:
    return BOUND_OF_QUALIFIER[qualifier]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="a NewsQuant folder")
    parser.add_argument("--repeat", type=int, default=5, help="timing runs (best is kept)")
    parser.add_argument("--errors", action="store_true", help="list tolltrace's errors")
    args = parser.parse_args(argv)
    gold, documents = load_newsquant(args.data)
    finders: list[tuple[str, Finder]] = [
        ("tolltrace", tolltrace_finder),
        ("baseline", baseline_finder),
    ]
    quantulum = quantulum_finder()
    if quantulum is None:
        print("quantulum3 is not installed: skipped (pip install quantulum3==0.10.0)")
    else:
        finders.append(("quantulum3", quantulum))
    reports: list[tuple[str, NewsquantReport, float]] = []
    for name, finder in finders:
        report = score_newsquant(gold, documents, as_extract(finder))
        repeat = args.repeat if name != "quantulum3" else 1
        reports.append((name, report, speed(finder, documents, repeat)))
    first = reports[0][1]
    print(
        f"NewsQuant {args.data}: {first.sentences} sentences, {first.in_scope} gold quantities "
        f"that count people or things ({first.out_of_scope} others left out)"
    )
    print(
        f"{'extractor':<11} {'prec':>6} {'recall':>6} {'F1':>6} {'bound':>6} {'n_bnd':>5} "
        f"{'claims':>6} {'on_oos':>6} {'sent/s':>9}"
    )
    for name, report, rate in reports:
        values = report.values
        print(
            f"{name:<11} {_cell(values.precision)} {_cell(values.recall)} {_cell(values.f1)} "
            f"{_cell(report.bound.value)} {report.bound.total:5d} {values.predicted:6d} "
            f"{report.out_of_scope_claims:6d} {rate:9.0f}"
        )
    print("on_oos: claims whose value is that of a gold quantity out of scope (money, %, ...)")
    print("targets (issue 3): value F1 >= 0.92, bound accuracy >= 0.90")
    print("\ndiagnostic: vague counts match gold magnitude ranges; fractional gold values left out")
    print(f"{'extractor':<11} {'prec':>6} {'recall':>6} {'F1':>6} {'bound':>6} {'n_bnd':>5}")
    for name, finder in finders:
        correct, predicted, wanted, right, scored = lenient_score(gold, documents, finder)
        values = PRF(correct, predicted, wanted)
        print(
            f"{name:<11} {_cell(values.precision)} {_cell(values.recall)} {_cell(values.f1)} "
            f"{_cell(right / scored if scored else None)} {scored:5d}"
        )
    if args.errors:
        print_errors(gold, documents)
    return 0


if __name__ == "__main__":
    sys.exit(main())
