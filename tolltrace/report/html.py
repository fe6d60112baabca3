"""One event as a self-contained HTML page: figures, consensus, contradictions, sources, chart.

The page has no script and makes no request: styles are inline, the chart is inline SVG
(`tolltrace.report.chart`), and a Content-Security-Policy forbids anything else. Texts come
from hostile web pages, so the template escapes everything (autoescape on), and only http(s)
addresses become links. Each list shows at most `HTML_ROWS` rows and says how many more
there are, and quotes are cut to `QUOTE_LIMIT` characters: a page has a size bound whatever
the event holds (the findings export has every row).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from tolltrace import __version__
from tolltrace.model import Event, Figure, Finding
from tolltrace.reconcile.bodies import BodySizeDisagreement
from tolltrace.reconcile.quotes import excerpt
from tolltrace.reconcile.sources import SourceDocument
from tolltrace.report.chart import figures_chart_svg, source_colours
from tolltrace.report.words import (
    consensus_words,
    contradicted_claims,
    figure_label,
    figure_note,
    more_words,
)

__all__ = ["HTML_ROWS", "event_report_html", "events_index_html"]

HTML_ROWS = 200  # rows of each list of a report

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["figure_label"] = figure_label
    environment.filters["consensus"] = consensus_words
    environment.filters["safe_url"] = _safe_url
    environment.filters["quote"] = excerpt
    environment.filters["plural"] = plural
    environment.globals["version"] = __version__
    return environment


def plural(count: int, noun: str) -> str:
    """ "1 document", "2 documents"."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _safe_url(uri: str | None) -> str | None:
    """An address worth linking to: http(s) only (no javascript:, data: or file paths)."""
    if uri and uri.lower().startswith(("http://", "https://")) and '"' not in uri:
        return uri
    return None


def event_report_html(
    event: Event,
    findings: Sequence[Finding],
    documents: Mapping[str, SourceDocument],
    bodies: Sequence[BodySizeDisagreement] = (),
    originals: Mapping[str, str] | None = None,
) -> str:
    """The HTML report of one event (a whole page, one string).

    `originals`: document id -> a relative link to its original (an evidence package's copy),
    shown in the list of sources.
    """
    sections = []
    for finding in findings:
        figures = {figure.claim: figure for figure in finding.figures}
        contradicted = contradicted_claims(finding)
        shown = finding.contradictions[:HTML_ROWS]
        sections.append(
            {
                "finding": finding,
                "rows": [
                    (f, figure_note(f, finding, contradicted)) for f in finding.figures[:HTML_ROWS]
                ],
                "more_figures": _more(len(finding.figures), "figures", finding.event),
                "contradictions": [(c, figures.get(c.first), figures.get(c.second)) for c in shown],
                "more_contradictions": _more(
                    len(finding.contradictions), "contradictions", finding.event
                ),
                "support": finding.support[:HTML_ROWS],
                "more_support": _more(len(finding.support), "figures", finding.event),
                "sources": len({s for item in finding.support for s in item.sources}),
            }
        )
    used = {figure.document for finding in findings for figure in finding.figures}
    used.update(statement.document for body in bodies for statement in body.statements)
    listed = [documents[d] for d in sorted(used) if d in documents]
    template = _environment().get_template("event.html")
    return template.render(
        event=event,
        sections=sections,
        documents=listed[:HTML_ROWS],
        more_documents=_more(len(listed), "documents"),
        evidence=event.evidence[:HTML_ROWS],
        bodies=bodies[:HTML_ROWS],
        rows=HTML_ROWS,
        chart=Markup(figures_chart_svg(findings)),  # escaped where it is built
        colours=source_colours(findings),
        own_voice=_own_voice,
        originals=originals or {},
        document_link=lambda doc_id: _document_link(doc_id, documents),
    )


def _more(total: int, what: str, event: str | None = None) -> str:
    """What a list cut to `HTML_ROWS` leaves out, and where to find it; "" when nothing."""
    if total <= HTML_ROWS:
        return ""
    note = more_words(HTML_ROWS, total, what)
    return (
        f"{note}: `tolltrace findings --event {event[:12]} --format jsonl` has all"
        if event
        else note
    )


def _document_link(doc_id: str, documents: Mapping[str, SourceDocument]) -> Markup:
    """A link to the document's row in the page's list of sources, named by its title."""
    found = documents.get(doc_id)
    name = (found.title or found.outlet) if found is not None else doc_id[:8]
    return Markup('<a href="#doc-{0}" title="{0}">{1}</a>').format(doc_id, name)


def events_index_html(entries: Sequence[tuple[Event, Sequence[Finding]]]) -> str:
    """The index of a folder of event reports: each event with its figures, linking its page."""
    return _environment().get_template("index.html").render(entries=entries)


def _own_voice(figure: Figure) -> bool:
    return figure.attributed_to is None
