"""The storage interface every backend implements; stages never see SQL."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tolltrace.model import (
    Claim,
    CleanText,
    CustodyEntry,
    Document,
    ItemError,
    PreparedDocument,
)
from tolltrace.store.links import LinkTables
from tolltrace.store.reviews import ReviewTables


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document as read back from the store."""

    document: Document
    clean: CleanText | None
    raw_text: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    document: Document
    title: str | None
    snippet: str
    score: float


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    run: str
    at: str
    error: ItemError


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """Which stored claims to read; every filter given must hold."""

    categories: tuple[str, ...] = ()  # any of these categories
    document: str | None = None  # a document id or id prefix
    source: str | None = None  # words within `attributed_to`, case-insensitive
    limit: int | None = None


ALL_CLAIMS = ClaimQuery()


class Store(LinkTables, ReviewTables, ABC):
    """A document store with a chain of custody.

    Writes happen inside `batch()`: everything written in one batch lands together or not at
    all, so a process killed halfway loses at most the batch in flight, never earlier work.
    """

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def batch(self) -> Any:
        """A context manager: one atomic unit of writes."""

    @abstractmethod
    def has_document(self, doc_id: str) -> bool: ...

    @abstractmethod
    def add_document(self, prepared: PreparedDocument, ingested_at: str) -> Document:
        """Store the original, its raw and clean text, and an `ingest` custody entry."""

    @abstractmethod
    def resolve_id(self, prefix: str) -> str:
        """The full id of the one document whose id starts with `prefix`."""

    @abstractmethod
    def get_document(self, doc_id: str) -> StoredDocument: ...

    @abstractmethod
    def original(self, doc_id: str) -> bytes: ...

    @abstractmethod
    def document_labels(self, doc_ids: Iterable[str]) -> dict[str, tuple[str | None, str]]:
        """Document id -> (title, uri) for each stored one, read without their texts."""

    @abstractmethod
    def documents(self, limit: int | None = None, offset: int = 0) -> Iterator[Document]: ...

    @abstractmethod
    def count_documents(self) -> int: ...

    @abstractmethod
    def search(self, query: str, limit: int = 20) -> list[SearchHit]: ...

    @abstractmethod
    def record_error(self, run: str, error: ItemError) -> None: ...

    @abstractmethod
    def errors(self, run: str | None = None) -> list[ErrorRecord]: ...

    @abstractmethod
    def pending_extraction(self, extractor: str) -> list[str]:
        """Ids of the documents `extractor` has not processed successfully, in ingest order.

        A document whose extraction failed stays pending, so the next run retries it.
        """

    @abstractmethod
    def store_claims(self, doc_id: str, extractor: str, claims: Sequence[Claim], run: str) -> int:
        """Replace the document's claims (of any extractor version) with `claims`, atomically.

        Records the extraction as done by `extractor` and appends an `extract` custody entry
        with the claim count and a hash of the claim ids. Returns the number of claims stored
        (claims repeating an id are stored once).
        """

    @abstractmethod
    def record_extraction_error(
        self, run: str, doc_id: str, extractor: str, error: ItemError
    ) -> None:
        """Record that `extractor` failed on the document: listed in `errors`, retried later.

        The document's earlier claims, if any, are kept.
        """

    @abstractmethod
    def claims(self, query: ClaimQuery = ALL_CLAIMS) -> Iterator[Claim]:
        """Stored claims matching `query`, by document in ingest order, then by position."""

    @abstractmethod
    def count_claims(self, query: ClaimQuery = ALL_CLAIMS) -> int:
        """How many stored claims match `query` (its limit ignored)."""

    @abstractmethod
    def append_custody(
        self, action: str, subject: str, details: Mapping[str, Any]
    ) -> CustodyEntry: ...

    @abstractmethod
    def custody(self, subject: str | None = None) -> Iterator[CustodyEntry]: ...

    @abstractmethod
    def iter_originals(self) -> Iterator[tuple[str, bytes]]:
        """(stored id, original bytes) for every document, for verification."""

    def integrity_problems(self) -> list[str]:
        """The backend's own consistency check of its files; empty when sound."""
        return []

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
