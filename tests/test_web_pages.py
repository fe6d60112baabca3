"""The review app's pages, in-process: access, highlighting, escaping, safety headers.

The corpus is fictional (tests/web_support.py), including a hostile page.
"""

from __future__ import annotations

import re
import sqlite3

import pytest
from fastapi.testclient import TestClient

from tests.conftest import prepared
from tests.fake_extractor import make_claim
from tests.web_support import (  # noqa: F401
    PASSWORD,
    signed_in,
    template_fixture,
    web_fixture,
    well_formed,
)
from tolltrace.model import Entity, Mention
from tolltrace.store import open_store
from tolltrace.store.sqlite import SCHEMA_VERSION, SQLiteStore
from tolltrace.web import create_app
from tolltrace.web.accounts import set_anonymous_read


def test_reading_needs_an_account_until_an_admin_opens_it(web: tuple) -> None:
    client, ids, db = web
    answer = client.get("/search", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/login")
    assert client.get("/api/claims").status_code == 401
    with open_store(str(db)) as store:
        set_anonymous_read(store, True, by="ada")
        assert [e.action for e in store.custody("anonymous_read")] == ["setting"]
    assert client.get("/search").status_code == 200
    assert client.get(f"/claims/{ids['claim']}").status_code == 200
    page = client.get(f"/claims/{ids['claim']}").text
    assert 'id="review-form"' not in page and "Sign in as an analyst" in page
    assert client.get("/admin", follow_redirects=False).status_code == 303


def test_wrong_passwords_and_unknown_names_get_the_same_answer(web: tuple) -> None:
    client, _, _ = web
    form = client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    wrong = client.post("/login", data={"name": "ana", "password": "nope", "csrf": token})
    nobody = client.post("/login", data={"name": "zed", "password": PASSWORD, "csrf": token})
    assert wrong.status_code == nobody.status_code == 401
    assert "wrong name or password" in wrong.text and "wrong name or password" in nobody.text


def test_session_cookies_are_httponly_and_strict(web: tuple) -> None:
    client, _, _ = web
    form = client.get("/login")
    assert "httponly" in form.headers["set-cookie"].lower()
    token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    answer = client.post(
        "/login", data={"name": "vic", "password": PASSWORD, "csrf": token}, follow_redirects=False
    )
    cookie = answer.headers["set-cookie"].lower()
    assert "tolltrace_session=" in cookie and "httponly" in cookie and "samesite=strict" in cookie


def test_the_document_page_highlights_claims_and_lists_custody(web: tuple) -> None:
    client, ids, _ = web
    signed_in(client, "vic")
    page = client.get(f"/documents/{ids['koss']}").text
    assert f'href="/claims/{ids["claim"]}" class="hl cat-other"' in page
    assert ">40 students outside</bdi></a>" in page
    assert "<td>ingest</td>" in page and "<td>extract</td>" in page
    assert "Koss university detentions, May 2031" in page  # its event


def _document_text(page: str) -> str:
    return page.split('id="document-text">')[1].split("</div>")[0]


def test_the_document_page_marks_entity_mentions_apart_from_claims(web: tuple) -> None:
    client, ids, _ = web
    signed_in(client, "vic")
    page = client.get(f"/documents/{ids['koss']}").text
    text = _document_text(page)
    assert (
        '<a href="/entities/org-monitor" class="ent ent-organisation" '
        'title="Valdorian Rights Monitor"><bdi>Valdorian Rights Monitor</bdi></a>'
    ) in text
    koss = '<a href="/entities/place-koss" class="ent ent-place" title="Koss"><bdi>Koss</bdi></a>'
    assert koss in text
    assert f'class="hl cat-other" id="claim-{ids["claim"]}"' in text
    parsed = well_formed(text)
    assert parsed.text.startswith("Koss, May 2, 2031") and parsed.text.count("Koss") >= 1
    listed = page.split('id="document-entities">')[1].split("</dd>")[0]
    assert "/entities/org-monitor" in listed and "/entities/place-koss" in listed
    tarn = client.get(f"/documents/{ids['tarn']}").text
    assert 'class="ent' not in _document_text(tarn) and "document-entities" not in tarn


def test_nested_crossing_and_hostile_marks_stay_well_formed_on_the_page(web: tuple) -> None:
    client, _, db = web
    text = (
        'Koss wire: <script>alert("pwned")</script> The Harbour Guard detained 18 dockers '
        "near the <b>Koss</b> fish market, the Monitor said."
    )
    doc = prepared(text, uri="https://wire.example.org/hostile-mentions")
    guard = text.index("Harbour Guard")
    with open_store(str(db)) as store:
        store.add_document(doc, "2031-05-03T00:00:00Z")
        claim = make_claim(doc.id, "Harbour Guard detained 18 dockers", guard, "detained")
        store.store_claims(doc.id, "fake/1", [claim], "run-hostile")
        entities = [
            Entity(
                "org-guard",
                '<img src=x onerror="alert(1)"> Harbour Guard',
                "organisation",
                mentions=(Mention(doc.id, guard + 8, guard + 13, "Guard", "organisation"),),
            ),
            Entity(
                "place-koss",
                "Koss",
                "place",
                mentions=(
                    Mention(doc.id, 0, text.index("</script>") + 9, "(the wire)", "place"),
                    Mention(doc.id, text.index("<b>"), text.index(" fish"), "<b>Koss</b>", "place"),
                    Mention(doc.id, len(text) - 5, len(text) + 20, "out of range", "place"),
                ),
            ),
            Entity(
                "org-dockers",
                "Dockers of Koss",
                "organisation",
                mentions=(
                    Mention(doc.id, guard + 22, text.index(" near"), "18 dockers", "organisation"),
                ),
            ),
        ]
        store.replace_links(entities, [], [], "link-hostile")
    signed_in(client, "vic")
    page = client.get(f"/documents/{doc.id}")
    assert page.status_code == 200
    parsed = well_formed(_document_text(page.text))
    assert parsed.text == text
    assert set(parsed.tags) == {"a", "bdi"} and parsed.ids == [f"claim-{claim.id}"]
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert 'title="&lt;img src=x onerror=&#34;alert(1)&#34;&gt; Harbour Guard' in page.text
    assert '<a href="/entities/org-guard" class="hl cat-detained ent ent-organisation"' in page.text
    api = client.get(f"/api/documents/{doc.id}").json()
    assert [(m["entity"], m["start"]) for m in api["mentions"]] == [
        ("place-koss", 0),
        ("org-guard", guard + 8),
        ("org-dockers", guard + 22),
        ("place-koss", text.index("<b>")),
        ("place-koss", len(text) - 5),  # the API gives the spans as stored
    ]


@pytest.mark.sqlite_only
def test_a_version_4_store_shows_no_entity_marks_until_the_next_link(web: tuple) -> None:
    _, ids, db = web
    with sqlite3.connect(db) as old:  # back to schema 4: what migrations 5 and 6 add is gone
        for table in (
            "entity_mentions",
            "claim_contradictions",
            "sign_in_failures",
            "mention_cache",
        ):
            old.execute(f"DROP TABLE {table}")
        old.execute("ALTER TABLE claims DROP COLUMN attributed_as")  # migration 7
        old.execute("PRAGMA user_version=4")
    with TestClient(create_app(str(db)), raise_server_exceptions=False) as upgraded:
        signed_in(upgraded, "vic")
        page = upgraded.get(f"/documents/{ids['koss']}")
        assert page.status_code == 200 and 'class="ent' not in _document_text(page.text)
        assert f'id="claim-{ids["claim"]}"' in page.text
        assert upgraded.get(f"/api/documents/{ids['koss']}").json()["mentions"] == []
        assert "Valdorian Rights Monitor" in upgraded.get(f"/entities/{ids['entity']}").text
        queue = upgraded.get("/queue").text  # contradicted claims are known at once
        rows = re.findall(r'<tr id="row-([0-9a-f]+)">', queue)
        assert set(rows[:2]) == {ids["claim"], ids["other_claim"]}
        with SQLiteStore(db) as store:
            assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
            entities = list(store.entities())
            store.replace_links(entities, list(store.events()), list(store.findings()), "relink")
        page = upgraded.get(f"/documents/{ids['koss']}")
        assert 'href="/entities/org-monitor" class="ent ent-organisation"' in page.text


def test_the_hostile_page_is_escaped_and_its_original_sandboxed(web: tuple) -> None:
    client, ids, _ = web
    signed_in(client, "vic")
    clean = client.get(f"/documents/{ids['hostile']}")
    assert "window.__pwned" not in clean.text.split('id="document-text"')[1].split("</div>")[0]
    original = client.get(f"/documents/{ids['hostile']}?view=original").text
    frame = re.search(r"<iframe[^>]*>", original)
    assert frame is not None
    assert 'sandbox=""' in frame.group(0) and "allow-scripts" not in frame.group(0)
    assert "&lt;script&gt;" in frame.group(0) and "Content-Security-Policy" in frame.group(0)
    assert "<script>window.__pwned" not in original and "onerror=" not in original.replace(
        "onerror=&#34;", ""
    )
    scripts = re.findall(r"<script[^>]*>", original)
    assert scripts == ['<script src="/static/htmx.min.js" defer>']


def test_every_page_forbids_scripts_from_elsewhere(web: tuple) -> None:
    client, ids, _ = web
    signed_in(client, "vic")
    for url in (f"/documents/{ids['hostile']}?view=original", "/search?q=students", "/docs"):
        policy = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "default-src 'none'" in policy
        assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_search_finds_documents_claims_events_and_entities(web: tuple) -> None:
    client, ids, _ = web
    signed_in(client, "vic")
    page = client.get("/search", params={"q": "students"}).text
    assert f"/documents/{ids['koss']}" in page and f"/claims/{ids['claim']}" in page
    assert "<mark>students</mark>" in page
    assert "/entities/org-monitor" in client.get("/search", params={"q": "Monitor"}).text
    assert "/events/ev-koss-2031" in client.get("/search", params={"q": "Koss"}).text
    escaped = client.get("/search", params={"q": "<b>x</b>"}).text
    assert "<b>x</b>" not in escaped and "&lt;b&gt;x&lt;/b&gt;" in escaped
    partial = client.get("/search", params={"q": "students"}, headers={"HX-Request": "true"})
    assert "<html" not in partial.text and "/claims/" in partial.text


def test_event_and_entity_pages(web: tuple) -> None:
    client, ids, _ = web
    signed_in(client, "vic")
    event = client.get(f"/events/{ids['event']}").text
    assert "contradictory figures" in event and "40 is not 12" in event
    assert f"/claims/{ids['other_claim']}" in event
    entity = client.get(f"/entities/{ids['entity']}").text
    assert "the Monitor" in entity and f"/claims/{ids['claim']}" in entity
    assert client.get("/events/nope-404").status_code == 404
    assert client.get("/entities/nobody-here").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/documents/..%2F..%2Fetc%2Fpasswd",
        "/documents/%2e%2e",
        "/documents/ABC",
        "/claims/..%2Fsecret",
        "/events/..%2F..%2Fetc",
        "/entities/a%00b",
        "/static/..%2F..%2Fapp.py",
        "/static/../app.py",
    ],
)
def test_no_path_traversal_through_any_parameter(web: tuple, url: str) -> None:
    client, _, _ = web
    signed_in(client, "vic")
    answer = client.get(url)
    assert answer.status_code == 404, url
    assert "create_app" not in answer.text and "root:" not in answer.text


