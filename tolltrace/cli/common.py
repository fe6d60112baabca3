"""What every command shares: the command group, consoles, store opening, exit codes, options."""

from __future__ import annotations

import io
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import IO, Any, TypeVar

import click
from click.core import ParameterSource
from rich.console import (
    Console,
    ConsoleOptions,
    ConsoleRenderable,
    RenderHook,
    RenderResult,
    RichCast,
)
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn
from rich.segment import Segment
from rich.table import Table

from tolltrace import __version__
from tolltrace.errors import StoreNotFound, TolltraceError
from tolltrace.extract.profile import builtin_profiles
from tolltrace.extract.stage import DEFAULT_TIME_LIMIT
from tolltrace.render import printable, unclipped
from tolltrace.runner import RUNNERS, Runner, make_runner
from tolltrace.store import Store, location_label, open_store


class _Printable:
    """A renderable whose text segments have their control characters made visible."""

    def __init__(self, renderable: ConsoleRenderable | RichCast) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.renderable, options):
            # Rich's own cursor and screen controls are `control` segments: kept as they are.
            yield segment if segment.control else Segment(printable(segment.text), segment.style)


class PrintableHook(RenderHook):
    """Everything a console prints goes through `printable` (documents are hostile input),
    and every table is `unclipped` (a figure or a name is never cut short)."""

    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [
            _Printable(unclipped(renderable) if isinstance(renderable, Table) else renderable)
            for renderable in renderables
        ]


def safe_console(**options: Any) -> Console:
    made = Console(**options)
    made.push_render_hook(PrintableHook())
    return made


console = safe_console()
err_console = safe_console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])

EXIT_ITEMS_FAILED = 1  # the batch finished but some items failed, or verify found tampering
EXIT_ERROR = 3  # the command could not run (store unusable, document not found, ...)
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report a process ended by SIGINT


def db_option(function: F) -> F:
    return click.option(
        "--db",
        default="./tolltrace.db",
        show_default=True,
        envvar="TOLLTRACE_DB",
        help="The store: a SQLite file path, or a PostgreSQL URL postgresql://user@host/name "
        "(env TOLLTRACE_DB).",
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
def opened(db: str, create: bool = False) -> Iterator[Store]:
    """Open the store; library errors become one clean message and an exit code.

    Only commands that add documents `create` a store: any other, given a path where there is
    none, says which store it looked for and how to make one.
    """
    with clean_errors():
        if not create:
            check_store_exists(db)
        with open_store(db) as store:
            try:
                yield store
            except KeyboardInterrupt:
                interrupted(db)


def interrupted(db: str) -> None:
    """Ctrl-C: say what was kept and how to resume, instead of click's bare "Aborted!"."""
    context = click.get_current_context(silent=True)
    words = context.command_path.split()[1:] if context is not None else []
    command = " ".join(["tolltrace", *words])  # the program's name, however it was invoked
    err_console.print(
        f"\n[yellow]interrupted[/yellow]: everything written to "
        f"{escape(location_label(db))} before now is kept "
        "(only the batch in flight is lost). Run the same "
        f"`{escape(command)}` again to resume: it skips what is already done.",
        highlight=False,
        soft_wrap=True,
    )
    sys.exit(EXIT_INTERRUPTED)


def check_store_exists(db: str) -> None:
    """Raise StoreNotFound, naming where `db` came from, when no SQLite file is there."""
    if "://" in db and not db.startswith("sqlite:///"):
        return  # a database server: it says itself whether the database exists
    path = Path(db.removeprefix("sqlite:///"))
    if path.is_file():
        return
    context = click.get_current_context(silent=True)
    source = context.get_parameter_source("db") if context is not None else None
    given = "from --db"
    if source is ParameterSource.ENVIRONMENT:
        given = "from TOLLTRACE_DB"
    elif source is ParameterSource.DEFAULT:
        given = "the default, as neither --db nor TOLLTRACE_DB was given"
    raise StoreNotFound(
        f"no store at {db} ({given}); make one with `tolltrace run PATH... --db {db}` "
        f"(or `tolltrace ingest PATH... --db {db}`), or point --db or TOLLTRACE_DB at an "
        "existing store"
    )


@contextmanager
def export_stdout() -> Iterator[IO[str]]:
    """Standard output for an export: as it is when piped; on a terminal, collected and then
    printed with its control characters shown as symbols (a CSV cell holds raw text)."""
    if not sys.stdout.isatty():
        yield sys.stdout
        return
    collected = io.StringIO()
    yield collected
    sys.stdout.write(printable(collected.getvalue()))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tolltrace")
def cli() -> None:
    """tolltrace: traceable casualty and repression figures from news and advocacy texts.

    Ingest articles (text, HTML, PDF, JSON Lines), keep every original unchanged with a
    hash-chained chain of custody, clean them with an offset map back to the original, and
    extract claims (how many people were killed, arrested..., who says so) tied to exact spans.
    """


def ingest_options(work: str) -> Callable[[F], F]:
    """The options of commands that ingest PATHS; `work` is what their runner does."""

    def add(function: F) -> F:
        function = click.option(
            "--max-size",
            type=click.FloatRange(min=0.001),
            default=50,
            show_default=True,
            help="Largest single document to accept, in MB.",
        )(function)
        function = runner_options(work)(function)
        function = click.option("--quiet", "-q", is_flag=True, help="No progress bar.")(function)
        return click.argument("paths", nargs=-1, required=True)(function)

    return add


def workers_option(work: str) -> Callable[[F], F]:
    return click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help=f"Processes for {work} (use 2+ for large corpora).",
    )


