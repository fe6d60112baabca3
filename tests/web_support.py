"""A fictional store for the review app's tests: the Valdoria corpus, claims, an event, users.

Everything here is invented (a fictional country, fictional people and places), including
the hostile page whose payloads must stay inert in the browser.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import BACKENDS
from tests.fake_extractor import FAKE_VERSION, fake_extract
from tests.small_corpus import write_corpus
from tolltrace.model import Alias, Contradiction, Entity, Event, Figure, Finding, Mention
from tolltrace.pipeline import ingest
from tolltrace.store import open_store
from tolltrace.store.base import ClaimQuery
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


def fill_store(path: Path | str, work: Path) -> dict[str, str]:
    """Ingest the corpus and the hostile page into `path` (a SQLite file or a PostgreSQL URL),
    store fake claims, link an event.

    Returns the ids that tests refer to: koss, tarn, hostile (documents), claim (the Monitor's
    "40 students detained" claim), event, entity (the Monitor, mentioned in koss; Koss itself
    is the entity place-koss).
    """
    corpus = write_corpus(work)
    (corpus / "hostile.html").write_text(HOSTILE_HTML)
    with open_store(str(path)) as store:
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


@pytest.fixture(scope="module", name="template", params=BACKENDS)
def template_fixture(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, dict[str, str]]:
    """The filled store, once per module and backend: a SQLite file or a PostgreSQL URL."""
    work = tmp_path_factory.mktemp("web")
    location = str(work / "template.db")
    if request.param == "postgresql":
        cluster = request.getfixturevalue("pg_cluster")
        location = cluster.url(cluster.new_database())
    return location, fill_store(location, work)


@contextmanager
def store_copy(
    template: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[str | Path]:
    """A copy of the template store for one test: the file copied, or a database made from
    the template database (and dropped after the test)."""
    if not template.startswith("postgresql://"):
        db = tmp_path / "web.db"
        shutil.copy(template, db)
        yield db
        return
    if request.node.get_closest_marker("sqlite_only"):
        pytest.skip("reads or alters the SQLite file itself")
    cluster = request.getfixturevalue("pg_cluster")
    name = cluster.new_database(template=cluster.database_of(template))
    try:
        yield cluster.url(name)
    finally:
        cluster.admin(f"DROP DATABASE {name} WITH (FORCE)")


def damage(db: str | Path, statement: str) -> None:
    """Run `statement` on the store behind tolltrace's back (to break it under the app)."""
    if isinstance(db, Path):
        import sqlite3

        with sqlite3.connect(db) as connection:
            connection.execute(statement)
        return
    import psycopg

    with psycopg.connect(db, autocommit=True) as connection:
        connection.execute(statement)  # type: ignore[arg-type]


@pytest.fixture(name="web")
def web_fixture(
    template: tuple[str, dict[str, str]], tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[tuple[TestClient, dict[str, str], str | Path]]:
    with (
        store_copy(template[0], tmp_path, request) as db,
        TestClient(create_app(str(db)), raise_server_exceptions=False) as client,
    ):
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
