"""Reconciliation: for each event and category, every figure side by side and what they agree on.

`reconcile_event` makes one `Finding` per category present among an event's claims.

Figures
    Every claim's figure, with its qualifier, exact words, outlet, primary source (see
    `tolltrace.reconcile.sources`) and publication date, in publication order (the timeline):
    dated documents first by date, then undated ones; within a document, in text order.

What each figure allows (the schema's interval conventions, as whole numbers of people)
    ============== ========================== ============================================
    qualifier      claim                      allows
    ============== ========================== ============================================
    exact          12                         [12, 12]
    at_least       at least 1,000             [1000, ∞)
    more_than      more than 1,500            [1501, ∞)
    at_most        up to 12                   [0, 12]
    less_than      fewer than 10              [0, 9]
    approximately  an estimated 30,000        [27000, 33000]: ±10% (at least ±1), so
                                              "more than 30,000" agrees with it and "over
                                              33,700" does not
    range          between 200 and 300        [200, 300]
    vague          dozens (low 24)            [24, ∞)
    ============== ========================== ============================================

    Negated figures ("the ministry denied that 12 were killed") are shown but allow anything.

Counts that rise over time
    Early counts are often partial and later counts larger: that is news, not disagreement.
    A figure is *superseded* (`Figure.superseded_by`, the first later figure that updates it)
    when all of these hold: it is an exact count; the later figure is a count too (exact, at
    least or more than) whose smallest value is above it; the later document was published
    on a strictly later date (at the precision both dates share); and the two come from the
    same primary source or one of them is an outlet's own voice. A later, larger figure from
    a *different named* source (a ministry's 12, then a monitor's "at least 40") is a
    disagreement, and so is any decrease or any same-day difference.

Parts of the toll
    A figure that counts a part of the victims (one named person, police officers among the
    dead, "31 of the dead", one town "alone": see `tolltrace.reconcile.parts`) is no rival of
    the whole toll. It is shown with its reason (`Figure.part`), it bounds the consensus from
    below, and it contradicts a whole figure only by exceeding it. Counts are updated only by
    counts of the same kind (a part by a part, a whole by a whole).

Consensus and contradictions
    The consensus is the intersection of what the current (not superseded, not negated)
    whole figures allow, raised to the largest low of the current parts: `low`/`high`
    (`high` None = no upper bound; `low` 0 when nothing bounds it
    below). When the intersection is empty, `consistent` is False, `low`/`high` are None, and
    the contradictions are the pairs of current figures that cannot both hold (on a line, a
    set of intervals is empty exactly when some pair is, so pairs are the minimal conflicts).
    One pair is reported for each pair of distinct figures (the earliest claims stating
    them), with a reason that quotes both claims' words: "“over 33,700” is above “an
    estimated 30,000” (read as 27,000–33,000)".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from tolltrace.extract.numbers import find_counts
from tolltrace.model import CATEGORIES, Claim, Contradiction, Event, Figure, Finding
from tolltrace.reconcile.affiliations import NO_AFFILIATIONS, Affiliations
from tolltrace.reconcile.parts import part_reason
from tolltrace.reconcile.sources import (
    SourceDocument,
    SourceResolver,
    clean_attribution,
    outlet_name,
    resolver_for,
    source_support,
)

__all__ = [
    "APPROXIMATE_TOLERANCE",
    "allowed_interval",
    "count_words",
    "reconcile_event",
    "strictly_before",
]

APPROXIMATE_TOLERANCE = 0.10  # "about N" allows N ± 10% (at least ± 1)
_COUNTS = ("exact", "at_least", "more_than")  # qualifiers a later, updated count may have

Interval = tuple[int, int | None]  # low, high (None: no upper bound)


def allowed_interval(low: int | None, high: int | None, qualifier: str) -> Interval | None:
    """The whole numbers a figure allows, or None when it constrains nothing."""
    if low is None and high is None:
        return None
    if qualifier == "more_than" and low is not None:
        return (low + 1, None)
    if qualifier in ("at_least", "vague") and low is not None:
        return (low, high)
    if qualifier == "less_than" and high is not None:
        return (0, max(0, high - 1))
    if qualifier == "at_most" and high is not None:
        return (0, high)
    first = low if low is not None else high
    last = high if high is not None else low
    assert first is not None and last is not None
    if qualifier == "approximately":
        return (max(0, first - _tolerance(first)), last + _tolerance(last))
    return (min(first, last), max(first, last))


def _tolerance(value: int) -> int:
    return max(1, int(value * APPROXIMATE_TOLERANCE))


def strictly_before(first: str | None, second: str | None) -> bool:
    """True when date `first` ends before `second` begins, at the precision both share."""
    if not first or not second:
        return False
    shared = min(len(first), len(second))
    return first[:shared] < second[:shared]


def reconcile_event(
    event: Event,
    claims: Sequence[Claim],
    documents: Mapping[str, SourceDocument],
    affiliations: Affiliations = NO_AFFILIATIONS,
) -> list[Finding]:
    """One finding per category among the event's claims (those it lists or that name it)."""
    members = set(event.claims)
    chosen: dict[str, Claim] = {}
    for claim in claims:
        if (claim.id in members or claim.event == event.id) and claim.id not in chosen:
            chosen[claim.id] = claim
    if not chosen:
        return []
    outlets = {c.document: _document(c, documents).outlet for c in chosen.values()}
    resolver = resolver_for(list(chosen.values()), outlets, affiliations)
    by_category: dict[str, list[Claim]] = {}
    for claim in chosen.values():
        by_category.setdefault(claim.category, []).append(claim)
    order = {category: index for index, category in enumerate(CATEGORIES)}
    return [
        _finding(event.id, category, by_category[category], documents, resolver)
        for category in sorted(by_category, key=lambda c: (order.get(c, len(order)), c))
    ]


