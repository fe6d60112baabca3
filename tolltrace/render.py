"""Claims on the terminal (rich): the claims table, a document's highlighted text, its legend.

Pure functions from records to renderables; the CLI decides where they are printed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich import box
from rich.errors import MarkupError
from rich.table import Table
from rich.text import Text

from tolltrace.model import Claim

# Highlight styles by category: deaths red, bodily harm magenta, custody and courts yellow.
CATEGORY_STYLES = {
    "killed": "bold red",
    "executed": "bold red",
    "injured": "bold magenta",
    "tortured": "bold magenta",
    "arrested": "bold yellow",
    "detained": "bold yellow",
    "imprisoned": "bold yellow",
    "disappeared": "bold yellow",
    "sentenced": "bold yellow",
}
OTHER_STYLE = "bold cyan"
OWN_VOICE = "(own voice)"  # the document states the figure itself


# Control characters (C0 but newline and tab, DEL, C1) shown as inert symbols on a terminal:
# a document's ESC sequences could otherwise retitle the window or clear the screen.
_CONTROLS = {code: chr(0x2400 + code) for code in range(32) if chr(code) not in "\n\t"}
_CONTROLS |= {0x7F: "\u2421"} | {code: "\ufffd" for code in range(0x80, 0xA0)}


def printable(text: str) -> str:
    """`text` with every control character but newline and tab replaced by a visible symbol."""
    return text.translate(_CONTROLS)


def unclipped(table: Table) -> Table:
    """`table` with no cell ever cut short: long words fold onto the next line, and a column
    that must not wrap (an id, a figure, a date) is kept as wide as its widest cell.

    Rich's default cuts with an ellipsis ("killed: no consistent f…", "documents.jsonl:1…"),
    which loses figures, names and line numbers on an 80-column terminal.
    """
    for column in table.columns:
        if column.overflow == "ellipsis":
            column.overflow = "fold"
        if column.no_wrap:
            widths = [_cell_width(cell) for cell in column.cells]
            widest = max([_cell_width(column.header), *widths])
            column.min_width = max(column.min_width or 0, min(widest, 24))
            column.no_wrap = widest <= 24  # a longer one may wrap rather than be cut
    return table


def _cell_width(cell: object) -> int:
    """The widest line of a cell (0 for other renderables: rich measures those itself)."""
    if isinstance(cell, Text):
        text = cell
    elif isinstance(cell, str):
        try:
            text = Text.from_markup(cell)
        except MarkupError:  # document text with brackets: measured as it is
            text = Text(cell)
    else:
        return 0
    return max((line.cell_len for line in text.split()), default=0)


def category_style(category: str) -> str:
    return CATEGORY_STYLES.get(category, OTHER_STYLE)


def interval(low: int | None, high: int | None) -> str:
    """A count interval in a few characters: "2,650", "14–", "–12", "200–300"."""
    if low is not None and low == high:
        return f"{low:,}"
    return f"{'' if low is None else f'{low:,}'}–{'' if high is None else f'{high:,}'}"


def claims_table(
    claims: Iterable[Claim], total: int, width: int = 120, caption: str | None = None
) -> Table:
    """One row per claim: document, words, low–high, qualifier, category, subject, source, when.

    Below 100 columns the table is narrower, not cut: the subject goes under the claim's words,
    the qualifier under the count and the time under the document.
    """
    rows = list(claims)
    title = f"{total} claims" + (f" (showing {len(rows)})" if len(rows) < total else "")
    table = Table(title=title, title_justify="left", caption=caption, box=box.SIMPLE_HEAD)
    if width < 100:
        table.add_column("doc", no_wrap=True)
        table.add_column("claim (subject)", ratio=3, min_width=14)
        table.add_column("count", justify="right", no_wrap=True)
        table.add_column("category", no_wrap=True)
        table.add_column("source", ratio=2, min_width=10)
        for claim in rows:
            table.add_row(
                claim.document[:8] + ("\n" + claim.when.replace("/", "/\n") if claim.when else ""),
                _words_and_subject(claim),
                f"{interval(claim.low, claim.high)}\n{claim.qualifier}",
                claim.category,
                Text(claim.attributed_to or ""),
            )
        return table
    with_time = any(claim.when for claim in rows)
    table.add_column("doc", no_wrap=True)
    table.add_column("claim", ratio=3, min_width=16)
    table.add_column("low–high", justify="right", no_wrap=True)
    table.add_column("qualifier", no_wrap=True)
    table.add_column("category", no_wrap=True)
    table.add_column("subject", ratio=1)
    table.add_column("source", ratio=2, min_width=10)
    if with_time:
        table.add_column("when", no_wrap=True)
    for claim in rows:
        cells: list[str | Text] = [
            claim.document[:8],
            Text(claim.text, style=category_style(claim.category)),
            interval(claim.low, claim.high),
            claim.qualifier,
            claim.category,
            Text(claim.subject),
            Text(claim.attributed_to or ""),
        ]
        if with_time:
            cells.append(claim.when or "")
        table.add_row(*cells)
    return table


def _words_and_subject(claim: Claim) -> Text:
    words = Text(claim.text, style=category_style(claim.category))
    if claim.subject:
        words.append(f"\n({claim.subject})", style="dim")
    return words


def highlight_claims(text: str, claims: Sequence[Claim], spans: Iterable[tuple[int, int]]) -> Text:
    """`text` with each claim's span (`spans`, one per claim) underlined in its category's style."""
    rendered = Text(text)
    for claim, (start, end) in zip(claims, spans, strict=True):
        rendered.stylize(f"{category_style(claim.category)} underline", start, end)
    return rendered


def claim_legend(
    claims: Sequence[Claim], spans: Sequence[tuple[int, int]], width: int = 120
) -> Table:
    """The claims of one document in text order: value, category, source, and `spans`.

    Below 100 columns the subject goes under the words and the qualifier under the count,
    and the span offsets are left out.
    """
    wide = width >= 100
    table = Table(title=f"{len(claims)} claims", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("claim" if wide else "claim (subject)", ratio=3, min_width=14)
    table.add_column("low–high" if wide else "count", justify="right", no_wrap=True)
    if wide:
        table.add_column("qualifier", no_wrap=True)
    table.add_column("category", no_wrap=True)
    if wide:
        table.add_column("subject", ratio=1)
    table.add_column("source", ratio=2, min_width=11)
    if wide:
        table.add_column("span", no_wrap=True)
    for number, (claim, (start, end)) in enumerate(zip(claims, spans, strict=True), start=1):
        count = interval(claim.low, claim.high)
        cells: list[str | Text] = [str(number)]
        if wide:
            cells += [Text(claim.text, style=category_style(claim.category)), count]
            cells += [claim.qualifier, claim.category, Text(claim.subject)]
        else:
            cells += [_words_and_subject(claim), f"{count}\n{claim.qualifier}", claim.category]
        cells.append(Text(claim.attributed_to or OWN_VOICE))
        if wide:
            cells.append(f"{start}-{end}")
        table.add_row(*cells)
    return table
