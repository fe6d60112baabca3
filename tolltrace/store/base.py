"""The storage interface every backend implements; stages never see SQL."""

from __future__ import annotations

import os
import socket
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
from tolltrace.store.victims import VictimTables


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


def lease_owner(run: str) -> str:
    """Who holds an extraction lease: this machine, this process and the run."""
    return f"{socket.gethostname()}:{os.getpid()}:{run}"


class Store(LinkTables, ReviewTables, VictimTables, ABC):
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
    def lease_extraction(
        self,
        extractor: str,
        owner: str,
        count: int,
        seconds: float,
        time_limit: float,
        after: int = 0,
        retry_timeouts: bool = False,
    ) -> list[tuple[int, str]]:
        """Atomically lease up to `count` documents `extractor` has still to process, ingested
        after position `after`, for `seconds`: (position, id) of each, in ingest order.

        Leaves out documents under another owner's live lease and, unless `retry_timeouts`,
        those that ran out of a time limit of at least `time_limit`; renews `owner`'s leases.
        """

    @abstractmethod
    def release_leases(self, owner: str, documents: list[str] | None = None) -> None:
        """Give back `owner`'s leases on `documents` (all of them when None)."""

    @abstractmethod
    def leased_elsewhere(self, extractor: str, owner: str) -> int:
        """Documents `extractor` has still to process that another owner holds a lease on."""

    @abstractmethod
    def record_timeout(self, document: str, extractor: str, time_limit: float) -> None:
        """Record that `extractor` ran out of `time_limit` seconds on the document."""

    @abstractmethod
    def timed_out(self, extractor: str, time_limit: float) -> int:
        """Documents still to process that ran out of a limit of at least `time_limit`."""

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

    # What `verify` cross-checks the chain with; a backend without them checks less.
    guard_problems: tuple[str, ...] = ()  # guards of the custody log found broken and not repaired

    def custody_head(self) -> tuple[int, str] | None:
        """The number and hash of the last custody entry, as recorded apart from the log."""
        return None

    def extraction_records(self) -> set[tuple[str, str]]:
        """(document, extractor version) of every extraction recorded as done."""
        return set()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
