"""What a first-time user of the review app found (issue 21), each fixed and guarded here.

Fictional corpus from tests/web_support.py.
"""

from __future__ import annotations

import re

from tests.web_support import signed_in, template_fixture, web_fixture, well_formed  # noqa: F401
from tolltrace import __version__
from tolltrace.web.context import display_title


def test_the_claim_page_footer_names_the_version(web: tuple) -> None:
    client, ids, _ = web
    signed_in(client, "vic")
    page = client.get(f"/claims/{ids['claim']}").text
    assert f"tolltrace {__version__} ·" in page  # was "tolltrace 0": the review version


def test_an_empty_decision_list_says_so_once(web: tuple) -> None:
    client, ids, _ = web
    csrf = signed_in(client, "ana")
    page = client.get(f"/claims/{ids['claim']}").text
    assert "No decision yet." in page
    assert "Decisions (0)" not in page and "None yet" not in page
    client.post(
        f"/claims/{ids['claim']}/review",
        data={"action": "confirm", "version": "0", "csrf": csrf},
    )
    reviewed = client.get(f"/claims/{ids['claim']}").text
    assert "Decisions (1)" in reviewed and "No decision yet." not in reviewed


def test_the_event_page_shows_each_figures_qualifier(web: tuple) -> None:
    client, ids, _ = web
    signed_in(client, "vic")
    page = client.get(f"/events/{ids['event']}").text
    table = page.split('<table class="figures">')[1].split("</table>")[0]
    assert "<th>qualifier</th>" in table
    claim = client.get(f"/api/claims/{ids['claim']}").json()["claim"]
    row = table.split(f'id="figure-{ids["claim"]}"')[1].split("</tr>")[0]
    assert f'<td class="qualifier">{claim["qualifier"]}</td>' in row


def test_documents_are_shown_by_title_with_the_id_on_hover(web: tuple) -> None:
    client, ids, _ = web
    signed_in(client, "vic")
    koss = ids["koss"]
    for url in (f"/events/{ids['event']}", f"/entities/{ids['entity']}", "/search?q=students"):
        page = client.get(url).text
        well_formed(page.split("<main>")[1].split("</main>")[0])
        assert f'class="doc-link" title="{koss}">koss.txt</a>' in page, url
        assert f">{koss[:10]}<" not in page, url


def test_a_title_is_shown_without_its_url() -> None:
    assert display_title("Koss police detain 40 https://koss.example/a?b=1", "x.txt") == (
        "Koss police detain 40"
    )
    assert display_title("https://koss.example/a", "/c/koss.txt") == "koss.txt"
    assert display_title(None, "https://www.koss.example/2031/police") == "koss.example/2031/police"


def test_the_review_form_offers_events_by_name(web: tuple) -> None:
    client, ids, _ = web
    signed_in(client, "ana")
    page = client.get(f"/claims/{ids['claim']}").text
    choices = page.split('<datalist id="event-choices">')[1].split("</datalist>")[0]
    assert f'<option value="{ids["event"]}">Koss university detentions, May 2031' in choices
    assert 'list="event-choices"' in page


def test_lists_show_mention_counts_and_headline_figures(web: tuple) -> None:
    client, ids, _ = web
    signed_in(client, "vic")
    entities = client.get("/entities").text
    assert "<th>mentions</th>" in entities
    row = entities.split(f'href="/entities/{ids["entity"]}"')[1].split("</tr>")[0]
    assert '<td class="num">1</td>' in row
    events = client.get("/events").text
    cell = events.split('<td class="headline">')[1].split("</td>")[0]
    assert "detained" in cell and re.search(r"12 to 40, contradictory", cell), cell


def test_the_favicon_is_served(web: tuple) -> None:
    client, _, _ = web
    assert client.head("/favicon.ico").status_code == 200
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    assert icon.headers["X-Content-Type-Options"] == "nosniff"
