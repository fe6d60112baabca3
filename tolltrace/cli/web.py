"""Commands of the review app: serve, and users (accounts for it)."""

from __future__ import annotations

import sys

import click
from rich.table import Table

from tolltrace.cli.common import clean_errors, cli, console, db_option, err_console, opened
from tolltrace.model import ROLES
from tolltrace.web.accounts import add_account, remove_account
from tolltrace.web.server import DEFAULT_HOST, DEFAULT_PORT


@cli.command()
@db_option
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True,
    help="Port to listen on.",
)  # fmt: skip
def serve(db: str, host: str, port: int) -> None:
    """Serve the web review app (search, documents, claims, events, review) and its JSON API.

    Create the first admin with `tolltrace users add NAME --role admin`; the API is described
    at /docs.
    """
    with opened(db) as store:
        accounts = len(store.users())
    if not accounts:
        err_console.print(
            "[yellow]no accounts yet[/yellow]: create one with "
            f"`tolltrace users add NAME --role admin --db {db}`",
            highlight=False,
        )
    err_console.print(f"tolltrace review app on http://{host}:{port}/", highlight=False)
    from tolltrace.web.server import serve as run_server

    with clean_errors():
        run_server(db, host, port)


@cli.group()
def users() -> None:
    """Accounts of the review app: add, list, remove (roles: viewer, analyst, admin)."""


@users.command("add")
@db_option
@click.argument("name")
@click.option(
    "--role", type=click.Choice(ROLES), default="viewer", show_default=True,
    help="viewer reads; analyst also reviews claims; admin also manages accounts.",
)  # fmt: skip
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from standard input (no prompt)."
)
def users_add(db: str, name: str, role: str, password_stdin: bool) -> None:
    """Create an account NAME; the password is prompted for (or read with --password-stdin)."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with opened(db, create=True) as store:
        user = add_account(store, name, role, password)
    console.print(f"added {user.name} ({user.role})", highlight=False)


@users.command("list")
@db_option
def users_list(db: str) -> None:
    """List the accounts: name, role, since when."""
    with opened(db) as store:
        found = store.users()
    table = Table("name", "role", "since")
    for user in found:
        table.add_row(user.name, user.role, user.created_at)
    console.print(table)


@users.command("remove")
@db_option
@click.argument("name")
def users_remove(db: str, name: str) -> None:
    """Remove the account NAME and end its sessions (its decisions keep its name)."""
    with opened(db) as store:
        remove_account(store, name)
    console.print(f"removed {name}", highlight=False)
