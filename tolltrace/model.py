"""The nouns every stage shares: frozen, slotted records, never spaCy or database objects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from tolltrace.clean.offsets import OffsetMap

EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class SourceItem:
    """One document as read from disk, before anything is derived from it."""

    original: bytes
    uri: str  # where the document came from: a path, or the URL a corpus record names
    origin: str  # the file (and line, for corpora) it was read from
    media_type: str  # text/plain, text/html or application/pdf: what the content is
    container: str = "file"  # file, gzip, or jsonl (one record of a JSON Lines corpus)
    fields: Mapping[str, Any] = field(default_factory=dict)  # corpus record fields


@dataclass(frozen=True, slots=True)
class Document:
    """A preserved original: its id is the SHA-256 of its bytes."""

    id: str
    uri: str
    origin: str
    media_type: str
    size: int
    encoding: str  # how the original bytes were decoded into raw text
    ingested_at: str  # ISO 8601, UTC
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DateCandidate:
    """One piece of evidence for a document's publication date."""

    value: str  # ISO 8601 at the precision the evidence gives: YYYY, YYYY-MM or YYYY-MM-DD
    source: str  # metadata, field, dateline, byline, header, url, anniversary
    evidence: str  # the exact words (or metadata field) the value comes from
    confidence: float
    raw_start: int | None = None  # span of the evidence in the raw text, when it is in the text
    raw_end: int | None = None


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A stretch of the raw text the cleaner left out, and why."""

    raw_start: int
    raw_end: int
    reason: str  # boilerplate:<kind>, duplicate, header-date, ...


@dataclass(frozen=True, slots=True)
class CleanText:
    """The clean text of a document, with an offset map back to the raw (decoded) text."""

    text: str
    offsets: OffsetMap
    title: str | None = None
    author: str | None = None
    site: str | None = None
    published: str | None = None  # the best date candidate's value
    dates: tuple[DateCandidate, ...] = ()
    removed: tuple[RemovedLine, ...] = ()
    cleaner: str = ""  # name/version of the cleaner that made it


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """What the pure per-document stages produce, ready to be stored."""

    id: str
    item: SourceItem
    raw_text: str
    encoding: str
    clean: CleanText


@dataclass(frozen=True, slots=True)
class ItemError:
    """A per-item failure: recorded, reported, and never fatal to the batch."""

    item: str  # path, path:line, or document id
    stage: str
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class CustodyEntry:
    """One append-only, hash-chained entry in the chain of custody."""

    seq: int
    at: str
    action: str  # ingest, run, review, ...
    subject: str  # document id, run id, claim id
    details: Mapping[str, Any]
    prev_hash: str
    hash: str
    damage: str | None = None  # why the stored entry could not be read as it was written


@dataclass(slots=True)
class IngestSummary:
    """Counts for one ingest run (mutable: filled in as the run goes)."""

    run_id: str = ""
    ingested: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    errors: list[ItemError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)


# Claim categories and count qualifiers of the public export schema (DESIGN.md).
CATEGORIES = (
    "killed", "executed", "injured", "arrested", "detained", "imprisoned", "disappeared",
    "tortured", "sentenced", "displaced", "victims", "protesters", "other",
)  # fmt: skip
QUALIFIERS = (
    "exact", "at_least", "more_than", "at_most", "less_than", "approximately", "range", "vague",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Count:
    """A number of people as an interval, with the words that state it.

    Conventions (DESIGN.md): "at least 1,000" -> 1000..None at_least; "over 1,500" ->
    1500..None more_than; "about 30,000" -> 30000..30000 approximately; "between 200 and 300"
    -> 200..300 range; "dozens" -> 24..None vague; "thousands" -> 2000..None vague.
    """

    low: int | None
    high: int | None
    qualifier: str
    text: str  # the exact words, e.g. "more than 30,000"
    start: int  # offsets of `text` in the string it was parsed from
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """One statement of how many people were affected, and who says so (the public schema).

    The extract stage reads a claim from a sentence before it knows the document: `id`,
    `document`, `uri`, `text`, `raw_start`, `raw_end` and `extractor` stay empty until
    `extract.stage` places it (offsets are into the clean text throughout).
    """

    id: str = ""
    document: str = ""
    uri: str = ""
    text: str = ""
    sentence: str
    start: int
    end: int
    raw_start: int = -1
    raw_end: int = -1
    low: int | None
    high: int | None
    qualifier: str
    category: str
    subject: str
    event: str | None = None
    event_label: str | None = None
    when: str | None = None
    where: str | None = None
    attributed_to: str | None = None
    attribution_cue: str | None = None
    negated: bool = False
    confidence: float = 0.5
    perpetrator: str | None = None
    extractor: str = ""
    # The source as the sentence words it, when that differs from `attributed_to`: the
    # pronoun ("she") whose antecedent is the canonical name.
    attributed_as: str | None = None
    # The review state (the review app): unreviewed, confirmed, corrected or rejected.
    review: str = "unreviewed"
    reviewed_by: str | None = None
    reviewed_at: str | None = None  # ISO 8601, UTC


# Across documents: entities, events and reconciled findings (the link and reconcile stages).
ENTITY_TYPES = ("person", "organisation", "place")


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in a document's clean text that refers to a person, organisation or place."""

    document: str
    start: int
    end: int
    text: str
    type: str  # one of ENTITY_TYPES


