"""The command line: each command parses its options, calls one library function, renders."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.table import Table
from rich.text import Text

from tolltrace import __version__
from tolltrace.errors import TolltraceError
from tolltrace.evaluate.datasets import EvalDocument
from tolltrace.evaluate.extractor import extractor_for
from tolltrace.evaluate.scoring import DATASETS
from tolltrace.evaluate.scoring import run as run_evaluation
from tolltrace.export import export_claims, format_for
from tolltrace.extract.stage import DEFAULT_TIME_LIMIT, ExtractOptions
from tolltrace.model import CATEGORIES, Claim, IngestSummary
from tolltrace.pipeline import ExtractSummary, IngestOptions, extract, ingest
from tolltrace.render import claim_legend, claims_table, highlight_claims
from tolltrace.store import Store, open_store
from tolltrace.store.base import ClaimQuery
from tolltrace.verify import verify_store

console = Console()
err_console = Console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])

EXIT_ITEMS_FAILED = 1  # the batch finished but some items failed, or verify found tampering
EXIT_ERROR = 3  # the command could not run (store unusable, document not found, ...)


def db_option(function: F) -> F:
    return click.option(
        "--db",
        default="./tolltrace.db",
        show_default=True,
        envvar="TOLLTRACE_DB",
        help="The store: a SQLite file path (env TOLLTRACE_DB).",
    )(function)


@contextmanager
def clean_errors() -> Iterator[None]:
    """The one boundary where library errors become a clean message and an exit code."""
    try:
        yield
    except TolltraceError as exc:
        err_console.print(f"[red]error[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        sys.exit(EXIT_ERROR)


@contextmanager
def opened(db: str) -> Iterator[Store]:
    """Open the store; library errors become one clean message and an exit code."""
    with clean_errors(), open_store(db) as store:
        yield store


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tolltrace")
def cli() -> None:
    """tolltrace: traceable casualty and repression figures from news and advocacy texts.

    Ingest articles (text, HTML, PDF, JSON Lines), keep every original unchanged with a
    hash-chained chain of custody, clean them with an offset map back to the original, and
    extract claims (how many people were killed, arrested..., who says so) tied to exact spans.
    """


def _ingest_options(function: F) -> F:
    function = click.option(
        "--max-size",
        type=click.FloatRange(min=0.001),
        default=50,
        show_default=True,
        help="Largest single document to accept, in MB.",
    )(function)
    function = _workers_option(function)
    function = click.option("--quiet", "-q", is_flag=True, help="No progress bar.")(function)
    return click.argument("paths", nargs=-1, required=True)(function)


def _workers_option(function: F) -> F:
    return click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help="Processes for cleaning and extraction (use 2+ for large corpora).",
    )(function)


def _time_limit_option(function: F) -> F:
    return click.option(
        "--time-limit",
        type=click.FloatRange(min=0.1),
        default=DEFAULT_TIME_LIMIT,
        show_default=True,
        help="Seconds extraction may spend on one document; a slower one fails with T201.",
    )(function)


@cli.command("ingest")
@_ingest_options
@db_option
def ingest_cli(paths: tuple[str, ...], max_size: float, workers: int, quiet: bool, db: str) -> None:
    """Ingest files, folders (recursively) and glob patterns.

    Reads .txt, .html/.htm (also gzipped), .pdf and .jsonl corpora (one document per line
    with a text/content field and optional uri, title, date). Re-running is safe: originals
    already stored are skipped. Exit code 1 if any item failed.
    """
    with opened(db) as store:
        summary = _run_ingest(store, paths, max_size, workers, quiet)
        _print_summary(summary)
    if summary.failed:
        sys.exit(EXIT_ITEMS_FAILED)


@cli.command("run")
@_ingest_options
@_time_limit_option
@db_option
def run_cli(
    paths: tuple[str, ...], max_size: float, workers: int, quiet: bool, time_limit: float, db: str
) -> None:
    """Run the whole pipeline on PATHS and print what it found.

    Ingests and cleans PATHS, extracts claims from every document not yet processed by this
    extractor version, then lists the documents and the claims. Exit code 1 if any item failed.
    """
    with opened(db) as store:
        ingested = _run_ingest(store, paths, max_size, workers, quiet)
        _print_summary(ingested)
        extracted = _run_extract(store, time_limit, workers, quiet)
        _print_extract_summary(extracted)
        _print_documents(store, limit=50)
        _print_claims(store, ClaimQuery(limit=50), hint=True)
    if ingested.failed or extracted.failed:
        sys.exit(EXIT_ITEMS_FAILED)


def _run_ingest(
    store: Store, paths: tuple[str, ...], max_size: float, workers: int, quiet: bool
) -> IngestSummary:
    options = IngestOptions(max_bytes=int(max_size * 2**20), workers=workers)
    columns = (BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn())
    with Progress(
        "[progress.description]{task.description}",
        *columns,
        console=err_console,
        disable=quiet or not err_console.is_terminal,
        transient=True,
    ) as bar:
        task = bar.add_task("ingesting", total=None)
        return ingest(
            store,
            paths,
            options,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )


def _run_extract(store: Store, time_limit: float, workers: int, quiet: bool) -> ExtractSummary:
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err_console,
        disable=quiet or not err_console.is_terminal,
        transient=True,
    ) as bar:
        task = bar.add_task("extracting", total=None)
        return extract(
            store,
            ExtractOptions(time_limit=time_limit),
            workers,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )


def _print_extract_summary(summary: ExtractSummary) -> None:
    console.print(
        f"extracted [bold]{summary.claims}[/bold] claims from "
        f"[bold]{len(summary.processed)}[/bold] documents, "
        f"failed [bold]{summary.failed}[/bold]  (run {summary.run_id})",
        highlight=False,
    )
    console.print(f"[dim]extractor {summary.extractor}[/dim]", highlight=False)
    if summary.errors:
        table = Table("document", "code", "reason", title="failed documents", title_justify="left")
        for error in summary.errors[:50]:
            table.add_row(_short_item(error.item), error.code, Text(error.message))
        console.print(table)
        if summary.failed > 50:
            console.print(f"… and {summary.failed - 50} more: see `tolltrace errors`")
        console.print("failed documents are tried again by the next `tolltrace extract`")


def _print_summary(summary: IngestSummary) -> None:
    console.print(
        f"ingested [bold]{len(summary.ingested)}[/bold], "
        f"skipped [bold]{len(summary.duplicates)}[/bold] already stored, "
        f"failed [bold]{summary.failed}[/bold]  (run {summary.run_id})"
    )
    if summary.errors:
        table = Table("item", "stage", "code", "reason", title="failed items", title_justify="left")
        for error in summary.errors[:50]:
            table.add_row(error.item, error.stage, error.code, error.message)
        console.print(table)
        if summary.failed > 50:
            console.print(f"… and {summary.failed - 50} more: see `tolltrace errors`")


@cli.command("extract")
@_workers_option
@_time_limit_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@db_option
def extract_cli(workers: int, time_limit: float, quiet: bool, db: str) -> None:
    """Extract claims from every document this extractor version has not processed yet.

    Incremental: re-running does nothing new unless documents were added, an earlier run
    failed on some (they are retried), or the extractor changed (its claims replace the old
    ones). Exit code 1 if any document failed.
    """
    with opened(db) as store:
        summary = _run_extract(store, time_limit, workers, quiet)
        _print_extract_summary(summary)
    if summary.failed:
        sys.exit(EXIT_ITEMS_FAILED)


@cli.command("claims")
@click.option(
    "--category",
    "categories",
    multiple=True,
    type=click.Choice(CATEGORIES),
    help="Only claims of this category (repeat for several).",
)
@click.option("--document", help="Only this document's claims (an id prefix or a uri).")
@click.option("--source", help="Only claims attributed to a source whose name contains TEXT.")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    help="At most N claims (default: all; the table shows 100).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "csv", "parquet"]),
    help="Output format (default: table, or what the --output file name says).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the export to this file instead of standard output (required for parquet).",
)
@db_option
def claims_cli(
    categories: tuple[str, ...],
    document: str | None,
    source: str | None,
    limit: int | None,
    fmt: str | None,
    output: Path | None,
    db: str,
) -> None:
    """List or export the extracted claims, filtered by category, document or source.

    Exports (jsonl, csv, parquet) carry the public claim schema's fields in order, then
    perpetrator and extractor.
    """
    fmt = fmt or (format_for(output) if output else None) or "table"
    if fmt == "parquet" and output is None:
        raise click.UsageError("parquet is a binary format: give the file with --output FILE")
    if fmt == "table" and output is not None:
        raise click.UsageError("--output needs an export format: --format jsonl, csv or parquet")
    with opened(db) as store:
        doc_id = store.resolve_id(document) if document else None
        query = ClaimQuery(categories, doc_id, source, limit)
        if fmt == "table":
            _print_claims(store, ClaimQuery(categories, doc_id, source, limit or 100))
            return
        written = export_claims(store.claims(query), fmt, output, sys.stdout)
    if output is not None:
        err_console.print(f"wrote {written} claims to {output}", highlight=False)


def _print_claims(store: Store, query: ClaimQuery, hint: bool = False) -> None:
    total = store.count_claims(query)
    caption = None
    if hint and query.limit is not None and total > query.limit:
        caption = "all of them: tolltrace claims, or export with --format jsonl|csv|parquet"
    console.print(claims_table(store.claims(query), total, console.width, caption))


@cli.command("docs")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table")
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
        _print_documents(store, limit, offset)


def _print_documents(store: Store, limit: int, offset: int = 0) -> None:
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
            # Plain echo: the text must come out exactly as stored, never re-wrapped.
            click.echo(text)
        if claims:
            console.rule()
            console.print(claim_legend(claims, spans, console.width))


@cli.command("search")
@click.argument("query")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@db_option
def search_cli(query: str, limit: int, db: str) -> None:
    """Full-text search over documents (SQLite FTS5 syntax: words, "phrases", OR, NEAR)."""
    with opened(db) as store:
        hits = store.search(query, limit)
        if not hits:
            console.print(f"no document matches {query!r}")
            return
        table = Table("id", "title", "match", title=f"{len(hits)} documents", title_justify="left")
        for hit in hits:
            table.add_row(hit.document.id[:12], Text((hit.title or "")[:50]), Text(hit.snippet))
        console.print(table)


@cli.command("verify")
@db_option
def verify_cli(db: str) -> None:
    """Re-hash every original and the custody chain; report any tampering precisely.

    Exit code 0 when everything checks out, 1 when anything was altered.
    """
    with opened(db) as store:
        report = verify_store(store)
    if report.ok:
        console.print(
            f"[green]ok[/green]: {report.documents} originals and "
            f"{report.custody_entries} custody entries verified"
        )
        return
    console.print(f"[red]{len(report.problems)} problems[/red]")
    for problem in report.problems:
        console.print(f"  {problem.where}: {problem.problem}")
    sys.exit(EXIT_ITEMS_FAILED)


@cli.command("errors")
@click.option("--run", "run_id", help="Only this run's errors (the run id ingest prints).")
@db_option
def errors_cli(run_id: str | None, db: str) -> None:
    """List items that failed, with the stage, a stable code and the reason.

    Covers every stage: reading and decoding files, cleaning, and claim extraction (a
    document whose extraction failed is tried again by the next `tolltrace extract`).
    """
    with opened(db) as store:
        records = store.errors(run_id)
    if not records:
        console.print("no errors recorded")
        return
    table = Table("run", "item", "stage", "code", "reason", title_justify="left")
    for record in records:
        error = record.error
        table.add_row(
            record.run, Text(_short_item(error.item)), error.stage, error.code, Text(error.message)
        )
    console.print(table)


def _short_item(item: str) -> str:
    """A document id shortened as `docs` lists it; paths and other items as they are."""
    return item[:12] if re.fullmatch(r"[0-9a-f]{64}", item) else item


@cli.command("eval")
@click.argument("name", type=click.Choice(list(DATASETS)))
@click.option(
    "--data",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The data set's folder, in its own layout (e.g. ../shared/eval/advocacy).",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Also write the report as JSON to this file.",
)
def eval_cli(name: str, data: Path, json_path: Path | None) -> None:
    """Score tolltrace's extraction on an evaluation data set and print the report.

    NAME is the data set (its folder layout); the exit code is 0 even when targets are missed:
    the report says which are.
    """
    with clean_errors(), _status(f"evaluating on {name}") as status:
        scored = 0
        extract = extractor_for(name)

        def extract_counted(document: EvalDocument) -> Sequence[Claim]:
            nonlocal scored
            claims = extract(document)
            scored += 1
            if status is not None:
                status.update(f"evaluating on {name}: {scored} documents")
            return claims

        report = run_evaluation(name, data, extract_counted)
    click.echo(report.render())
    if json_path is not None:
        record = json.dumps(report.to_json(), indent=2, ensure_ascii=False, default=str)
        json_path.write_text(record + "\n", encoding="utf-8")
        err_console.print(f"wrote the report to {json_path}", highlight=False)


def _status(message: str) -> AbstractContextManager[Any]:
    """A spinner on standard error when it is a terminal (the report goes to standard output)."""
    if err_console.is_terminal:
        return err_console.status(message)
    return nullcontext(None)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
