"""The figures of findings as an inline SVG chart: value by publication date, one colour per source.

`figures_chart_svg(findings)` draws one panel per finding (category), stacked, under one legend
of primary sources. x is the publication date (undated figures in a column at the right), y
the number of people on a linear scale from 0. Each figure is drawn by what it allows:

- exact: a dot; approximately: a dot with a whisker over its ±10% band; range: a bar from
  low to high with a dot at each end;
- at least / more than / vague: a dot at the lower bound and a dashed line up to the top of
  the panel (no upper bound); at most / fewer than: a dashed line from 0 and a dot at the top;
- a negated figure is a hollow dot; an updated (superseded) one, or the count of a part of
  the victims (`Figure.part`), is faded, and its tooltip says so.

Each panel draws at most `CHART_FIGURES` figures (the first in publication order, the title
says how many of how many) and the legend names at most `CHART_SOURCES` sources, so the
chart has a size bound whatever the event holds. The consensus interval is a grey band.
Each source's figures form one series (`<g class="series">`), joined over time by a thin
line. Every mark carries a `<title>` with the claim's words, shown as a tooltip without any
script. All text is XML-escaped here: the
caller may insert the string as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from tolltrace.model import Figure, Finding
from tolltrace.reconcile.findings import allowed_interval
from tolltrace.reconcile.quotes import excerpt
from tolltrace.report.words import consensus_words, figure_label

__all__ = ["CHART_FIGURES", "CHART_SOURCES", "PALETTE", "figures_chart_svg", "source_colours"]

PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip
WIDTH = 760
PANEL_HEIGHT = 240
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 34, 44
LEGEND_ROW = 18
UNDATED_GAP = 96
CHART_FIGURES = 300  # figures drawn in one panel
CHART_SOURCES = 30  # sources named in the legend


def source_colours(findings: Sequence[Finding]) -> dict[str, str]:
    """One colour per primary source, in order of first appearance."""
    colours: dict[str, str] = {}
    for finding in findings:
        for figure in finding.figures:
            if figure.primary_source not in colours:
                colours[figure.primary_source] = PALETTE[len(colours) % len(PALETTE)]
    return colours


def figures_chart_svg(findings: Sequence[Finding]) -> str:
    """An SVG document fragment (`<svg ...>...</svg>`) charting every finding's figures."""
    colours = source_colours(findings)
    named = min(len(colours), CHART_SOURCES) + (len(colours) > CHART_SOURCES)
    legend_rows = max(1, (named + 2) // 3)
    legend_height = legend_rows * LEGEND_ROW + 8
    height = legend_height + max(1, len(findings)) * PANEL_HEIGHT
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="figures-chart" width="{WIDTH}" '
        f'height="{height}" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'font-family="sans-serif" font-size="11">',
        "<title>Figures by source over time</title>",
    ]
    parts.extend(_legend(colours))
    if not findings:
        parts.append(f'<text x="{LEFT}" y="{legend_height + 40}">No figures.</text>')
    for index, finding in enumerate(findings):
        parts.extend(_panel(finding, colours, legend_height + index * PANEL_HEIGHT))
    parts.append("</svg>")
    return "\n".join(parts)


