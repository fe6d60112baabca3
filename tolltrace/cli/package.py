"""Evidence packages for an inquiry: `package` makes one, `verify-package` checks one offline."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

import click
from rich.text import Text

from tolltrace.cli.common import EXIT_ITEMS_FAILED, clean_errors, cli, console, db_option, opened
from tolltrace.package import build_package, verify_package


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or password database
        return ""


@cli.command("package")
@click.argument("event")
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The zip file to write (replaced only once the new package verifies).",
)
@click.option(
    "--by",
    "made_by",
    help="Who makes the package, recorded in its manifest (default: your system user name).",
)
@db_option
def package_cli(event: str, output: Path, made_by: str | None, db: str) -> None:
    """Write the evidence package of EVENT (an id or id prefix) to a zip, for hand-over.

    It holds the originals as preserved (named by their SHA-256), the custody entries that
    concern them, the event's claims and findings with quotes and offsets, the HTML report
    linking each original, and a manifest of every file's SHA-256 and size. The store is not
    changed. Check it anywhere with `tolltrace verify-package FILE.zip`.
    """
    with opened(db) as store:
        summary = build_package(
            store,
            event,
            output,
            store_location=str(Path(db).resolve()) if "://" not in db else db,
            made_by=_user() if made_by is None else made_by,
        )
    console.print(
        Text(
            f"wrote {output}: event {summary.event.id[:12]} ({summary.event.label}), "
            f"{summary.originals} originals, {summary.claims} claims, {summary.findings} "
            f"findings, {summary.custody_entries} custody entries in full and "
            f"{summary.custody_withheld} by their hashes only"
        )
    )
    console.print(
        f"manifest sha256: {summary.manifest_sha256}\n"
        "[dim]send it apart from the package: `tolltrace verify-package` prints the same[/dim]",
        highlight=False,
        soft_wrap=True,
    )


@cli.command("verify-package")
@click.argument("package", type=click.Path(dir_okay=False, path_type=Path))
def verify_package_cli(package: Path) -> None:
    """Check an evidence package offline: every file against the manifest's SHA-256 and size,
    the custody entries' hashes and links, and each original's ingest entry.

    Names each file altered, missing or added. Exit code 0 when everything checks out, 1 when
    anything does not, 3 when the file is no zip or no tolltrace package.
    """
    with clean_errors():
        report = verify_package(package)
    if report.ok:
        console.print(
            f"[green]ok[/green]: {report.files} files ({report.originals} originals) and "
            f"{report.custody_entries} custody entries ({report.custody_withheld} more by their "
            f"hashes only) verified; event {report.event[:12]}",
            highlight=False,
        )
    else:
        count = len(report.problems)
        console.print(f"[red]{count} problem{'' if count == 1 else 's'}[/red]")
        for problem in report.problems:
            console.print(Text(f"  {problem.where}: {problem.problem}"), soft_wrap=True)
    console.print(f"manifest sha256: {report.manifest_sha256}", highlight=False, soft_wrap=True)
    if report.custody_head is not None:
        seq, digest = report.custody_head
        console.print(f"custody head: #{seq} {digest}", highlight=False, soft_wrap=True)
    if not report.ok:
        sys.exit(EXIT_ITEMS_FAILED)
