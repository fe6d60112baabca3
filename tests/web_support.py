"""A fictional store for the review app's tests: the Valdoria corpus, claims, an event, users.

Everything here is invented (a fictional country, fictional people and places), including
the hostile page whose payloads must stay inert in the browser.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.fake_extractor import FAKE_VERSION, fake_extract
from tests.small_corpus import write_corpus
from tolltrace.model import Alias, Contradiction, Entity, Event, Figure, Finding, Mention
from tolltrace.pipeline import ingest
from tolltrace.store.base import ClaimQuery
from tolltrace.store.sqlite import SQLiteStore
from tolltrace.web import create_app
from tolltrace.web.accounts import add_account

PASSWORD = "correct horse battery"  # every test account's password
USERS = {"ada": "admin", "ana": "analyst", "bo": "analyst", "vic": "viewer"}

# A fictional page with script payloads: the app must show it without running any of them.
HOSTILE_HTML = """<!doctype html>
<html><head><title>Valdoria wire: Harbour Square protest</title>
<script>window.__pwned = true; alert("script ran");</script>
<meta name="date" content="2031-05-03"></head>
<body><article>
<h1>Valdoria wire: Harbour Square protest</h1>
<p>Koss, May 3, 2031 - Police detained 25 students near Harbour Square on Friday, the
Valdorian Rights Monitor said. <img src="x" onerror="window.__pwned = true; alert('img ran')">
Organisers said the march would continue. <script>document.title = "pwned"</script></p>
<p>Witnesses said 7 protesters were injured when police charged the crowd near the
fountain, and the Monitor called for an inquiry into the force used.</p>
<p><a href="javascript:alert('link ran')">More</a> <iframe src="https://example.invalid/"></iframe>
<svg onload="alert('svg ran')"></svg></p>
</article></body></html>
"""


def fill_store(path: Path, work: Path) -> dict[str, str]:
    """Ingest the corpus and the hostile page into `path`, store fake claims, link an event.

    Returns the ids that tests refer to: koss, tarn, hostile (documents), claim (the Monitor's
    "40 students detained" claim), event, entity (the Monitor, mentioned in koss; Koss itself
    is the entity place-koss).
    """
    corpus = write_corpus(work)
    (corpus / "hostile.html").write_text(HOSTILE_HTML)
    with SQLiteStore(path) as store:
        summary = ingest(store, [str(corpus)])
        assert not summary.errors, summary.errors
        ids: dict[str, str] = {}
        for doc in store.documents():
            stored = store.get_document(doc.id)
            assert stored.clean is not None
            claims = fake_extract(doc.id, doc.uri, stored.clean)
            store.store_claims(doc.id, FAKE_VERSION, claims, "run-test")
            ids[Path(doc.uri).stem] = doc.id
        koss = list(store.claims(ClaimQuery(document=ids["koss"])))
        tarn = list(store.claims(ClaimQuery(document=ids["tarn"])))
        students = next(c for c in koss if c.subject == "students")
        prisoners = next(c for c in tarn if c.subject == "prisoners")
        ids["claim"] = students.id
        ids["other_claim"] = prisoners.id
        event = Event(
            id="ev-koss-2031",
            label="Koss university detentions, May 2031",
            type="detained",
            when="2031-05",
            where="Koss",
            documents=(ids["koss"], ids["tarn"]),
            claims=(students.id, prisoners.id),
            evidence=("same place and month",),
        )
        figures = tuple(
            Figure(c.id, c.document, c.low, c.high, c.qualifier, c.text, c.sentence,
                   c.attributed_to, "valdoria-wire", c.attributed_to or "valdoria-wire",
                   "2031-05-02")
            for c in (students, prisoners)
        )  # fmt: skip
        finding = Finding(
            event=event.id,
            category="detained",
            figures=figures,
            low=None,
            high=None,
            consistent=False,
            contradictions=(Contradiction(students.id, prisoners.id, "40 is not 12"),),
        )
        koss_text = store.get_document(ids["koss"]).clean.text  # type: ignore[union-attr]
        at = koss_text.index("Valdorian Rights Monitor")
        monitor = Entity(
            id="org-monitor",
            name="Valdorian Rights Monitor",
            type="organisation",
            aliases=(Alias("Valdorian Rights Monitor", "canonical"), Alias("the Monitor", "title")),
            mentions=(
                Mention(ids["koss"], at, at + 24, "Valdorian Rights Monitor", "organisation"),
            ),
        )
        city = Entity(
            id="place-koss",
            name="Koss",
            type="place",
            mentions=(Mention(ids["koss"], 0, 4, "Koss", "place"),),
        )
        store.replace_links([monitor, city], [event], [finding], "link-test")
        ids["event"], ids["entity"] = event.id, monitor.id
        for name, role in USERS.items():
            add_account(store, name, role, PASSWORD)
    return ids


def signed_in(client: object, name: str) -> str:
    """Sign `name` in through the login form; returns the session's CSRF token."""
    import re

    from fastapi.testclient import TestClient

    assert isinstance(client, TestClient)
    form = client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert token is not None
    answer = client.post(
        "/login",
        data={"name": name, "password": PASSWORD, "csrf": token.group(1)},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    page = client.get("/search")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert csrf is not None
    return csrf.group(1)


@pytest.fixture(scope="module", name="template")
def template_fixture(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    work = tmp_path_factory.mktemp("web")
    ids = fill_store(work / "template.db", work)
    return work / "template.db", ids


@pytest.fixture(name="web")
def web_fixture(
    template: tuple[Path, dict[str, str]], tmp_path: Path
) -> Iterator[tuple[TestClient, dict[str, str], Path]]:
    db = tmp_path / "web.db"
    shutil.copy(template[0], db)
    with TestClient(create_app(str(db)), raise_server_exceptions=False) as client:
        yield client, template[1], db


class WellFormed(HTMLParser):
    """Fails on any tag closed out of order, any link inside a link, any tag left open."""

    VOID = frozenset({"br", "img", "input", "meta", "link", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.tags: list[str] = []
        self.text = ""
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        assert not (tag == "a" and "a" in self.open), "a link inside a link"
        self.ids += [value or "" for name, value in attrs if name == "id"]
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open}"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text += data


def well_formed(html: str) -> WellFormed:
    """The parsed `html`, after checking it is well formed (see WellFormed)."""
    parser = WellFormed()
    parser.feed(html)
    parser.close()
    assert parser.open == [], f"left open: {parser.open}"
    return parser
