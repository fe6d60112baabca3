"""End to end in a real browser: Playwright driving Debian's chromium against `tolltrace serve`.

The app runs in uvicorn on a free local port over a temporary store of the fictional corpus
(tests/web_support.py), which includes a hostile page with script payloads. Screenshots of
the main pages go to $TOLLTRACE_SCREENSHOTS (default build/screenshots/) for a person to see.
With CI set, a missing chromium fails these tests instead of skipping them.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import BACKENDS
from tests.web_support import PASSWORD, fill_store
from tolltrace.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = Path(os.environ.get("TOLLTRACE_SCREENSHOTS", "build/screenshots"))
pytestmark = pytest.mark.e2e

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: .ci/run installs it (apt-get install chromium)")
    pytest.skip(f"{CHROMIUM} is not installed", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def _serving(db: Path | str) -> Iterator[str]:
    """The app over `db` in uvicorn on a free local port, for as long as the block runs."""
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline, "the app did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module", params=BACKENDS)
def site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, dict[str, str]]]:
    """The app over the fictional corpus, in a SQLite file or a PostgreSQL database."""
    work = tmp_path_factory.mktemp("e2e")
    location = str(work / "e2e.db")
    if request.param == "postgresql":
        cluster = request.getfixturevalue("pg_cluster")
        location = cluster.url(cluster.new_database())
    ids = fill_store(location, work)
    with _serving(location) as base:
        yield base, ids


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    yield opened
    context.close()


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _sign_in(page: Any, base: str, name: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_url(f"{base}/search")


def test_an_analyst_corrects_a_figure_and_sees_it_everywhere(
    page: Any, site: tuple[str, dict[str, str]]
) -> None:
    base, ids = site
    page.goto(f"{base}/search")
    assert page.url.startswith(f"{base}/login")
    _shot(page, "01-login")
    _sign_in(page, base, "ana")
    page.fill("#q", "students")
    page.press("#q", "Enter")
    page.wait_for_selector(f"a.doc-hit[href='/documents/{ids['koss']}']")
    _shot(page, "02-search")
    page.click(f"a.doc-hit[href='/documents/{ids['koss']}']")
    mark = page.locator(f"#claim-{ids['claim']}")
    assert mark.inner_text() == "40 students outside"
    assert "hl" in (mark.get_attribute("class") or "")
    _shot(page, "03-document")
    mark.click()
    page.wait_for_url(f"{base}/claims/{ids['claim']}")
    page.fill("#f-low", "43")
    page.fill("#f-high", "43")
    page.fill("#f-reason", "recounted from the Monitor's list")
    page.click("#do-correct")
    page.wait_for_url(f"{base}/claims/{ids['claim']}#review")
    assert page.locator("#claim-count").inner_text() == "43"
    assert "recounted from the Monitor's list" in page.locator("#review-history").inner_text()
    _shot(page, "04-claim-corrected")
    page.click("#claim-event")
    figure = page.locator(f"#figure-{ids['claim']} .figure-value").inner_text()
    assert figure.startswith("43") and "40" in figure  # the correction, and what it replaced
    _shot(page, "05-event")
    export = page.request.get(f"{base}/api/export/claims.jsonl?document={ids['koss']}")
    rows = [json.loads(line) for line in export.text().splitlines()]
    row = next(r for r in rows if r["id"] == ids["claim"])
    assert (row["low"], row["review"], row["reviewed_by"]) == (43, "corrected", "ana")
    page.goto(f"{base}/queue")
    _shot(page, "06-queue")
    page.goto(f"{base}/entities/{ids['entity']}")
    _shot(page, "07-entity")
    page.click("#logout")
    page.wait_for_url(f"{base}/login")
    page.goto(f"{base}/claims/{ids['claim']}")
    assert page.url.startswith(f"{base}/login")


def test_a_viewer_cannot_review(page: Any, site: tuple[str, dict[str, str]]) -> None:
    base, ids = site
    _sign_in(page, base, "vic")
    page.goto(f"{base}/claims/{ids['other_claim']}")
    assert page.locator("#review-form").count() == 0
    assert "analyst role" in page.locator("#no-review").inner_text()
    csrf = page.locator("input[name=csrf]").first.get_attribute("value")
    answer = page.request.post(
        f"{base}/claims/{ids['other_claim']}/review",
        form={"csrf": csrf, "version": "0", "action": "confirm"},
    )
    assert answer.status == 403


def test_a_form_without_its_csrf_token_is_refused(
    page: Any, site: tuple[str, dict[str, str]]
) -> None:
    base, ids = site
    _sign_in(page, base, "bo")
    page.goto(f"{base}/claims/{ids['other_claim']}")
    page.evaluate("document.querySelector('#review-form input[name=csrf]').remove()")
    page.fill("#f-reason", "no token")
    with page.expect_navigation():
        page.click("#do-confirm")
    assert "CSRF" in page.content()
    page.goto(f"{base}/claims/{ids['other_claim']}")
    assert "No decision yet." in page.locator("#review-history").inner_text()


def test_a_hostile_document_renders_inert(page: Any, site: tuple[str, dict[str, str]]) -> None:
    base, ids = site
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith((base, "data:", "about:"))
            else None
        ),
    )
    _sign_in(page, base, "vic")
    page.goto(f"{base}/documents/{ids['hostile']}")
    _shot(page, "08-hostile-clean")
    page.goto(f"{base}/documents/{ids['hostile']}?view=original")
    frame_element = page.wait_for_selector("#original-frame")
    assert frame_element.get_attribute("sandbox") == ""
    frame = frame_element.content_frame()
    assert frame is not None
    frame.wait_for_load_state()
    assert "Harbour Square" in frame.inner_text("body")  # the page is there ...
    page.wait_for_timeout(500)  # ... give any payload the time to fire
    _shot(page, "09-hostile-original")
    assert dialogs == []
    assert page.evaluate("window.__pwned === undefined")
    assert frame.evaluate("window.__pwned === undefined")
    assert page.title() != "pwned"
    assert outside == []


def test_entities_are_underlined_links_apart_from_claims(
    page: Any, site: tuple[str, dict[str, str]]
) -> None:
    base, ids = site
    _sign_in(page, base, "vic")
    page.goto(f"{base}/documents/{ids['koss']}")
    monitor = page.locator("#document-text a[href='/entities/org-monitor']")
    assert monitor.inner_text() == "Valdorian Rights Monitor"
    assert monitor.get_attribute("title") == "Valdorian Rights Monitor"
    underline = "e => getComputedStyle(e).textDecorationLine"
    assert monitor.evaluate(underline) == "underline"
    assert page.locator(f"#claim-{ids['claim']}").evaluate(underline) == "none"
    place = page.locator("#document-text a[href='/entities/place-koss']")
    style = "e => getComputedStyle(e).textDecorationStyle"
    assert (monitor.evaluate(style), place.evaluate(style)) == ("dashed", "dotted")
    _shot(page, "10-document-entities")
    monitor.click()
    page.wait_for_url(f"{base}/entities/org-monitor")


def test_repeated_failed_sign_ins_get_a_clear_refusal(
    page: Any, tmp_path: Path, db_location: str
) -> None:
    # A server of its own: its failed sign-ins from 127.0.0.1 must not lock out the others.
    fill_store(db_location, tmp_path)
    with _serving(db_location) as base:
        for _ in range(5):
            page.goto(f"{base}/login")
            page.fill("input[name=name]", "ana")
            page.fill("input[name=password]", "not the password")
            page.click("#login-form button[type=submit]")
            assert "wrong name or password" in page.locator(".error").inner_text()
        page.fill("input[name=password]", PASSWORD)
        page.click("#login-form button[type=submit]")
        refusal = page.locator(".error").inner_text()
        assert refusal.startswith("Too many failed sign-ins") and "15 minutes" in refusal
        _shot(page, "11-sign-in-refused")
        assert page.url == f"{base}/login"


def test_a_direction_override_cannot_reorder_a_claims_words(page: Any) -> None:
    # Regression (issue 21, item 11): a right-to-left override before a claim reversed the
    # order in which its highlighted words were drawn.
    from tolltrace.web.context import templates
    from tolltrace.web.highlight import Mark, pieces

    text = "Witnesses \u202esaid that guards killed 12 dockers at dawn."
    at = text.index("killed 12 dockers")
    mark = Mark(at, at + len("killed 12 dockers"), "claim", "c1", "cat-killed", "12 killed")
    macro = templates.env.get_template("macros.html").module.pieces_html  # type: ignore[attr-defined]
    page.set_content(f"<!doctype html><p id='t'>{macro(pieces(text, [mark]))}</p>")
    lefts = page.evaluate(
        """() => {
          const mark = document.querySelector('#t a');
          const node = mark.firstChild.firstChild || mark.firstChild;  // in its <bdi>, or not
          return ['killed', '12', 'dockers'].map(word => {
            const range = document.createRange();
            const at = node.data.indexOf(word);
            range.setStart(node, at);
            range.setEnd(node, at + word.length);
            return range.getBoundingClientRect().left;
          });
        }"""
    )
    assert lefts == sorted(lefts), lefts  # drawn left to right, as written
