"""The JSON API: one error shape for every failure, OpenAPI at /docs. Fictional corpus."""

from __future__ import annotations

from typing import Any

from tests.web_support import PASSWORD, template_fixture, web_fixture  # noqa: F401


def _assert_error_shape(body: Any, status: int) -> None:
    assert set(body) == {"error"}, body
    error = body["error"]
    assert set(error) - {"detail"} == {"status", "code", "message"}, error
    assert error["status"] == status
    assert isinstance(error["code"], str) and error["code"][:1] in ("T", "H")
    assert isinstance(error["message"], str) and error["message"]


def test_every_api_error_has_the_one_shape(web: tuple) -> None:
    client, ids, _ = web
    anonymous = [
        ("get", "/api/claims", None, 401),
        ("post", "/api/session", {"name": "ana", "password": "wrong"}, 401),
        ("post", "/api/session", {"name": "ana"}, 422),
    ]
    for method, url, body, status in anonymous:
        answer = client.request(method, url, json=body)
        assert answer.status_code == status, (url, answer.text)
        _assert_error_shape(answer.json(), status)
    token = client.post("/api/session", json={"name": "vic", "password": PASSWORD}).json()["csrf"]
    signed = [
        ("get", "/api/nothing-here", None, 404),
        ("delete", "/api/claims", None, 405),
        ("get", f"/api/claims/{'0' * 24}", None, 404),
        ("get", "/api/claims/..%2F..%2Fetc", None, 404),
        ("get", "/api/documents/xyz", None, 404),
        ("get", f"/api/documents/{'a' * 64}", None, 404),
        ("get", "/api/events/nope", None, 404),
        ("get", "/api/entities/nobody", None, 404),
        ("get", "/api/claims?category=looted", None, 422),
        ("get", "/api/claims?limit=0", None, 422),
        ("get", "/api/search", None, 422),
        ("post", f"/api/claims/{ids['claim']}/review", {"action": "confirm", "version": 0}, 403),
    ]
    for method, url, body, status in signed:
        answer = client.request(method, url, json=body, headers={"X-CSRF-Token": token})
        assert answer.status_code == status, (url, answer.text)
        _assert_error_shape(answer.json(), status)


def test_the_api_answers_with_the_export_schema(web: tuple) -> None:
    client, ids, _ = web
    client.post("/api/session", json={"name": "vic", "password": PASSWORD})
    claims = client.get("/api/claims", params={"document": ids["koss"]}).json()
    assert claims["total"] == 3 and claims["claims"][0]["review"] == "unreviewed"
    document = client.get(f"/api/documents/{ids['koss']}").json()
    assert document["document"]["id"] == ids["koss"] and "Koss" in document["text"]
    assert [(m["entity"], m["type"]) for m in document["mentions"]] == [
        ("place-koss", "place"),
        ("org-monitor", "organisation"),
    ]
    monitor = document["mentions"][1]
    assert document["text"][monitor["start"] : monitor["end"]] == monitor["text"]
    assert monitor["name"] == "Valdorian Rights Monitor"
    assert client.get(f"/api/events/{ids['event']}").json()["findings"][0]["category"]
    assert client.get("/api/search", params={"q": "students"}).json()["claims"]
    assert client.get(f"/api/entities/{ids['entity']}").json()["entity"]["name"]
    queue = client.get("/api/queue").json()["claims"]
    assert {c["id"] for c in queue[:2]} == {ids["claim"], ids["other_claim"]}
    assert [c["contradicted"] for c in queue] == [True, True] + [False] * (len(queue) - 2)


def test_openapi_is_documented_at_docs(web: tuple) -> None:
    client, _, _ = web
    schema = client.get("/openapi.json").json()
    assert "/api/claims/{claim_id}/review" in schema["paths"]
    assert all(path.startswith("/api/") for path in schema["paths"])
    page = client.get("/docs")
    assert page.status_code == 200 and "/api/claims/{claim_id}/review" in page.text
    assert "cdn" not in page.text.lower()  # no outside script: works offline, under the CSP
