"""The storage interface of the review app: users, sessions, settings and review decisions.

A review decision changes the claim it is about in place (its corrected fields are what every
reader, export and page sees) and is kept with who, when, the before and the after values; a
claim with a decision is never replaced by a newer extraction.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tolltrace.errors import StoreError, TolltraceError
from tolltrace.model import Claim, Review, Session, User


# Review errors: part of the one hierarchy (codes T320-T330; T328 and T330 are raised by the
# web app itself); the web app maps them to HTTP.
class ReviewError(TolltraceError):
    code = "T320"


class ClaimNotFound(StoreError):
    code = "T321"


class UserNotFound(ReviewError):
    code = "T322"


class UserExists(ReviewError):
    code = "T323"


class ReviewConflict(ReviewError):
    """Someone else decided on the claim since the reviewer loaded it."""

    code = "T324"

    def __init__(self, message: str, current: Review) -> None:
        super().__init__(message)
        self.current = current


class InvalidReview(ReviewError):
    code = "T325"


class NotAllowed(ReviewError):
    """Not signed in, or the account's role may not do this."""

    code = "T326"


class BadCredentials(ReviewError):
    code = "T327"


class MalformedId(ReviewError):
    """An id in a URL that has not the form of one: never looked up, never a path."""

    code = "T329"


@dataclass(frozen=True, slots=True)
class QueuedClaim:
    """A claim waiting for a decision, and whether a finding says it contradicts another."""

    claim: Claim
    contradicted: bool


class ReviewTables(ABC):
    """Local accounts, sessions, settings and every review decision on a claim."""

    # Accounts: the password hash is made and checked by the caller (argon2 in the web app).
    @abstractmethod
    def add_user(self, name: str, role: str, password_hash: str) -> User: ...

    @abstractmethod
    def get_user(self, name: str) -> User:
        """The account called `name`; UserNotFound if there is none."""

    @abstractmethod
    def password_hash(self, name: str) -> str: ...

    @abstractmethod
    def set_password_hash(self, name: str, password_hash: str) -> None: ...

    @abstractmethod
    def users(self) -> list[User]: ...

    @abstractmethod
    def remove_user(self, name: str) -> None:
        """Remove the account and end its sessions; its past decisions keep its name."""

    # Sessions: the store keeps the SHA-256 of the cookie's token, never the token.
    @abstractmethod
    def add_session(self, session: Session) -> None: ...

    @abstractmethod
    def get_session(self, token_sha256: str, now: str) -> Session | None:
        """The unexpired session with this token hash; None when there is none (signed out)."""

    @abstractmethod
    def remove_session(self, token_sha256: str) -> None: ...

    # Failed sign-ins, each against keys the caller derives (hashes of the name and address).
    @abstractmethod
    def record_sign_in_failure(self, keys: Sequence[str], at: str, forget_before: str) -> None:
        """Count a failure at `at` against each key; forget all failures before `forget_before`."""

    @abstractmethod
    def sign_in_failures(self, key: str, since: str) -> list[str]:
        """When the key's failures at or after `since` happened, oldest first."""

    @abstractmethod
    def clear_sign_in_failures(self, key: str, at: str | None = None) -> None:
        """Forget the key's failures: all of them, or only one counted at `at`."""

    # Settings: small named values, such as whether anonymous visitors may read.
    @abstractmethod
    def get_setting(self, name: str, default: str = "") -> str: ...

    @abstractmethod
    def set_setting(self, name: str, value: str) -> None: ...

    # Claims and their review decisions.
    @abstractmethod
    def get_claim(self, claim_id: str) -> Claim:
        """One claim with its review state; ClaimNotFound if there is none."""

    @abstractmethod
    def review_claim(
        self,
        claim_id: str,
        action: str,
        changes: Mapping[str, Any],
        reason: str,
        by: str,
        expected_version: int,
    ) -> Review:
        """Record a decision atomically, change the claim, and append a `review` custody entry.

        `expected_version` is the number of decisions the reviewer saw on the claim; if another
        was recorded since, nothing changes and ReviewConflict carries the newer decision.
        """

    @abstractmethod
    def reviews(self, claim_id: str) -> list[Review]:
        """Every decision on the claim, oldest first."""

    @abstractmethod
    def reviewed_events(self) -> dict[str, str | None]:
        """Claim id -> the event its latest decision leaves it in, for every claim a reviewer
        once moved to another event (linking then keeps it there)."""

    @abstractmethod
    def review_counts(self) -> dict[str, int]:
        """How many claims are in each review state (unreviewed, confirmed, ...)."""

    @abstractmethod
    def unreviewed_claims(
        self, first: tuple[str, ...] = (), limit: int = 50, offset: int = 0
    ) -> list[Claim]:
        """Claims without a decision: those whose ids are in `first` first, then by document."""

    @abstractmethod
    def review_queue(self, limit: int = 50, offset: int = 0) -> list[QueuedClaim]:
        """One page of the claims without a decision: first those a stored finding says
        contradict another, then the others, each part by document in ingest order, then by
        position. Reads only the rows of the page (and those it skips), not every claim.
        """

    @abstractmethod
    def search_claims(self, words: str, limit: int = 50) -> list[Claim]:
        """Claims whose words, subject, source or place contain `words` (any case)."""