def runner_options(work: str) -> Callable[[F], F]:
    """--runner, --master and --workers (the pool runner's size); `work` is what they run."""

    def add(function: F) -> F:
        function = click.option(
            "--master",
            metavar="URL",
            help="The Spark master of --runner spark: local[N], spark://HOST:PORT... "
            "(default local[*]).",
        )(function)
        function = click.option(
            "--runner",
            type=click.Choice(RUNNERS),
            default="pool",
            show_default=True,
            help=f"What runs {work}: this process (local), a pool of --workers processes, "
            "or Spark (pip install 'tolltrace[spark]').",
        )(function)
        return workers_option(work)(function)

    return add


@contextmanager
def chosen_runner(runner: str, workers: int, master: str | None) -> Iterator[Runner]:
    """The runner the options chose, stopped on the way out; a missing engine is a clean
    error."""
    context = click.get_current_context(silent=True)
    given = context is not None and context.get_parameter_source("workers") not in (
        ParameterSource.DEFAULT,
        None,
    )
    if runner != "pool" and given and workers != 1:
        raise click.UsageError(f"--workers is the size of the pool runner, not of {runner}")
    if master is not None and runner != "spark":
        raise click.UsageError("--master is for --runner spark")
    with clean_errors(), make_runner(runner, workers, master) as made:
        yield made


def time_limit_option(function: F) -> F:
    return click.option(
        "--time-limit",
        type=click.FloatRange(min=0.1),
        default=DEFAULT_TIME_LIMIT,
        show_default=True,
        help="Seconds extraction may spend on one document; a slower one fails with T201.",
    )(function)


def profile_option(function: F) -> F:
    return click.option(
        "--profile",
        "profiles",
        multiple=True,
        metavar="NAME|FILE.toml",
        help=(
            "A reading profile besides the core (repeatable): "
            f"{', '.join(builtin_profiles())}, or your own TOML file of words and patterns. "
            "Default: every built-in profile."
        ),
    )(function)


def status_spinner(message: str) -> AbstractContextManager[Any]:
    """A spinner on standard error when it is a terminal (the report goes to standard output)."""
    if err_console.is_terminal:
        return err_console.status(message)
    return nullcontext(None)


def short_item(item: str) -> str:
    """A document id shortened as `docs` lists it; paths and other items as they are."""
    return item[:12] if re.fullmatch(r"[0-9a-f]{64}", item) else item


# With standard error not a terminal (a log file, a pipe), long work prints a line this often.
PROGRESS_LINE_SECONDS = 5.0


class ProgressLines:
    """A progress callback printing "what: done of total" to standard error every few seconds.

    For redirected output, where a bar cannot be drawn; `in_bytes` shows megabytes.
    """

    def __init__(self, description: str, in_bytes: bool = False) -> None:
        self.description = description
        self.in_bytes = in_bytes
        self.last = time.monotonic()

    def _amount(self, value: int) -> str:
        return f"{value / 2**20:,.1f} MB" if self.in_bytes else f"{value:,}"

    def __call__(self, done: int, total: int | None) -> None:
        now = time.monotonic()
        if now - self.last < PROGRESS_LINE_SECONDS:
            return
        self.last = now
        line = f"{self.description}: {self._amount(done)}"
        if total:
            line += f" of {self._amount(total)} ({100 * done // total}%)"
        err_console.print(line, highlight=False, markup=False)


@contextmanager
def counting_progress(description: str, quiet: bool) -> Iterator[Callable[[int, int], None]]:
    """A progress bar of items done out of a total, on standard error when it is a terminal,
    else a line every few seconds (see `ProgressLines`).

    Yields the callback a job reports to: (done, total).
    """
    if not quiet and not err_console.is_terminal:
        yield ProgressLines(description)
        return
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err_console,
        disable=quiet,
        transient=True,
    ) as bar:
        task = bar.add_task(description, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)
