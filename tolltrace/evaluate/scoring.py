"""Score an extractor on a data set by name: load its folder, run the extractor, report.

`run("advocacy", Path("../shared/eval/advocacy"), extract, part)` is what `tolltrace eval` and
the benchmark script call; the scorers and reports live in `score_<name>`, the shared counting
in `metrics`. `part` (`parts`: tune, check or all) keeps the documents of that part only, so
every gold total is over them. hrdocs is scored apart (`score_hrdocs.run_hrdocs`): the whole
pipeline, ingest to link, is its extractor.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from tolltrace.errors import Unsupported
from tolltrace.evaluate.datasets import (
    EvalDocument,
    Extract,
    load_advocacy,
    load_case2021,
    load_gva,
    load_gvdb,
    load_newsquant,
    load_polnear,
)
from tolltrace.evaluate.metrics import Report
from tolltrace.evaluate.parts import ALL, select_part
from tolltrace.evaluate.score_advocacy import AdvocacyReport, score_advocacy
from tolltrace.evaluate.score_case2021 import Case2021Report, score_case2021
from tolltrace.evaluate.score_gva import GvaReport, score_gva
from tolltrace.evaluate.score_gvdb import GvdbReport, score_gvdb
from tolltrace.evaluate.score_newsquant import NewsquantReport, score_newsquant
from tolltrace.evaluate.score_polnear import PolnearReport, score_polnear

__all__ = [
    "DATASETS",
    "EVALUATIONS",
    "AdvocacyReport",
    "Case2021Report",
    "GvaReport",
    "GvdbReport",
    "NewsquantReport",
    "PolnearReport",
    "Report",
    "run",
    "score_advocacy",
    "score_case2021",
    "score_gva",
    "score_gvdb",
    "score_newsquant",
    "score_polnear",
]

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Gold = TypeVar("Gold")
Scored = TypeVar("Scored", bound="DataclassInstance")  # a report record, with a `part` field


def _bind(
    load: Callable[[Path], tuple[Gold, list[EvalDocument]]],
    score: Callable[[Gold, Sequence[EvalDocument], Extract], Scored],
) -> Callable[[Path, Extract, str], Scored]:
    def evaluate(folder: Path, extract: Extract, part: str) -> Scored:
        gold, documents = load(folder)
        report = score(gold, select_part(documents, part, lambda d: d.id), extract)
        return dataclasses.replace(report, part=part)

    return evaluate


DATASETS: dict[str, Callable[[Path, Extract, str], Report]] = {
    "advocacy": _bind(load_advocacy, score_advocacy),
    "gva": _bind(load_gva, score_gva),
    "gvdb": _bind(load_gvdb, score_gvdb),
    "newsquant": _bind(load_newsquant, score_newsquant),
    "polnear": _bind(load_polnear, score_polnear),
    "case2021": _bind(load_case2021, score_case2021),
}


# Every name `tolltrace eval` takes: the data sets scored with an extractor, and hrdocs.
EVALUATIONS = (*DATASETS, "hrdocs")


def run(name: str, folder: Path, extract: Extract, part: str = ALL) -> Report:
    """Load the data set `name` from `folder` (its layout) and score `extract` on its `part`."""
    evaluate = DATASETS.get(name)
    if evaluate is None:
        known = ", ".join(DATASETS)
        raise Unsupported(f"no evaluation data set named {name!r}; choose one of {known}")
    return evaluate(Path(folder), extract, part)
