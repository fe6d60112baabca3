"""Hostile requests: huge bodies, huge offsets, unknown API roots, and the headers of a 500.

Regression tests for issue 21 (items 6, 10, 11). Fictional corpus from tests/web_support.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.web_support import (  # noqa: F401
    PASSWORD,
    damage,
    signed_in,
    template_fixture,
    web_fixture,
)
from tolltrace.web.guard import MAX_BODY_BYTES


def _assert_json_error(answer: Any, status: int) -> None:
    assert answer.status_code == status, answer.text[:300]
    error = answer.json()["error"]
    assert error["status"] == status and error["code"] and error["message"]


def _assert_secure(answer: Any) -> None:
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options"):
        assert name in answer.headers, (name, answer.status_code)
    assert answer.headers["Cache-Control"] == "no-store"


def test_a_body_over_the_limit_is_refused_with_413_before_it_is_read(web: tuple) -> None:
    client, _, _ = web
    padding = "x" * (MAX_BODY_BYTES + 1)
    answer = client.post("/api/session", json={"name": "ana", "password": padding})
    _assert_json_error(answer, 413)
    _assert_secure(answer)
    # The limit holds for pages too, and a small body still works.
    _assert_json_error(client.post("/login", data={"name": padding, "password": "x"}), 413)
    small = client.post("/api/session", json={"name": "ana", "password": PASSWORD})
    assert small.status_code == 200


def test_a_streamed_body_without_a_length_is_cut_at_the_limit(web: tuple) -> None:
    client, _, _ = web

    def chunks() -> Iterator[bytes]:
        yield b'{"name": "ana", "password": "'
        for _ in range(MAX_BODY_BYTES // 1024 + 2):
            yield b"x" * 1024
        yield b'"}'

    answer = client.post(
        "/api/session", content=chunks(), headers={"Content-Type": "application/json"}
    )
    _assert_json_error(answer, 413)


@pytest.mark.parametrize("path", ["documents", "queue", "events", "entities"])
def test_a_huge_offset_is_a_422_in_the_error_shape_not_a_500(web: tuple, path: str) -> None:
    client, _, _ = web
    client.post("/api/session", json={"name": "vic", "password": PASSWORD})
    answer = client.get(f"/api/{path}", params={"offset": "99999999999999999999"})
    _assert_json_error(answer, 422)
    _assert_json_error(client.get(f"/api/{path}", params={"offset": "-1"}), 422)
    assert client.get(f"/api/{path}", params={"offset": "3"}).status_code == 200


@pytest.mark.parametrize("path", ["/queue", "/events", "/entities"])
def test_a_huge_offset_on_a_page_is_refused_not_a_crash(web: tuple, path: str) -> None:
    client, _, _ = web
    signed_in(client, "ana")
    answer = client.get(path, params={"offset": "99999999999999999999"})
    assert answer.status_code == 422, answer.text[:300]
    _assert_secure(answer)


def test_a_huge_corrected_count_is_refused(web: tuple) -> None:
    client, ids, _ = web
    token = client.post("/api/session", json={"name": "ana", "password": PASSWORD}).json()["csrf"]
    answer = client.post(
        f"/api/claims/{ids['claim']}/review",
        json={"action": "correct", "changes": {"low": 10**20}, "reason": "typo", "version": 0},
        headers={"X-CSRF-Token": token},
    )
    _assert_json_error(answer, 422)
    csrf = signed_in(client, "ana")
    page = client.post(
        f"/claims/{ids['claim']}/review",
        data={
            "action": "correct",
            "version": "0",
            "csrf": csrf,
            "reason": "typo",
            "low": "9" * 5000,
        },
    )
    assert page.status_code == 422, page.text[:300]


def test_get_api_without_a_slash_is_the_json_error(web: tuple) -> None:
    client, _, _ = web
    _assert_json_error(client.get("/api"), 404)


def test_a_500_carries_the_security_headers(web: tuple) -> None:
    client, _, db = web
    client.post("/api/session", json={"name": "vic", "password": PASSWORD})
    damage(db, "ALTER TABLE claims RENAME TO claims_gone")  # a store damaged under the app
    answer = client.get("/api/claims")
    _assert_json_error(answer, 500)
    _assert_secure(answer)
    page = client.get("/queue")
    assert page.status_code == 500
    _assert_secure(page)
