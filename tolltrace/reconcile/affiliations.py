"""Source affiliations: which sources count as one (an outlet run by an organisation, ...).

A user table (CSV, header `source,affiliated_with`) says that one source speaks for another:
"valdoria-ledger.example,Valdorian Rights Monitor" makes the Ledger's own figures the
Monitor's. Affiliation is transitive and symmetric for counting: every source linked by rows
ends up in one group, named by the `affiliated_with` side (the organisation a row points at).

Names are matched by `source_key`: case, a leading "the", "www." before a host, punctuation
and spacing do not matter ("The Valdorian Rights-Monitor" = "valdorian rights monitor").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tolltrace.errors import BadRecord, NotFound

__all__ = ["NO_AFFILIATIONS", "Affiliations", "load_affiliations", "source_key"]

COLUMNS = ("source", "affiliated_with")
_LEADING = re.compile(r"^(?:the|a|an)\s+|^www\.", re.IGNORECASE)
_NOT_WORD = re.compile(r"[^\w.]+|(?<!\w)\.|\.(?!\w)")


def source_key(name: str) -> str:
    """The form two names of one source share: lower case, no article, no punctuation."""
    key = name.strip().lower().replace("’", "'")
    key = re.sub(r"^[a-z][a-z0-9+.-]*://", "", key).split("/", 1)[0] if "://" in key else key
    key = _LEADING.sub("", key.strip())
    key = re.sub(r"'s\b", "", key)
    return " ".join(_NOT_WORD.sub(" ", key).split())


@dataclass(frozen=True, slots=True)
class Affiliations:
    """Groups of sources that count as one, keyed by `source_key`."""

    groups: Mapping[str, str] = field(default_factory=dict)  # key -> the group's name

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str]]) -> Affiliations:
        """Group `(source, affiliated_with)` pairs; a group is named by a pointed-at name."""
        parent: dict[str, str] = {}
        names: dict[str, str] = {}

        def root(key: str) -> str:
            while parent[key] != key:
                parent[key] = parent[parent[key]]
                key = parent[key]
            return key

        for source, affiliated_with in pairs:
            child, owner = source_key(source), source_key(affiliated_with)
            if not child or not owner:
                continue
            for key, name in ((child, source), (owner, affiliated_with)):
                if key not in parent:
                    parent[key] = key
                    names[key] = name.strip()
            child_root, owner_root = root(child), root(owner)
            if child_root != owner_root:
                parent[child_root] = owner_root  # the organisation pointed at names the group
        return cls({key: names[root(key)] for key in parent})

    def group(self, name: str) -> str | None:
        """The name of the group `name` belongs to, or None when the table does not list it."""
        return self.groups.get(source_key(name))

    def canonical(self, name: str) -> str:
        """`name`'s group name, or `name` itself when it has no affiliation."""
        return self.group(name) or name

    def __bool__(self) -> bool:
        return bool(self.groups)


NO_AFFILIATIONS = Affiliations()


def load_affiliations(path: Path | str) -> Affiliations:
    """Read a `source,affiliated_with` CSV (header required; extra columns are ignored).

    Raises `NotFound` for a missing file and `BadRecord` naming the line for a malformed one.
    """
    path = Path(path)
    if not path.is_file():
        raise NotFound(f"{path}: no such affiliation table (a CSV with source,affiliated_with)")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadRecord(f"{path} is not UTF-8 text ({error}); save it as UTF-8 CSV") from error
    rows = csv.reader(text.splitlines())
    try:
        header = [cell.strip().lower() for cell in next(rows, [])]
    except csv.Error as error:
        raise BadRecord(f"{path}:1 is not valid CSV: {error}") from error
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise BadRecord(
            f"{path}:1 must be a header naming the columns source,affiliated_with "
            f"(found {','.join(header) or 'nothing'}); add the header line"
        )
    source_at, owner_at = header.index("source"), header.index("affiliated_with")
    pairs: list[tuple[str, str]] = []
    line = 1
    try:
        for line, row in enumerate(rows, 2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) <= max(source_at, owner_at):
                raise BadRecord(
                    f"{path}:{line} has {len(row)} field(s), the header {len(header)}: "
                    "write source,affiliated_with on every line"
                )
            source, owner = row[source_at].strip(), row[owner_at].strip()
            if not source or not owner:
                raise BadRecord(f"{path}:{line} has an empty source or affiliated_with")
            pairs.append((source, owner))
    except csv.Error as error:
        raise BadRecord(f"{path}:{line + 1} is not valid CSV: {error}") from error
    return Affiliations.from_pairs(pairs)
