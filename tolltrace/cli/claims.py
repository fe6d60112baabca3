"""Commands over claims: extract, claims, eval."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from tolltrace.cli.common import (
    EXIT_ITEMS_FAILED,
    chosen_runner,
    clean_errors,
    cli,
    console,
    counting_progress,
    db_option,
    err_console,
    export_stdout,
    opened,
    profile_option,
    runner_options,
    status_spinner,
    time_limit_option,
)
from tolltrace.cli.documents import failures_table
from tolltrace.evaluate.datasets import EvalDocument
from tolltrace.evaluate.extractor import extractor_for
from tolltrace.evaluate.metrics import Report
from tolltrace.evaluate.parts import ALL, PARTS
from tolltrace.evaluate.score_hrdocs import run_hrdocs
from tolltrace.evaluate.scoring import EVALUATIONS
from tolltrace.evaluate.scoring import run as run_evaluation
from tolltrace.export import export_claims, format_for
from tolltrace.extract.profile import DEFAULT_PROFILES, load_lexicon
from tolltrace.extract.stage import ExtractOptions, extractor_version
from tolltrace.model import CATEGORIES, Claim
from tolltrace.pipeline import ExtractSummary, extract
from tolltrace.render import claims_table
from tolltrace.runner import Runner
from tolltrace.store import Store
from tolltrace.store.base import ClaimQuery


@cli.command("extract")
@runner_options("extraction")
@time_limit_option
@profile_option
@click.option(
    "--retry-timeouts",
    is_flag=True,
    help="Also try again documents that ran out of this time limit (or a larger one) before.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@db_option
def extract_cli(
    workers: int,
    runner: str,
    master: str | None,
    time_limit: float,
    profiles: tuple[str, ...],
    retry_timeouts: bool,
    quiet: bool,
    db: str,
) -> None:
    """Extract claims from every document this extractor version has not processed yet.

    Incremental: re-running does nothing new unless documents were added, an earlier run
    failed on some (they are retried; those that ran out of time only under a larger
    --time-limit or with --retry-timeouts), or the extractor changed (its claims replace the
    old ones). Two extract processes on one store share the documents. Exit code 1 if any
    document failed.
    """
    with opened(db) as store:
        # Loading the models and starting workers takes seconds: not for nothing to do.
        version = extractor_version(profiles or DEFAULT_PROFILES)
        if not store.pending_extraction(version):
            console.print(
                f"nothing to extract: all {store.count_documents():,} documents are up to date "
                f"with extractor {version}",
                highlight=False,
            )
            return
        with chosen_runner(runner, workers, master) as chosen:
            summary = run_extract_job(store, time_limit, chosen, quiet, profiles, retry_timeouts)
        print_extract_summary(summary)
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
            print_claims(store, ClaimQuery(categories, doc_id, source, limit or 100))
            return
        with export_stdout() as stdout:
            written = export_claims(store.claims(query), fmt, output, stdout)
    if output is not None:
        err_console.print(f"wrote {written} claims to {output}", highlight=False)


def print_claims(store: Store, query: ClaimQuery, hint: bool = False) -> None:
    total = store.count_claims(query)
    caption = None
    if hint and query.limit is not None and total > query.limit:
        caption = "all of them: tolltrace claims, or export with --format jsonl|csv|parquet"
    console.print(claims_table(store.claims(query), total, console.width, caption))


@cli.command("eval")
@click.argument("name", type=click.Choice(list(EVALUATIONS)))
@click.option(
    "--data",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The data set's folder, in its own layout (e.g. ../shared/eval/advocacy).",
)
@click.option(
    "--part",
    type=click.Choice(PARTS),
    default=ALL,
    show_default=True,
    help="Score only these documents: a fixed split by a hash of their ids. Work from the "
    "errors of tune, judge a change on check.",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Also write the report as JSON to this file.",
)
def eval_cli(name: str, data: Path, part: str, json_path: Path | None) -> None:
    """Score tolltrace's extraction on an evaluation data set and print the report.

    NAME is the data set (its folder layout); hrdocs runs the whole pipeline (ingest, extract,
    link) in a temporary store and scores its claim and event exports. The exit code is 0 even
    when targets are missed: the report says which are.
    """
    with clean_errors(), status_spinner(f"evaluating on {name}") as status:
        report: Report
        if name == "hrdocs":

            def extracted(done: int, total: int) -> None:
                if status is not None:
                    status.update(f"evaluating on {name}: {done} of {total} documents")

            report = run_hrdocs(data, part, extracted)
        else:
            scored = 0
            extract = extractor_for(name)

            def extract_counted(document: EvalDocument) -> Sequence[Claim]:
                nonlocal scored
                claims = extract(document)
                scored += 1
                if status is not None:
                    status.update(f"evaluating on {name}: {scored} documents")
                return claims

            report = run_evaluation(name, data, extract_counted, part)
    click.echo(report.render())
    if json_path is not None:
        record = json.dumps(report.to_json(), indent=2, ensure_ascii=False, default=str)
        json_path.write_text(record + "\n", encoding="utf-8")
        err_console.print(f"wrote the report to {json_path}", highlight=False)


def run_extract_job(
    store: Store,
    time_limit: float,
    runner: Runner,
    quiet: bool,
    profiles: tuple[str, ...] = (),
    retry_timeouts: bool = False,
) -> ExtractSummary:
    options = ExtractOptions(time_limit=time_limit, profiles=profiles or DEFAULT_PROFILES)
    with clean_errors():
        load_lexicon(options.profiles)  # a bad profile stops here, before any work
    with counting_progress("extracting", quiet) as progress:
        return extract(store, options, runner, progress, retry_timeouts)


def print_extract_summary(summary: ExtractSummary) -> None:
    console.print(
        f"extracted [bold]{summary.claims}[/bold] claims from "
        f"[bold]{len(summary.processed)}[/bold] documents, "
        f"failed [bold]{summary.failed}[/bold]  (run {summary.run_id})",
        highlight=False,
    )
    console.print(f"[dim]extractor {summary.extractor}[/dim]", highlight=False)
    if summary.timed_out_before:
        console.print(
            f"{summary.timed_out_before} documents ran out of time before under this limit "
            "and were left out: raise --time-limit, or add --retry-timeouts",
            highlight=False,
        )
    if summary.leased_elsewhere:
        console.print(
            f"{summary.leased_elsewhere} documents are being extracted by another process",
            highlight=False,
        )
    if summary.errors:
        console.print(failures_table(summary.errors[:50], "failed documents"))
        if summary.failed > 50:
            console.print(f"… and {summary.failed - 50} more: see `tolltrace errors`")
        console.print(
            "failed documents are tried again by the next `tolltrace extract` (those out of "
            "time only under a larger --time-limit or with --retry-timeouts)"
        )
