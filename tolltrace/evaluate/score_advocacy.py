"""Advocacy articles: casualty claims (value + category), qualifiers, attributed sources.

Matching. A predicted claim matches a gold claim of the same document when its value (`low`,
else `high`) equals the gold value (lies in the decade of a gold vague magnitude, `value:
null` with `magnitude: "dozens"`...) and its category is compatible with the gold category.
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

Events. Both articles are linked together (`link.events.link_events`); a matched claim's event is
the linked event holding it (or its own `Claim.event` when the extractor links claims itself).
`events` is B³ of matched claims into the gold events; `whole` tells, for each gold event whose
claims span several documents ("the 1988 massacre" in both articles), whether all its matched
claims landed in one linked event.

Qualifier and source accuracy are over matched pairs. Sources agree when both are None (the
article's own voice) or the words of one name contain the other's, case-insensitively.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tolltrace.evaluate.datasets import AdvocacyClaim, AdvocacyGold, EvalDocument, Extract
from tolltrace.evaluate.extractor import extract_linked
from tolltrace.evaluate.magnitudes import in_decade
from tolltrace.evaluate.metrics import (
    PRF,
    Accuracy,
    BCubed,
    Failure,
    Row,
    b_cubed,
    best_matching,
    claim_value,
    meets,
    render_table,
    sources_agree,
    targets_json,
)
from tolltrace.evaluate.score_entities import EntityFigures, entity_figures
from tolltrace.link.events import LinkDocument, link_events
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
    part: str = "all"  # the documents scored: tune, check or all (`parts`)
    # Gold events spanning several documents -> all their matched claims in one linked event.
    whole: tuple[tuple[str, bool], ...] = ()
    entities: EntityFigures | None = None  # names and aliases found across the documents

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
            rows += [
                ("event B3 precision (matched claims)", self.events.precision, None),
                ("event B3 recall (matched claims)", self.events.recall, None),
                ("event B3 F1 (matched claims)", self.events.f1, None),
            ]
        for name, kept in self.whole:
            rows.append(
                (f"event {name}: one event across documents", "yes" if kept else "NO", None)
            )
        rows.append(("extractor failures", len(self.failures), None))
        return rows

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "part": self.part,
            "documents": self.documents,
            "claims": self.claims.to_json(),
            "strict_category": self.strict.to_json(),
            "required": self.required.to_json(),
            "qualifier": self.qualifier.to_json(),
            "source": self.source.to_json(),
            "events": None if self.events is None else self.events.to_json(),
            "whole_events": {name: kept for name, kept in self.whole},
            "entities": None if self.entities is None else self.entities.to_json(),
            "missed": list(self.missed),
            "spurious": list(self.spurious),
            "unknown_categories": list(self.unknown_categories),
            "unannotated": list(self.unannotated),
            "failures": [failure.to_json() for failure in self.failures],
            "targets": targets_json(self.rows()),
            "meets_targets": meets(self.rows()),
        }

    def render(self) -> str:
        table = render_table(f"advocacy: casualty claims [part {self.part}]", self.rows())
        extra = [f"  missed   {item}" for item in self.missed]
        extra += [f"  spurious {item}" for item in self.spurious]
        if self.entities is not None:
            extra.append(self.entities.render())
        return "\n".join([table, *extra])


def _weight(gold: AdvocacyClaim, claim: Claim, strict: bool = False) -> int:
    category = gold_category(gold.category)
    if category is None or not _value_fits(gold, claim):
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


def _value_fits(gold: AdvocacyClaim, claim: Claim) -> bool:
    if gold.magnitude is not None:
        return in_decade(claim_value(claim), gold.magnitude)
    return claim_value(claim) == gold.value


def score_advocacy(
    gold: AdvocacyGold, documents: Sequence[EvalDocument], extract: Extract
) -> AdvocacyReport:
    predicted, linked, failures = extract_linked(documents, extract)
    event_of = _event_of(predicted, [linked[d.id] for d in documents])
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
                if (event := event_of.get(claim.id)) is not None:
                    event_ours[key] = event
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
        whole=_whole_events(gold_claims, event_gold, event_ours, documents),
        missed=tuple(missed),
        spurious=tuple(spurious),
        unknown_categories=tuple(
            sorted({c.category for c in gold_claims if gold_category(c.category) is None})
        ),
        unannotated=gold.unannotated,
        failures=failures,
        entities=entity_figures(documents),
    )


def _event_of(
    predicted: dict[str, tuple[Claim, ...]], linked: Sequence[LinkDocument]
) -> dict[str, str]:
    """Claim id -> its event: the extractor's own `Claim.event`s if any, else linking's."""
    own = {c.id: c.event for claims in predicted.values() for c in claims if c.event is not None}
    if own or not any(predicted.values()):
        return own
    return {claim: event.id for event in link_events(linked) for claim in event.claims}


def _whole_events(
    gold_claims: Sequence[AdvocacyClaim],
    event_gold: dict[str, list[str]],
    event_ours: dict[str, str],
    documents: Sequence[EvalDocument],
) -> tuple[tuple[str, bool], ...]:
    spans: dict[str, set[str]] = {}
    for claim in gold_claims:
        if claim.event is not None:
            spans.setdefault(claim.event, set()).add(claim.doc)
    found = []
    for name in sorted(event for event, docs in spans.items() if len(docs) > 1):
        keys = [key for key, events in event_gold.items() if name in events]
        ours = {event_ours.get(key) for key in keys}
        docs = {key.split("#", 1)[0] for key in keys}
        found.append((name, len(ours) == 1 and None not in ours and docs == spans[name]))
    return tuple(found)
