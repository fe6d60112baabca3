"""Gun Violence Database: killed and injured per article against the crowd annotation.

Gold. The annotation lists the article's victims; a victim whose `victim-was` holds `killed`
counts as killed; one holding `injured` or `hospitalized` (and not `killed`) as injured.
Ours. The same aggregation as gva (`metrics.article_count`: the largest non-negated figure of
the category), and 0 when we extract none: the annotation lists every victim an article
mentions, so an article without a claim of a category is our statement that there are none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tolltrace.evaluate.datasets import EvalDocument, Extract, GvdbGold
from tolltrace.evaluate.metrics import (
    Accuracy,
    Failure,
    Row,
    article_count,
    extract_all,
    meets,
    render_table,
    targets_json,
)


@dataclass(frozen=True, slots=True)
class GvdbReport:
    articles: int
    killed: Accuracy
    injured: Accuracy
    both: Accuracy
    silent: int  # articles where we extract neither a killed nor an injured count
    failures: tuple[Failure, ...]
    dataset: str = "gvdb"
    part: str = "all"  # the documents scored: tune, check or all (`parts`)

    def rows(self) -> list[Row]:
        return [
            ("articles", self.articles, None),
            ("killed count right", self.killed.value, 0.85),
            ("injured count right", self.injured.value, 0.85),
            ("both counts right", self.both.value, None),
            ("articles with no count", self.silent, None),
            ("extractor failures", len(self.failures), None),
        ]

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "part": self.part,
            "articles": self.articles,
            "killed": self.killed.to_json(),
            "injured": self.injured.to_json(),
            "both": self.both.to_json(),
            "silent": self.silent,
            "failures": [failure.to_json() for failure in self.failures],
            "targets": targets_json(self.rows()),
            "meets_targets": meets(self.rows()),
        }

    def render(self) -> str:
        return render_table(f"gvdb: killed and injured per article [part {self.part}]", self.rows())


def score_gvdb(gold: GvdbGold, documents: Sequence[EvalDocument], extract: Extract) -> GvdbReport:
    predicted, failures = extract_all(documents, extract)
    killed_right = injured_right = both_right = silent = total = 0
    for document in documents:
        article = gold.articles.get(document.id)
        if article is None:
            continue
        total += 1
        claims = predicted[document.id]
        killed = article_count(claims, ["killed"])
        injured = article_count(claims, ["injured"])
        silent += killed is None and injured is None
        killed_ok = (killed or 0) == article.killed
        injured_ok = (injured or 0) == article.injured
        killed_right += killed_ok
        injured_right += injured_ok
        both_right += killed_ok and injured_ok
    return GvdbReport(
        articles=total,
        killed=Accuracy(killed_right, total),
        injured=Accuracy(injured_right, total),
        both=Accuracy(both_right, total),
        silent=silent,
        failures=failures,
    )
