"""Commands over named victims: link-victims, victims, victim, victim-merge, victim-split."""

from __future__ import annotations

from pathlib import Path

import click

from tolltrace.cli.common import cli, console, db_option, err_console, export_stdout, opened
from tolltrace.cli.links import TABLE_ROWS, _output_format, _user, _wrote, format_options
from tolltrace.export_victims import export_victims
from tolltrace.model import FATES, VictimDecision
from tolltrace.render_victims import evidence_text, mentions_table, victim_summary, victims_table
from tolltrace.store.victims import VictimQuery
from tolltrace.victims_job import link_victims_job


@cli.command("link-victims")
@db_option
def link_victims_cli(db: str) -> None:
    """Read every person the stored claims name or describe one by one as harmed, link the
    same person across documents and sources (splink), and store the victims.

    People's merges and splits (`victim-merge`, `victim-split`) are applied again. Needs the
    `victims` extra (splink and DuckDB).
    """
    with opened(db) as store:
        summary = link_victims_job(store)
    console.print(
        f"{summary.victims} victims from {summary.mentions} mentions in {summary.documents} "
        f"documents (replaced {summary.replaced}; run {summary.run})",
        highlight=False,
    )


@cli.command("victims")
@click.option("--fate", type=click.Choice(FATES), help="Only victims with this fate.")
@click.option("--name", help="Only victims whose name contains TEXT (any case).")
@click.option("--document", help="Only victims a document (id or id prefix) mentions.")
@click.option("--limit", type=click.IntRange(min=1), help="At most N (the table shows 100).")
@format_options
@db_option
def victims_cli(
    fate: str | None,
    name: str | None,
    document: str | None,
    limit: int | None,
    fmt: str | None,
    output: Path | None,
    db: str,
) -> None:
    """List or export the victims the last `tolltrace link-victims` stored: one row per person,
    with all of their mentions and sources.

    Exports carry id, name, normalised, fate, age, sex, when, where, event, documents,
    sources, mention_count, mentions (document, span, words, fate, who says so, sentence) and
    the evidence of each merge (match weights per comparison).
    """
    fmt = _output_format(fmt, output)
    with opened(db) as store:
        if fmt == "table":
            query = VictimQuery(fate, name, document, limit or TABLE_ROWS)
            shown = list(store.victims(query))
            console.print(victims_table(shown, store.count_victims(query)))
            return
        with export_stdout() as stdout:
            written = export_victims(
                store.victims(VictimQuery(fate, name, document, limit)), fmt, output, stdout
            )
    _wrote(written, "victims", output)


@cli.command("victim")
@click.argument("reference")
@db_option
def victim_cli(reference: str, db: str) -> None:
    """Show one victim (an id, id prefix or mention id): every mention with its document,
    span and source, and the evidence for each merge."""
    with opened(db) as store:
        victim = store.get_victim(reference)
    console.print(victim_summary(victim))
    console.print(mentions_table(victim))
    console.print(evidence_text(victim))


@cli.command("victim-merge")
@click.argument("mentions", nargs=-1, required=True)
@click.option("--reason", required=True, help="Why these are one person (kept in custody).")
@db_option
def victim_merge_cli(mentions: tuple[str, ...], reason: str, db: str) -> None:
    """Record that the victims of MENTIONS (mention ids, see `tolltrace victim`) are one person.

    Stored for good and logged in the chain of custody; it applies at the next
    `tolltrace link-victims` and every one after it.
    """
    if len(mentions) < 2:
        raise click.UsageError("give at least two mention ids to merge")
    _decide("merge", mentions, reason, db)


@cli.command("victim-split")
@click.argument("mentions", nargs=-1, required=True)
@click.option("--reason", required=True, help="Why these are another person (kept in custody).")
@db_option
def victim_split_cli(mentions: tuple[str, ...], reason: str, db: str) -> None:
    """Record that MENTIONS (mention ids) are a person apart from the rest of their victim.

    Stored for good and logged in the chain of custody; it applies at the next
    `tolltrace link-victims` and every one after it.
    """
    _decide("split", mentions, reason, db)


def _decide(action: str, mentions: tuple[str, ...], reason: str, db: str) -> None:
    with opened(db) as store:
        decision = store.add_victim_decision(VictimDecision(action, mentions, reason, _user()))
        known = {m.id for v in store.victims() for m in v.mentions}
    console.print(
        f"recorded: victim-{action} " + " + ".join(decision.ids) + f" ({decision.reason})",
        highlight=False,
    )
    for ident in decision.ids:
        if ident not in known:
            err_console.print(f"note: no stored mention has the id {ident!r}", highlight=False)
    console.print("it applies at the next `tolltrace link-victims`", highlight=False)
