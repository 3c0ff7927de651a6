"""Schedules flattened to one cell per line whose rows open with their date, not a number: "Ngày",
"Nội dung", "Đơn vị thực hiện", then "19/5/2026", what is done that day, who does it (genre g779).
A cell left empty is a blank line; a row with nobody in it (a ceremony) gives no task later."""

from __future__ import annotations

import re

from chidao.document.lexicon import layout_cues
from chidao.document.table_columns import column_role
from chidao.document.table_flat import _cells_of
from chidao.document.table_types import Cell, Row, Table

_DATE_HEAD = layout_cues()["date_column_head"]  # "Ngày" alone on its line
_ROW_DATE = layout_cues()["row_date"]  # "19/5/2026", "23/5 - 25/5/2026"
_PAGE_MARK = re.compile(r"\s*[-–]?\s*\d{1,3}\s*[-–]?\s*")  # "- 2 -" between two pages
_HEADER_CELLS = 6  # the most columns such a schedule has


def date_heads(text: str, start: int, end: int) -> list[int]:
    """Where the lines that name a schedule's date column start ("Ngày" alone on its line)."""
    return [m.start() for m in _DATE_HEAD.finditer(text, start, end)]


def dated_rows(text: str, lines: list[tuple[int, int]], heads: list[int]) -> list[Table]:
    """The schedules whose header opens at one of ``heads``: each row from its date line to the next."""
    tables = []
    for head in heads:
        i = next((k for k, (s, _) in enumerate(lines) if s == head), None)
        if i is None:
            continue
        header, j = _header(text, lines, i)
        roles = ["time", *(column_role(text[a:b].strip()) for a, b in header[1:])]
        if "content" not in roles or "lead" not in roles:
            continue
        table = Table(lines[i][0], lines[j - 1][1], roles, header=[Cell(a, b) for a, b in header], merged_blanks=False)
        width = max((b - a for a, b in lines[j : j + 200]), default=80)
        while j < len(lines) and _ROW_DATE.fullmatch(text[lines[j][0] : lines[j][1]].strip()):
            k = _row_end(text, lines, j)
            row_lines = [ln for ln in lines[j + 1 : k] if _cell_line(text, ln)]
            if row_lines:
                cells = [Cell(*lines[j]), *_cells_of(text, row_lines, roles[1:], width)]
                table.rows.append(Row(lines[j][0], row_lines[-1][1], cells, False))
                table.end = row_lines[-1][1]
            j = k
        if len(table.rows) >= 2:
            tables.append(table)
    return tables


def _cell_line(text: str, line: tuple[int, int]) -> bool:
    body = text[line[0] : line[1]].strip()
    return bool(body) and not _PAGE_MARK.fullmatch(body)


def _header(text: str, lines: list[tuple[int, int]], i: int) -> tuple[list[tuple[int, int]], int]:
    """The header cells from the date column's line ``i``, and the index of the first row's line."""
    header = [lines[i]]
    j = i + 1
    while j < len(lines) and len(header) < _HEADER_CELLS:
        body = text[lines[j][0] : lines[j][1]].strip()
        if not body or _ROW_DATE.fullmatch(body):
            break
        header.append(lines[j])
        j += 1
    while j < len(lines) and not text[lines[j][0] : lines[j][1]].strip():
        j += 1
    return header, j


def _row_end(text: str, lines: list[tuple[int, int]], j: int) -> int:
    """The index of the next row's date line after the row at ``j``, or of the line that ends the
    table: two blank lines, or a numbered heading ("IV. TỔ CHỨC THỰC HIỆN")."""
    k = j + 1
    blanks = 0
    while k < len(lines):
        body = text[lines[k][0] : lines[k][1]].strip()
        if _ROW_DATE.fullmatch(body) and k > j + 1:
            return k
        blanks = blanks + 1 if not body else 0
        if blanks >= 2 or re.match(r"(?:[IVXLC]{1,6}|\d{1,2})\.\s+\S", body):
            return k
        k += 1
    return k
