"""The command line: each command parses its options, calls one library function, renders.

The commands live by subject in this package's modules; importing them registers them on
the one `cli` group.
"""

from tolltrace.cli import (  # noqa: F401  (registers the commands)
    claims,
    documents,
    links,
    package,
    report,
    run,
    victims,
    web,
)
from tolltrace.cli.common import cli


def main() -> None:
    cli()


__all__ = ["cli", "main"]
