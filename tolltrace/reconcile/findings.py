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
    the contradictions are pairs of current figures that cannot both hold (on a line, a set
    of intervals is empty exactly when some pair is, so pairs are the minimal conflicts).

    n distinct figures may make n(n-1)/2 such pairs (one sentence listing 400 different
    tolls), so each distinct figure is set only against its nearest rivals: the figure just
    below it (the largest upper bound under its low) and the one just above it (the
    smallest low over its upper bound), each stated by its earliest claim. That is at most
    two pairs per distinct figure, every figure in a conflict is in one, and the others
    follow on the line: "12" below "40" below "at least 112". `Figure.contradicts` counts
    every distinct figure a figure cannot hold with. Each pair has a reason that quotes both
    claims' words: "“over 33,700” is above “an estimated 30,000” (read as 27,000–33,000)".
    A figure's sentence is quoted within `QUOTE_LIMIT` characters (`tolltrace.reconcile.quotes`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import replace

from tolltrace.extract.numbers import find_counts
from tolltrace.model import CATEGORIES, Claim, Contradiction, Event, Figure, Finding
from tolltrace.reconcile.affiliations import NO_AFFILIATIONS, Affiliations
from tolltrace.reconcile.parts import SUPERSET, part_reason
from tolltrace.reconcile.quotes import excerpt
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
        _finding(event, category, by_category[category], documents, resolver)
        for category in sorted(by_category, key=lambda c: (order.get(c, len(order)), c))
    ]


def _document(claim: Claim, documents: Mapping[str, SourceDocument]) -> SourceDocument:
    known = documents.get(claim.document)
    if known is not None:
        return known
    return SourceDocument(claim.document, claim.uri, outlet_name(claim.uri), None, None)


def _finding(
    event: Event,
    category: str,
    claims: list[Claim],
    documents: Mapping[str, SourceDocument],
    resolver: SourceResolver,
) -> Finding:
    def timeline_key(claim: Claim) -> tuple[bool, str, str, int]:
        published = _document(claim, documents).published
        return (published is None, published or "", claim.document, claim.start)

    ordered = sorted(claims, key=timeline_key)
    figures = [
        _figure(claim, _document(claim, documents), resolver, event.when) for claim in ordered
    ]
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
    parts = [(f, c, i) for f, c, i in bounded if f.part is not None and f.part != SUPERSET]
    supersets = [(f, c, i) for f, c, i in bounded if f.part == SUPERSET]
    # A whole is at least as large as each of its parts (a part's low bounds it below) and at
    # most as large as a total over it and other events (a superset's high bounds it above).
    low = max((interval[0] for _, _, interval in (*wholes, *parts)), default=None)
    highs = [interval[1] for _, _, interval in (*wholes, *supersets) if interval[1] is not None]
    high = min(highs) if highs else None
    contradictions, defied = _contradictions(wholes, parts)
    contradictions += _superset_contradictions([*wholes, *parts], supersets, defied)
    if defied:
        figures = [replace(f, contradicts=defied.get(f.claim, 0)) for f in figures]
    consistent = not contradictions
    if not consistent:
        low = high = None
    elif bounded and low is None:
        low = 0
    return Finding(
        event=event.id,
        category=category,
        figures=tuple(figures),
        low=low,
        high=high,
        consistent=consistent,
        contradictions=tuple(contradictions),
        support=source_support(figures, resolver.name),
    )


def _superset_contradictions(
    wholes: list[Bounded], supersets: list[Bounded], defied: dict[str, int]
) -> list[Contradiction]:
    """A total over this and other events that is smaller than a figure of this one alone:
    each superset against the figure with the largest low that exceeds it."""
    found = []
    for _, claim, interval in supersets:
        if interval[1] is None:
            continue
        above = [(i[0], f, c, i) for f, c, i in wholes if i[0] > interval[1]]
        if not above:
            continue
        _, whole, whole_claim, whole_interval = max(above, key=lambda item: item[0])
        defied[claim.id] = defied.get(claim.id, 0) + len(above)
        for _, _, other, _ in above:
            defied[other.id] = defied.get(other.id, 0) + 1
        reason = (
            f"{_quote(claim, interval)} ({SUPERSET}) is below the whole "
            f"{_quote(whole_claim, whole_interval)}"
        )
        found.append(Contradiction(claim.id, whole.claim, reason))
    return found


