"""Claims on the terminal (rich): the claims table, a document's highlighted text, its legend.

Pure functions from records to renderables; the CLI decides where they are printed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich import box
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

    The table must stay readable in `width` columns: `when` appears only when some claim has a
    time, and below 100 columns `subject` is left out (the claim's words show it).
    """
    rows = list(claims)
    with_time = any(claim.when for claim in rows)
    with_subject = width >= 100
    title = f"{total} claims" + (f" (showing {len(rows)})" if len(rows) < total else "")
    table = Table(title=title, title_justify="left", caption=caption, box=box.SIMPLE_HEAD)
    table.add_column("doc", no_wrap=True)
    table.add_column("claim", ratio=3, min_width=16)
    table.add_column("low–high", justify="right", no_wrap=True)
    table.add_column("qualifier", no_wrap=True)
    table.add_column("category", no_wrap=True)
    if with_subject:
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
            *([Text(claim.subject)] if with_subject else []),
            Text(claim.attributed_to or ""),
        ]
        if with_time:
            cells.append(claim.when or "")
        table.add_row(*cells)
    return table


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

    Below 100 columns `subject` and the span offsets are left out.
    """
    wide = width >= 100
    table = Table(title=f"{len(claims)} claims", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("claim", ratio=3, min_width=16)
    table.add_column("low–high", justify="right", no_wrap=True)
    table.add_column("qualifier", no_wrap=True)
    table.add_column("category", no_wrap=True)
    if wide:
        table.add_column("subject", ratio=1)
    table.add_column("source", ratio=2, min_width=11)
    if wide:
        table.add_column("span", no_wrap=True)
    for number, (claim, (start, end)) in enumerate(zip(claims, spans, strict=True), start=1):
        cells: list[str | Text] = [
            str(number),
            Text(claim.text, style=category_style(claim.category)),
            interval(claim.low, claim.high),
            claim.qualifier,
            claim.category,
        ]
        if wide:
            cells.append(Text(claim.subject))
        cells.append(Text(claim.attributed_to or OWN_VOICE))
        if wide:
            cells.append(f"{start}-{end}")
        table.add_row(*cells)
    return table
