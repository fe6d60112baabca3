"""The storage interface of named victims: mentions, linked victims, people's decisions.

Victims are derived: `replace_victims` swaps the whole set at once, because linking is run
over every mention. Decisions to merge or split are not derived: they are kept for good,
logged in the chain of custody, and replayed by every re-link.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tolltrace.model import Victim, VictimDecision


@dataclass(frozen=True, slots=True)
class VictimQuery:
    """Which stored victims to read; every filter given must hold."""

    fate: str | None = None  # one of FATES
    name: str | None = None  # words within the name, case-insensitive
    document: str | None = None  # a document id that mentions them
    limit: int | None = None
    offset: int = 0


ALL_VICTIMS = VictimQuery()


class VictimTables(ABC):
    """Victims with every mention and the evidence of each merge."""

    @abstractmethod
    def replace_victims(self, victims: Sequence[Victim], run: str) -> int:
        """Store `victims` in place of the previous ones; the count replaced."""

    @abstractmethod
    def victims(self, query: VictimQuery = ALL_VICTIMS) -> Iterator[Victim]: ...

    @abstractmethod
    def count_victims(self, query: VictimQuery = ALL_VICTIMS) -> int: ...

    @abstractmethod
    def get_victim(self, reference: str) -> Victim:
        """A victim by id, id prefix or the id of one of its mentions (`VictimNotFound`)."""

    @abstractmethod
    def add_victim_decision(self, decision: VictimDecision) -> VictimDecision:
        """Keep a merge or split and log it in the chain of custody."""

    @abstractmethod
    def victim_decisions(self) -> list[VictimDecision]: ...