def _figure(
    claim: Claim, document: SourceDocument, resolver: SourceResolver, event_when: str | None
) -> Figure:
    return Figure(
        claim=claim.id,
        document=claim.document,
        low=claim.low,
        high=claim.high,
        qualifier=claim.qualifier,
        text=claim.text,
        sentence=excerpt(claim.sentence, claim.text),
        attributed_to=claim.attributed_to,
        outlet=document.outlet,
        primary_source=resolver.primary_source(claim, document.outlet),
        published=document.published,
        negated=claim.negated,
        part=part_reason(claim, event_when, document.published),
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
    # Figures of one date never update each other: the search for an update starts after
    # them, so hundreds of figures of one day cost no pairs.
    later_date = [len(figures)] * len(figures)
    for index in range(len(figures) - 2, -1, -1):
        same = figures[index].published == figures[index + 1].published
        later_date[index] = later_date[index + 1] if same else index + 1
    marked = []
    for index, figure in enumerate(figures):
        candidates = () if figure.published is None else figures[later_date[index] :]
        update = next((later for later in candidates if _updates(figure, later)), None)
        if update is not None:
            figure = replace(figure, superseded_by=update.claim)
        marked.append(figure)
    return marked


Bounded = tuple[Figure, Claim, Interval]


def _contradictions(
    wholes: list[Bounded], parts: list[Bounded]
) -> tuple[list[Contradiction], dict[str, int]]:
    """The pairs of nearest rivals, and how many distinct figures each claim's figure defies."""
    whole_line, part_line = _Line(wholes), _Line(parts)
    conflicts: dict[tuple[bool, Interval], int] = {}
    pairs: set[tuple[Interval, Interval]] = set()
    part_pairs: set[tuple[Interval, Interval]] = set()  # (part, whole)
    for interval in whole_line.first:
        below_count, below = whole_line.below(interval[0])
        above_count, above = whole_line.above(interval[1])
        over_count, over = part_line.above(interval[1])  # parts larger than this whole
        conflicts[(False, interval)] = below_count + above_count + over_count
        for rival in (below, above):
            if rival is not None:
                pairs.add((min(interval, rival, key=_sort), max(interval, rival, key=_sort)))
        if over is not None:
            part_pairs.add((over, interval))
    for interval in part_line.first:
        under_count, under = whole_line.below(interval[0])  # wholes it alone exceeds
        conflicts[(True, interval)] = under_count
        if under is not None:
            part_pairs.add((interval, under))
    found = [_whole_pair(whole_line.first[a], whole_line.first[b]) for a, b in pairs]
    found.sort(key=lambda item: item[0])
    part_found = sorted(
        (
            part_line.first[p][0],
            whole_line.first[w][0],
            _part_pair(part_line.first[p], whole_line.first[w]),
        )
        for p, w in part_pairs
    )
    counts = {
        claim.id: count
        for figure, claim, interval in (*wholes, *parts)
        if (count := conflicts[(figure.part is not None, interval)])
    }
    return [c for _, c in found] + [c for _, _, c in part_found], counts


_Stated = tuple[int, Figure, Claim, Interval]  # timeline position, the earliest figure stating it


class _Line:
    """Distinct intervals sorted by their ends, to find the nearest one below or above a number."""

    def __init__(self, bounded: list[Bounded]) -> None:
        self.first: dict[Interval, _Stated] = {}
        for index, (figure, claim, interval) in enumerate(bounded):
            self.first.setdefault(interval, (index, figure, claim, interval))
        closed = sorted(
            (high, stated[0], interval)
            for interval, stated in self.first.items()
            if (high := interval[1]) is not None
        )
        self._highs = [high for high, _, _ in closed]
        self._by_high = [interval for _, _, interval in closed]
        opened = sorted(
            (interval[0], stated[0], interval) for interval, stated in self.first.items()
        )
        self._lows = [low for low, _, _ in opened]
        self._by_low = [interval for _, _, interval in opened]

    def below(self, value: int) -> tuple[int, Interval | None]:
        """How many intervals end under `value`, and the nearest (the earliest stated of ties)."""
        count = bisect_left(self._highs, value)
        if not count:
            return 0, None
        return count, self._by_high[bisect_left(self._highs, self._highs[count - 1])]

    def above(self, value: int | None) -> tuple[int, Interval | None]:
        """How many intervals begin over `value`, and the nearest (the earliest stated of ties)."""
        if value is None:
            return 0, None
        first = bisect_right(self._lows, value)
        return len(self._lows) - first, (self._by_low[first] if first < len(self._lows) else None)


def _whole_pair(a: _Stated, b: _Stated) -> tuple[tuple[int, int], Contradiction]:
    first, second = sorted((a, b), key=lambda stated: stated[0])
    reason = _reason(first[2], first[3], second[2], second[3])
    return (first[0], second[0]), Contradiction(first[1].claim, second[1].claim, reason)


def _part_pair(part: _Stated, whole: _Stated) -> Contradiction:
    """A part that alone exceeds what a whole figure allows: "31 died there" against "23"."""
    reason = (
        f"{_quote(part[2], part[3])} ({part[1].part}) is above the whole "
        f"{_quote(whole[2], whole[3])}"
    )
    return Contradiction(part[1].claim, whole[1].claim, reason)


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