def _document(claim: Claim, documents: Mapping[str, SourceDocument]) -> SourceDocument:
    known = documents.get(claim.document)
    if known is not None:
        return known
    return SourceDocument(claim.document, claim.uri, outlet_name(claim.uri), None, None)


def _finding(
    event: str,
    category: str,
    claims: list[Claim],
    documents: Mapping[str, SourceDocument],
    resolver: SourceResolver,
) -> Finding:
    def timeline_key(claim: Claim) -> tuple[bool, str, str, int]:
        published = _document(claim, documents).published
        return (published is None, published or "", claim.document, claim.start)

    ordered = sorted(claims, key=timeline_key)
    figures = [_figure(claim, _document(claim, documents), resolver) for claim in ordered]
    if all(figure.part is not None for figure in figures):  # no whole: each is a whole
        figures = [replace(figure, part=None) for figure in figures]
    figures = _mark_updates(figures)
    current = [
        (figure, claim)
        for figure, claim in zip(figures, ordered, strict=True)
        if not figure.negated and figure.superseded_by is None
    ]
    bounded = [(f, c, i) for f, c in current if (i := _interval(f)) is not None]
    wholes = [(f, c, i) for f, c, i in bounded if f.part is None]
    parts = [(f, c, i) for f, c, i in bounded if f.part is not None]
    # A whole is at least as large as each of its parts: a part's low bounds it below.
    low = max((interval[0] for _, _, interval in bounded), default=None)
    highs = [interval[1] for _, _, interval in wholes if interval[1] is not None]
    high = min(highs) if highs else None
    contradictions = _contradictions(wholes) + _parts_above_wholes(parts, wholes)
    consistent = not contradictions
    if not consistent:
        low = high = None
    elif bounded and low is None:
        low = 0
    return Finding(
        event=event,
        category=category,
        figures=tuple(figures),
        low=low,
        high=high,
        consistent=consistent,
        contradictions=tuple(contradictions),
        support=source_support(figures, resolver.name),
    )


def _figure(claim: Claim, document: SourceDocument, resolver: SourceResolver) -> Figure:
    return Figure(
        claim=claim.id,
        document=claim.document,
        low=claim.low,
        high=claim.high,
        qualifier=claim.qualifier,
        text=claim.text,
        sentence=claim.sentence,
        attributed_to=claim.attributed_to,
        outlet=document.outlet,
        primary_source=resolver.primary_source(claim, document.outlet),
        published=document.published,
        negated=claim.negated,
        part=part_reason(claim),
    )


