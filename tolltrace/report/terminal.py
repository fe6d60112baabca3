"""Reconciled findings on the terminal (rich): one event in detail, or an overview of events.

Every text that comes from a document is passed to rich as `Text`, never as markup, so a
page that contains "[bold]" or "[link=...]" is printed as it is. Each table shows at most
`rows` lines (`REPORT_ROWS` by default) and says how many more there are, and quotes are cut
to `QUOTE_LIMIT` characters, so a report has a size bound whatever the event holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tolltrace.model import Event, Figure, Finding
from tolltrace.reconcile.bodies import BodySizeDisagreement
from tolltrace.reconcile.quotes import excerpt
from tolltrace.render import OWN_VOICE, category_style
from tolltrace.report.words import (
    consensus_words,
    contradicted_claims,
    figure_label,
    figure_note,
    more_words,
)

__all__ = ["REPORT_ROWS", "render_event_report", "render_events_overview"]

REPORT_ROWS = 50  # lines of each table of an event report; the exports hold them all
TERMINAL_QUOTE = 300  # characters of a sentence quoted in a contradiction


def render_event_report(
    event: Event,
    findings: Sequence[Finding],
    console: Console,
    bodies: Sequence[BodySizeDisagreement] = (),
    rows: int = REPORT_ROWS,
) -> None:
    """One event: per category the figures side by side, consensus, contradictions, sources."""
    console.print(_event_heading(event))
    if not findings:
        console.print(Text("No figures for this event.", style="dim"))
    for finding in findings:
        console.print()
        console.print(_finding_heading(finding))
        console.print(figures_table(finding, rows))
        if finding.contradictions:
            console.print(contradictions_table(finding, rows))
        console.print(support_table(finding, rows))
    if bodies:
        console.print()
        console.print(bodies_table(bodies, rows))


def render_events_overview(
    events: Sequence[Event], findings: Iterable[Finding], console: Console
) -> None:
    """One row per event: what, when, where, and each category's consensus and sources."""
    by_event: dict[str, list[Finding]] = {}
    for finding in findings:
        by_event.setdefault(finding.event, []).append(finding)
    table = Table(title=f"{len(events)} events", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("event", no_wrap=True)
    table.add_column("label", ratio=2)
    table.add_column("when", no_wrap=True)
    table.add_column("where", ratio=1)
    table.add_column("docs", justify="right")
    table.add_column("figures", ratio=3)
    for event in events:
        table.add_row(
            event.id[:8],
            Text(event.label),
            event.when or "",
            Text(event.where or ""),
            str(len(event.documents)),
            _summary(by_event.get(event.id, [])),
        )
    console.print(table)


def _summary(findings: Sequence[Finding]) -> Text:
    text = Text()
    for index, finding in enumerate(findings):
        if index:
            text.append("\n")
        text.append(f"{finding.category}: ", style=category_style(finding.category))
        text.append(consensus_words(finding), style="" if finding.consistent else "bold red")
        sources = len({s for support in finding.support for s in support.sources})
        text.append(f" ({sources} source{'s' if sources != 1 else ''}", style="dim")
        if finding.contradictions:
            count = len(finding.contradictions)
            text.append(f", {count} contradiction{'s' if count != 1 else ''}", style="red")
        text.append(")", style="dim")
    return text


def _event_heading(event: Event) -> Text:
    heading = Text(event.label, style="bold")
    details = [event.type, event.when or "", event.where or ""]
    heading.append("  " + " · ".join(d for d in details if d), style="dim")
    heading.append(
        f"\n{event.id}  {len(event.documents)} documents, {len(event.claims)} claims",
        style="dim",
    )
    return heading


def _finding_heading(finding: Finding) -> Text:
    heading = Text(finding.category, style=category_style(finding.category))
    heading.append("  consensus: ")
    heading.append(consensus_words(finding), style="bold" if finding.consistent else "bold red")
    return heading


def _caption(shown: int, total: int, what: str, event: str | None = None) -> str | None:
    if shown >= total:
        return None
    if event is None:
        return more_words(shown, total, what)
    everything = f"tolltrace findings --event {event[:12]} --format jsonl"
    return f"{more_words(shown, total, what)}: `{everything}` has all"


def figures_table(finding: Finding, rows: int = REPORT_ROWS) -> Table:
    """The figures of a finding side by side, in publication order (the timeline)."""
    shown = finding.figures[:rows]
    caption = _caption(len(shown), len(finding.figures), "figures", finding.event)
    table = Table(box=box.SIMPLE_HEAD, title_justify="left", caption=caption)
    table.add_column("published", no_wrap=True)
    table.add_column("figure", no_wrap=True)
    table.add_column("qualifier", no_wrap=True)
    table.add_column("words", ratio=3, min_width=16)
    table.add_column("source", ratio=2, min_width=10)
    table.add_column("outlet", ratio=1)
    table.add_column("doc", no_wrap=True)
    table.add_column("note", ratio=1)
    contradicted = contradicted_claims(finding)
    for figure in shown:
        note = figure_note(figure, finding, contradicted)
        table.add_row(
            figure.published or "undated",
            Text(figure_label(figure), style="strike" if figure.negated else ""),
            figure.qualifier,
            Text(excerpt(figure.text, figure.text), style=category_style(finding.category)),
            _source(figure),
            Text(figure.outlet),
            figure.document[:8],
            Text(note, style="red" if "contradicted" in note else "dim"),
        )
    return table


def _source(figure: Figure) -> Text:
    source = Text(figure.primary_source)
    if figure.attributed_to is None:
        source.append(f" {OWN_VOICE}", style="dim")
    elif figure.attributed_to != figure.primary_source:
        source.append(f" (“{figure.attributed_to}”)", style="dim")
    return source


def contradictions_table(finding: Finding, rows: int = REPORT_ROWS) -> Table:
    """Each pair of figures that cannot both hold, with both quotes and the reason."""
    figures: Mapping[str, Figure] = {figure.claim: figure for figure in finding.figures}
    shown = finding.contradictions[:rows]
    caption = _caption(len(shown), len(finding.contradictions), "contradictions", finding.event)
    table = Table(
        title="contradictions", title_justify="left", box=box.SIMPLE_HEAD, caption=caption
    )
    table.add_column("reason", ratio=2, style="red")
    table.add_column("first", ratio=3)
    table.add_column("second", ratio=3)
    for contradiction in shown:
        table.add_row(
            Text(excerpt(contradiction.reason, contradiction.reason)),
            _quote(figures.get(contradiction.first)),
            _quote(figures.get(contradiction.second)),
        )
    return table


def _quote(figure: Figure | None) -> Text:
    if figure is None:
        return Text("(claim not in this finding)", style="dim")
    quote = Text(f"“{excerpt(figure.sentence or figure.text, figure.text, TERMINAL_QUOTE)}”")
    quote.append(
        f"\n— {figure.primary_source}, {figure.outlet}, {figure.published or 'undated'}",
        style="dim",
    )
    return quote


def support_table(finding: Finding, rows: int = REPORT_ROWS) -> Table:
    """How many independent sources state each distinct figure, and who only relays them."""
    shown = finding.support[:rows]
    caption = _caption(len(shown), len(finding.support), "figures", finding.event)
    table = Table(
        title="independent sources", title_justify="left", box=box.SIMPLE_HEAD, caption=caption
    )
    table.add_column("figure", no_wrap=True)
    table.add_column("independent", justify="right")
    table.add_column("sources", ratio=2)
    table.add_column("relayed by", ratio=2)
    for support in shown:
        table.add_row(
            support.figure,
            str(support.independent),
            Text(", ".join(support.sources)),
            Text(", ".join(support.relays), style="dim"),
        )
    return table


def bodies_table(bodies: Sequence[BodySizeDisagreement], rows: int = REPORT_ROWS) -> Table:
    """Bodies (commissions, panels...) stated with different sizes, with every statement."""
    statements = [(body, index, s) for body in bodies for index, s in enumerate(body.statements)]
    caption = _caption(min(rows, len(statements)), len(statements), "statements")
    table = Table(
        title="body sizes that disagree", title_justify="left", box=box.SIMPLE_HEAD, caption=caption
    )
    table.add_column("body", ratio=1)
    table.add_column("size", justify="right")
    table.add_column("words", ratio=2)
    table.add_column("outlet", ratio=1)
    table.add_column("published", no_wrap=True)
    for body, index, statement in statements[:rows]:
        table.add_row(
            Text(body.label if index == 0 else ""),
            str(statement.size.size),
            Text(f"“{excerpt(statement.size.text, statement.size.text)}”"),
            Text(statement.outlet),
            statement.published or "undated",
        )
    return table
