"""Check the plain-text cleaner on a folder of scraped *.txt files; exit 1 if a check fails.

    python benchmarks/check_text_cleaning.py ../shared/eval/advocacy

For each file: the lines removed and why, then five checks (no furniture left, no sentence
split across paragraphs, no duplicate paragraph, every kept word present, offset round trip
on random spans), and the cleaner's throughput at the end.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from tolltrace.clean.normalize import normalize
from tolltrace.clean.text import PlainClean, clean_plain, furniture_kind

WORD = re.compile(r"\w+")
# The checker's own line breaks, written out again so a cleaner bug cannot hide in shared code.
LINE = re.compile(r"[^\r\n\f\v\u2028\u2029]*(?:\r\n|[\r\n\f\v\u2028\u2029]|$)")
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
# Widget text that never appears in prose, searched anywhere in the clean text.
FURNITURE_PHRASES = re.compile(
    r"back to top|leave a reply|required fields are marked|skip to content|share this:"
    r"|your email address will not be published|comments are closed|\b\d{2,4} ?x ?\d{2,4}\s*$",
    re.IGNORECASE | re.MULTILINE,
)
SPANS_CHECKED = 1000
MAX_SPAN = 300


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    failures: tuple[str, ...]  # empty when the check passed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder of scraped *.txt files")
    parser.add_argument("--seed", type=int, default=2024, help="seed for the random spans")
    args = parser.parse_args(argv)
    paths = sorted(args.folder.glob("*.txt"))
    if not paths:
        print(f"no *.txt files in {args.folder}", file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        failed += check_file(path, random.Random(args.seed))
    print_throughput([path.read_text(encoding="utf-8", errors="replace") for path in paths])
    print(f"{len(paths)} files, {failed} failed checks")
    return 1 if failed else 0


def check_file(path: Path, rng: random.Random) -> int:
    raw = path.read_text(encoding="utf-8", errors="replace")
    clean = clean_plain(raw)
    paragraphs = clean.text.split("\n\n") if clean.text else []
    print(f"== {path.name}: {len(raw)} raw chars, {len(clean.text)} clean, {len(paragraphs)} paras")
    for removed in clean.removed:
        print(f"   removed {removed.reason:28} {raw[removed.raw_start : removed.raw_end]!r:.70}")
    checks: list[Callable[[], CheckResult]] = [
        lambda: no_furniture_left(clean.text, paragraphs),
        lambda: no_split_sentence(paragraphs),
        lambda: no_duplicate_paragraph(paragraphs),
        lambda: every_word_kept(raw, clean),
        lambda: spans_round_trip(raw, clean, rng),
    ]
    failed = 0
    for check in checks:
        result = check()
        print(f"   {'ok  ' if not result.failures else 'FAIL'} {result.name}")
        for failure in result.failures[:5]:
            print(f"        {failure}")
        failed += bool(result.failures)
    return failed


def no_furniture_left(text: str, paragraphs: list[str]) -> CheckResult:
    found = [f"paragraph {p!r:.60} is {kind}" for p in paragraphs if (kind := furniture_kind(p))]
    found += [f"phrase {m.group()!r} at {m.start()}" for m in FURNITURE_PHRASES.finditer(text)]
    return CheckResult("no known boilerplate survives", tuple(found))


def no_split_sentence(paragraphs: list[str]) -> CheckResult:
    splits = [
        f"{before[-40:]!r} | {after[:40]!r}"
        for before, after in pairwise(paragraphs)
        if not SENTENCE_END.search(before) and after[:1].islower()
    ]
    return CheckResult("no sentence split across paragraphs", tuple(splits))


def no_duplicate_paragraph(paragraphs: list[str]) -> CheckResult:
    counts = Counter(normalize(p) for p in paragraphs)
    return CheckResult(
        "no duplicate paragraphs", tuple(f"{p!r:.60} x{n}" for p, n in counts.items() if n > 1)
    )


def every_word_kept(raw: str, clean: PlainClean) -> CheckResult:
    """The words of every line not removed, as a multiset, are exactly the clean text's words."""
    removed = {(r.raw_start, r.raw_end) for r in clean.removed}
    kept: Counter[str] = Counter()
    for line in LINE.finditer(raw):
        body = line.group().rstrip("\r\n\f\v\u2028\u2029")
        start, end = line.start(), line.start() + len(body)
        if not any(s < end and e > start for s, e in removed):
            kept.update(WORD.findall(normalize(body)))
    words = Counter(WORD.findall(clean.text))
    lost = [f"lost {w!r} x{n}" for w, n in (kept - words).items()]
    extra = [f"extra {w!r} x{n}" for w, n in (words - kept).items()]
    return CheckResult("every word of kept raw lines survives", tuple(lost + extra))


def spans_round_trip(raw: str, clean: PlainClean, rng: random.Random) -> CheckResult:
    """Random clean spans map to raw spans with the same words, once removed lines are cut out."""
    failures: list[str] = []
    length = len(clean.text)
    for _ in range(SPANS_CHECKED if length else 0):
        start = rng.randrange(length)
        end = min(length, start + rng.randint(1, MAX_SPAN))
        raw_start, raw_end = clean.offsets.span_to_raw(start, end)
        expected = WORD.findall(clean.text[start:end])
        found = WORD.findall(normalize(kept_raw(raw, clean, raw_start, raw_end)))
        if expected != found:
            failures.append(f"clean {start}:{end} -> raw {raw_start}:{raw_end}: {expected[:6]}")
    return CheckResult(f"offset round trip on {SPANS_CHECKED} random spans", tuple(failures))


def kept_raw(raw: str, clean: PlainClean, start: int, end: int) -> str:
    """raw[start:end] with removed stretches blanked out (the clean text skips them)."""
    chars = list(raw[start:end])
    for removed in clean.removed:
        for offset in range(max(start, removed.raw_start), min(end, removed.raw_end)):
            chars[offset - start] = " "
    return "".join(chars)


def print_throughput(texts: list[str]) -> None:
    chars = sum(map(len, texts))
    rounds = 0
    began = time.perf_counter()
    while time.perf_counter() - began < 1.0:
        for text in texts:
            clean_plain(text)
        rounds += 1
    elapsed = time.perf_counter() - began
    print(f"throughput: {rounds * chars / elapsed:,.0f} chars/s ({rounds} rounds of {chars} chars)")
    # Copies made distinct so the duplicate filter does not skip them.
    copies = max(1, 5_000_000 // max(chars, 1))
    big = "\n\n".join("\n\n".join(texts).replace(" the ", f" the{i} ") for i in range(copies))
    began = time.perf_counter()
    clean_plain(big)
    elapsed = time.perf_counter() - began
    print(f"throughput on one {len(big):,} char document: {len(big) / elapsed:,.0f} chars/s")


if __name__ == "__main__":
    sys.exit(main())
