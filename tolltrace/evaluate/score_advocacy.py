"""Advocacy articles: casualty claims (value + category), qualifiers, attributed sources.

Matching. A predicted claim matches a gold claim of the same document when its value (`low`,
else `high`) equals the gold value and its category is compatible with the gold category.
Pairs are made one-to-one, as many as possible, preferring among equally many the pairing with
identical categories, then right qualifiers, then right sources.

Categories. Gold labels that are one of our categories compare as they are; a label
`<category>_<detail>` means `<category>` (gold `victims_named` -> our `victims`: a count of
named victims is a count of victims). Compatibility is one-way: gold `killed` accepts our
`killed` or `executed`, because the gold labels the text's own verb ("the murder of 30,000
prisoners" is `killed`) while an execution is a killing, so reading it as one asserts nothing
the gold denies. Gold `executed` accepts only `executed`: calling an execution a killing drops
what the text says, and that difference is what the users care about. `strict` reports the
same figures with identical categories only.

Qualifier and source accuracy are over matched pairs. Sources agree when both are None (the
article's own voice) or the words of one name contain the other's, case-insensitively.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tolltrace.evaluate.datasets import AdvocacyClaim, AdvocacyGold, EvalDocument, Extract
from tolltrace.evaluate.metrics import (
    PRF,
    Accuracy,
    BCubed,
    Failure,
    Row,
    b_cubed,
    best_matching,
    claim_value,
    extract_all,
    meets,
    render_table,
    sources_agree,
    targets_json,
)
from tolltrace.model import CATEGORIES, Claim

# Gold category -> the categories of ours that state it (default: the same category only).
ACCEPTED: dict[str, frozenset[str]] = {"killed": frozenset({"killed", "executed"})}


def gold_category(label: str) -> str | None:
    """Our category for a gold label, or None when the label names none of ours."""
    if label in CATEGORIES:
        return label
    head = label.split("_", 1)[0]
    return head if head in CATEGORIES else None


@dataclass(frozen=True, slots=True)
class AdvocacyReport:
    documents: int
    claims: PRF  # value and compatible category
    strict: PRF  # value and identical category
    required: Accuracy  # required gold claims matched
    qualifier: Accuracy  # on matched pairs
    source: Accuracy  # on matched pairs
    events: BCubed | None  # matched claims' Claim.event against the gold event, when we link
    missed: tuple[str, ...]  # "doc: quote" of unmatched gold claims
    spurious: tuple[str, ...]  # "doc: text" of unmatched predicted claims
    unknown_categories: tuple[str, ...]  # gold labels that name none of our categories
    unannotated: tuple[str, ...]
    failures: tuple[Failure, ...]
    dataset: str = "advocacy"

    def rows(self) -> list[Row]:
        rows: list[Row] = [
            ("documents", self.documents, None),
            ("claim precision", self.claims.precision, 0.90),
            ("claim recall", self.claims.recall, 0.95),
            ("claim F1", self.claims.f1, None),
            ("strict-category precision", self.strict.precision, None),
            ("strict-category recall", self.strict.recall, None),
            ("required claims recall", self.required.value, None),
            ("qualifier accuracy", self.qualifier.value, 0.95),
            ("source accuracy", self.source.value, 0.90),
        ]
        if self.events is not None:
            rows.append(("event B3 F1 (matched claims)", self.events.f1, None))
        rows.append(("extractor failures", len(self.failures), None))
        return rows

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "documents": self.documents,
            "claims": self.claims.to_json(),
            "strict_category": self.strict.to_json(),
            "required": self.required.to_json(),
            "qualifier": self.qualifier.to_json(),
            "source": self.source.to_json(),
            "events": None if self.events is None else self.events.to_json(),
            "missed": list(self.missed),
            "spurious": list(self.spurious),
            "unknown_categories": list(self.unknown_categories),
            "unannotated": list(self.unannotated),
            "failures": [failure.to_json() for failure in self.failures],
            "targets": targets_json(self.rows()),
            "meets_targets": meets(self.rows()),
        }

    def render(self) -> str:
        table = render_table("advocacy: casualty claims", self.rows())
        extra = [f"  missed   {item}" for item in self.missed]
        extra += [f"  spurious {item}" for item in self.spurious]
        return "\n".join([table, *extra])


def _weight(gold: AdvocacyClaim, claim: Claim, strict: bool = False) -> int:
    category = gold_category(gold.category)
    if category is None or claim_value(claim) != gold.value:
        return 0
    accepted = frozenset({category}) if strict else ACCEPTED.get(category, frozenset({category}))
    if claim.category not in accepted:
        return 0
    return (
        1000
        + 4 * (claim.category == category)
        + 2 * (claim.qualifier == gold.qualifier)
        + (sources_agree(claim.attributed_to, gold.source))
    )


def score_advocacy(
    gold: AdvocacyGold, documents: Sequence[EvalDocument], extract: Extract
) -> AdvocacyReport:
    predicted, failures = extract_all(documents, extract)
    matched = strict_matched = required_found = qualifier_right = source_right = 0
    missed, spurious = [], []
    event_gold: dict[str, list[str]] = {}
    event_ours: dict[str, str] = {}
    for document in documents:
        golds = [claim for claim in gold.claims if claim.doc == document.id]
        ours = predicted[document.id]
        pairs = best_matching([[_weight(g, c) for c in ours] for g in golds])
        strict_matched += len(best_matching([[_weight(g, c, True) for c in ours] for g in golds]))
        paired_gold = {g for g, _ in pairs}
        paired_ours = {c for _, c in pairs}
        for g_index, c_index in pairs:
            g, claim = golds[g_index], ours[c_index]
            matched += 1
            required_found += g.required
            qualifier_right += claim.qualifier == g.qualifier
            source_right += sources_agree(claim.attributed_to, g.source)
            key = f"{document.id}#{g_index}"
            if g.event is not None:
                event_gold[key] = [g.event]
                if claim.event is not None:
                    event_ours[key] = claim.event
        missed += [f"{document.id}: {g.quote}" for i, g in enumerate(golds) if i not in paired_gold]
        spurious += [f"{document.id}: {c.text}" for i, c in enumerate(ours) if i not in paired_ours]
    scored = {document.id for document in documents}
    gold_claims = [claim for claim in gold.claims if claim.doc in scored]
    total_predicted = sum(len(predicted[d.id]) for d in documents)
    return AdvocacyReport(
        documents=len(documents),
        claims=PRF(matched, total_predicted, len(gold_claims)),
        strict=PRF(strict_matched, total_predicted, len(gold_claims)),
        required=Accuracy(required_found, sum(claim.required for claim in gold_claims)),
        qualifier=Accuracy(qualifier_right, matched),
        source=Accuracy(source_right, matched),
        events=b_cubed(event_gold, event_ours) if event_ours else None,
        missed=tuple(missed),
        spurious=tuple(spurious),
        unknown_categories=tuple(
            sorted({c.category for c in gold_claims if gold_category(c.category) is None})
        ),
        unannotated=gold.unannotated,
        failures=failures,
    )
