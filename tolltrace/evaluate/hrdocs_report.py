"""The hrdocs report: every figure the reference scorer gives, the targets, and the errors.

`to_json()` uses the reference scorer's names for its figures (`recall`, `source_acc_named`,
`event_bcubed_f1`...), so the two outputs compare key by key; the figures are not rounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tolltrace.evaluate.hrdocs_events import EventFigures
from tolltrace.evaluate.metrics import Accuracy, Failure, Row, meets, render_table, targets_json


@dataclass(frozen=True, slots=True)
class HrdocsReport:
    part: str
    documents: int  # gold documents scored
    gold_required: int
    gold_optional: int
    system_claims: int  # claims of the scored documents
    system_casualty_claims: int
    matched_required: int
    matched_optional: int
    false_positive_count: int
    duplicate_readings: int
    recall: Accuracy  # matched required of required
    precision: float | None  # matched required / (matched required + false positives)
    category: Accuracy  # on matched required figures
    qualifier: Accuracy
    source: Accuracy  # on matched required figures whose source is scored
    source_named: Accuracy
    source_null: Accuracy
    recall_by_event: tuple[tuple[str, int, int], ...]  # (event, matched, required) of 3+
    events: EventFigures
    misses: tuple[str, ...]
    false_positives: tuple[str, ...]
    wrong_category: tuple[str, ...]
    wrong_qualifier: tuple[str, ...]
    wrong_source: tuple[str, ...]
    failures: tuple[Failure, ...]
    dataset: str = "hrdocs"

    @property
    def f1(self) -> float | None:
        precision, recall = self.precision, self.recall.value
        if recall is None:  # no required figure: nothing to measure
            return None
        if precision is None or precision + recall == 0:  # no claim matched, none wrong
            return 0.0
        return 2 * precision * recall / (precision + recall)

    def rows(self) -> list[Row]:
        majority, overlapping = self.events.majority, self.events.overlapping
        return [
            ("documents", self.documents, None),
            ("gold figures required", self.gold_required, None),
            ("gold figures optional", self.gold_optional, None),
            ("claims", self.system_claims, None),
            ("casualty claims", self.system_casualty_claims, None),
            ("matched required", self.matched_required, None),
            ("matched optional", self.matched_optional, None),
            ("recall", self.recall.value, 0.92),
            ("precision", self.precision, 0.95),
            ("F1", self.f1, None),
            ("category accuracy", self.category.value, 0.97),
            ("qualifier accuracy", self.qualifier.value, 0.97),
            ("source accuracy", self.source.value, None),
            ("named-source accuracy", self.source_named.value, 0.90),
            ("null-source accuracy", self.source_null.value, None),
            ("false positives", self.false_positive_count, None),
            ("duplicate readings", self.duplicate_readings, None),
            ("event B3 precision (majority)", majority.precision, None),
            ("event B3 recall (majority)", majority.recall, None),
            ("event B3 F1 (majority)", majority.f1, None),
            ("event B3 precision (overlapping)", overlapping.precision, None),
            ("event B3 recall (overlapping)", overlapping.recall, None),
            ("event B3 F1 (overlapping)", overlapping.f1, None),
            ("system events", self.events.system_events, None),
            ("documents in no event", self.events.docs_in_no_event, None),
            ("pipeline failures", len(self.failures), None),
        ]

    def to_json(self) -> dict[str, Any]:
        majority, overlapping = self.events.majority, self.events.overlapping
        return {
            "dataset": self.dataset,
            "part": self.part,
            "docs": self.documents,
            "gold_required": self.gold_required,
            "gold_optional": self.gold_optional,
            "system_claims": self.system_claims,
            "system_casualty_claims": self.system_casualty_claims,
            "matched_required": self.matched_required,
            "matched_optional": self.matched_optional,
            "false_positive_count": self.false_positive_count,
            "duplicate_readings": self.duplicate_readings,
            "recall": self.recall.value,
            "precision": self.precision,
            "f1": self.f1,
            "category_acc": self.category.value,
            "qualifier_acc": self.qualifier.value,
            "source_acc": self.source.value,
            "source_acc_named": self.source_named.value,
            "source_acc_null": self.source_null.value,
            "recall_by_event": {key: f"{hit}/{total}" for key, hit, total in self.recall_by_event},
            "event_bcubed_precision": majority.precision,
            "event_bcubed_recall": majority.recall,
            "event_bcubed_f1": majority.f1,
            "event_bcubed_overlap_precision": overlapping.precision,
            "event_bcubed_overlap_recall": overlapping.recall,
            "event_bcubed_overlap_f1": overlapping.f1,
            "system_events": self.events.system_events,
            "docs_in_no_event": self.events.docs_in_no_event,
            "event_clusters": [cluster.to_json() for cluster in self.events.clusters],
            "misses": list(self.misses),
            "false_positives": list(self.false_positives),
            "wrong_category": list(self.wrong_category),
            "wrong_qualifier": list(self.wrong_qualifier),
            "wrong_source": list(self.wrong_source),
            "failures": [failure.to_json() for failure in self.failures],
            "targets": targets_json(self.rows()),
            "meets_targets": meets(self.rows()),
        }

    def render(self) -> str:
        title = f"hrdocs: human-rights figures, sources and events [part {self.part}]"
        lines = [render_table(title, self.rows()), "", "recall by event (3+ required figures)"]
        lines += [f"  {key:<44} {hit:>3}/{total}" for key, hit, total in self.recall_by_event]
        lines.append("system events (majority) and the gold events of their documents")
        for cluster in self.events.clusters:
            lines.append(
                f"  {cluster.label}: {' '.join(cluster.docs)} <- {', '.join(cluster.gold)}"
            )
        lists = (
            ("missed", self.misses),
            ("false positive", self.false_positives),
            ("wrong category", self.wrong_category),
            ("wrong qualifier", self.wrong_qualifier),
            ("wrong source", self.wrong_source),
        )
        for name, items in lists:
            lines += [f"  {name:<15} {item}" for item in items]
        lines += [f"  failed          {f.document}: {f.message}" for f in self.failures]
        return "\n".join(lines)
