"""A fixed split of every data set's documents into `tune` and `check`, by a hash of their ids.

Work from the errors of `tune`, judge a change on `check`: a rule that gains on `tune` only
fits the examples it was written from. The split depends on nothing but the id, so it is the
same on every machine, for every version, and for a held-out set of the same layout.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

from tolltrace.errors import Unsupported

TUNE, CHECK, ALL = "tune", "check", "all"
PARTS = (TUNE, CHECK, ALL)

T = TypeVar("T")


def part_of(document_id: str) -> str:
    """`tune` or `check`: the parity of the first 32 bits of the id's SHA-256."""
    digest = hashlib.sha256(document_id.encode("utf-8")).hexdigest()
    return TUNE if int(digest[:8], 16) % 2 == 0 else CHECK


def check_part(part: str) -> str:
    if part not in PARTS:
        raise Unsupported(f"no part named {part!r}; choose one of {', '.join(PARTS)}")
    return part


def in_part(document_id: str, part: str) -> bool:
    """Whether the document is scored on `part` (every document is in `all`)."""
    return check_part(part) == ALL or part_of(document_id) == part


def select_part(items: Iterable[T], part: str, document_id: Callable[[T], str]) -> list[T]:
    """The items whose document is in `part`, in their order."""
    check_part(part)
    return [item for item in items if in_part(document_id(item), part)]
