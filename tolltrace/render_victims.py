"""Victims on the terminal (rich): pure functions from records to tables."""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich.table import Table
from rich.text import Text

from tolltrace.link.victims import evidence_lines
from tolltrace.model import Victim


def victims_table(victims: Iterable[Victim], total: int) -> Table:
    """One row per person: id, name (or the words describing them), fate, age, sex, sources."""
    rows = list(victims)
    title = f"{total} victims" + (f" (showing {len(rows)})" if len(rows) < total else "")
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("id", no_wrap=True)
    table.add_column("name", ratio=2)
    table.add_column("fate", no_wrap=True)
    table.add_column("age", justify="right", no_wrap=True)
    table.add_column("sex", no_wrap=True)
    table.add_column("mentions", justify="right", no_wrap=True)
    table.add_column("sources", ratio=3)
    for victim in rows:
        sources = list(victim.sources)
        table.add_row(
            victim.id[:12],
            Text(victim.name or f"({victim.mentions[0].words})"),
            victim.fate,
            "" if victim.age is None else str(victim.age),
            victim.sex or "",
            f"{len(victim.mentions)} in {len(victim.documents)} doc",
            Text(", ".join(sources[:4]) + (f" (+{len(sources) - 4})" if len(sources) > 4 else "")),
        )
    return table


def victim_summary(victim: Victim) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_row("id", victim.id)
    grid.add_row("name", Text(victim.name or "(not named)"))
    if victim.normalised:
        grid.add_row("normalised", Text(victim.normalised))
    grid.add_row("fate", victim.fate)
    for label, value in (
        ("age", victim.age), ("sex", victim.sex), ("when", victim.when),
        ("where", victim.where), ("event", victim.event),
    ):  # fmt: skip
        if value is not None:
            grid.add_row(label, Text(str(value)))
    grid.add_row("mentions", f"{len(victim.mentions)} in {len(victim.documents)} documents")
    return grid


def mentions_table(victim: Victim) -> Table:
    """Every mention with its document, span, fate and who says so."""
    table = Table(
        title=f"{len(victim.mentions)} mentions", title_justify="left", box=box.SIMPLE_HEAD
    )
    table.add_column("mention", no_wrap=True)
    table.add_column("document", no_wrap=True)
    table.add_column("span", no_wrap=True)
    table.add_column("words", ratio=2)
    table.add_column("fate", no_wrap=True)
    table.add_column("who says so", ratio=2)
    table.add_column("sentence", ratio=4)
    for m in victim.mentions:
        table.add_row(
            m.id, m.document[:12], f"{m.start}-{m.end}", Text(m.words), m.fate,
            Text(m.attributed_to or f"({m.uri})"), Text(m.sentence),
        )  # fmt: skip
    return table


def evidence_text(victim: Victim) -> Text:
    lines = evidence_lines(victim)
    if not lines:
        return Text("no merge: one document person")
    return Text("why these mentions are one person:\n" + "\n".join(lines))