def _legend(colours: dict[str, str]) -> list[str]:
    parts = ['<g class="legend">']
    column = (WIDTH - LEFT - RIGHT) // 3
    for index, (source, colour) in enumerate(list(colours.items())[:CHART_SOURCES]):
        x = LEFT + (index % 3) * column
        y = 4 + (index // 3) * LEGEND_ROW
        name = source if len(source) <= 38 else source[:37] + "…"
        parts.append(
            f'<rect x="{x}" y="{y}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 17}" y="{y + 10}">{escape(name)}<title>{escape(source)}</title></text>'
        )
    if len(colours) > CHART_SOURCES:
        index = CHART_SOURCES
        x, y = LEFT + (index % 3) * column, 4 + (index // 3) * LEGEND_ROW
        more = len(colours) - CHART_SOURCES
        parts.append(f'<text x="{x}" y="{y + 10}">and {more:,} more sources</text>')
    parts.append("</g>")
    return parts


def _day(published: str | None) -> int | None:
    """A publication date as a day number: a month or a year given alone is placed at its
    middle (the 15th, the 2nd of July), never at its first day, which it does not claim."""
    if not published:
        return None
    pieces = published[:10].split("-")
    try:
        numbers = [int(piece) for piece in pieces if piece]
        if len(numbers) == 1:
            return date(numbers[0], 7, 2).toordinal()
        if len(numbers) == 2:
            return date(numbers[0], numbers[1], 15).toordinal()
        return date(numbers[0], numbers[1], numbers[2]).toordinal()
    except (ValueError, IndexError):
        return None


def _precision(published: str | None) -> int:
    """How many of year, month, day a date gives (0: none)."""
    return len([piece for piece in (published or "")[:10].split("-") if piece])


def nice_step(maximum: float, ticks: int = 4) -> int:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about `ticks` steps."""
    raw = max(maximum / ticks, 1)
    power = 10 ** (len(str(int(raw))) - 1)
    for multiple in (1, 2, 2.5, 5, 10):
        if multiple * power >= raw:
            return max(1, int(multiple * power))
    return int(10 * power)


class _Scale:
    """Where a date and a value go in one panel."""

    def __init__(self, finding: Finding, top: int) -> None:
        days = [d for f in finding.figures if (d := _day(f.published)) is not None]
        self.undated = any(_day(f.published) is None for f in finding.figures)
        self.first, self.last = (min(days), max(days)) if days else (0, 0)
        self.top = top + TOP
        self.bottom = top + PANEL_HEIGHT - BOTTOM
        self.left = LEFT
        self.right = WIDTH - RIGHT - (UNDATED_GAP if self.undated else 0)
        values = [0]
        for figure in finding.figures:
            interval = allowed_interval(figure.low, figure.high, figure.qualifier)
            if interval is not None:
                values.append(interval[1] if interval[1] is not None else interval[0])
        if finding.low is not None:
            values.append(finding.high if finding.high is not None else finding.low)
        self.step = nice_step(max(values) * 1.15)
        # The top of the axis is a round number, so every tick is one ("25,000", not "24,871").
        self.maximum = self.step * max(1, -(-int(max(values) * 1.15 + 1) // self.step))
        self.precision = max((_precision(f.published) for f in finding.figures), default=3)

    def x(self, published: str | None) -> float:
        day = _day(published)
        if day is None:
            return WIDTH - RIGHT - UNDATED_GAP / 2
        if self.first == self.last:
            return (self.left + self.right) / 2
        share = (day - self.first) / (self.last - self.first)
        return self.left + 16 + share * (self.right - self.left - 32)

    def y(self, value: float) -> float:
        share = min(value, self.maximum) / self.maximum
        return self.bottom - share * (self.bottom - self.top)


def _panel(finding: Finding, colours: dict[str, str], top: int) -> list[str]:
    scale = _Scale(finding, top)
    title = f"{finding.category}: {consensus_words(finding)}"
    drawn = finding.figures[:CHART_FIGURES]
    if len(drawn) < len(finding.figures):
        title += f" (the first {len(drawn):,} of {len(finding.figures):,} figures drawn)"
    parts = [
        f'<g class="panel" data-category="{escape(finding.category)}">',
        f'<text x="{LEFT}" y="{scale.top - 10}" font-weight="bold">{escape(title)}</text>',
    ]
    parts.extend(_axes(scale))
    if finding.consistent and finding.low is not None:
        high = scale.y(finding.high) if finding.high is not None else scale.top
        parts.append(
            f'<rect class="consensus" x="{scale.left}" y="{high:.1f}" '
            f'width="{scale.right - scale.left}" height="{scale.y(finding.low) - high:.1f}" '
            f'fill="#999" fill-opacity="0.18"><title>{escape("consensus: " + title)}</title></rect>'
        )
    by_source: dict[str, list[Figure]] = {}
    for figure in drawn:
        by_source.setdefault(figure.primary_source, []).append(figure)
    count = len(by_source)
    for index, (source, figures) in enumerate(by_source.items()):
        offset = (index - (count - 1) / 2) * 5  # sources on one day side by side
        parts.extend(_series(source, figures, colours[source], scale, offset))
    parts.append("</g>")
    return parts


def _axes(scale: _Scale) -> list[str]:
    parts = [
        f'<line x1="{scale.left}" y1="{scale.bottom}" x2="{WIDTH - RIGHT}" y2="{scale.bottom}" '
        'stroke="#333"/>',
        f'<line x1="{scale.left}" y1="{scale.top}" x2="{scale.left}" y2="{scale.bottom}" '
        'stroke="#333"/>',
    ]
    for value in range(0, scale.maximum + 1, scale.step):
        y = scale.y(value)
        parts.append(
            f'<line x1="{scale.left - 4}" y1="{y:.1f}" x2="{scale.left}" y2="{y:.1f}" '
            f'stroke="#333"/><text x="{scale.left - 7}" y="{y + 4:.1f}" '
            f'text-anchor="end">{value:,}</text>'
        )
    days = sorted({scale.first, scale.last} if scale.first != scale.last else {scale.first})
    if scale.first != scale.last and scale.last - scale.first > 2:
        days.insert(1, (scale.first + scale.last) // 2)
    if scale.first or scale.last:
        for day in days:
            x = scale.x(date.fromordinal(day).isoformat())
            # At the figures' own precision: a year stated alone is labelled as a year.
            label = date.fromordinal(day).isoformat()[: {1: 4, 2: 7}.get(scale.precision, 10)]
            parts.append(
                f'<text x="{x:.1f}" y="{scale.bottom + 16}" text-anchor="middle">{label}</text>'
            )
    if scale.undated:
        separator = WIDTH - RIGHT - UNDATED_GAP + 8
        parts.append(
            f'<line x1="{separator}" y1="{scale.top}" x2="{separator}" y2="{scale.bottom}" '
            'stroke="#ccc" stroke-dasharray="2 4"/>'
        )
        parts.append(
            f'<text x="{WIDTH - RIGHT - UNDATED_GAP / 2:.1f}" y="{scale.bottom + 16}" '
            'text-anchor="middle">undated</text>'
        )
    parts.append(
        f'<text x="{(scale.left + WIDTH - RIGHT) / 2:.1f}" y="{scale.bottom + 32}" '
        'text-anchor="middle" fill="#555">publication date</text>'
    )
    return parts


def _series(
    source: str, figures: list[Figure], colour: str, scale: _Scale, offset: float
) -> list[str]:
    parts = [f'<g class="series" data-source="{escape(source)}" stroke="{colour}" fill="{colour}">']
    points = []
    for figure in figures:
        interval = allowed_interval(figure.low, figure.high, figure.qualifier)
        if interval is None:
            continue
        x = scale.x(figure.published) + offset
        marks, anchor = _marks(figure, interval, x, scale)
        if not figure.negated and figure.part is None:
            points.append((x, anchor))
        words = excerpt(figure.text, figure.text)
        tip = f"{source}: {figure_label(figure)} — “{words}” ({figure.outlet}"
        tip += f", {figure.published})" if figure.published else ")"
        tip += f"; part: {figure.part}" if figure.part else ""
        faded = ' opacity="0.4"' if figure.superseded_by or figure.negated or figure.part else ""
        parts.append(f'<g class="figure"{faded}><title>{escape(tip)}</title>{marks}</g>')
    if len(points) > 1:
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in sorted(points))
        parts.append(f'<polyline points="{line}" fill="none" stroke-width="1" opacity="0.5"/>')
    parts.append("</g>")
    return parts


def _marks(
    figure: Figure, interval: tuple[int, int | None], x: float, scale: _Scale
) -> tuple[str, float]:
    """The marks of one figure, and the point its source's line passes through."""
    low, high = interval
    fill = ' fill="white"' if figure.negated else ""
    qualifier = figure.qualifier
    if high is None:  # no upper bound: a dot and a dashed line to the top
        y = scale.y(low)
        return (
            f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x:.1f}" y2="{scale.top:.1f}" '
            f'stroke-dasharray="3 3"/><path d="M{x - 4:.1f},{scale.top + 6:.1f} '
            f'L{x:.1f},{scale.top:.1f} L{x + 4:.1f},{scale.top + 6:.1f}" fill="none"/>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4"{fill}/>',
            y,
        )
    if qualifier in ("at_most", "less_than"):
        y = scale.y(high)
        return (
            f'<line x1="{x:.1f}" y1="{scale.y(0):.1f}" x2="{x:.1f}" y2="{y:.1f}" '
            f'stroke-dasharray="3 3"/><circle cx="{x:.1f}" cy="{y:.1f}" r="4"{fill}/>',
            y,
        )
    top, bottom = scale.y(high), scale.y(low)
    if qualifier == "approximately":
        value = figure.low if figure.low is not None else figure.high
        centre = scale.y(value or 0)
        return (
            f'<line x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{bottom:.1f}"/>'
            f'<line x1="{x - 4:.1f}" y1="{top:.1f}" x2="{x + 4:.1f}" y2="{top:.1f}"/>'
            f'<line x1="{x - 4:.1f}" y1="{bottom:.1f}" x2="{x + 4:.1f}" y2="{bottom:.1f}"/>'
            f'<circle cx="{x:.1f}" cy="{centre:.1f}" r="4"{fill}/>',
            centre,
        )
    if low != high:  # a range
        return (
            f'<rect x="{x - 3:.1f}" y="{top:.1f}" width="6" height="{bottom - top:.1f}" '
            f'fill-opacity="0.5"/><circle cx="{x:.1f}" cy="{top:.1f}" r="3"{fill}/>'
            f'<circle cx="{x:.1f}" cy="{bottom:.1f}" r="3"{fill}/>',
            (top + bottom) / 2,
        )
    return f'<circle cx="{x:.1f}" cy="{top:.1f}" r="4"{fill}/>', top
