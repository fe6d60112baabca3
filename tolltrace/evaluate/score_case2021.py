"""CASE 2021 snippets: the event type our claims imply against the ACLED-style gold type.

Each claim maps to a type (`claim_event_type`):
    killed, injured, tortured, victims, executed of protesters or demonstrators
                                            -> FORCE_AGAINST_PROTEST
    killed, executed, injured, tortured, victims -> ATTACK (violence against people)
    arrested, detained, imprisoned, sentenced   -> ARREST
    disappeared                                 -> ABDUCT_DISSAP
    protesters (a count of people protesting)   -> PEACE_PROTEST
    displaced, other                            -> OTHER
"Of protesters" means the claim's subject names protesters, demonstrators or marchers.
A snippet's predicted type is the most frequent type among its claims (ties: the earliest
claim's), and "none" when it has no claim. Accuracy is over all snippets; macro-F1 averages
the per-type F1 over the types the gold uses. The `reachable` figures keep only snippets whose
gold type is one the mapping can produce (our categories cannot say AIR_STRIKE or AGREEMENT),
and are computed on those snippets alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tolltrace.evaluate.datasets import Case2021Gold, EvalDocument, Extract
from tolltrace.evaluate.metrics import (
    PRF,
    Accuracy,
    Failure,
    Row,
    extract_all,
    meets,
    render_table,
    targets_json,
)
from tolltrace.model import Claim

NO_CLAIM = "none"
TYPE_OF_CATEGORY = {
    "killed": "ATTACK",
    "executed": "ATTACK",
    "injured": "ATTACK",
    "tortured": "ATTACK",
    "victims": "ATTACK",
    "arrested": "ARREST",
    "detained": "ARREST",
    "imprisoned": "ARREST",
    "sentenced": "ARREST",
    "disappeared": "ABDUCT_DISSAP",
    "protesters": "PEACE_PROTEST",
    "displaced": "OTHER",
    "other": "OTHER",
}
FORCE_AGAINST_PROTEST = "FORCE_AGAINST_PROTEST"
VIOLENCE = frozenset({"killed", "executed", "injured", "tortured", "victims"})
REACHABLE = frozenset(TYPE_OF_CATEGORY.values()) | {FORCE_AGAINST_PROTEST}
_PROTESTERS = re.compile(r"protest|demonstrat|marcher", re.IGNORECASE)


def claim_event_type(claim: Claim) -> str:
    if claim.category in VIOLENCE and _PROTESTERS.search(claim.subject):
        return FORCE_AGAINST_PROTEST
    return TYPE_OF_CATEGORY.get(claim.category, "OTHER")


def snippet_event_type(claims: Sequence[Claim]) -> str:
    ordered = sorted(claims, key=lambda claim: claim.raw_start)
    types = Counter(claim_event_type(claim) for claim in ordered)
    return types.most_common(1)[0][0] if types else NO_CLAIM


def _per_type(pairs: Sequence[tuple[str, str]]) -> dict[str, PRF]:
    """PRF of each type (gold or predicted) over (gold, predicted) pairs."""
    names = sorted({truth for truth, _ in pairs} | {guess for _, guess in pairs})
    return {
        name: PRF(
            sum(1 for truth, guess in pairs if truth == guess == name),
            sum(1 for _, guess in pairs if guess == name),
            sum(1 for truth, _ in pairs if truth == name),
        )
        for name in names
    }


def _macro_f1(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Mean F1 over the types the gold uses (a type never predicted scores 0)."""
    per_type = _per_type(pairs)
    scores = [per_type[name].f1 or 0.0 for name in sorted({truth for truth, _ in pairs})]
    return sum(scores) / len(scores) if scores else None


@dataclass(frozen=True, slots=True)
class Case2021Report:
    snippets: int
    accuracy: Accuracy
    macro_f1: float | None
    reachable_accuracy: Accuracy
    reachable_macro_f1: float | None
    per_type: Mapping[str, PRF]  # gold and predicted types, "none" included
    no_claims: int
    failures: tuple[Failure, ...]
    dataset: str = "case2021"
    part: str = "all"  # the documents scored: tune, check or all (`parts`)

    def rows(self) -> list[Row]:
        rows: list[Row] = [
            ("snippets", self.snippets, None),
            ("snippets without a claim", self.no_claims, None),
            ("type accuracy", self.accuracy.value, None),
            ("type macro-F1", self.macro_f1, None),
            ("reachable snippets", self.reachable_accuracy.total, None),
            ("reachable type accuracy", self.reachable_accuracy.value, None),
            ("reachable type macro-F1", self.reachable_macro_f1, None),
        ]
        rows += [(f"  F1 {name}", self.per_type[name].f1, None) for name in sorted(self.per_type)]
        rows.append(("extractor failures", len(self.failures), None))
        return rows

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "part": self.part,
            "snippets": self.snippets,
            "accuracy": self.accuracy.to_json(),
            "macro_f1": self.macro_f1,
            "reachable_accuracy": self.reachable_accuracy.to_json(),
            "reachable_macro_f1": self.reachable_macro_f1,
            "per_type": {name: prf.to_json() for name, prf in sorted(self.per_type.items())},
            "no_claims": self.no_claims,
            "failures": [failure.to_json() for failure in self.failures],
            "targets": targets_json(self.rows()),
            "meets_targets": meets(self.rows()),
        }

    def render(self) -> str:
        return render_table(f"case2021: event type per snippet [part {self.part}]", self.rows())


def score_case2021(
    gold: Case2021Gold, documents: Sequence[EvalDocument], extract: Extract
) -> Case2021Report:
    predicted, failures = extract_all(documents, extract)
    pairs = [
        (gold.types[document.id], snippet_event_type(predicted[document.id]))
        for document in documents
        if document.id in gold.types
    ]
    reachable = [(truth, guess) for truth, guess in pairs if truth in REACHABLE]
    return Case2021Report(
        snippets=len(pairs),
        accuracy=Accuracy(sum(truth == guess for truth, guess in pairs), len(pairs)),
        macro_f1=_macro_f1(pairs),
        reachable_accuracy=Accuracy(
            sum(truth == guess for truth, guess in reachable), len(reachable)
        ),
        reachable_macro_f1=_macro_f1(reachable),
        per_type=_per_type(pairs),
        no_claims=sum(1 for _, guess in pairs if guess == NO_CLAIM),
        failures=failures,
    )
