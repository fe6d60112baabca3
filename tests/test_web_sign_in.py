"""The sign-in limit: 5 failures in 15 minutes per name and per address, then 429.

The app's clock is a stand-in the tests move by hand: nothing sleeps, nothing depends on how
fast the machine is. Each client gets its own address (TestClient's `client`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from httpx import Response

import tolltrace.web.throttle as throttle
from tests.test_web_api import _assert_error_shape
from tests.web_support import PASSWORD, store_copy, template_fixture  # noqa: F401
from tolltrace.model import User
from tolltrace.store import open_store
from tolltrace.store.base import Store
from tolltrace.web import create_app


class Clock:
    """The app's time: starts on a fixed day, moves only when a test says so."""

    def __init__(self) -> None:
        self.now = datetime(2031, 5, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


Connect = Callable[[str], TestClient]


@pytest.fixture(name="site")
def site_fixture(
    template: tuple[str, dict[str, str]], tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[tuple[Connect, Clock, str | Path]]:
    """A way to open a client from an address (each one a fresh app over the same store)."""
    clock = Clock()
    with store_copy(template[0], tmp_path, request) as db, ExitStack() as opened:

        def connect(address: str) -> TestClient:
            app = create_app(str(db), clock=clock)
            client = TestClient(app, raise_server_exceptions=False, client=(address, 40000))
            return opened.enter_context(client)

        yield connect, clock, db


def _sign_in(client: TestClient, name: str, password: str) -> Response:
    form = client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert token is not None
    return client.post(
        "/login",
        data={"name": name, "password": password, "csrf": token.group(1)},
        follow_redirects=False,
    )


def _refusal(answer: Response) -> str:
    found = re.search(r'<p class="error" role="alert">([^<]*)</p>', answer.text)
    assert found is not None, answer.text
    return found.group(1)


def test_five_failures_for_a_name_refuse_the_sixth_even_with_the_right_password(
    site: tuple[Connect, Clock, Path],
) -> None:
    connect, clock, _ = site
    for n in range(5):
        assert _sign_in(connect(f"198.51.100.{n}"), "ana", "not it").status_code == 401
    elsewhere = connect("198.51.100.99")
    refused = _sign_in(elsewhere, "ana", PASSWORD)
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == "900"
    assert _refusal(refused) == (
        "Too many failed sign-ins for this name or from this address. "
        "Please wait 15 minutes and try again."
    )
    assert "tolltrace_session" not in refused.headers.get("set-cookie", "")
    clock.advance(minutes=14, seconds=59)
    still = _sign_in(elsewhere, "ana", PASSWORD)
    assert still.status_code == 429 and still.headers["retry-after"] == "1"
    assert "Please wait 1 minute and" in _refusal(still)
    clock.advance(seconds=2)  # the failures are 15 minutes and a second old
    assert _sign_in(elsewhere, "ana", PASSWORD).status_code == 303


def test_a_name_without_an_account_is_refused_in_the_same_words(
    site: tuple[Connect, Clock, Path],
) -> None:
    connect, _, _ = site
    for name, first in (("ana", 10), ("nobody-here", 20)):
        for n in range(5):
            assert _sign_in(connect(f"192.0.2.{first + n}"), name, "guess").status_code == 401
    known = _sign_in(connect("192.0.2.30"), "ana", "guess")
    unknown = _sign_in(connect("192.0.2.31"), "nobody-here", "guess")
    assert known.status_code == unknown.status_code == 429
    assert _refusal(known) == _refusal(unknown)
    assert known.headers["retry-after"] == unknown.headers["retry-after"]


def test_five_failures_from_an_address_refuse_any_name_from_there(
    site: tuple[Connect, Clock, Path],
) -> None:
    connect, _, _ = site
    crowded = connect("203.0.113.7")
    for name in ("ana", "bo", "vic", "ada", "eve"):
        assert _sign_in(crowded, name, "wrong password").status_code == 401
    assert _sign_in(crowded, "bo", PASSWORD).status_code == 429
    assert _sign_in(connect("203.0.113.8"), "bo", PASSWORD).status_code == 303


def test_the_counts_survive_a_restart(site: tuple[Connect, Clock, Path]) -> None:
    connect, _, db = site
    for _ in range(5):
        assert _sign_in(connect("203.0.113.50"), "vic", "wrong password").status_code == 401
    # connect() builds a new app each time: nothing is kept in memory between them.
    assert _sign_in(connect("203.0.113.50"), "ada", PASSWORD).status_code == 429
    with open_store(str(db)) as store:
        (rows,) = store._db.execute("SELECT count(*) FROM sign_in_failures").fetchone()
        keys = {row[0] for row in store._db.execute("SELECT key FROM sign_in_failures")}
    assert rows == 10  # five failures, each against the name and the address
    assert not any("vic" in key or "203.0.113" in key for key in keys)  # hashes only


def test_successes_do_not_count_and_clear_the_names_failures(
    site: tuple[Connect, Clock, Path],
) -> None:
    connect, _, _ = site
    office = connect("198.51.100.200")
    for _ in range(8):
        assert _sign_in(office, "vic", PASSWORD).status_code == 303
    assert _sign_in(office, "vic", "typo").status_code == 401  # not 429: successes are free
    for n in range(4):
        assert _sign_in(connect(f"198.51.100.{n}"), "ana", "guess").status_code == 401
    assert _sign_in(connect("198.51.100.50"), "ana", PASSWORD).status_code == 303
    for n in range(4, 8):
        assert _sign_in(connect(f"198.51.100.{n}"), "ana", "guess").status_code == 401
    # Eight failures for ana in all, but the success in between forgot the first four.
    assert _sign_in(connect("198.51.100.60"), "ana", PASSWORD).status_code == 303


def test_the_api_refuses_with_429_in_the_one_error_shape(
    site: tuple[Connect, Clock, Path],
) -> None:
    connect, clock, _ = site
    client = connect("192.0.2.77")
    for _ in range(5):
        answer = client.post("/api/session", json={"name": "bo", "password": "wrong"})
        assert answer.status_code == 401
        clock.advance(minutes=1)
    refused = client.post("/api/session", json={"name": "bo", "password": PASSWORD})
    assert refused.status_code == 429
    _assert_error_shape(refused.json(), 429)
    error = refused.json()["error"]
    assert error["code"] == "T330" and "try again in 10 minutes" in error["message"]
    assert error["detail"] == {"retry_after": 600} and refused.headers["retry-after"] == "600"
    assert "csrf" not in refused.text


def test_an_attempt_is_counted_before_its_password_is_checked(
    template: tuple[str, dict[str, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    """So guesses sent all at once cannot each pass the limit before any is counted."""
    with store_copy(template[0], tmp_path, request) as db:
        _counted_first(db, monkeypatch)


def _counted_first(db: str | Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    name_key, address_key = throttle.sign_in_keys("ana", "192.0.2.1")

    def check(store: Store, name: str, password: str) -> User:
        seen.append(len(store.sign_in_failures(name_key, "")))
        return store.get_user(name)

    monkeypatch.setattr(throttle, "check_password", check)
    now = datetime(2031, 5, 2, 9, 0, tzinfo=UTC)
    with open_store(str(db)) as store:
        user = throttle.checked_sign_in(store, "ana", "anything", "192.0.2.1", now)
        assert user.name == "ana" and seen == [1]
        assert store.sign_in_failures(name_key, "") == []  # a success takes its count back
        assert store.sign_in_failures(address_key, "") == []
