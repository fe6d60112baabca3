"""Commands over documents: ingest, run, docs, show, search, verify, errors."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

import click
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.table import Table
from rich.text import Text

from tolltrace.cli.common import (
    EXIT_ITEMS_FAILED,
    ProgressLines,
    chosen_runner,
    cli,
    console,
    db_option,
    err_console,
    export_stdout,
    ingest_options,
    opened,
    short_item,
)
from tolltrace.model import IngestSummary, ItemError
from tolltrace.pipeline import IngestOptions, ingest
from tolltrace.render import claim_legend, highlight_claims, printable
from tolltrace.runner import Runner
from tolltrace.store import Store
from tolltrace.store.base import ClaimQuery
from tolltrace.verify import verify_store


@cli.command("ingest")
@ingest_options("cleaning")
@db_option
def ingest_cli(
    paths: tuple[str, ...],
    max_size: float,
    workers: int,
    runner: str,
    master: str | None,
    quiet: bool,
    db: str,
) -> None:
    """Ingest files, folders (recursively) and glob patterns.

    Reads .txt, .html/.htm (also gzipped), .pdf and .jsonl corpora (one document per line
    with a text/content field and optional uri, title, date). Re-running is safe: originals
    already stored are skipped. Exit code 1 if any item failed.
    """
    with chosen_runner(runner, workers, master) as chosen, opened(db, create=True) as store:
        summary = run_ingest_job(store, paths, max_size, chosen, quiet)
        print_ingest_summary(summary)
    if summary.failed:
        sys.exit(EXIT_ITEMS_FAILED)


def run_ingest_job(
    store: Store, paths: tuple[str, ...], max_size: float, runner: Runner, quiet: bool
) -> IngestSummary:
    options = IngestOptions(max_bytes=int(max_size * 2**20), runner=runner)
    if not quiet and not err_console.is_terminal:
        return ingest(store, paths, options, progress=ProgressLines("ingesting", in_bytes=True))
    columns = (BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn())
    with Progress(
        "[progress.description]{task.description}",
        *columns,
        console=err_console,
        disable=quiet,
        transient=True,
    ) as bar:
        task = bar.add_task("ingesting", total=None)
        return ingest(
            store,
            paths,
            options,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )


def print_ingest_summary(summary: IngestSummary) -> None:
    console.print(
        f"ingested [bold]{len(summary.ingested)}[/bold], "
        f"skipped [bold]{len(summary.duplicates)}[/bold] already stored, "
        f"failed [bold]{summary.failed}[/bold]  (run {summary.run_id})"
    )
    if summary.errors:
        console.print(failures_table(summary.errors[:50], "failed items"))
        if summary.failed > 50:
            console.print(f"… and {summary.failed - 50} more: see `tolltrace errors`")


@cli.command("docs")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=100,
    show_default=True,
    help="List at most this many documents.",
)
@click.option(
    "--offset", type=click.IntRange(min=0), default=0, help="Skip this many documents first."
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
    show_default=True, help="A table, or one JSON object per document (JSON Lines).",
)  # fmt: skip
@db_option
def docs_cli(limit: int, offset: int, fmt: str, db: str) -> None:
    """List ingested documents: id, date, title, where they came from."""
    with opened(db) as store:
        if fmt == "jsonl":
            for doc in store.documents(limit, offset):
                stored = store.get_document(doc.id)
                record = asdict(doc) | {
                    "title": stored.clean.title if stored.clean else None,
                    "published": stored.clean.published if stored.clean else None,
                }
                click.echo(json.dumps(record, ensure_ascii=False, default=str))
            return
        print_documents(store, limit, offset)


def print_documents(store: Store, limit: int, offset: int = 0) -> None:
    table = Table(title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("title", ratio=3)
    table.add_column("type", no_wrap=True)
    table.add_column("source", ratio=2, overflow="fold")
    shown = 0
    for doc in store.documents(limit, offset):
        stored = store.get_document(doc.id)
        clean = stored.clean
        table.add_row(
            doc.id[:12],
            (clean.published if clean else None) or "?",
            Text(((clean.title if clean else None) or "(untitled)")[:70]),
            doc.media_type.split("/")[-1],
            Text(_short_source(doc.uri)),
        )
        shown += 1
    total = store.count_documents()
    table.title = f"{total} documents" + (f" (showing {shown})" if shown < total else "")
    console.print(table)


def _short_source(uri: str) -> str:
    """A URL without its scheme, or a path's file name: what a reader recognises."""
    if "://" in uri:
        return uri.split("://", 1)[1].removeprefix("www.")[:80]
    return Path(uri).name


