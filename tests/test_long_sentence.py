"""Regression: one sentence listing hundreds of counts must not make extraction quadratic.

The sentence is generated here ("N people in district number N were killed", joined by
commas, in an invented town). Work is counted as Python function calls, never timed.
"""

from __future__ import annotations

import cProfile
import pstats

from tolltrace.clean.document import clean_document
from tolltrace.extract.stage import extract_document
from tolltrace.nlp.parse import load_model


def counts_sentence(counts: int) -> str:
    """One sentence of `counts` distinct counts of the dead (a fictional dateline first)."""
    parts = [f"{n} people in district number {n} were killed" for n in range(1, counts + 1)]
    return "Sarenna, May 2, 2031 - " + ", ".join(parts) + ".\n"


def _extraction_calls(counts: int) -> tuple[int, int]:
    clean = clean_document(counts_sentence(counts), "text/plain")
    profile = cProfile.Profile()
    profile.enable()
    claims = extract_document("d" * 64, "district-list.txt", clean)
    profile.disable()
    return len(claims), int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


def test_each_count_of_a_long_sentence_is_one_claim_and_work_grows_linearly() -> None:
    load_model()  # loading the model is no part of the work measured
    claims_200, calls_200 = _extraction_calls(200)
    claims_400, calls_400 = _extraction_calls(400)
    assert (claims_200, claims_400) == (200, 400)
    # Guards the per-verb scans of the whole sentence (natural deaths, road deaths) and the
    # per-claim scan for a time expression's tokens: twice the counts was 3.6 times the work.
    assert calls_400 < 3 * calls_200, (calls_200, calls_400)
