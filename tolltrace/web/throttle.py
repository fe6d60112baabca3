"""Failed sign-ins: after 5 in 15 minutes for one name or from one address, more are refused.

The limit holds for a name and for a client address separately, whether or not an account
of that name exists, and a refused attempt is not checked at all: the answer (HTTP 429, the
same words) says nothing about the name, nor about the password. Attempts are allowed again
as the failures age out of the 15 minutes; a successful sign-in forgets its name's failures.

The counts are rows in the store, not memory, because:
- a restart of `tolltrace serve` must not hand out a fresh set of guesses;
- every worker thread (and any other process serving the same file) must see one count;
- an attempt is counted as a failure *before* its password is checked, in one serialized
  write with the check of the limit, so many guesses sent at once cannot all pass the check
  before any is counted; a right password then takes its own count back.
Only SHA-256 hashes of the names and addresses tried are stored (a name field sometimes
holds a mistyped password), and rows older than the window are deleted as new ones come.

The address is the one the connection comes from (`serve` trusts no proxy headers): behind
a reverse proxy every visitor shares the proxy's address, and so its limit.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from tolltrace.model import User
from tolltrace.store.base import Store
from tolltrace.store.reviews import ReviewError
from tolltrace.web.auth import check_password

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
Clock = Callable[[], datetime]


class TooManySignIns(ReviewError):
    """Too many failed sign-ins for the name or from the address: wait `retry_after` seconds."""

    code = "T330"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def utc_now() -> datetime:
    return datetime.now(UTC)


def sign_in_keys(name: str, address: str) -> tuple[str, str]:
    """The hashed keys one attempt counts against: its name, its client address."""
    return _digest("name", name), _digest("address", address)


def checked_sign_in(store: Store, name: str, password: str, address: str, now: datetime) -> User:
    """The user, if the limit allows an attempt and `password` is theirs.

    Raises TooManySignIns (nothing checked) or BadCredentials (the failure counted).
    """
    name_key, address_key = keys = sign_in_keys(name, address)
    at = _iso(now)
    with store.batch():
        wait = max(_wait(store, key, now) for key in keys)
        if wait > 0:
            raise TooManySignIns(
                "too many failed sign-ins for this name or from this address: try again in "
                + minutes_words(wait),
                wait,
            )
        store.record_sign_in_failure(keys, at, forget_before=_iso(now - WINDOW))
    user = check_password(store, name, password)  # BadCredentials: the failure stays counted
    with store.batch():
        store.clear_sign_in_failures(name_key)
        store.clear_sign_in_failures(address_key, at)
    return user


def minutes_words(seconds: int) -> str:
    """'1 minute', '15 minutes': a wait in whole minutes, rounded up."""
    minutes = max(1, math.ceil(seconds / 60))
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def _wait(store: Store, key: str, now: datetime) -> int:
    """Seconds until the key may try again: 0 while it has fewer than MAX_FAILURES."""
    failures = store.sign_in_failures(key, _iso(now - WINDOW))
    if len(failures) < MAX_FAILURES:
        return 0
    # Allowed again when the oldest of the latest MAX_FAILURES leaves the window.
    ends = datetime.fromisoformat(failures[-MAX_FAILURES]) + WINDOW
    return max(1, math.ceil((ends - now).total_seconds()))


def _digest(kind: str, value: str) -> str:
    return hashlib.sha256(f"{kind}\0{value}".encode()).hexdigest()


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