@cli.command("show")
@click.argument("doc")
@click.option("--original", is_flag=True, help="Print the original as decoded, not the clean text.")
@click.option("--removed", is_flag=True, help="Also list what cleaning removed, and why.")
@click.option("--no-claims", is_flag=True, help="Do not highlight or list the claims.")
@db_option
def show_cli(doc: str, original: bool, removed: bool, no_claims: bool, db: str) -> None:
    """Show one document (id prefix or uri): metadata, dates with evidence, clean text.

    The claims found in it are highlighted in the text (on a terminal) and listed below it.
    """
    with opened(db) as store:
        stored = store.get_document(store.resolve_id(doc))
        document, clean = stored.document, stored.clean
        meta = Table.grid(padding=(0, 2))
        meta.add_row("id", document.id)
        meta.add_row("uri", Text(document.uri))
        meta.add_row("origin", Text(document.origin))
        meta.add_row("type", f"{document.media_type} ({document.size} bytes, {document.encoding})")
        meta.add_row("ingested", document.ingested_at)
        if clean:
            for label, value in (
                ("title", clean.title),
                ("author", clean.author),
                ("site", clean.site),
                ("published", clean.published),
            ):
                if value:
                    meta.add_row(label, Text(value))
        console.print(meta)
        if clean and clean.dates:
            dates = Table(
                "date",
                "source",
                "confidence",
                "evidence",
                title="date evidence",
                title_justify="left",
            )
            for date in clean.dates:
                dates.add_row(
                    date.value, date.source, f"{date.confidence:.2f}", Text(date.evidence[:80])
                )
            console.print(dates)
        if removed and clean:
            for line in clean.removed:
                snippet = stored.raw_text[line.raw_start : line.raw_end][:80]
                console.print(Text(f"  removed ({line.reason}): {snippet!r}", style="dim"))
        claims = [] if no_claims else list(store.claims(ClaimQuery(document=document.id)))
        console.rule()
        raw = original or clean is None
        text = clean.text if clean is not None and not original else stored.raw_text
        spans = [(c.raw_start, c.raw_end) if raw else (c.start, c.end) for c in claims]
        if claims and console.is_terminal:
            console.print(highlight_claims(text, claims, spans), soft_wrap=True)
        else:
            # Plain echo: the text must come out exactly as stored, never re-wrapped (on a
            # terminal, its control characters shown as symbols).
            click.echo(printable(text) if console.is_terminal else text)
        if claims:
            console.rule()
            console.print(claim_legend(claims, spans, console.width))


@cli.command("search")
@click.argument("query")
@click.option(
    "--limit", type=click.IntRange(min=1), default=20, show_default=True,
    help="Show at most this many documents, the best matches first.",
)  # fmt: skip
@db_option
def search_cli(query: str, limit: int, db: str) -> None:
    """Full-text search over documents: words, "phrases" and OR in both stores (a SQLite
    file reads FTS5's syntax, NEAR too; PostgreSQL reads web-search syntax, -word too)."""
    with opened(db) as store:
        hits = store.search(query, limit)
        if not hits:
            console.print(f"no document matches {query!r}")
            return
        found = f"{len(hits)} document" + ("" if len(hits) == 1 else "s")
        table = Table("id", "title", "match", title=found, title_justify="left")
        for hit in hits:
            table.add_row(hit.document.id[:12], Text(hit.title or ""), Text(hit.snippet))
        console.print(table)


@cli.command("verify")
@click.option(
    "--expect-head",
    metavar="HASH",
    help="A head printed by an earlier verify (16+ hex digits): the chain must still hold it.",
)
@click.option("--print-head", is_flag=True, help="Print only the head (seq and hash) to publish.")
@db_option
def verify_cli(expect_head: str | None, print_head: bool, db: str) -> None:
    """Re-hash every original and the custody chain; report any tampering precisely.

    Checks each original, clean text and claim against the custody entries that recorded
    them, the chain's links, and its guards. Prints the chain's head: keep it outside the
    store (publish it, send it to a third party); a later `verify --expect-head HASH` then
    detects even a chain rewritten with recomputed hashes. Exit code 0 when everything
    checks out, 1 when anything was altered.
    """
    with opened(db) as store:
        report = verify_store(store, expect_head)
    if print_head:
        click.echo(f"{report.head_seq} {report.head_hash}")
    elif report.ok:
        console.print(
            f"[green]ok[/green]: {report.documents} originals, {report.claims} claims and "
            f"{report.custody_entries} custody entries verified"
            + (" against the expected head" if expect_head else ""),
            highlight=False,
        )
    else:
        console.print(f"[red]{len(report.problems)} problems[/red]")
        for problem in report.problems:
            console.print(Text(f"  {problem.where}: {problem.problem}"))
    if not print_head:
        console.print(
            f"head: #{report.head_seq} {report.head_hash}\n"
            "[dim]keep it outside the store; `tolltrace verify --expect-head HASH` checks the "
            "chain still holds it[/dim]",
            highlight=False,
            soft_wrap=True,
        )
    if not report.ok:
        sys.exit(EXIT_ITEMS_FAILED)


@cli.command("errors")
@click.option("--run", "run_id", help="Only this run's errors (the run id ingest prints).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
    show_default=True, help="A table, or one record per line (JSON Lines, CSV) for scripts.",
)  # fmt: skip
@db_option
def errors_cli(run_id: str | None, fmt: str, db: str) -> None:
    """List items that failed, with the stage, a stable code and the reason.

    Covers every stage: reading and decoding files, cleaning, and claim extraction (a
    document whose extraction failed is tried again by the next `tolltrace extract`).
    """
    with opened(db) as store:
        records = store.errors(run_id)
    rows = [
        {"run": r.run, "at": r.at} | {k: v for k, v in asdict(r.error).items()} for r in records
    ]
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    if fmt == "csv":
        with export_stdout() as stdout:
            writer = csv.DictWriter(stdout, ["run", "at", "item", "stage", "code", "message"])
            writer.writeheader()
            writer.writerows(rows)
        return
    if not records:
        console.print("no errors recorded")
        return
    console.print(failures_table([r.error for r in records], None, [r.run for r in records]))


def failures_table(
    errors: Sequence[ItemError], title: str | None, runs: Sequence[str] | None = None
) -> Table:
    """Failed items: the item whole (a path keeps its line number), stage and code, reason.

    Long items fold onto more lines rather than being cut; the run goes under the stage.
    """
    table = Table(title=title, title_justify="left")
    table.add_column("item", ratio=2, overflow="fold")
    table.add_column("stage, code" if runs is None else "run, stage, code", no_wrap=True)
    table.add_column("reason", ratio=3)
    for index, error in enumerate(errors):
        where = f"{error.stage} {error.code}"
        if runs is not None:
            where = f"{runs[index]}\n{where}"
        table.add_row(Text(short_item(error.item)), where, Text(error.message))
    return table
