"""Findings in words, shared by the terminal and HTML reports and the chart."""

from __future__ import annotations

from collections.abc import Container

from tolltrace.model import Figure, Finding
from tolltrace.reconcile.sources import figure_words

__all__ = [
    "consensus_words",
    "contradicted_claims",
    "figure_label",
    "figure_note",
    "interval_words",
    "more_words",
]


def interval_words(low: int | None, high: int | None) -> str:
    """An interval of people: "40", "41–49", "40 or more", "at most 12"."""
    if low is None and high is None:
        return "any number"
    if high is None:
        return f"{low:,} or more"
    if low is None or low == 0:
        return f"at most {high:,}" if low is None or high > 0 else "0"
    return f"{low:,}" if low == high else f"{low:,}–{high:,}"


def consensus_words(finding: Finding) -> str:
    """What every current figure of a finding allows, or that no figure is consistent."""
    if not finding.consistent:
        return "no consistent figure"
    if finding.low is None and finding.high is None:
        return "no figure constrains it"
    return interval_words(finding.low, finding.high)


def figure_label(figure: Figure) -> str:
    """A figure in words with its qualifier: "at least 40", "about 30,000", "12"."""
    return figure_words(figure.low, figure.high, figure.qualifier)


def contradicted_claims(finding: Finding) -> set[str]:
    """The claims of a finding's figures that some contradiction names."""
    return {claim for c in finding.contradictions for claim in (c.first, c.second)}


def figure_note(
    figure: Figure, finding: Finding, contradicted: Container[str] | None = None
) -> str:
    """Why a figure reads differently: denied, updated later, or part of a contradiction.

    `contradicted` is `contradicted_claims(finding)`, given once for a whole table."""
    notes = []
    if figure.negated:
        notes.append("denied or disputed in the text")
    if figure.part is not None:
        notes.append(f"part: {figure.part}")
    if figure.superseded_by is not None:
        notes.append("updated by a later count")
    if figure.contradicts:
        others = figure.contradicts
        notes.append(f"contradicted by {others:,} other figure{'s' if others != 1 else ''}")
    elif figure.claim in (
        contradicted if contradicted is not None else contradicted_claims(finding)
    ):
        notes.append("contradicted")
    return "; ".join(notes)


def more_words(shown: int, total: int, what: str) -> str:
    """The note under a list cut to a page: "350 more figures not shown (400 in all)"."""
    return f"{total - shown:,} more {what} not shown ({total:,} in all)"
