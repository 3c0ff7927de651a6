"""Element tree → lines: blocks become lines, list items keep a marker, table rows join cells.

The layout layer reads one paragraph per line and recognizes list markers at the start of a
line, so ``<li>`` keeps a visible "- " (or "1. " in an ``<ol>``) and a table row becomes one
line with its cells joined by " | ". Tables used for page layout (a cell holding several
paragraphs, typical of Word's HTML export of a notice's header) are read cell by cell instead,
so "Số: 12/TB-UBND" still starts its own line.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from chidao.text.readers.html_tree import Element

BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "legend",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_SPACES = re.compile(r"[ \t\n\r\f]+")
_HAS_MARKER = re.compile(r"\s*(?:[-–—•+*]|\d{1,3}[.)]|[a-zđ][.)]|[IVXLC]{1,6}[.)])\s")
_BOILERPLATE_LINES = frozenset(
    line.casefold()
    for line in (
        "Skip Ribbon Commands",
        "Skip to main content",
        "Skip navigation",
        "Turn on more accessible mode",
        "Turn off more accessible mode",
        "Bỏ qua nội dung",
        "Bỏ qua nội dung chính",
        "Bỏ qua điều hướng",
        "Chuyển đến nội dung chính",
    )
)
_BREADCRUMB = re.compile(r"^(?:Trang chủ|Home)\s*(?:[>»/|›]\s*[^>»/|›]+){1,6}$", re.I)
_LAYOUT_BLOCKS = 3  # a cell with this many text blocks is page layout, not data


class _Lines:
    """Accumulates text into lines; a pending list marker waits for the item's first words."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []
        self.marker = ""

    def text(self, value: str) -> None:
        value = _SPACES.sub(" ", value)
        if not self.current:
            value = value.lstrip()
            if not value:
                return
            if self.marker and not _HAS_MARKER.match(value):
                value = self.marker + value
            self.marker = ""
        self.current.append(value)

    def raw_line(self, value: str) -> None:
        """A line kept as written (``<pre>``), apart from its end."""
        self.end_line()
        if value.strip():
            self.lines.append(value.rstrip())

    def end_line(self) -> None:
        line = "".join(self.current).strip()
        self.current = []
        if line:
            self.lines.append(line)


def render(root: Element, keep: Callable[[Element], bool]) -> str:
    """The text of ``root``, one block per line; ``keep`` says which elements to read."""
    out = _Lines()
    _walk(root, out, keep)
    out.end_line()
    return "\n".join(line for line in out.lines if not _is_boilerplate(line))


def _walk(element: Element, out: _Lines, keep: Callable[[Element], bool]) -> None:
    for child in element.children:
        if isinstance(child, str):
            out.text(child)
        elif not keep(child):
            continue
        elif child.tag == "br":
            out.end_line()
        elif child.tag in ("ul", "ol"):
            _walk_list(child, out, keep)
        elif child.tag == "table":
            _walk_table(child, out, keep)
        elif child.tag == "pre":
            for line in _plain_text(child, keep).splitlines():
                out.raw_line(line)
        elif child.tag in BLOCKS:
            out.end_line()
            _walk(child, out, keep)
            out.end_line()
        else:
            _walk(child, out, keep)


def _walk_list(element: Element, out: _Lines, keep: Callable[[Element], bool]) -> None:
    """List items on their own lines with "- ", or "1. " / "a. " for an ordered list."""
    number = _int(element.attrs.get("start"), 1)
    kind = element.attrs.get("type", "1")
    out.end_line()
    for child in element.children:
        if isinstance(child, Element) and child.tag == "li" and keep(child):
            number = _int(child.attrs.get("value"), number)
            out.end_line()
            out.marker = f"{_ordinal(number, kind)}. " if element.tag == "ol" else "- "
            _walk(child, out, keep)
            out.end_line()
            out.marker = ""
            number += 1
        elif isinstance(child, Element) and keep(child):
            _walk(Element("div", children=[child]), out, keep)
    out.end_line()


def _walk_table(table: Element, out: _Lines, keep: Callable[[Element], bool]) -> None:
    out.end_line()
    for row in _rows(table):
        cells = [cell for cell in row.children if isinstance(cell, Element) and cell.tag in ("td", "th")]
        cells = [cell for cell in cells if keep(cell)]
        if any(_is_layout(cell) for cell in cells):
            for cell in cells:
                _walk(Element("div", children=[cell]), out, keep)
                out.end_line()
            continue
        texts = [_cell_text(cell, keep) for cell in cells]
        if any(texts):
            out.lines.append(" | ".join(texts))
    out.end_line()


def _rows(table: Element) -> list[Element]:
    """The table's own rows (inside thead/tbody/tfoot or directly), not those of nested tables."""
    rows: list[Element] = []
    for child in table.children:
        if isinstance(child, Element) and child.tag == "tr":
            rows.append(child)
        elif isinstance(child, Element) and child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(row for row in child.children if isinstance(row, Element) and row.tag == "tr")
    return rows


def _is_layout(cell: Element) -> bool:
    """A cell that lays out a part of the page: a nested table, or several text blocks."""
    blocks = 0
    for element in cell.elements():
        if element.tag == "table":
            return True
        if element.tag in ("p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6"):
            blocks += 1
    return blocks >= _LAYOUT_BLOCKS


def _cell_text(cell: Element, keep: Callable[[Element], bool]) -> str:
    inner = _Lines()
    _walk(cell, inner, keep)
    inner.end_line()
    return " ".join(inner.lines)


def _plain_text(element: Element, keep: Callable[[Element], bool]) -> str:
    parts: list[str] = []
    for child in element.children:
        if isinstance(child, str):
            parts.append(child)
        elif keep(child):
            parts.append("\n" if child.tag == "br" else _plain_text(child, keep))
    return "".join(parts)


def _ordinal(number: int, kind: str) -> str:
    if kind in ("a", "A") and 1 <= number <= 26:
        letter = chr(ord("a") + number - 1)
        return letter.upper() if kind == "A" else letter
    return str(number)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _is_boilerplate(line: str) -> bool:
    return line.casefold() in _BOILERPLATE_LINES or bool(_BREADCRUMB.match(line))
