"""Entities, events and findings on the terminal (rich): pure functions from records to tables.

The CLI decides where they are printed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich import box
from rich.table import Table
from rich.text import Text

from tolltrace.export_links import independent_sources
from tolltrace.model import Entity, Event, Finding
from tolltrace.reconcile.quotes import excerpt
from tolltrace.render import OWN_VOICE, category_style, interval
from tolltrace.report.words import more_words

CELL_LINES = 20  # figures or contradictions in one cell of the findings table; exports hold all


def _title(noun: str, shown: int, total: int) -> str:
    return f"{total} {noun}" + (f" (showing {shown})" if shown < total else "")


def entities_table(
    entities: Iterable[Entity], total: int, mention_counts: Mapping[str, int]
) -> Table:
    """One row per entity: id, name, type, its other names, roles, mentions."""
    rows = list(entities)
    table = Table(
        title=_title("entities", len(rows), total), title_justify="left", box=box.SIMPLE_HEAD
    )
    table.add_column("id", no_wrap=True)
    table.add_column("name", ratio=2)
    table.add_column("type", no_wrap=True)
    table.add_column("aliases", ratio=3)
    table.add_column("roles", ratio=2)
    table.add_column("mentions", justify="right", no_wrap=True)
    for entity in rows:
        others = [alias.name for alias in entity.aliases if alias.name != entity.name]
        titles = list(dict.fromkeys(role.title for role in entity.roles))
        table.add_row(
            entity.id[:12],
            Text(entity.name),
            entity.type,
            Text(", ".join(others[:6]) + (f" (+{len(others) - 6})" if len(others) > 6 else "")),
            Text(", ".join(titles[:3]) + (f" (+{len(titles) - 3})" if len(titles) > 3 else "")),
            str(mention_counts.get(entity.id, len(entity.mentions))),
        )
    return table


def entity_summary(entity: Entity) -> Table:
    documents = {mention.document for mention in entity.mentions}
    grid = Table.grid(padding=(0, 2))
    grid.add_row("id", entity.id)
    grid.add_row("name", Text(entity.name))
    grid.add_row("type", entity.type)
    grid.add_row("mentions", f"{len(entity.mentions)} in {len(documents)} documents")
    return grid


def aliases_table(entity: Entity) -> Table:
    """Every name of the entity with the evidence for the merge and its exact words."""
    table = Table(title=f"{len(entity.aliases)} aliases", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("alias", ratio=2)
    table.add_column("evidence", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("quote", ratio=4)
    table.add_column("doc", no_wrap=True)
    for alias in entity.aliases:
        table.add_row(
            Text(alias.name),
            alias.evidence,
            f"{alias.score:.2f}",
            Text(alias.quote),
            (alias.document or "")[:8],
        )
    return table


def roles_table(entity: Entity) -> Table:
    table = Table(title=f"{len(entity.roles)} roles", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("role", ratio=2)
    table.add_column("when", no_wrap=True)
    table.add_column("quote", ratio=3)
    table.add_column("doc", no_wrap=True)
    for role in entity.roles:
        table.add_row(Text(role.title), role.when or "", Text(role.quote), role.document[:8])
    return table


def events_table(events: Iterable[Event], total: int) -> Table:
    """One row per event: id, date, place, type, label, how many documents and claims."""
    rows = list(events)
    table = Table(
        title=_title("events", len(rows), total), title_justify="left", box=box.SIMPLE_HEAD
    )
    table.add_column("id", no_wrap=True)
    table.add_column("when", no_wrap=True)
    table.add_column("where", ratio=1)
    table.add_column("type", no_wrap=True)
    table.add_column("event", ratio=3)
    table.add_column("docs", justify="right", no_wrap=True)
    table.add_column("claims", justify="right", no_wrap=True)
    for event in rows:
        table.add_row(
            event.id[:12],
            event.when or "",
            Text(event.where or ""),
            event.type,
            Text(event.label),
            str(len(event.documents)),
            str(len(event.claims)),
        )
    return table


def findings_table(findings: Iterable[Finding], labels: Mapping[str, str]) -> Table:
    """One row per finding: event, category, consensus, the figures by source, contradictions."""
    rows = list(findings)
    table = Table(title=f"{len(rows)} findings", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("event", ratio=2)
    table.add_column("category", no_wrap=True)
    table.add_column("consensus", justify="right", no_wrap=True)
    table.add_column("figures (source)", ratio=4)
    table.add_column("contradictions", ratio=3)
    table.add_column("indep.", justify="right", no_wrap=True)
    for finding in rows:
        figures = Text()
        stated = [figure for figure in finding.figures if not figure.negated]
        for figure in stated[:CELL_LINES]:
            if figure.published:
                figures.append(f"{figure.published} ", style="dim")
            figures.append(
                excerpt(figure.text, figure.text), style=category_style(finding.category)
            )
            figures.append(f" ({figure.attributed_to or figure.outlet or OWN_VOICE})\n")
        if len(stated) > CELL_LINES:
            figures.append(f"… {more_words(CELL_LINES, len(stated), 'figures')}", style="dim")
        figures.rstrip()
        reasons = [c.reason for c in finding.contradictions[:CELL_LINES]]
        if len(finding.contradictions) > CELL_LINES:
            reasons.append(
                f"… {more_words(CELL_LINES, len(finding.contradictions), 'contradictions')}"
            )
        consensus = interval(finding.low, finding.high) if finding.consistent else "none"
        table.add_row(
            Text(labels.get(finding.event, finding.event[:12])),
            finding.category,
            consensus,
            figures,
            Text("\n".join(reasons), style="red"),
            str(len(independent_sources(finding))),
        )
    return table
