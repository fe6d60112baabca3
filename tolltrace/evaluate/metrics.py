"""Scoring primitives shared by every data set: counts, ratios, matching, B³, source overlap."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from tolltrace.evaluate.datasets import EvalDocument, Extract
from tolltrace.model import Claim


class Report(Protocol):
    """What every data set's report offers: a JSON-ready dict and a plain-text table."""

    @property
    def dataset(self) -> str: ...

    @property
    def part(self) -> str: ...  # the documents scored: tune, check or all (`parts`)

    def to_json(self) -> dict[str, Any]: ...

    def render(self) -> str: ...


def ratio(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to measure (never a silent 0 or 1)."""
    return part / whole if whole else None


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 from counts: `correct` of `predicted` items, of `gold` items."""

    correct: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float | None:
        return ratio(self.correct, self.predicted)

    @property
    def recall(self) -> float | None:
        return ratio(self.correct, self.gold)

    @property
    def f1(self) -> float | None:
        # 2TP / (2TP + FP + FN): defined whenever anything was predicted or expected.
        return ratio(2 * self.correct, self.predicted + self.gold)

    def to_json(self) -> dict[str, Any]:
        return {
            "correct": self.correct,
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True, slots=True)
class Accuracy:
    """`correct` of `total` items right."""

    correct: int
    total: int

    @property
    def value(self) -> float | None:
        return ratio(self.correct, self.total)

    def to_json(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


@dataclass(frozen=True, slots=True)
class BCubed:
    """B³ precision and recall of a clustering, averaged over its items."""

    precision: float | None
    recall: float | None
    items: int

    @property
    def f1(self) -> float | None:
        if self.precision is None or self.recall is None:
            return None
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "items": self.items,
        }


def b_cubed(gold: Mapping[str, Iterable[str]], predicted: Mapping[str, str]) -> BCubed:
    """Extended B³ (Amigó et al. 2009) of `predicted` (item -> cluster) against `gold`.

    Gold may put an item in several classes (an article about two incidents); predicted
    clusters are single. Items of `gold` that `predicted` lacks count as singletons; items only
    in `predicted` are ignored. With one gold class per item this is plain B³.
    """
    labels = {item: frozenset(classes) for item, classes in gold.items()}
    if not labels:
        return BCubed(None, None, 0)
    cluster_of = {item: predicted.get(item, f"\0singleton:{item}") for item in labels}
    members: dict[str, list[str]] = defaultdict(list)
    for item, cluster in cluster_of.items():
        members[cluster].append(item)
    label_sets = {cluster: Counter(labels[i] for i in items) for cluster, items in members.items()}
    in_class: dict[str, list[str]] = defaultdict(list)
    for item, classes in labels.items():
        for name in classes:
            in_class[name].append(item)
    precision = recall = 0.0
    for item, classes in labels.items():
        cluster = cluster_of[item]
        # Precision: with single predicted clusters, min(|C∩C'|, |L∩L'|) / |C∩C'| is 1 iff
        # the two items share a gold class.
        shared = sum(n for other, n in label_sets[cluster].items() if other & classes)
        precision += shared / len(members[cluster])
        # Recall: each item sharing a class scores [same cluster] / |L∩L'|.
        related = {other for name in classes for other in in_class[name]}
        if related:
            recall += sum(
                (cluster_of[other] == cluster) / len(labels[other] & classes) for other in related
            ) / len(related)
        else:  # an item with no gold class is trivially complete
            recall += 1.0
    return BCubed(precision / len(labels), recall / len(labels), len(labels))


def b_cubed_overlapping(
    system: Mapping[str, frozenset[str]], gold: Mapping[str, frozenset[str]]
) -> BCubed:
    """Extended B³ (Amigó et al. 2009) where both sides may put an item in several clusters.

    For two items sharing s system clusters and g gold classes, the pair scores min(s, g) / s
    for precision (when s > 0) and min(s, g) / g for recall (when g > 0); each item averages
    its pairs (itself included), and the items are averaged. Items are those of `gold`; an
    item without system clusters should be given a singleton of its own.
    """
    items = list(gold)
    if not items:
        return BCubed(None, None, 0)
    precision = recall = 0.0
    for item in items:
        mine, truth = system.get(item, frozenset()), gold[item]
        ps, rs = [], []
        for other in items:
            shared = len(mine & system.get(other, frozenset()))
            common = len(truth & gold[other])
            if shared:
                ps.append(min(shared, common) / shared)
            if common:
                rs.append(min(shared, common) / common)
        precision += sum(ps) / len(ps) if ps else 0.0
        recall += sum(rs) / len(rs) if rs else 0.0
    return BCubed(precision / len(items), recall / len(items), len(items))


def best_matching(weights: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """Pairs (row, column) of positive weight maximising the total weight, one-to-one.

    Weight 0 forbids a pair. Give every allowed pair a large base weight plus small bonuses and
    the result is a maximum-cardinality matching that, among those, agrees most (Hungarian
    algorithm, O(n²m); our per-document tables are small).
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if not rows or not cols:
        return []
    if rows > cols:
        flipped = [[weights[r][c] for r in range(rows)] for c in range(cols)]
        return [(r, c) for c, r in best_matching(flipped)]
    top = max(max(row) for row in weights)
    cost = [[top - w for w in row] for row in weights]
    assigned = _hungarian(cost, rows, cols)
    return [(r, c) for r, c in enumerate(assigned) if weights[r][c] > 0]


def _hungarian(cost: list[list[int]], rows: int, cols: int) -> list[int]:
    """Minimum-cost assignment of every row (rows <= cols) to a distinct column."""
    infinity = 1 << 62
    u, v = [0] * (rows + 1), [0] * (cols + 1)
    owner, way = [0] * (cols + 1), [0] * (cols + 1)
    for row in range(1, rows + 1):
        owner[0], free = row, 0
        slack, used = [infinity] * (cols + 1), [False] * (cols + 1)
        while owner[free]:
            used[free] = True
            current, delta, nearest = owner[free], infinity, 0
            for col in range(1, cols + 1):
                if used[col]:
                    continue
                reduced = cost[current - 1][col - 1] - u[current] - v[col]
                if reduced < slack[col]:
                    slack[col], way[col] = reduced, free
                if slack[col] < delta:
                    delta, nearest = slack[col], col
            for col in range(cols + 1):
                if used[col]:
                    u[owner[col]] += delta
                    v[col] -= delta
                else:
                    slack[col] -= delta
            free = nearest
        while free:
            previous = way[free]
            owner[free] = owner[previous]
            free = previous
    assigned = [0] * rows
    for col in range(1, cols + 1):
        if owner[col]:
            assigned[owner[col] - 1] = col - 1
    return assigned


# Words that carry no identity in a source name ("the", "of", possessive "s").
_NAME_STOPWORDS = frozenset({
    "a", "an", "and", "at", "by", "for", "from", "in", "its", "of", "on", "or", "s", "the", "to",
    "with",
})  # fmt: skip
_WORD = re.compile(r"[^\W_]+")


def name_tokens(text: str | None) -> frozenset[str]:
    """Lower-cased word tokens of a name, without function words."""
    if not text:
        return frozenset()
    return frozenset(_WORD.findall(text.lower())) - _NAME_STOPWORDS


def sources_overlap(predicted: str | None, gold: str | None) -> bool:
    """Do the two source names share a content word (case-insensitive)?"""
    return bool(name_tokens(predicted) & name_tokens(gold))


def sources_agree(predicted: str | None, gold: str | None) -> bool:
    """Same attribution: both the document's own voice (None), or one name's words contain
    the other's ("MEK" ~ "PMOI/MEK", "Iranian Resistance" ~ "the Iranian Resistance")."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    ours, theirs = name_tokens(predicted), name_tokens(gold)
    return bool(ours and theirs) and (ours <= theirs or theirs <= ours)


def claim_value(claim: Claim) -> int | None:
    """The single number a claim states: its lower bound, else its upper bound."""
    return claim.low if claim.low is not None else claim.high


def article_count(claims: Iterable[Claim], categories: Iterable[str]) -> int | None:
    """One article's count for a category: the largest figure among its claims, or None.

    Each claim gives `high` when it has one, else `low`; negated claims are left out. The
    maximum, not the sum, because articles restate one toll many times ("two people were
    killed ... the two victims"); a sum would count the same dead twice.
    """
    wanted = frozenset(categories)
    figures = [
        claim.high if claim.high is not None else claim.low
        for claim in claims
        if claim.category in wanted and not claim.negated
    ]
    known = [figure for figure in figures if figure is not None]
    return max(known) if known else None


@dataclass(frozen=True, slots=True)
class Failure:
    """An extractor raised on one document: recorded, and the document counts as claimless."""

    document: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"document": self.document, "message": self.message}


def extract_all(
    documents: Iterable[EvalDocument], extract: Extract
) -> tuple[dict[str, tuple[Claim, ...]], tuple[Failure, ...]]:
    """Run the extractor on every document; one failure never stops the batch."""
    claims: dict[str, tuple[Claim, ...]] = {}
    failures: list[Failure] = []
    for document in documents:
        try:
            claims[document.id] = tuple(extract(document))
        except Exception as error:  # the extractor is foreign code: record and go on
            claims[document.id] = ()
            failures.append(Failure(document.id, f"{type(error).__name__}: {error}"))
    return claims, tuple(failures)


# One row of a rendered report: label, value, and the floor the issue sets (if any).
Row = tuple[str, object, float | None]


def meets(rows: Iterable[Row]) -> bool | None:
    """Whether every figure with a target reaches it (None when no figure has a target).

    A figure that cannot be measured (None) does not reach its target.
    """
    checked = [(value, target) for _, value, target in rows if target is not None]
    if not checked:
        return None
    return all(_reaches(value, target) for value, target in checked)


def _reaches(value: object, target: float) -> bool:
    return isinstance(value, float) and value >= target


def targets_json(rows: Iterable[Row]) -> dict[str, float]:
    return {label: target for label, _, target in rows if target is not None}


def render_table(title: str, rows: Sequence[Row]) -> str:
    """A plain-text table: figure, value, target and whether it is met."""
    width = max([len(label) for label, _, _ in rows] + [6])
    lines = [title, f"{'figure':<{width}}  {'value':>10}  {'target':>7}  status"]
    lines.append("-" * len(lines[1]))
    for label, value, target in rows:
        shown = _format(value)
        if target is None:
            lines.append(f"{label:<{width}}  {shown:>10}")
            continue
        status = "n/a" if value is None else "ok" if _reaches(value, target) else "BELOW"
        lines.append(f"{label:<{width}}  {shown:>10}  {'>= ' + format(target, '.2f'):>7}  {status}")
    return "\n".join(lines)


def _format(value: object) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)
