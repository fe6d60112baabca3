"""PolNeAR: do claims inside a gold attribution's content name its source?

Gold items are the attribution relations whose Content (Content and Content2 fragments) holds
a number: a digit, or a spelled-out number from "two" up, "dozen(s)", "hundred(s)", ...
("one" is left out: "one of", "no one" are rarely counts). A claim lies in a relation when its
`raw_start`..`raw_end` falls inside one Content fragment. A claim names the source when its
`attributed_to` (the canonical name) or its `attributed_as` (the source as the sentence words
it: the pronoun "she" whose antecedent is the name) shares a content word with the gold Source
text, case-insensitively: PolNeAR marks the source span as written, often a pronoun.

Source overlap, per relation with a Source, counting only the relations where we make a claim
(the attribution task; how many numeric relations get a claim at all is `covered`):
precision = relations where some claim names the source / relations where some claim has an
`attributed_to`; recall = relations where some claim names the source / relations with a claim.
`recall_all` divides by every numeric relation with a Source instead. Relations without a
Source (a cue, no speaker) are not scored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tolltrace.evaluate.brat import Attribution
from tolltrace.evaluate.datasets import EvalDocument, Extract, PolnearGold
from tolltrace.evaluate.metrics import (
    PRF,
    Accuracy,
    Failure,
    Row,
    extract_all,
    meets,
    ratio,
    render_table,
    sources_overlap,
    targets_json,
)
from tolltrace.model import Claim

_NUMBER = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|dozens?|hundreds?|thousands?|millions?|billions?)\b",
    re.IGNORECASE,
)


def has_number(text: str) -> bool:
    return _NUMBER.search(text) is not None


def _inside(claim: Claim, relation: Attribution) -> bool:
    return any(start <= claim.raw_start and claim.raw_end <= end for start, end in relation.content)


@dataclass(frozen=True, slots=True)
class PolnearReport:
    documents: int
    splits: tuple[str, ...]
    numeric_relations: int  # gold relations with a Source whose content holds a number
    covered: Accuracy  # ... of which we make a claim inside the content
    sources: PRF  # per covered relation: is the source named (see module docstring)
    sourceless_relations: int  # numeric relations without a Source (not scored)
    claims_in_content: int  # our claims inside numeric content with a Source
    unused_annotations: int
    failures: tuple[Failure, ...]
    dataset: str = "polnear"
    part: str = "all"  # the documents scored: tune, check or all (`parts`)

    @property
    def recall_all(self) -> float | None:
        return ratio(self.sources.correct, self.numeric_relations)

    def rows(self) -> list[Row]:
        return [
            ("documents", self.documents, None),
            ("splits", " ".join(self.splits), None),
            ("numeric attributions", self.numeric_relations, None),
            ("with a claim inside", self.covered.value, None),
            ("source overlap precision", self.sources.precision, None),
            ("source overlap recall", self.sources.recall, None),
            ("source overlap F1", self.sources.f1, 0.75),
            ("source recall, all numeric", self.recall_all, None),
            ("extractor failures", len(self.failures), None),
        ]

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "part": self.part,
            "documents": self.documents,
            "splits": list(self.splits),
            "numeric_relations": self.numeric_relations,
            "covered": self.covered.to_json(),
            "sources": self.sources.to_json(),
            "recall_all": self.recall_all,
            "sourceless_relations": self.sourceless_relations,
            "claims_in_content": self.claims_in_content,
            "unused_annotations": self.unused_annotations,
            "failures": [failure.to_json() for failure in self.failures],
            "targets": targets_json(self.rows()),
            "meets_targets": meets(self.rows()),
        }

    def render(self) -> str:
        return render_table(
            f"polnear: attributed sources of figures [part {self.part}]", self.rows()
        )


def score_polnear(
    gold: PolnearGold, documents: Sequence[EvalDocument], extract: Extract
) -> PolnearReport:
    predicted, failures = extract_all(documents, extract)
    numeric = covered = attributed = named = sourceless = claims_inside = 0
    for document in documents:
        for relation in gold.attributions.get(document.id, ()):
            if not has_number(relation.content_text):
                continue
            if relation.source_text is None:
                sourceless += 1
                continue
            numeric += 1
            inside = [claim for claim in predicted[document.id] if _inside(claim, relation)]
            claims_inside += len(inside)
            if not inside:
                continue
            covered += 1
            attributed += any(claim.attributed_to is not None for claim in inside)
            named += any(
                sources_overlap(c.attributed_to, relation.source_text)
                or sources_overlap(c.attributed_as, relation.source_text)
                for c in inside
            )
    return PolnearReport(
        documents=len(documents),
        splits=gold.splits,
        numeric_relations=numeric,
        covered=Accuracy(covered, numeric),
        sources=PRF(named, attributed, covered),
        sourceless_relations=sourceless,
        claims_in_content=claims_inside,
        unused_annotations=len(gold.unused_annotations),
        failures=failures,
    )