def _interval(figure: Figure) -> Interval | None:
    return allowed_interval(figure.low, figure.high, figure.qualifier)


def _own_voice(figure: Figure) -> bool:
    cleaned = clean_attribution(figure.attributed_to)
    return cleaned is None or cleaned.unnamed


def _updates(earlier: Figure, later: Figure) -> bool:
    """True when `later` is a larger count that updates `earlier` (see the module doc)."""
    if earlier.negated or later.negated or earlier.qualifier != "exact":
        return False
    if earlier.part != later.part:
        return False  # a count of a part is never updated by a count of the whole
    if later.qualifier not in _COUNTS or not strictly_before(earlier.published, later.published):
        return False
    before, after = _interval(earlier), _interval(later)
    if before is None or after is None or before[1] is None or after[0] <= before[1]:
        return False
    same_source = earlier.primary_source == later.primary_source
    return same_source or _own_voice(earlier) or _own_voice(later)


def _mark_updates(figures: list[Figure]) -> list[Figure]:
    marked = []
    for index, figure in enumerate(figures):
        update = next((later for later in figures[index + 1 :] if _updates(figure, later)), None)
        if update is not None:
            figure = replace(figure, superseded_by=update.claim)
        marked.append(figure)
    return marked


def _contradictions(bounded: list[tuple[Figure, Claim, Interval]]) -> list[Contradiction]:
    found: list[Contradiction] = []
    seen: set[tuple[Interval, Interval]] = set()
    for index, (first, first_claim, a) in enumerate(bounded):
        for second, second_claim, b in bounded[index + 1 :]:
            if not _disjoint(a, b):
                continue
            pair = (min(a, b, key=_sort), max(a, b, key=_sort))
            if pair in seen:
                continue
            seen.add(pair)
            found.append(
                Contradiction(first.claim, second.claim, _reason(first_claim, a, second_claim, b))
            )
    return found


def _parts_above_wholes(
    parts: list[tuple[Figure, Claim, Interval]], wholes: list[tuple[Figure, Claim, Interval]]
) -> list[Contradiction]:
    """A part that alone exceeds what a whole figure allows: "31 died there" against "23"."""
    found = []
    seen: set[tuple[Interval, Interval]] = set()
    for part, part_claim, a in parts:
        for whole, whole_claim, b in wholes:
            if b[1] is not None and a[0] > b[1] and (a, b) not in seen:
                seen.add((a, b))  # one pair per pair of figures, like the wholes
                reason = (
                    f"{_quote(part_claim, a)} ({part.part}) is above the whole "
                    f"{_quote(whole_claim, b)}"
                )
                found.append(Contradiction(part.claim, whole.claim, reason))
    return found


def _sort(interval: Interval) -> tuple[int, float]:
    return (interval[0], float("inf") if interval[1] is None else interval[1])


def _disjoint(a: Interval, b: Interval) -> bool:
    return (a[1] is not None and a[1] < b[0]) or (b[1] is not None and b[1] < a[0])


def _reason(first: Claim, a: Interval, second: Claim, b: Interval) -> str:
    relation = "above" if a[1] is None or (b[1] is not None and a[0] > b[1]) else "below"
    return f"{_quote(first, a)} is {relation} {_quote(second, b)}"


def _quote(claim: Claim, interval: Interval) -> str:
    words = count_words(claim)
    quoted = f"“{words}”"
    if claim.qualifier == "approximately":
        quoted += f" (read as {interval[0]:,}–{interval[1]:,})" if interval[1] is not None else ""
    return quoted


def count_words(claim: Claim) -> str:
    """The claim's own words for its number ("an estimated 30,000"), else all its words."""
    counts = find_counts(claim.text)
    for count in counts:
        if (count.low, count.high, count.qualifier) == (claim.low, claim.high, claim.qualifier):
            return count.text
    for count in counts:
        if count.low == claim.low or count.high == claim.high:
            return count.text
    return claim.text
