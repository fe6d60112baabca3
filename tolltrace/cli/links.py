"""Commands over the link results: entities, entity, merge, split, events, findings, export-acled.

The `link` and `report` commands that produce and present them live elsewhere; these list,
show and export what the last `tolltrace link` stored, and record manual entity decisions.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.text import Text

from tolltrace.cli.common import cli, console, db_option, err_console, export_stdout, opened
from tolltrace.errors import AmbiguousId, EntityNotFound
from tolltrace.export import format_for
from tolltrace.export_links import (
    acled_rows,
    export_acled,
    export_entities,
    export_events,
    export_findings,
)
from tolltrace.model import ENTITY_TYPES, EntityDecision
from tolltrace.render import claims_table
from tolltrace.render_links import (
    aliases_table,
    entities_table,
    entity_summary,
    events_table,
    findings_table,
    roles_table,
)
from tolltrace.store import Store
from tolltrace.store.links import EntityQuery, EventQuery

F = TypeVar("F", bound=Callable[..., Any])
TABLE_ROWS = 100  # rows a table shows without --limit


def format_options(function: F) -> F:
    function = click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, writable=True, path_type=Path),
        help="Write the export to this file instead of standard output (required for parquet).",
    )(function)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "jsonl", "csv", "parquet"]),
        help="Output format (default: table, or what the --output file name says).",
    )(function)


def _output_format(fmt: str | None, output: Path | None) -> str:
    fmt = fmt or (format_for(output) if output else None) or "table"
    if fmt == "parquet" and output is None:
        raise click.UsageError("parquet is a binary format: give the file with --output FILE")
    if fmt == "table" and output is not None:
        raise click.UsageError("--output needs an export format: --format jsonl, csv or parquet")
    return fmt


def _wrote(written: int, noun: str, output: Path | None) -> None:
    if output is not None:
        err_console.print(f"wrote {written} {noun} to {output}", highlight=False)


@cli.command("entities")
@click.option("--type", "kind", type=click.Choice(ENTITY_TYPES), help="Only this entity type.")
@click.option("--name", help="Only entities with a name or alias containing TEXT (any case).")
@click.option("--limit", type=click.IntRange(min=1), help="At most N (the table shows 100).")
@format_options
@db_option
def entities_cli(
    kind: str | None,
    name: str | None,
    limit: int | None,
    fmt: str | None,
    output: Path | None,
    db: str,
) -> None:
    """List or export the entities the last `tolltrace link` found, the most mentioned first.

    Exports carry id, name, type, aliases (with the evidence for each), roles, mention_count
    and documents.
    """
    fmt = _output_format(fmt, output)
    with opened(db) as store:
        if fmt == "table":
            query = EntityQuery(kind, name, limit or TABLE_ROWS, mentions=False)
            shown = list(store.entities(query))
            counts = {entity.id: store.entity_mention_count(entity.id) for entity in shown}
            total = store.count_entities(query)
            console.print(entities_table(shown, total, counts))
            return
        with export_stdout() as stdout:
            written = export_entities(
                store.entities(EntityQuery(kind, name, limit)), fmt, output, stdout
            )
    _wrote(written, "entities", output)


@cli.command("entity")
@click.argument("reference")
@db_option
def entity_cli(reference: str, db: str) -> None:
    """Show one entity (an id, id prefix, name or alias): its aliases with the evidence quotes,
    its roles, how often it is mentioned, and the claims it is the source of."""
    with opened(db) as store:
        entity = store.get_entity(reference)
        console.print(entity_summary(entity))
        if entity.aliases:
            console.print(aliases_table(entity))
        if entity.roles:
            console.print(roles_table(entity))
        claims = store.entity_claims(entity.id)
        if claims:
            console.print(claims_table(claims, len(claims), console.width))
        else:
            console.print(f"no claim is attributed to {entity.name} or its aliases")


@cli.command("merge")
@click.argument("names", nargs=-1, required=True)
@click.option("--reason", required=True, help="Why these are one entity (kept in custody).")
@db_option
def merge_cli(names: tuple[str, ...], reason: str, db: str) -> None:
    """Record that NAMES are one entity, the first name canonical.

    Stored for good and logged in the chain of custody; it applies at the next
    `tolltrace link` and every one after it.
    """
    if len(names) < 2:
        raise click.UsageError("give at least two names to merge")
    _decide("merge", names, reason, db)


@cli.command("split")
@click.argument("names", nargs=-1, required=True)
@click.option("--reason", required=True, help="Why these are separate (kept in custody).")
@db_option
def split_cli(names: tuple[str, ...], reason: str, db: str) -> None:
    """Record that each of NAMES is an entity of its own, never merged with another.

    Stored for good and logged in the chain of custody; it applies at the next
    `tolltrace link` and every one after it.
    """
    _decide("split", names, reason, db)


def _decide(action: str, names: tuple[str, ...], reason: str, db: str) -> None:
    with opened(db) as store:
        decision = store.add_entity_decision(EntityDecision(action, names, reason, _user()))
        unknown = [name for name in decision.names if not _known(store, name)]
    console.print(
        f"recorded: {action} " + " + ".join(decision.names) + f" ({decision.reason})",
        highlight=False,
    )
    for name in unknown:
        err_console.print(f"note: no stored entity is called {name!r} yet", highlight=False)
    console.print("it applies at the next `tolltrace link`", highlight=False)


def _known(store: Store, name: str) -> bool:
    try:
        store.get_entity(name)
    except EntityNotFound:
        return False
    except AmbiguousId:
        return True
    return True


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or password database
        return ""


@cli.command("events")
@click.option("--type", "kind", help="Only events of this type (e.g. killed, massacre).")
@click.option("--text", help="Only events whose label or name contains TEXT (any case).")
@click.option("--document", help="Only events this document is part of (an id prefix or a uri).")
@click.option("--limit", type=click.IntRange(min=1), help="At most N (the table shows 100).")
@format_options
@db_option
def events_cli(
    kind: str | None,
    text: str | None,
    document: str | None,
    limit: int | None,
    fmt: str | None,
    output: Path | None,
    db: str,
) -> None:
    """List or export the events the last `tolltrace link` found, by date.

    Exports carry id, label, name, type, when, where, documents, claims and evidence.
    """
    fmt = _output_format(fmt, output)
    with opened(db) as store:
        doc_id = store.resolve_id(document) if document else None
        query = EventQuery(kind, text, doc_id, limit)
        if fmt == "table":
            shown = EventQuery(kind, text, doc_id, limit or TABLE_ROWS)
            console.print(events_table(store.events(shown), store.count_events(query)))
            return
        with export_stdout() as stdout:
            written = export_events(store.events(query), fmt, output, stdout)
    _wrote(written, "events", output)


@cli.command("findings")
@click.option("--event", "event_ref", help="Only this event's findings (an id or id prefix).")
@format_options
@db_option
def findings_cli(event_ref: str | None, fmt: str | None, output: Path | None, db: str) -> None:
    """List or export the reconciled findings: for each event and category, every figure with
    its source, the consensus interval, the contradictions and the independent source count."""
    fmt = _output_format(fmt, output)
    with opened(db) as store:
        event_id = store.get_event(event_ref).id if event_ref else None
        if fmt == "table":
            findings = list(store.findings(event_id))
            events = {finding.event for finding in findings}
            labels = {e.id: e.label for e in store.events() if e.id in events}
            console.print(findings_table(findings, labels))
            return
        with export_stdout() as stdout:
            written = export_findings(store.findings(event_id), fmt, output, stdout)
    _wrote(written, "findings", output)


@cli.command("export-acled")
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The file to write (.csv, .jsonl or .parquet).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "parquet"]),
    help="Output format (default: what the file name says, else csv).",
)
@db_option
def export_acled_cli(output: Path, fmt: str | None, db: str) -> None:
    """Export one row per event in ACLED-like columns (event_date, event_type, actor1, actor2,
    location, fatalities, fatalities_rule, sources, notes...).

    fatalities is a conservative lower bound: the consensus low of the killed and executed
    findings, else their smallest figure, never a sum; fatalities_rule says which, per row.
    """
    fmt = fmt or format_for(output) or "csv"
    with opened(db) as store:
        rows = acled_rows(store.events(), store.findings(), store.claims())
        with export_stdout() as stdout:
            written = export_acled(rows, fmt, output, stdout)
    err_console.print(Text(f"wrote {written} events to {output}"))
