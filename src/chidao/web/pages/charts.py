"""Horizontal bar charts as inline SVG, computed on the server: no chart library, no script, and
the same picture with JavaScript off. The template draws the bars from the geometry here and
adds a table with the same figures for screen readers and for printing.
"""

from __future__ import annotations

from dataclasses import dataclass

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
