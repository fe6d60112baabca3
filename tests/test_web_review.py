"""Review decisions: who/when/before/after, custody, conflicts, re-extraction, exports.

Fictional corpus (tests/web_support.py).
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.fake_extractor import make_claim
from tests.web_support import signed_in, template_fixture, web_fixture  # noqa: F401
from tolltrace.export import write_jsonl
from tolltrace.store import open_store
from tolltrace.store.base import ClaimQuery
from tolltrace.store.reviews import InvalidReview, ReviewConflict
from tolltrace.verify import verify_store
from tolltrace.web import create_app


def _correct(client: TestClient, csrf: str, claim: str, version: int, **fields: str) -> object:
    data = {"csrf": csrf, "version": str(version), "action": "correct", **fields}
    return client.post(f"/claims/{claim}/review", data=data, follow_redirects=False)


def test_a_correction_is_stored_with_who_when_before_and_after(web: tuple) -> None:
    client, ids, db = web
    csrf = signed_in(client, "ana")
    answer = _correct(client, csrf, ids["claim"], 0, low="45", high="45", reason="recounted")
    assert answer.status_code == 303, answer.text  # type: ignore[attr-defined]
    page = client.get(f"/claims/{ids['claim']}").text
    assert 'id="claim-count"><span class="value">45</span>' in page
    assert "recounted" in page and "corrected" in page
    with open_store(str(db)) as store:
        claim = store.get_claim(ids["claim"])
        assert (claim.low, claim.high, claim.review, claim.reviewed_by) == (
            45,
            45,
            "corrected",
            "ana",
        )
        (review,) = store.reviews(ids["claim"])
        assert review.before["low"] == 40 and review.after["low"] == 45 and review.by == "ana"
        (entry,) = [e for e in store.custody(ids["claim"]) if e.action == "review"]
        assert entry.details["before"]["low"] == 40 and entry.details["after"]["low"] == 45
        assert entry.details["by"] == "ana" and entry.details["reason"] == "recounted"
        assert verify_store(store).ok


def test_the_second_of_two_analysts_is_told_and_loses_nothing(
    web: tuple, template: tuple[Path, dict[str, str]]
) -> None:
    client, ids, db = web
    with TestClient(create_app(str(db)), raise_server_exceptions=False) as other:
        first, second = signed_in(client, "ana"), signed_in(other, "bo")
        # Both opened the claim while it had no decision (version 0).
        assert (
            _correct(client, first, ids["claim"], 0, low="41", high="41", reason="a").status_code
            == 303
        )  # type: ignore[attr-defined]
        late = _correct(other, second, ids["claim"], 0, low="39", high="39", reason="my count")
        assert late.status_code == 409  # type: ignore[attr-defined]
        text = late.text  # type: ignore[attr-defined]
        assert "someone else decided first" in text and "ana" in text
        assert 'value="39"' in text and 'value="my count"' in text  # bo's values are kept
        assert 'name="version" value="1"' in text  # ... ready to submit again
    with open_store(str(db)) as store:
        assert store.get_claim(ids["claim"]).low == 41
        assert [r.by for r in store.reviews(ids["claim"])] == ["ana"]


def test_review_rules(web: tuple) -> None:
    _client, ids, db = web
    with open_store(str(db)) as store:
        with pytest.raises(InvalidReview, match="reason"):
            store.review_claim(ids["claim"], "reject", {}, "", "ana", 0)
        with pytest.raises(InvalidReview, match="change at least one"):
            store.review_claim(ids["claim"], "correct", {"low": 40}, "same", "ana", 0)
        with pytest.raises(InvalidReview, match="cannot be reviewed"):
            store.review_claim(ids["claim"], "correct", {"text": "x"}, "r", "ana", 0)
        with pytest.raises(InvalidReview, match="qualifier"):
            store.review_claim(ids["claim"], "correct", {"qualifier": "lots"}, "r", "ana", 0)
        with pytest.raises(InvalidReview, match="above"):
            store.review_claim(ids["claim"], "correct", {"low": 50, "high": 10}, "r", "ana", 0)
        store.review_claim(ids["claim"], "confirm", {}, "", "ana", 0)
        with pytest.raises(ReviewConflict) as conflict:
            store.review_claim(ids["claim"], "reject", {}, "wrong", "bo", 0)
        assert conflict.value.current.by == "ana"
        assert store.reviews(ids["claim"])[-1].action == "confirm"


def test_a_newer_extractor_never_overwrites_a_reviewed_claim(web: tuple) -> None:
    _client, ids, db = web
    with open_store(str(db)) as store:
        old = store.get_claim(ids["claim"])
        store.review_claim(
            old.id, "correct", {"low": 44, "high": 44, "category": "detained"}, "r", "ana", 0
        )
        text = store.get_document(ids["koss"]).clean.text  # type: ignore[union-attr]
        newer = [
            make_claim(ids["koss"], old.text, old.start, "other", "fake/2", low=40, high=40),
            make_claim(ids["koss"], "3 protesters were killed", text.index("3 protesters"),
                       "killed", "fake/2", low=3, high=3),
        ]  # fmt: skip
        store.store_claims(ids["koss"], "fake/2", newer, "run-2")
        kept = list(store.claims(ClaimQuery(document=ids["koss"])))
        assert [(c.id, c.low, c.review) for c in kept] == [
            (old.id, 44, "corrected"),
            (newer[1].id, 3, "unreviewed"),
        ]
        entry = [e for e in store.custody(ids["koss"]) if e.action == "extract"][-1]
        assert entry.details["kept_reviewed"] == [old.id]
        assert entry.details["shadowed_by_review"] == {newer[0].id: old.id}
        assert verify_store(store).ok


def test_a_relink_keeps_a_reviewed_event(web: tuple) -> None:
    _, ids, db = web
    with open_store(str(db)) as store:
        store.review_claim(ids["claim"], "correct", {"event": None}, "not this event", "ana", 0)
        event = store.get_event(ids["event"])
        store.replace_links([], [event], list(store.findings(event.id)), "link-2")
        assert store.get_claim(ids["claim"]).event is None
        assert store.get_claim(ids["other_claim"]).event == ids["event"]


def test_exports_carry_the_review_state(web: tuple) -> None:
    client, ids, db = web
    csrf = signed_in(client, "ana")
    _correct(client, csrf, ids["claim"], 0, low="46", high="46", reason="r")
    rows = [json.loads(line) for line in client.get("/api/export/claims.jsonl").text.splitlines()]
    reviewed = next(row for row in rows if row["id"] == ids["claim"])
    assert (reviewed["low"], reviewed["review"], reviewed["reviewed_by"]) == (
        46,
        "corrected",
        "ana",
    )
    assert reviewed["reviewed_at"] and rows[-1]["review"] == "unreviewed"
    with open_store(str(db)) as store:
        out = io.StringIO()
        write_jsonl(store.claims(), out)
    assert '"review": "corrected"' in out.getvalue()


def test_viewers_cannot_review_and_forms_need_the_csrf_token(web: tuple) -> None:
    client, ids, _ = web
    csrf = signed_in(client, "vic")
    page = client.get(f"/claims/{ids['claim']}").text
    assert 'id="review-form"' not in page and "analyst role" in page
    assert _correct(client, csrf, ids["claim"], 0, low="1", reason="r").status_code == 403  # type: ignore[attr-defined]
    client.cookies.clear()
    signed_in(client, "ana")
    missing = client.post(
        f"/claims/{ids['claim']}/review",
        data={"version": "0", "action": "confirm"},
        follow_redirects=False,
    )
    wrong = _correct(client, "forged", ids["claim"], 0, low="1", reason="r")
    assert missing.status_code == wrong.status_code == 403  # type: ignore[attr-defined]
    assert "CSRF" in missing.text


def test_the_api_review_and_its_conflict(web: tuple) -> None:
    client, ids, _ = web
    signin = client.post("/api/session", json={"name": "ana", "password": "correct horse battery"})
    token = signin.json()["csrf"]
    url = f"/api/claims/{ids['claim']}/review"
    body = {
        "action": "correct",
        "changes": {"low": 42, "high": 42},
        "reason": "checked",
        "version": 0,
    }
    assert client.post(url, json=body).status_code == 403  # no CSRF header
    done = client.post(url, json=body, headers={"X-CSRF-Token": token})
    assert done.status_code == 200 and done.json()["claim"]["low"] == 42
    again = client.post(url, json=body, headers={"X-CSRF-Token": token})
    assert again.status_code == 409
    assert again.json()["error"]["detail"]["current"]["after"]["low"] == 42
    assert client.get(f"/api/claims/{ids['claim']}").json()["version"] == 1
    html = client.get(f"/events/{ids['event']}").text
    assert re.search(r'figure-value">42 <del title="as extracted">40</del>', html)
