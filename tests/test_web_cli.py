"""`tolltrace users` and `tolltrace serve` (accounts made from the command line)."""

from __future__ import annotations

from click.testing import CliRunner

from tolltrace.cli import cli
from tolltrace.store import open_store
from tolltrace.web.auth import check_password


def test_users_add_list_remove(db_location: str) -> None:
    db = db_location
    runner = CliRunner()
    added = runner.invoke(
        cli,
        ["users", "add", "ada", "--role", "admin", "--password-stdin", "--db", db],
        input="a long secret\n",
    )
    assert added.exit_code == 0, added.output
    listed = runner.invoke(cli, ["users", "list", "--db", db])
    assert "ada" in listed.output and "admin" in listed.output
    with open_store(str(db)) as store:
        assert check_password(store, "ada", "a long secret").role == "admin"
        assert "a long secret" not in store.password_hash("ada")
        assert store.password_hash("ada").startswith("$argon2id$")
    again = runner.invoke(
        cli, ["users", "add", "ada", "--password-stdin", "--db", db], input="another one\n"
    )
    assert again.exit_code == 3 and "already an account" in again.output
    short = runner.invoke(
        cli, ["users", "add", "bo", "--password-stdin", "--db", db], input="short\n"
    )
    assert short.exit_code == 3 and "8 characters" in short.output
    bad_name = runner.invoke(
        cli, ["users", "add", "../x", "--password-stdin", "--db", db], input="long enough\n"
    )
    assert bad_name.exit_code == 3
    assert runner.invoke(cli, ["users", "remove", "ada", "--db", db]).exit_code == 0
    assert runner.invoke(cli, ["users", "remove", "ada", "--db", db]).exit_code == 3


def test_the_password_is_prompted_twice(db_location: str) -> None:
    db = db_location
    answer = CliRunner().invoke(
        cli, ["users", "add", "ana", "--role", "analyst", "--db", db], input="secret12\nsecret12\n"
    )
    assert answer.exit_code == 0, answer.output
    with open_store(str(db)) as store:
        assert store.get_user("ana").role == "analyst"


def test_serve_has_help() -> None:
    answer = CliRunner().invoke(cli, ["serve", "--help"])
    assert answer.exit_code == 0 and "--port" in answer.output and "--host" in answer.output
