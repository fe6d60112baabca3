"""The victim pages in a real browser (Playwright driving Debian's chromium): the list, a
filter, one victim with its mentions and the evidence of its merge. Fictional people."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.test_browser import _serving, _shot, _sign_in, browser, page  # noqa: F401
from tests.test_web_victims import _fill
from tests.web_support import fill_store

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def victim_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work = tmp_path_factory.mktemp("e2e-victims")
    ids = fill_store(work / "victims.db", work)
    _fill(work / "victims.db", ids["koss"], ids["tarn"])
    with _serving(work / "victims.db") as base:
        yield base


def test_a_viewer_finds_a_victim_and_why_the_mentions_are_one_person(
    page: Any,  # noqa: F811
    victim_site: str,
) -> None:
    base = victim_site
    _sign_in(page, base, "vic")
    page.click("nav a[href='/victims']")
    page.wait_for_url(f"{base}/victims")
    rows = page.locator("table.victims tbody tr")
    assert rows.count() == 2
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    assert "<script>alert('x')</script> Arven" in rows.nth(1).inner_text()  # shown, not run
    page.select_option("select[name=fate]", "killed")
    page.click("form.search button")
    page.wait_for_url(f"{base}/victims?q=&fate=killed")
    assert page.locator("table.victims tbody tr").count() == 1
    _shot(page, "20-victims")
    page.click("text=Mohammad Pour-Mohammadi")
    page.wait_for_url(f"{base}/victims/v-pour")
    mentions = page.locator("#victim-mentions tbody tr")
    assert mentions.count() == 2
    assert "Velisk Rights Watch" in mentions.nth(0).inner_text()
    assert "name +16.1" in page.locator("#victim-evidence").inner_text()
    assert dialogs == []
    _shot(page, "21-victim")
