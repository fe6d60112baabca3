"""The README documents every command and option the CLI has (docs that match the code)."""

import re
from pathlib import Path

import click

from tolltrace.cli import cli

README = (Path(__file__).parents[1] / "README.md").read_text()


def test_every_command_is_in_the_readme() -> None:
    for name in cli.commands:
        assert f"tolltrace {name}" in README, f"`tolltrace {name}` is not documented"


def test_every_option_is_in_the_readme() -> None:
    for name, command in cli.commands.items():
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help":
                    assert opt in README, f"{opt} of `tolltrace {name}` is not documented"


def test_the_readme_starts_with_the_two_commands() -> None:
    head = README[:1500]
    assert "make demo" in head
    assert "make test" in head


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += _commands(command, f"{prefix}{name} ")
        else:
            found.append((prefix + name, command))
    return found


def test_every_command_and_option_has_help_text() -> None:
    # Regression (issue 21): `docs --limit/--offset/--format` and `search --limit` had none.
    commands = _commands(cli)
    assert len(commands) > 20
    for name, command in commands:
        assert command.help, f"`tolltrace {name}` has no help text"
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{param.opts[0]} of `tolltrace {name}` has no help text"


def test_worker_help_says_what_the_workers_do() -> None:
    helps = {
        name: next(p.help for p in command.params if p.name == "workers")
        for name, command in _commands(cli)
        if any(p.name == "workers" for p in command.params)
    }
    assert "extraction" not in (helps["ingest"] or "")  # ingest does not extract
    assert "extraction" in (helps["extract"] or "") and "extraction" in (helps["run"] or "")


def _error_classes(kind: type) -> list[type]:
    found = [kind]
    for sub in kind.__subclasses__():
        found += _error_classes(sub)
    return found


def test_every_error_code_is_in_the_one_catalogue() -> None:
    # Regression (issue 21): T302, T310, T312, T320 and T323 were used but documented as
    # "T3xx: the store cannot be used".
    import tolltrace.store.reviews
    import tolltrace.web.auth
    import tolltrace.web.throttle  # noqa: F401  (they define codes of their own)
    from tolltrace.errors import TolltraceError

    codes = {kind.code for kind in _error_classes(TolltraceError)}
    assert {"T101", "T201", "T302", "T312", "T323", "T330"} <= codes
    documented = set(re.findall(r"^\| (T\d{3}) \|", README, flags=re.MULTILINE))
    assert codes - documented == set(), "codes used but not in the README's catalogue"
    assert documented - codes == set(), "codes in the README that nothing uses"
