"""Reports: the terminal tables, the HTML page (escaped, no script) and the SVG chart.

Fictional: the Harbour Square killings in the Republic of Veloria.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

from rich.console import Console

from tolltrace.extract.bodies import find_body_sizes
from tolltrace.model import Claim, Event
from tolltrace.reconcile.bodies import reconcile_body_sizes
from tolltrace.reconcile.findings import reconcile_event
from tolltrace.reconcile.sources import SourceDocument
from tolltrace.report.chart import figures_chart_svg
from tolltrace.report.html import event_report_html
from tolltrace.report.terminal import render_event_report, render_events_overview

EVENT_ID = "ev-harbour-0001"
DOCUMENTS = {
    "vrw": SourceDocument("vrw", "https://vrw.example/r", "Veloria Rights Watch", "2031-03-15"),
    "wire": SourceDocument("wire", "javascript:alert(1)", "velwire.example", "2031-03-16"),
    "gov": SourceDocument("gov", "https://gov.example/c", "gov.example", "2031-03-15"),
    "blog": SourceDocument("blog", "/scrapes/blog.txt", "Harbour Blog", None),
}
HOSTILE = "at least 40 <script>alert('x')</script> [bold]people[/bold] were killed"


def claim(claim_id: str, document: str, text: str, low: int, high: int | None,
          qualifier: str, source: str | None, *, negated: bool = False) -> Claim:  # fmt: skip
    return Claim(
        id=claim_id, document=document, uri=DOCUMENTS[document].uri, text=text,
        sentence=f"In Port Selvan, {text}.", start=0, end=len(text), raw_start=0,
        raw_end=len(text), low=low, high=high, qualifier=qualifier, category="killed",
        subject="people", event=EVENT_ID, attributed_to=source, negated=negated,
    )  # fmt: skip


CLAIMS = [
    claim("c-vrw", "vrw", HOSTILE, 40, None, "at_least", None),
    claim("c-wire", "wire", "at least 40 people were killed", 40, None, "at_least",
          "Veloria Rights Watch"),
    claim("c-gov", "gov", "12 people died", 12, 12, "exact", "Interior Ministry"),
    claim("c-blog", "blog", "about 50 people were killed", 50, 50, "approximately", None),
    claim("c-neg", "gov", "40 people were killed", 40, 40, "exact", "Interior Ministry",
          negated=True),
]  # fmt: skip
EVENT = Event(
    id=EVENT_ID, label="the Harbour Square killings", type="killed", when="2031-03-14",
    where="Port Selvan", documents=tuple(DOCUMENTS), claims=tuple(c.id for c in CLAIMS),
)  # fmt: skip
FINDINGS = reconcile_event(EVENT, CLAIMS, DOCUMENTS)
BODIES = reconcile_body_sizes(
    {
        "vrw": find_body_sizes("A commission of three officials ordered the shooting."),
        "gov": find_body_sizes("The commission, made up of four officers, met at noon."),
    },
    DOCUMENTS,
)


def test_html_escapes_hostile_text_and_has_no_script() -> None:
    page = event_report_html(EVENT, FINDINGS, DOCUMENTS, BODIES)
    assert "<script" not in page
    assert "&lt;script&gt;alert(" in page
    assert "javascript:" not in page.replace("javascript:alert(1)</td>", "")
    assert 'href="javascript' not in page
    assert 'href="https://vrw.example/r"' in page
    assert "<svg" in page and "Content-Security-Policy" in page
    assert not re.search(r"(?:src|href)=\"https?://(?!vrw|gov)", page)  # no external requests


def test_html_shows_consensus_contradictions_sources_and_bodies() -> None:
    page = event_report_html(EVENT, FINDINGS, DOCUMENTS, BODIES)
    assert "no consistent figure" in page
    assert "is above" in page or "is below" in page
    assert "In Port Selvan, 12 people died." in page  # the quote of a contradicting claim
    assert "Veloria Rights Watch" in page and "velwire.example" in page
    assert "Body sizes that disagree" in page and "“commission of three officials”" in page
    assert "stated as 3 and 4 members" in page


def test_chart_draws_one_series_per_source() -> None:
    svg = figures_chart_svg(FINDINGS)
    root = ElementTree.fromstring(svg)  # well-formed, escaped
    namespace = "{http://www.w3.org/2000/svg}"
    series = [g for g in root.iter(f"{namespace}g") if g.get("class") == "series"]
    sources = {figure.primary_source for figure in FINDINGS[0].figures}
    assert len(series) == len(sources) == 3  # the monitor (relayed by the wire), ministry, blog
    assert {g.get("data-source") for g in series} == sources
    legend = [g for g in root.iter(f"{namespace}g") if g.get("class") == "legend"]
    assert len(legend) == 1 and len(list(legend[0].iter(f"{namespace}rect"))) == len(sources)
    colours = {g.get("fill") for g in series}
    assert len(colours) == len(sources)
    assert "undated" in svg  # the blog has no date
    assert "<script" not in svg


def test_chart_of_nothing_is_still_an_svg() -> None:
    svg = figures_chart_svg([])
    assert svg.startswith("<svg") and "No figures." in svg
    ElementTree.fromstring(svg)


def test_terminal_report_shows_figures_contradictions_and_sources() -> None:
    console = Console(record=True, width=160, color_system=None)
    render_event_report(EVENT, FINDINGS, console, BODIES)
    text = console.export_text()
    assert "the Harbour Square killings" in text
    assert "no consistent figure" in text
    assert "contradictions" in text and "“12” is below “at least 40”" in text
    assert "independent sources" in text
    assert "[bold]people[/bold]" in text  # page text is never read as markup
    assert "velwire.example" in text  # the wire relays the monitor
    assert "body sizes that disagree" in text and "commission of three officials" in text


def test_terminal_overview() -> None:
    console = Console(record=True, width=140, color_system=None)
    render_events_overview([EVENT], FINDINGS, console)
    text = console.export_text()
    assert "1 events" in text and "ev-harbo" in text
    assert "killed: no consistent figure" in text
    assert "contradiction" in text
