"""Commands across documents: link (entities, events, findings) and report."""

from __future__ import annotations

from pathlib import Path

import click

from tolltrace.cli.common import (
    clean_errors,
    cli,
    console,
    counting_progress,
    db_option,
    err_console,
    opened,
)
from tolltrace.pipeline import LinkOptions, LinkSummary, link
from tolltrace.reconcile.affiliations import NO_AFFILIATIONS, load_affiliations
from tolltrace.report.gather import gather_event, largest_events
from tolltrace.report.html import event_report_html, events_index_html
from tolltrace.report.terminal import render_event_report, render_events_overview
from tolltrace.store import Store


def run_link_job(store: Store, affiliations: Path | None, quiet: bool) -> LinkSummary:
    with clean_errors():
        table = NO_AFFILIATIONS if affiliations is None else load_affiliations(affiliations)
    with counting_progress("finding names", quiet) as progress:
        return link(store, LinkOptions(affiliations=table), progress)


def print_link_summary(summary: LinkSummary) -> None:
    console.print(
        f"linked [bold]{summary.documents}[/bold] documents and {summary.claims} claims: "
        f"{summary.entities} entities, {summary.events} events, {summary.findings} findings, "
        f"{summary.contradicted} of them with contradicting figures",
        highlight=False,
    )
    if summary.pinned_missing:
        console.print(
            f"[yellow]{summary.pinned_missing} claims a reviewer moved to an event are in no "
            "event: that event is gone; review them again (tolltrace serve, /queue)[/yellow]",
            highlight=False,
        )


def affiliations_option(function: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--affiliations",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="A CSV of source affiliations (header source,affiliated_with): affiliated sources "
        "count as one independent source.",
    )(function)


@cli.command("link")
@affiliations_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@db_option
def link_cli(affiliations: Path | None, quiet: bool, db: str) -> None:
    """Link the whole store: entities with aliases, events, reconciled findings.

    Run it after ingesting or extracting more: the derived results are replaced as a whole;
    manual merges and splits (`tolltrace merge`, `tolltrace split`) are kept and applied.
    """
    with opened(db) as store:
        print_link_summary(run_link_job(store, affiliations, quiet))


@cli.command("report")
@click.argument("event", required=False)
@click.option(
    "--html",
    "html_path",
    type=click.Path(writable=True, path_type=Path),
    help="Also write HTML: a file for one EVENT, else a folder with a page per listed event.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="Events in the overview (those with the most claims).",
)
@db_option
def report_cli(event: str | None, html_path: Path | None, limit: int, db: str) -> None:
    """The reconciled figures of one EVENT (an id prefix), or an overview of the events.

    For each category: every figure side by side with its source, qualifier, document and
    date; the interval consistent with all of them, or the contradictions with both quotes;
    how many independent sources state each figure; bodies stated with different sizes.
    Run `tolltrace link` first.
    """
    with opened(db) as store:
        if event is not None:
            report = gather_event(store, event)
            render_event_report(report.event, report.findings, console, report.bodies)
            if html_path is not None:
                page = event_report_html(
                    report.event, report.findings, report.documents, report.bodies
                )
                html_path.write_text(page, encoding="utf-8")
                err_console.print(f"wrote {html_path}", highlight=False)
            return
        events = largest_events(store, limit)
        if not events:
            console.print("no events: run `tolltrace link` first")
            return
        findings = [f for listed in events for f in store.findings(listed.id)]
        render_events_overview(events, findings, console)
        if html_path is not None:
            _write_html_folder(store, [listed.id for listed in events], html_path)


def _write_html_folder(store: Store, event_ids: list[str], folder: Path) -> None:
    """One page per event and an index linking them."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for event_id in event_ids:
        report = gather_event(store, event_id)
        page = event_report_html(report.event, report.findings, report.documents, report.bodies)
        (folder / f"{event_id}.html").write_text(page, encoding="utf-8")
        entries.append((report.event, report.findings))
    (folder / "index.html").write_text(events_index_html(entries), encoding="utf-8")
    err_console.print(f"wrote {len(event_ids)} event pages and index.html to {folder}")