@dataclass(frozen=True, slots=True)
class Alias:
    """One name an entity goes by, with the evidence that it is that entity."""

    name: str
    evidence: str  # canonical, definition, acronym, title, surname, variant, manual
    quote: str = ""  # the exact words that justify the merge, e.g. "... Iran (PMOI/MEK)"
    document: str | None = None
    start: int | None = None  # offsets of `quote` in the document's clean text
    end: int | None = None
    score: float = 1.0  # similarity of a spelling variant to the canonical name


@dataclass(frozen=True, slots=True)
class Role:
    """An office or role a person held, with its time when the text states it."""

    title: str  # "Minister of Justice", "member of the death commission"
    when: str | None  # ISO 8601 date or interval, or None
    quote: str  # the exact words, e.g. "then-Minister of Justice"
    document: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place across the corpus: every alias merged, with evidence."""

    id: str  # stable for the same canonical name and type
    name: str  # the canonical name
    type: str  # one of ENTITY_TYPES
    aliases: tuple[Alias, ...] = ()
    roles: tuple[Role, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world event across documents, and the claims that count its victims."""

    id: str  # stable for the same member documents and claims
    label: str  # a human name: the text's own ("the 1988 massacre") or type, place and date
    type: str  # the dominant claim category, or "named" words such as "massacre", "protests"
    when: str | None  # ISO 8601 date or interval
    where: str | None
    documents: tuple[str, ...]  # member document ids
    claims: tuple[str, ...]  # linked claim ids
    name: str | None = None  # the proper name the texts give the event, if any
    evidence: tuple[str, ...] = ()  # why the members were linked, one line per reason
    leads: tuple[str, ...] = ()  # member documents whose main incident (their lead) this is


@dataclass(frozen=True, slots=True)
class Figure:
    """One claim's figure as a finding shows it, with where it comes from."""

    claim: str
    document: str
    low: int | None
    high: int | None
    qualifier: str
    text: str  # the claim's exact words
    sentence: str
    attributed_to: str | None  # who the text says reports it (None: the outlet's own voice)
    outlet: str  # the publishing outlet (site or host of the document)
    primary_source: str  # the source the figure is inferred to come from first
    published: str | None  # the document's publication date
    negated: bool = False
    superseded_by: str | None = None  # claim id of a later, larger count that updates this one
    part: str | None = None  # why it counts a part of the victims ("a named person"), else None
    contradicts: int = 0  # how many other distinct current figures it cannot hold with


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two figures for one event and category that cannot both be true (each figure is set
    against its nearest rivals only: see `tolltrace.reconcile.findings`)."""

    first: str  # claim id
    second: str  # claim id
    reason: str  # e.g. "more than 33,700 is above an estimated 30,000"


@dataclass(frozen=True, slots=True)
class SourceSupport:
    """How many independent sources state one figure."""

    figure: str  # the figure as words: "more than 30,000"
    low: int | None
    high: int | None
    sources: tuple[str, ...]  # independent primary sources
    relays: tuple[str, ...] = ()  # outlets that only repeat one of them

    @property
    def independent(self) -> int:
        return len(self.sources)


@dataclass(frozen=True, slots=True)
class Finding:
    """For one event and category: every figure side by side, consensus and contradictions."""

    event: str
    category: str
    figures: tuple[Figure, ...]  # in publication order: the timeline of the figure
    low: int | None  # the interval consistent with every figure, when there is one
    high: int | None
    consistent: bool
    contradictions: tuple[Contradiction, ...] = ()
    support: tuple[SourceSupport, ...] = ()


@dataclass(frozen=True, slots=True)
class EntityDecision:
    """A person's merge or split of entities: stored, logged, and replayed on every re-link."""

    action: str  # merge: make `names` one entity, the first canonical; split: take `names` out
    names: tuple[str, ...]
    reason: str
    by: str = ""
    at: str = ""  # ISO 8601, UTC


