"""A text cut into plain and marked pieces, for the templates to escape and highlight.

Pure: spans in, pieces out. Nothing here builds HTML, so the text of a scraped page can only
ever reach the browser through the templates' autoescaping.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tolltrace.model import Claim, Entity


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to highlight: a claim (kind "claim") or an entity mention (kind "entity")."""

    start: int
    end: int
    kind: str
    ref: str  # the claim's or entity's id, for the link
    css: str  # e.g. "cat-killed", "ent-person"
    title: str  # the tooltip: the figure and category, or the entity's name


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    mark: Mark | None = None


def claim_marks(claims: Iterable[Claim], raw: bool = False) -> list[Mark]:
    """Claims as marks at their clean-text offsets (or original offsets when `raw`)."""
    marks = []
    for claim in claims:
        start, end = (claim.raw_start, claim.raw_end) if raw else (claim.start, claim.end)
        low = "?" if claim.low is None else f"{claim.low:,}"
        high = "" if claim.high == claim.low else f"–{'' if claim.high is None else claim.high}"
        state = "" if claim.review == "unreviewed" else f", {claim.review}"
        title = f"{low}{high} {claim.category} ({claim.qualifier}{state})"
        marks.append(Mark(start, end, "claim", claim.id, f"cat-{claim.category}", title))
    return marks


def entity_marks(entities: Iterable[Entity], document: str) -> list[Mark]:
    """The mentions of `entities` in one document, as marks."""
    return [
        Mark(m.start, m.end, "entity", entity.id, f"ent-{entity.type}", entity.name)
        for entity in entities
        for m in entity.mentions
        if m.document == document
    ]


def pieces(text: str, marks: Sequence[Mark]) -> list[Piece]:
    """`text` cut at the marks; earlier marks in `marks` win over later ones they overlap."""
    starts: list[int] = []
    kept: list[Mark] = []
    for mark in marks:
        if not 0 <= mark.start < mark.end <= len(text):
            continue  # a span from another version of the text: never index out of it
        at = bisect_right(starts, mark.start)
        if at > 0 and kept[at - 1].end > mark.start:
            continue
        if at < len(kept) and kept[at].start < mark.end:
            continue
        starts.insert(at, mark.start)
        kept.insert(at, mark)
    result: list[Piece] = []
    position = 0
    for mark in kept:
        if mark.start > position:
            result.append(Piece(text[position : mark.start]))
        result.append(Piece(text[mark.start : mark.end], mark))
        position = mark.end
    if position < len(text):
        result.append(Piece(text[position:]))
    return result


def sentence_pieces(claim: Claim) -> list[Piece]:
    """The claim's sentence with its words marked (where the sentence contains them)."""
    at = claim.sentence.find(claim.text)
    if at < 0 or not claim.text:
        return [Piece(claim.sentence)]
    mark = Mark(at, at + len(claim.text), "claim", claim.id, f"cat-{claim.category}", "")
    return pieces(claim.sentence, [mark])