def test_the_queue_lists_contradicted_claims_first(web: tuple) -> None:
    client, ids, _ = web
    signed_in(client, "ana")
    page = client.get("/queue").text
    rows = re.findall(r'<tr id="row-([0-9a-f]+)">', page)
    assert set(rows[:2]) == {ids["claim"], ids["other_claim"]}
    assert "contradicted" in page


def test_admins_manage_accounts_and_others_may_not(web: tuple) -> None:
    client, _, db = web
    csrf = signed_in(client, "ana")
    refused = client.post(
        "/admin/users", data={"name": "eve", "role": "admin", "password": "x" * 10, "csrf": csrf}
    )
    assert refused.status_code == 403
    client.cookies.clear()
    csrf = signed_in(client, "ada")
    added = client.post(
        "/admin/users",
        data={"name": "eve", "role": "viewer", "password": "x" * 10, "csrf": csrf},
        follow_redirects=False,
    )
    assert added.status_code == 303
    no_token = client.post(
        "/admin/users", data={"name": "mal", "role": "admin", "password": "x" * 10}
    )
    assert no_token.status_code == 403
    with open_store(str(db)) as store:
        assert {u.name: u.role for u in store.users()}["eve"] == "viewer"
        assert "mal" not in {u.name for u in store.users()}
