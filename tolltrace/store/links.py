"""The storage interface of the link and reconcile stages: entities, events, findings.

Link results are derived: `replace_links` swaps the whole set at once, because linking is
re-run over the whole corpus. Manual entity decisions are not derived: they are kept for
good and replayed by every re-link.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from tolltrace.model import Claim, Entity, EntityDecision, Event, Finding, Mention


@dataclass(frozen=True, slots=True)
class LinkCounts:
    """What one `replace_links` stored, and how many earlier results it replaced."""

    entities: int
    events: int
    findings: int
    claims: int  # stored claims that now carry an event id
    replaced_entities: int = 0
    replaced_events: int = 0
    replaced_findings: int = 0


@dataclass(frozen=True, slots=True)
class EntityQuery:
    """Which stored entities to read; every filter given must hold."""

    type: str | None = None  # one of ENTITY_TYPES
    name: str | None = None  # words within the name or any alias, case-insensitive
    limit: int | None = None
    offset: int = 0
    mentions: bool = True  # False: leave `Entity.mentions` empty (listings need only counts)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which stored events to read; every filter given must hold."""

    type: str | None = None
    text: str | None = None  # words within the label or name, case-insensitive
    document: str | None = None  # a member document's id or id prefix
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A mention in a document, with the entity it was linked to: a mark on the document page."""

    mention: Mention
    entity: str  # the entity's id
    name: str  # its canonical name
    type: str  # its type (one of ENTITY_TYPES)


@dataclass(frozen=True, slots=True)
class CachedMentions:
    """A document's mentions as a finder found them in the clean text with this SHA-256."""

    text_sha256: str
    mentions: tuple[Mention, ...]


ALL_ENTITIES = EntityQuery()
ALL_EVENTS = EventQuery()


class LinkTables(ABC):
    """Entities with aliases, events with their member documents and claims, findings."""

    @abstractmethod
    def replace_links(
        self,
        entities: Sequence[Entity],
        events: Sequence[Event],
        findings: Sequence[Finding],
        run: str,
    ) -> LinkCounts:
        """Replace every stored entity, event and finding with these, atomically.

        Sets `event` and `event_label` on the claims each event lists and clears them on every
        other claim; appends one `link` custody entry (counts and a hash of the ids). Claim ids
        no stored claim has are ignored. Manual entity decisions are kept. Raises
        `StoreError` (T300) when two entities, or two events, share an id.
        """

    @abstractmethod
    def entities(self, query: EntityQuery = ALL_ENTITIES) -> Iterator[Entity]:
        """Stored entities matching `query`, the most mentioned first, then by name."""

    @abstractmethod
    def count_entities(self, query: EntityQuery = ALL_ENTITIES) -> int:
        """How many stored entities match `query` (its limit and offset ignored)."""

    @abstractmethod
    def get_entity(self, reference: str) -> Entity:
        """The one entity `reference` names: an id, a name or alias (any case), an id prefix.

        Raises `EntityNotFound` (T310) or `AmbiguousReference` (T312, with the candidates).
        """

    @abstractmethod
    def document_mentions(self, document: str) -> list[EntityMention]:
        """Every entity mention in the document (its full id), by position, read by one lookup.

        Filled by `replace_links`: a store upgraded from schema version 4 answers an empty list
        until the next link.
        """

    @abstractmethod
    def cached_mentions(self, finder: str) -> dict[str, CachedMentions]:
        """Document id -> the mentions `finder` (a version string) found in it, when stored."""

    @abstractmethod
    def cache_mentions(self, finder: str, mentions: Mapping[str, CachedMentions]) -> None:
        """Store (replace) documents' mentions found by `finder`; unknown documents are skipped."""

    @abstractmethod
    def entity_mention_count(self, entity_id: str) -> int:
        """How many mentions the entity has, without reading them."""

    @abstractmethod
    def entity_claims(self, entity_id: str) -> list[Claim]:
        """The claims the entity is the source of: `attributed_to` is one of its names, any case."""

    @abstractmethod
    def events(self, query: EventQuery = ALL_EVENTS) -> Iterator[Event]:
        """Stored events matching `query`, by date (undated last), then by label."""

    @abstractmethod
    def count_events(self, query: EventQuery = ALL_EVENTS) -> int:
        """How many stored events match `query` (its limit and offset ignored)."""

    @abstractmethod
    def get_event(self, reference: str) -> Event:
        """The one event whose id is or starts with `reference`.

        Raises `EventNotFound` (T311) or `AmbiguousReference` (T312).
        """

    @abstractmethod
    def event_claims(self, event_id: str) -> list[Claim]:
        """The stored claims the event (an id or id prefix) lists, in the claims reader's order."""

    @abstractmethod
    def findings(self, event: str | None = None) -> Iterator[Finding]:
        """Stored findings, of one event (its full id) or of all, in the order linked."""

    @abstractmethod
    def add_entity_decision(self, decision: EntityDecision) -> EntityDecision:
        """Store a manual merge or split for good, with an `entity-merge`/`entity-split` entry.

        Returns the decision as stored (`at` filled in when empty). Raises `BadEntityDecision`
        (T313) for an unknown action, a merge of fewer than two names, or no reason.
        """

    @abstractmethod
    def entity_decisions(self) -> list[EntityDecision]:
        """Every manual decision, oldest first: the order a re-link replays them in."""