# The review app: local accounts, sessions and people's decisions on claims.
ROLES = ("viewer", "analyst", "admin")  # each may do what the ones before it may
REVIEW_ACTIONS = ("confirm", "reject", "correct")
REVIEW_STATES = {"confirm": "confirmed", "reject": "rejected", "correct": "corrected"}
# The fields of a claim a reviewer may correct; `attributed_to` is the claim's source.
REVIEWABLE_FIELDS = ("low", "high", "qualifier", "category", "attributed_to", "event")


@dataclass(frozen=True, slots=True)
class User:
    """A local account; its password hash never leaves the store."""

    name: str
    role: str  # one of ROLES
    created_at: str  # ISO 8601, UTC


@dataclass(frozen=True, slots=True)
class Session:
    """A signed-in browser: the cookie holds a token, the store only its SHA-256."""

    token_sha256: str
    user: User
    csrf: str  # the token every form and API write of this session must carry
    created_at: str
    expires_at: str


@dataclass(frozen=True, slots=True)
class Review:
    """One person's decision on a claim, with the claim's reviewable fields before and after."""

    claim: str
    version: int  # 1 for the claim's first decision, then 2, 3...: optimistic concurrency
    action: str  # one of REVIEW_ACTIONS
    before: Mapping[str, Any]  # REVIEWABLE_FIELDS as they were
    after: Mapping[str, Any]  # as the decision leaves them (equal to `before` unless corrected)
    reason: str
    by: str
    at: str  # ISO 8601, UTC


# Named victims (issue 20): each person a text names or describes one by one as harmed.
FATES = (
    "killed", "executed", "injured", "arrested", "detained", "disappeared", "sentenced",
    "tortured",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class VictimMention:
    """One document's words about one harmed person, and who says so."""

    id: str  # stable: the document and the span
    document: str
    uri: str
    words: str  # the words that name or describe the person, as written
    name: str | None  # the person's name as written, when the text gives one
    start: int  # offsets of `words` in the clean text
    end: int
    raw_start: int  # the same span in the original's decoded text
    raw_end: int
    fate: str  # one of FATES
    age: int | None = None
    sex: str | None = None  # male, female, or None when the text does not say
    when: str | None = None
    where: str | None = None
    event: str | None = None
    attributed_to: str | None = None  # None: the document's own voice
    claim: str | None = None  # the claim the mention was read from
    sentence: str = ""
    normalised: str | None = None  # `link.person_names.normalise_name` of `name`


@dataclass(frozen=True, slots=True)
class MatchEvidence:
    """Why two mentions were linked as one person: splink's match weight per comparison."""

    first: str  # mention id
    second: str  # mention id
    probability: float
    weight: float  # the total match weight (log2 of the Bayes factor)
    comparisons: Mapping[str, float]  # comparison name -> its match weight
    manual: str | None = None  # the reason, for a person's merge


@dataclass(frozen=True, slots=True)
class Victim:
    """A harmed person across documents: every mention merged, with the evidence."""

    id: str  # stable for the same mentions
    name: str | None  # the fullest name the mentions give
    normalised: str | None
    fate: str  # the gravest fate any mention states
    age: int | None
    sex: str | None
    when: str | None
    where: str | None
    event: str | None
    mentions: tuple[VictimMention, ...]
    evidence: tuple[MatchEvidence, ...] = ()

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.document for m in self.mentions))

    @property
    def sources(self) -> tuple[str, ...]:
        """Who says so: each mention's attributed source, else its document's uri."""
        return tuple(dict.fromkeys(m.attributed_to or m.uri for m in self.mentions))


@dataclass(frozen=True, slots=True)
class VictimDecision:
    """A person's merge of victim records, or split of mentions out of one: kept and logged."""

    action: str  # merge: make the mentions of `victims` one; split: take `mentions` out apart
    ids: tuple[str, ...]  # mention ids (a victim is named by any of its mentions)
    reason: str
    by: str = ""
    at: str = ""
