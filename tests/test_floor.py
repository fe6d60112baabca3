"""A floor that can only go up: the figures of `tolltrace eval hrdocs` on our fictional
human-rights corpus (`tests/data/hrfiction`, gold written by hand before the extractor ran on
it) may not drop below `tests/data/floor.json`. The example corpus is held exactly by
`test_golden.py`.

When a change raises a figure, raise its floor in the same commit (the measured value,
rounded down to three places); never lower one to let a change through.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tolltrace.evaluate.score_hrdocs import run_hrdocs

DATA = Path(__file__).parent / "data"


@pytest.mark.slow
def test_no_figure_on_the_fictional_corpus_drops_below_its_floor() -> None:
    floors = json.loads((DATA / "floor.json").read_text(encoding="utf-8"))["floors"]
    report = run_hrdocs(DATA / "hrfiction").to_json()
    assert report["gold_required"] > 100  # the corpus is there and was read
    dropped = {
        name: (report[name], floor)
        for name, floor in floors.items()
        if report[name] is None or report[name] < floor
    }
    assert not dropped, f"figures below their floor (now, floor): {dropped}"
