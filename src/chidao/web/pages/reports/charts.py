"""Horizontal bar charts as inline SVG, computed on the server: no chart library, no script, and
the same picture with JavaScript off. The template draws the bars from the geometry here and
adds a table with the same figures for screen readers and for printing.
"""

from __future__ import annotations

from dataclasses import dataclass

from chidao.messages import msg
from chidao.web.pages.formats import number

LABEL_WIDTH = 300  # room for agency names on the left
BAR_AREA = 380
COUNT_ROOM = 70  # for the figure after the longest bar
ROW = 30
BAR = 20
TOP = 8
MAX_LABEL = 40  # characters; the full name is in the bar's <title> and in the table


@dataclass(frozen=True)
class Bar:
    label: str  # possibly shortened
    full_label: str
    value: int
    shown: str  # the value with thousands separators
    y: int
    width: int
    url: str | None


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    width: int
    height: int
    label_width: int
    bar_height: int
    max_value: int


def shorten(text: str, limit: int = MAX_LABEL) -> str:
    """``text`` cut at a word boundary to ``limit`` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return f"{cut}…"


def bar_chart(rows: list[tuple[str, int, str | None]]) -> BarChart:
    """Geometry of one bar per (label, value, link) row; bars scale to the largest value,
    and any value above zero gets at least a visible sliver."""
    top = max((value for _, value, _ in rows), default=0)
    bars = []
    for index, (label, value, url) in enumerate(rows):
        width = round(BAR_AREA * value / top) if top else 0
        bars.append(
            Bar(
                label=shorten(label),
                full_label=label,
                value=value,
                shown=number(value),
                y=TOP + index * ROW,
                width=max(width, 2) if value else 0,
                url=url,
            )
        )
    return BarChart(
        bars=bars,
        width=LABEL_WIDTH + BAR_AREA + COUNT_ROOM,
        height=TOP * 2 + ROW * len(rows),
        label_width=LABEL_WIDTH,
        bar_height=BAR,
        max_value=top,
    )


# Trends: per month, a group of vertical bars (assigned, completed, overdue), drawn like the bars above.
TREND_SERIES = (
    ("assigned", msg("page_charts.assigned")),
    ("completed", msg("page_charts.completed")),
    ("overdue", msg("page_charts.overdue")),
)
TREND_LEFT = 8
TREND_GROUP = 56  # room for one month's bars and the gap after them
TREND_BAR = 14
TREND_PLOT = 160  # height of the tallest bar
TREND_TOP = 22  # room for the value above the tallest bar
TREND_BOTTOM = 24  # room for the month under the bars


@dataclass(frozen=True)
class TrendBar:
    series: str
    label: str
    value: int
    shown: str
    x: int
    y: int
    height: int


@dataclass(frozen=True)
class TrendMonth:
    label: str
    center: int
    bars: list[TrendBar]


@dataclass(frozen=True)
class TrendChart:
    months: list[TrendMonth]
    width: int
    height: int
    baseline: int
    bar_width: int
    series: tuple[tuple[str, str], ...]
    max_value: int


def trend_chart(points: list[tuple[str, dict[str, int]]]) -> TrendChart:
    """Geometry of a month-by-month chart from (month label, {series: value}) rows, oldest first;
    bars scale to the largest value of any series, and a value above zero stays visible."""
    top = max((values[s] for _, values in points for s, _ in TREND_SERIES), default=0)
    baseline = TREND_TOP + TREND_PLOT
    months = []
    for index, (label, values) in enumerate(points):
        left = TREND_LEFT + index * TREND_GROUP
        bars = []
        for position, (series, name) in enumerate(TREND_SERIES):
            value = values[series]
            height = max(round(TREND_PLOT * value / top), 2) if value and top else 0
            x = left + position * TREND_BAR
            bars.append(TrendBar(series, name, value, number(value), x, baseline - height, height))
        months.append(TrendMonth(label, left + (len(TREND_SERIES) * TREND_BAR) // 2, bars))
    return TrendChart(
        months=months,
        width=TREND_LEFT * 2 + TREND_GROUP * max(len(points), 1),
        height=baseline + TREND_BOTTOM,
        baseline=baseline,
        bar_width=TREND_BAR - 2,
        series=TREND_SERIES,
        max_value=top,
    )
