"""The README documents every command and option the CLI has (docs that match the code)."""

from pathlib import Path

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
