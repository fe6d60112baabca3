"""Event linking on the gva corpus: time, peak memory, and how both grow with the corpus.

    .venv/bin/python benchmarks/bench_link.py --data ../shared/eval/gva
        [--cache /tmp/gva-link.pickle] [--workers 2] [--repeat 3]

The documents are first extracted once (`tolltrace_extract`: clean + claims, in --workers
processes; ~1.5 minutes for 2,928 articles on two cores) into `LinkDocument`s; --cache keeps
them in a pickle so later runs start at once. Extraction is not what is measured.

Linking (`link_events` + `main_events`) then runs on three corpora:

  half     the first half of the documents
  whole    every document
  doubled  every document twice: the copy gets new ids ("<id>~2"), claim ids to match, and
           publication dates and claim dates shifted by 400 days. The blocks of shared names
           are twice as big (the hard case for blocking); a copy has the same text as its
           original, so linking mostly puts the two in one event (fewer than twice the events)
  renamed  every document twice, the copy also with every capitalised word enciphered to a
           new word of the same length ("Remaley" -> "Rfnbmfz", offsets unchanged): a second
           corpus with the first one's statistics but other people and places, the fair case
           for growth (about twice the events)

For each: the best wall time of --repeat runs, the peak memory Python allocates during one run
(tracemalloc, linking only), the number of events, and the growth ratios against whole (time and
memory per doubling: 2.0 is linear, 4.0 quadratic). On whole, the B³ precision,
recall and F1 of the article clustering against the incident ids are printed too.
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
import re
import sys
import time
import tracemalloc
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import timedelta
from pathlib import Path

from tolltrace.evaluate.datasets import EvalDocument, load_gva
from tolltrace.evaluate.extractor import LinkedClaims, raw_link_document, tolltrace_extract
from tolltrace.evaluate.metrics import b_cubed
from tolltrace.link.event_similarity import parse_day
from tolltrace.link.events import LinkDocument, link_events, main_events
from tolltrace.model import Event

SHIFT_DAYS = 400


def extract_one(document: EvalDocument) -> LinkDocument:
    try:
        found: LinkedClaims = tolltrace_extract(document)
    except Exception:  # an article the cleaner rejects still has a title and a text to link
        return raw_link_document(document, ())
    return found.document


def extract_all(documents: Sequence[EvalDocument], workers: int) -> list[LinkDocument]:
    if workers <= 1:
        return [extract_one(d) for d in documents]
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(extract_one, documents, chunksize=16))


def shifted(value: str | None) -> str | None:
    day = parse_day(value)
    if value is None or day is None:
        return value
    return (day + timedelta(days=SHIFT_DAYS)).isoformat() + value[10:]


def copy_of(document: LinkDocument) -> LinkDocument:
    new_id = f"{document.id}~2"
    claims = tuple(
        dataclasses.replace(c, id=f"{c.id}~2", document=new_id, when=shifted(c.when))
        for c in document.claims
    )
    return dataclasses.replace(
        document, id=new_id, published=shifted(document.published), claims=claims
    )


_CAPITALISED = re.compile(r"\b([A-Z])([a-z'’]+)")


def encipher(text: str) -> str:
    """Every capitalised word made another of the same length: each letter after the first
    shifted by one ("Remaley" -> "Rfnbmfz")."""

    def shift(match: re.Match[str]) -> str:
        rest = "".join(chr((ord(c) - 97 + 1) % 26 + 97) if "a" <= c <= "z" else c for c in match[2])
        return match[1] + rest

    return _CAPITALISED.sub(shift, text)


def renamed_copy(document: LinkDocument) -> LinkDocument:
    copy = copy_of(document)
    claims = tuple(
        dataclasses.replace(
            c, text=encipher(c.text), sentence=encipher(c.sentence),
            where=encipher(c.where) if c.where else None,
            attributed_to=encipher(c.attributed_to) if c.attributed_to else None,
        )
        for c in copy.claims
    )  # fmt: skip
    title = encipher(copy.title) if copy.title else None
    return dataclasses.replace(copy, id=f"{document.id}~r", text=encipher(copy.text), title=title,
                               claims=tuple(dataclasses.replace(c, id=c.id.replace("~2", "~r"),
                                                                document=f"{document.id}~r")
                                            for c in claims))  # fmt: skip


def measure(documents: Sequence[LinkDocument], repeat: int) -> tuple[float, int, list[Event]]:
    best = float("inf")
    events: list[Event] = []
    for _ in range(repeat):
        started = time.perf_counter()
        events = link_events(documents)
        main_events(events)
        best = min(best, time.perf_counter() - started)
    tracemalloc.start()
    link_events(documents)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return best, peak, events


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the gva folder")
    parser.add_argument("--cache", type=Path, help="pickle of the extracted documents")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    gold, documents = load_gva(args.data)
    if args.cache is not None and args.cache.exists():
        linked: list[LinkDocument] = pickle.loads(args.cache.read_bytes())
        print(f"read {len(linked)} extracted documents from {args.cache}")
    else:
        started = time.perf_counter()
        linked = extract_all(documents, args.workers)
        print(f"extracted {len(linked)} documents in {time.perf_counter() - started:.1f} s")
        if args.cache is not None:
            args.cache.write_bytes(pickle.dumps(linked))
    corpora = {
        "half": linked[: len(linked) // 2],
        "whole": linked,
        "doubled": linked + [copy_of(d) for d in linked],
        "renamed": linked + [renamed_copy(d) for d in linked],
    }
    print(f"{'corpus':<8} {'documents':>9} {'claims':>7} {'events':>7} {'seconds':>8} "
          f"{'peak MiB':>9} {'time x':>7} {'memory x':>8}")  # fmt: skip
    base: dict[str, tuple[float, int]] = {}  # growth of whole against half, the rest against whole
    for name, corpus in corpora.items():
        seconds, peak, events = measure(corpus, args.repeat)
        base[name] = (seconds, peak)
        claims = sum(len(d.claims) for d in corpus)
        against = None if name == "half" else base["half"] if name == "whole" else base["whole"]
        growth = f"{seconds / against[0]:>7.2f} {peak / against[1]:>8.2f}" if against else ""
        print(
            f"{name:<8} {len(corpus):>9} {claims:>7} {len(events):>7} {seconds:>8.2f} "
            f"{peak / 2**20:>9.1f} {growth}"
        )
        if name == "whole":
            scores = b_cubed(gold.article_incidents, main_events(events))
            print(
                f"  B3 of the article clustering: precision {scores.precision:.3f}, "
                f"recall {scores.recall:.3f}, F1 {scores.f1:.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
