"""Two readers of a parsed sentence against the parse itself: where a claim happened, and who
says so in one very long sentence. (They were timed unit tests; speed belongs here.)

    .venv/bin/python benchmarks/bench_readers.py [--repeat 2000] [--clauses 100 400]

place        `claim_place` on one parsed sentence of a report, `--repeat` times, against
             parsing that sentence (`parse_sentences`, its memo of recent parses cleared each
             time) as many times: the place must cost a small part of the parse (the unit test
             this replaces asked for more than 2,000 sentences/s).
attribution  `attribute` for every count of one sentence of N clauses ("guards in Koss
             detained 12 people and police said 30 were injured", joined by ", and "), for
             each N of --clauses: seconds, counts/s, and the time ratio of each size to the one
             before it against the ratio of sizes (the same ratio is linear; its square,
             quadratic).

Each row prints the peak memory Python allocates during it (tracemalloc). Figures are of one
run on this machine: compare the rows of one run, not runs on different machines.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Callable, Sequence
from functools import partial

from tolltrace.extract.attribution import attribute
from tolltrace.extract.where import claim_place
from tolltrace.nlp import parse as parse_module
from tolltrace.nlp.parse import ParsedSentence, parse_sentences
from tolltrace.nlp.sentences import split_sentences

REPORT = (
    "Security forces killed at least 300 protesters in Harbour Square and near the Ministry "
    "of Intelligence in Kerevo on Monday, a spokesman told reporters in Geneva."
)
CLAUSE = "guards in Koss detained 12 people and police said 30 were injured"


def measured(work: Callable[[], object]) -> tuple[float, float]:
    """Seconds and peak MB that Python allocates while `work` runs."""
    tracemalloc.start()
    started = time.perf_counter()
    work()
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return seconds, peak


def place_rows(repeat: int) -> None:
    sentence = parse_sentences(REPORT, split_sentences(REPORT))[0]
    pieces = split_sentences(REPORT)

    def parse() -> None:
        for _ in range(repeat):
            parse_module._RECENT.clear()  # a parse, not a look-up in the memo
            parse_sentences(REPORT, pieces)

    def place() -> None:
        for _ in range(repeat):
            claim_place(sentence, 2, 5)

    parse_seconds, parse_peak = measured(parse)
    place_seconds, place_peak = measured(place)
    print(f"{'reader':<12} {'sentences/s':>12} {'peak MB':>8}  vs parse")
    print(f"{'parse':<12} {repeat / parse_seconds:>12.0f} {parse_peak:>8.1f}  1.00x")
    print(
        f"{'place':<12} {repeat / place_seconds:>12.0f} {place_peak:>8.1f}  "
        f"{parse_seconds / place_seconds:.2f}x faster (was required: >2,000 sentences/s)"
    )
    print(f"  found: {claim_place(sentence, 2, 5)!r}")


def _attribute_all(text: str, sentence: ParsedSentence, counts: Sequence[int]) -> None:
    for i in counts:
        attribute(text, sentence, i, i + 1)


def attribution_rows(sizes: Sequence[int]) -> None:
    print(f"\n{'clauses':>8} {'counts':>7} {'seconds':>8} {'counts/s':>9} {'peak MB':>8}  growth")
    before: tuple[int, float] | None = None
    for clauses in sizes:
        text = ", and ".join([CLAUSE] * clauses) + "."
        sentence = parse_sentences(text, split_sentences(text))[0]
        counts = [t.i for t in sentence.tokens if t.text in ("12", "30")]
        seconds, peak = measured(partial(_attribute_all, text, sentence, counts))
        growth = ""
        if before is not None:
            size_ratio, time_ratio = clauses / before[0], seconds / before[1]
            growth = (
                f"time x{time_ratio:.1f} for size x{size_ratio:.1f} (linear: x{size_ratio:.1f})"
            )
        print(
            f"{clauses:>8} {len(counts):>7} {seconds:>8.2f} {len(counts) / seconds:>9.0f} "
            f"{peak:>8.1f}  {growth}"
        )
        before = (clauses, seconds)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=2000, help="place readings and parses")
    parser.add_argument(
        "--clauses", type=int, nargs="+", default=[100, 400], help="sizes of the long sentence"
    )
    args = parser.parse_args(argv)
    parse_sentences(REPORT, split_sentences(REPORT))  # the model loads outside any timing
    place_rows(args.repeat)
    attribution_rows(args.clauses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
