"""Golden files: every bundled example article -> the claims the extractor finds in it.

A change to the extractor that changes any claim of `examples/` fails here with a diff. When the
change is intended, rewrite the golden files and review them as a diff before committing:

    .venv/bin/pytest tests/test_golden.py --update-golden
    git diff tests/golden/

One JSON file per example file (`tests/golden/<example name>.json`); a JSON Lines example holds
several documents, one entry each.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

import pytest

from tolltrace.extract.stage import extract_document
from tolltrace.ingest.sources import Found, discover, read_items
from tolltrace.model import Claim, ItemError
from tolltrace.pipeline import prepare

EXAMPLES = Path(__file__).parents[1] / "examples"
GOLDEN = Path(__file__).parent / "golden"
UPDATE = "--update-golden"
# The public claim fields that extraction decides (ids, uri, extractor and confidence left out).
FIELDS = (
    "text",
    "start",
    "end",
    "low",
    "high",
    "qualifier",
    "category",
    "subject",
    "attributed_to",
    "attribution_cue",
    "attributed_as",
    "negated",
    "when",
    "where",
)


def _examples() -> dict[str, Found]:
    """The example files tolltrace ingests (what `tolltrace ingest examples/` reads)."""
    found = [f for f in discover([str(EXAMPLES)]) if isinstance(f, Found)]
    return {f.path.name: f for f in found}


EXAMPLE_FILES = _examples()


def _golden_path(name: str) -> Path:
    return GOLDEN / f"{name}.json"


def _claim_fields(claim: Claim) -> dict[str, Any]:
    return {field: getattr(claim, field) for field in FIELDS}


def _extracted(found: Found) -> dict[str, Any]:
    """What the golden file of one example holds: per document, its claims in text order."""
    documents = []
    for item in read_items(found):
        assert not isinstance(item, ItemError), f"cannot read {found.path}: {item}"
        document = prepare(item)
        assert not isinstance(document, ItemError), f"cannot prepare {item.origin}: {document}"
        claims = extract_document(document.id, document.item.uri, document.clean)
        documents.append(
            {
                "origin": Path(item.origin).name,  # "wire.jsonl:2" for the second record
                "published": document.clean.published,
                "claims": [_claim_fields(claim) for claim in claims],
            }
        )
    return {"example": found.path.name, "documents": documents}


def _render(golden: dict[str, Any]) -> str:
    return json.dumps(golden, indent=2, ensure_ascii=False) + "\n"


def test_examples_are_found() -> None:
    assert len(EXAMPLE_FILES) >= 8, sorted(EXAMPLE_FILES)
    assert "README.md" not in EXAMPLE_FILES


@pytest.mark.parametrize("name", sorted(EXAMPLE_FILES))
def test_example_claims_match_golden_file(name: str, request: pytest.FixtureRequest) -> None:
    actual = _render(_extracted(EXAMPLE_FILES[name]))
    path = _golden_path(name)
    if request.config.getoption(UPDATE):
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(
            f"no golden file {path.relative_to(EXAMPLES.parent)} for examples/{name}: run "
            f"`pytest tests/test_golden.py {UPDATE}` and review the new file",
            pytrace=False,
        )
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=f"tests/golden/{path.name} (expected)",
                tofile=f"examples/{name} (extracted now)",
                n=len(FIELDS),  # context enough to show the whole claim that changed
            )
        )
        pytest.fail(
            f"the claims extracted from examples/{name} differ from its golden file.\n"
            f"If the change is intended, run `pytest tests/test_golden.py {UPDATE}` and review "
            f"`git diff tests/golden/`.\n\n{diff}",
            pytrace=False,
        )


def test_every_golden_file_has_its_example(request: pytest.FixtureRequest) -> None:
    expected = {_golden_path(name).name for name in EXAMPLE_FILES}
    stale = sorted(p for p in GOLDEN.glob("*.json") if p.name not in expected)
    if request.config.getoption(UPDATE):
        for path in stale:
            path.unlink()
        return
    assert not stale, f"golden files without an example (rerun with {UPDATE}): {stale}"
