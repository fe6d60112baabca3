"""`tolltrace run`: the whole pipeline on some paths, and what it found."""

from __future__ import annotations

import sys
from pathlib import Path

from tolltrace.cli.claims import print_claims, print_extract_summary, run_extract_job
from tolltrace.cli.common import (
    EXIT_ITEMS_FAILED,
    chosen_runner,
    cli,
    console,
    db_option,
    ingest_options,
    opened,
    profile_option,
    time_limit_option,
)
from tolltrace.cli.documents import print_documents, print_ingest_summary, run_ingest_job
from tolltrace.cli.report import affiliations_option, print_link_summary, run_link_job
from tolltrace.report.gather import gather_event, largest_events
from tolltrace.report.terminal import render_event_report, render_events_overview
from tolltrace.store.base import ClaimQuery


@cli.command("run")
@ingest_options("cleaning and extraction")
@time_limit_option
@profile_option
@affiliations_option
@db_option
def run_cli(
    paths: tuple[str, ...],
    max_size: float,
    workers: int,
    runner: str,
    master: str | None,
    quiet: bool,
    time_limit: float,
    profiles: tuple[str, ...],
    affiliations: Path | None,
    db: str,
) -> None:
    """Run the whole pipeline on PATHS and print what it found.

    Ingests and cleans PATHS, extracts claims from every document not yet processed by this
    extractor version, links the whole store (entities, events, reconciled findings), then
    lists the documents, the claims, the events, and the report of the event with the most
    claims. Exit code 1 if any item failed.
    """
    with chosen_runner(runner, workers, master) as chosen, opened(db, create=True) as store:
        ingested = run_ingest_job(store, paths, max_size, chosen, quiet)
        print_ingest_summary(ingested)
        extracted = run_extract_job(store, time_limit, chosen, quiet, profiles)
        print_extract_summary(extracted)
        print_link_summary(run_link_job(store, affiliations, quiet))
        print_documents(store, limit=50)
        print_claims(store, ClaimQuery(limit=50), hint=True)
        events = largest_events(store, 20)
        if events:
            findings = [f for event in events for f in store.findings(event.id)]
            render_events_overview(events, findings, console)
            report = gather_event(store, events[0].id)
            console.print()
            render_event_report(report.event, report.findings, console, report.bodies)
            console.print(
                "[dim]every event: tolltrace report ID; as HTML: tolltrace report ID --html "
                "FILE[/dim]",
                highlight=False,
            )
    if ingested.failed or extracted.failed:
        sys.exit(EXIT_ITEMS_FAILED)
