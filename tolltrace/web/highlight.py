"""A text cut into plain and marked pieces, for the templates to escape and highlight.

Pure: spans in, pieces out. Nothing here builds HTML, so the text of a scraped page can only
ever reach the browser through the templates' autoescaping. Marks may overlap or nest (an
entity inside a claim, two claims sharing words): the text is cut at every mark boundary and
each piece carries every mark covering it, so the page is a flat run of elements, never one
link inside another, and well formed whatever the spans are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import quote

from tolltrace.model import Claim
from tolltrace.store.links import EntityMention

_PAGES = {"claim": "/claims/", "entity": "/entities/"}
_STYLES = {"claim": "hl", "entity": "ent"}


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
    """A run of the text and every mark covering all of it, outermost first (none: plain).

    `anchors` are the claims that begin here: the page's `#claim-{id}` targets, one each.
    """

    text: str
    marks: tuple[Mark, ...] = ()
    anchors: tuple[str, ...] = ()

    @property
    def mark(self) -> Mark | None:
        """The innermost mark: the one a click on the piece leads to."""
        return self.marks[-1] if self.marks else None

    @property
    def href(self) -> str:
        mark = self.mark
        return _PAGES[mark.kind] + quote(mark.ref, safe="") if mark else ""

    @property
    def classes(self) -> str:
        """The style of every covering mark: a claim's background under an entity's underline."""
        names = (name for m in self.marks for name in (_STYLES[m.kind], m.css))
        return " ".join(dict.fromkeys(names))

    @property
    def title(self) -> str:
        """The tooltip: every covering mark's title, the innermost first."""
        return " · ".join(dict.fromkeys(m.title for m in reversed(self.marks) if m.title))

    @property
    def anchor(self) -> str:
        """The claim id on the piece's own element: the claim it links to, if it begins here."""
        mark = self.mark
        if mark and mark.kind == "claim" and mark.ref in self.anchors:
            return mark.ref
        return ""

    @property
    def other_anchors(self) -> tuple[str, ...]:
        """Claims beginning here that the element does not link to: empty anchors before it."""
        return tuple(ref for ref in self.anchors if ref != self.anchor)


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


def entity_marks(mentions: Iterable[EntityMention]) -> list[Mark]:
    """Entity mentions as marks, titled with the entity's canonical name."""
    return [
        Mark(m.mention.start, m.mention.end, "entity", m.entity, f"ent-{m.type}", m.name)
        for m in mentions
    ]


def pieces(text: str, marks: Sequence[Mark]) -> list[Piece]:
    """`text` cut at every boundary of the marks that fit in it (others are left out).

    A piece's marks are ordered outermost first: the earlier start, then the longer span; of
    two marks on the same words the one earlier in `marks` is inner, so it is the link.
    """
    kept = [
        (index, mark)
        for index, mark in enumerate(marks)
        if 0 <= mark.start < mark.end <= len(text)  # a span of another version of the text
    ]
    kept.sort(key=lambda item: (item[1].start, -item[1].end, -item[0]))
    cuts = sorted({0, len(text)} | {m.start for _, m in kept} | {m.end for _, m in kept})
    result: list[Piece] = []
    active: list[Mark] = []
    upcoming = iter(kept)
    waiting = next(upcoming, None)
    for start, end in pairwise(cuts):
        active = [mark for mark in active if mark.end > start]
        opened: list[Mark] = []
        while waiting is not None and waiting[1].start == start:
            opened.append(waiting[1])
            waiting = next(upcoming, None)
        active += opened  # still outermost first: the marks active before began earlier
        anchors = tuple(dict.fromkeys(m.ref for m in reversed(opened) if m.kind == "claim"))
        result.append(Piece(text[start:end], tuple(active), anchors))
    return result


def sentence_pieces(claim: Claim) -> list[Piece]:
    """The claim's sentence with its words marked (where the sentence contains them)."""
    at = claim.sentence.find(claim.text)
    if at < 0 or not claim.text:
        return [Piece(claim.sentence)]
    mark = Mark(at, at + len(claim.text), "claim", claim.id, f"cat-{claim.category}", "")
    return pieces(claim.sentence, [mark])
