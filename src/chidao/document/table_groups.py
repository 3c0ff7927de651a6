"""Tables with no lead column whose rows stand under group rows naming their lead ("1. Sở Xây
dựng" over "1.1 | Rà soát ...", genre g933, g989): which group rows may name one, and where."""

from __future__ import annotations

import re
from functools import cache

from chidao.data import load_toml
from chidao.document.table_types import Cell, Row, Table
from chidao.text.chars import UPPER
from chidao.text.fold import match_key

_CELL_OPENERS = load_toml("tables.toml")["cell_openers"]  # "các"


@cache
def cell_openers() -> re.Pattern[str]:
    """Words that open an agency cell ("Sở", "UBND", "Công an"): such a line starts a new cell."""
    grammar = load_toml("agency_grammar.toml")
    bodies = [body["name"] for body in load_toml("agencies.toml")["body"]]  # "Thuế tỉnh" (genre g632)
    openers = {match_key(w) for w in [*grammar["heads"], *grammar["bare"], *bodies]} | set(_CELL_OPENERS)
    words = sorted(openers, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])")


# A group row that names the lead of the rows under it: "1. Sở Xây dựng", "**2. Chi cục Thủy lợi**".
_LEAD_GROUP = re.compile(rf"[*_\s]*(?:\d{{1,2}}|[IVXLC]{{1,6}})[.)]\s+[*_]*[{UPPER}][^\W\d_]*\s+[^\W\d_]")
_NUMBERING = re.compile(
    r"[*_\s]*(?:(?:\d{1,2}|[IVXLC]{1,6})[.)]\s+"
    # ... or on a line of its own, a table copied one cell per line: "A" / "SỞ Y TẾ" (genre g1571)
    r"|(?:\d{1,2}|[IVXLC]{1,6}|[A-ZĐ])[.)]?[^\S\n]*\n\s*)[*_]*"
)
# ... or its number in a cell of its own: "| I | SỞ XÂY DỰNG | | |" (genre g1461).
_NUMBER_CELL = re.compile(r"[*_\s]*(?:\d{1,2}|[IVXLC]{1,6}|[A-ZĐ])[.)]?[*_\s]*")
# ... or no number at all, the body's name alone: "| Sở Xây dựng | | |" (genre g1465).
_NAME_ALONE = re.compile(rf"[*_\s]*[{UPPER}][^\W\d_]*\s+[^\W\d_][^\n.;]{{0,100}}")


def lead_group_title(text: str, row: Row) -> Cell | None:
    """The span of a group row's title that may name a lead ("Sở Xây dựng" of "**1. Sở Xây dựng**",
    of "| I | SỞ XÂY DỰNG |" or of "| Sở Xây dựng | | |"), or None when the row is no such group."""
    filled = list(dict.fromkeys(c for c in row.cells if c.end > c.start))  # a flat group: one cell repeated
    if not row.group or not filled:
        return None
    if len(filled) == 2 and _NUMBER_CELL.fullmatch(text, filled[0].start, filled[0].end):
        filled = filled[1:]
    cell = filled[0]
    if len(filled) != 1:
        return None
    title = _NUMBERING.match(text, cell.start, cell.end)
    start = title.end() if title else cell.start
    if not (_LEAD_GROUP.match(text, cell.start, cell.end) or _NAME_ALONE.fullmatch(text, start, cell.end)):
        return None
    end = cell.end
    while end > start and text[end - 1] in "*_ :":
        end -= 1
    if not cell_openers().match(match_key(text[start:end])):
        return None  # "I. LĨNH VỰC CẢI CÁCH THỂ CHẾ": a topic, no body
    return Cell(start, end)


def lead_groups_named(text: str, table: Table) -> bool:
    """Whether a table with no lead column has at least two group rows that may name leads."""
    return sum(lead_group_title(text, row) is not None for row in table.rows) >= 2
