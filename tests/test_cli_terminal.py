"""Hostile text on a terminal: a document's control characters never reach it raw.

Regression for issue 21, item 7: `tolltrace show` printed a document's ESC sequences (set the
window title, clear the screen) as they were. The document is fictional.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

import tolltrace.cli.claims as cli_claims
import tolltrace.pipeline as pipeline
from tests.fake_extractor import FAKE_VERSION, fake_extract
from tolltrace.cli import cli
from tolltrace.cli.common import console
from tolltrace.render import printable

TITLE = "\x1b]0;owned\x07"  # sets a terminal's window title
CLEAR = "\x1b[2J"  # clears the screen
HOSTILE = (
    f"Koss wire {TITLE}report\n\n"
    f"Koss, May 2, 2031 - {CLEAR}Police said 12 students were detained in Koss on Friday "
    "after the march, and the Valdorian Rights Monitor said 40 students were arrested.\n"
)


@pytest.fixture(name="hostile_db")
def hostile_db_fixture(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db_location: str
) -> tuple[str, str]:
    monkeypatch.setattr(pipeline, "extract_document", fake_extract)
    monkeypatch.setattr(pipeline, "extractor_version", lambda *profiles: FAKE_VERSION)
    monkeypatch.setattr(cli_claims, "extractor_version", lambda *profiles: FAKE_VERSION)
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db = db_location
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(tmp_path / "hostile.txt"), "--db", db]).exit_code == 0
    assert runner.invoke(cli, ["extract", "--db", db]).exit_code == 0
    return db, str(tmp_path / "hostile.txt")


def test_printable_shows_controls_as_symbols_and_keeps_lines() -> None:
    assert printable("a\x1b[2Jb\tc\nd\x9b\x7f") == "a\u241b[2Jb\tc\nd\ufffd\u2421"


@pytest.mark.parametrize("options", [[], ["--original"], ["--no-claims"], ["--removed"]])
def test_show_on_a_terminal_never_prints_a_documents_escapes(
    hostile_db: tuple[str, str], monkeypatch: pytest.MonkeyPatch, options: list[str]
) -> None:
    terminal = io.StringIO()
    monkeypatch.setattr(console, "_file", terminal)  # restored to None: sys.stdout again
    monkeypatch.setattr(console, "_force_terminal", True)  # the CLI's own console, as on a tty
    result = CliRunner().invoke(cli, ["show", hostile_db[1], "--db", hostile_db[0], *options])
    shown = terminal.getvalue() + result.output
    assert result.exit_code == 0, shown
    assert "\x1b]" not in shown and CLEAR not in shown and "\x07" not in shown
    assert "\u241b" in shown  # shown as a symbol, not dropped


def test_piped_show_keeps_the_text_exactly(hostile_db: tuple[str, str]) -> None:
    result = CliRunner().invoke(cli, ["show", hostile_db[1], "--db", hostile_db[0], "--no-claims"])
    assert TITLE in result.output  # not a terminal: the text exactly as stored


def test_tables_at_80_columns_fold_and_never_cut_a_figure_or_a_name() -> None:
    # Regression (issue 21): "killed: no consistent f", "Associati…", a `when` cut to "2".
    from tests.fake_extractor import make_claim
    from tolltrace.cli.common import safe_console
    from tolltrace.render import claims_table

    claim = make_claim(
        "ab" * 32,
        "2,650 people had been detained",
        0,
        "detained",
        low=2650,
        high=2650,
        subject="people",
        attributed_to="the Sarenna Bar Association of Independent Advocates",
        when="2025-03-07/2025-03-09",
    )
    out = io.StringIO()
    narrow = safe_console(file=out, width=80)
    narrow.print(claims_table([claim] * 3, 3, narrow.width))
    shown = out.getvalue()
    assert "…" not in shown
    assert "2,650" in shown and "(people)" in shown and "Association" in shown
    assert "2025-03-07/" in shown and "2025-03-09" in shown
    assert max(len(line) for line in shown.splitlines()) <= 80


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_an_export_to_a_terminal_shows_control_characters_as_symbols(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from tolltrace.cli.common import export_stdout

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    with export_stdout() as out:
        out.write(f"id,text\nc1,{CLEAR}killed 12\n")
    assert CLEAR not in terminal.getvalue() and "\u241b[2Jkilled 12" in terminal.getvalue()
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stdout", piped)
    with export_stdout() as out:
        out.write(CLEAR)
    assert piped.getvalue() == CLEAR  # piped: the bytes as stored
