"""Task tables: "STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian" (ANNOTATION rule 17).

Plans often put their tasks in a table, usually in a "Phụ lục". The table reaches us in one of
three flattened shapes, and we read all three into the same rows of cells:

- one row per line, cells joined by " | " (our DOCX reader, and many converters);
- one row per line, cells separated by tabs (text copied from Word);
- one cell per line (text copied from a PDF or a web page): "STT", "Nội dung", ... then "1",
  the content, the lead, ...; a cell may wrap over two lines.

A table counts only when its header names at least a content column and a lead column; every
other grid (a header laid out in columns, a list of figures) is left to the paragraphs. Column
names are data (``data/vi/tables.toml``). Spans are offsets into the normalized text.
"""

from __future__ import annotations

import re

from chidao.document.table_columns import column_role, sub_columns
from chidao.document.table_dated import date_heads, dated_rows
from chidao.document.table_flat import CELL_HALVES, number_heads, one_cell_per_line
from chidao.document.table_frames import framed_rows, unframed_row
from chidao.document.table_groups import cell_openers, lead_groups_named
from chidao.document.table_types import Cell, Row, Table
from chidao.text.fold import match_key

_PIPE = re.compile(r"[ \t]*\|[ \t]*")
_TAB = re.compile(r"\t+")
_ONE_TAB = re.compile(r"\t")
_ROMAN = re.compile(r"[IVXLC]{1,6}[.)]?")
_LETTER = re.compile(r"(?:[A-ZĐ]|\d{1,2})[.)]?")  # a group's letter or number in a cell of its own


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for line in text[start:end].split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _trimmed(text: str, start: int, end: int) -> Cell:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Cell(start, end)


def _split(text: str, start: int, end: int, separator: re.Pattern[str]) -> list[Cell]:
    cells = []
    pos = start
    for match in separator.finditer(text, start, end):
        cells.append(_trimmed(text, pos, match.start()))
        pos = match.end()
    cells.append(_trimmed(text, pos, end))
    return cells


def _roles(text: str, cells: list[Cell]) -> list[str | None] | None:
    roles = [column_role(text[c.start : c.end]) for c in cells]
    if "schedule" in roles and "content" in roles:
        return roles  # "... | Chủ trì | Thành phần | Địa điểm": a schedule, read so that it gives no task
    if "content" in roles and ("coordinators" in roles or "time" in roles):
        return roles  # no lead column: kept if its group rows name the leads (``lead_groups_named``)
    return roles if "content" in roles and "lead" in roles else None


def _is_group(text: str, cells: list[Cell], roles: list[str | None], tabs: bool = False) -> bool:
    """A row that only titles the rows under it: "I | Nhóm nhiệm vụ ... |  |  |"."""
    filled = [i for i, c in enumerate(cells) if c.end > c.start]
    first = text[cells[0].start : cells[0].end] if cells else ""
    if "lead" not in roles and "schedule" not in roles:
        # its first filled cell: a row framed in pipes opens with an empty one ("| I | SỞ XÂY DỰNG | |")
        number = text[cells[filled[0]].start : cells[filled[0]].end] if filled else ""
        # "A | Sở Tài chính | | |" (genre g1496), "| 1 | Sở Xây dựng (04 nhiệm vụ) | | |"
        if len(filled) == 2 and _LETTER.fullmatch(number):
            title = cells[filled[1]]
            return len(text[title.start : title.end].split()) <= 12 and bool(
                cell_openers().match(match_key(text[title.start : title.end]))
            )
        return bool(_ROMAN.fullmatch(number)) or len(filled) <= 1  # "| **1. Sở Xây dựng** |  |  |"
    lead = roles.index("lead") if "lead" in roles else len(cells)  # a schedule may have none
    no_lead = lead < len(cells) and cells[lead].end == cells[lead].start
    # a tab row with its own time is a task whose lead and partner cells were merged (genre g1181)
    dated = tabs and any(i < len(roles) and roles[i] == "time" for i in filled)
    return bool(_ROMAN.fullmatch(first)) or (no_lead and len(filled) <= 2 and not dated)


_RULE_LINE = re.compile(r"[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-{3,}:?)?[ \t]*")
_PAGE_LINE = re.compile(r"\s*[-–]*\s*(?:[Tt]rang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?\s*[-–]*\s*")


def _delimited(text: str, lines: list[tuple[int, int]], separator: re.Pattern[str]) -> list[Table]:
    """Tables whose rows are lines with ``separator`` between cells."""
    if separator is _PIPE:
        lines = framed_rows(text, lines)
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        start, end = lines[i]
        cells = _split(text, start, end, separator) if separator.search(text, start, end) else []
        roles = _roles(text, cells) if len(cells) >= 3 else None
        if roles is None:
            i += 1
            continue
        table = Table(start, end, roles, header=cells)
        i = _past_header(text, lines, i + 1, table, separator)
        roles = table.roles
        while i < len(lines):
            s, e = lines[i]
            if s == e:  # a blank line inside the table
                i += 1
                continue
            if not separator.search(text, s, e):
                if not _resumes(text, lines, i + 1, separator):
                    break
                if _PAGE_LINE.fullmatch(text, s, e):  # "--- 2 ---" where a page broke the table (g746)
                    i += 1
                    continue
                if _GROUP_TITLE.match(text, s, e) or (table.lead_groups and _NUMBERED_TITLE.match(text, s, e)):
                    # "I. CÔNG TÁC TUYÊN TRUYỀN" across the whole table; "1. Sở Tài chính (03 nhiệm vụ)"
                    # over the rows of a table with no lead column (genre g1501)
                    table.rows.append(Row(s, e, [_trimmed(text, s, e)], group=True))
                elif table.rows and match_key(text[s : s + 20]).startswith(CELL_HALVES):
                    table.rows[-1].partner_lines.append(_trimmed(text, s, e))  # "Phối hợp: ..." (g1075)
                    table.rows[-1].end = e
                elif table.rows and text[s : s + 1].islower():  # the last cell's wrapped rest
                    last = table.rows[-1]
                    last.cells[-1] = Cell(last.cells[-1].start, len(text[:e].rstrip()))
                    last.end = e
                else:
                    break
                table.end = e
                i += 1
                continue
            row_cells = _split(text, s, e, separator)
            if separator is _PIPE and len(row_cells) < len(roles):
                i, e = unframed_row(text, lines, i, lambda end, at=s: len(_split(text, at, end, _PIPE)), len(roles))
                row_cells = _split(text, s, e, separator)
            if separator is _TAB and len(row_cells) < len(roles):
                row_cells, e, i = _tab_row(text, lines, i, row_cells, roles)
            if len(row_cells) < 2:
                break
            table.rows.append(Row(s, e, row_cells, _is_group(text, row_cells, roles, separator is _TAB)))
            table.end = e
            i += 1
        if table.rows and (not table.lead_groups or lead_groups_named(text, table)):
            tables.append(table)
    return tables


def _past_header(text: str, lines: list[tuple[int, int]], i: int, table: Table, separator: re.Pattern[str]) -> int:
    """The index of the line after ``table``'s header (line ``i`` follows its first line): past a
    Markdown rule ("|---|---|", no row) and a second line naming sub-columns, whose roles it takes."""
    rule = 1 if i < len(lines) and _RULE_LINE.fullmatch(text, *lines[i]) else 0
    merged = _sub_header(text, lines, (table.start, table.end), i + rule, separator)
    if merged is None:
        return i + rule
    table.roles, table.header = merged
    return i + 1 + rule


def _blank_lead_first(text: str, cells: list[Cell], roles: list[str | None]) -> list[Cell]:
    """A row of a table whose lead comes first, one cell short and opening with no body: its lead
    cell, merged with the one above, was left blank, and the copy dropped the tab that kept it
    ("\tTổ chức Lễ phát động ...\tSở Văn hóa ...\tNgày 18/12/2025", genre g1181)."""
    if len(cells) != len(roles) - 1 or not roles or roles[0] != "lead":
        return cells
    if cell_openers().match(match_key(text[cells[0].start : cells[0].end])):
        return cells
    return [Cell(cells[0].start, cells[0].start), *cells]


def _tab_row(
    text: str, lines: list[tuple[int, int]], i: int, cells: list[Cell], roles: list[str | None]
) -> tuple[list[Cell], int, int]:
    """A tab row on line ``i`` with fewer cells than ``roles``, made whole: its cells, its end and
    its last line. One tab per cell keeps an empty cell ("1\tRà soát\tSở Nội vụ\t\tTháng 6/2026"),
    a blank lead cell too (``_blank_lead_first``); runs of tabs only align the columns; a content
    cell may wrap onto the next line."""
    start, end = lines[i]
    count = len(roles)
    exact = _blank_lead_first(text, _split(text, start, end, _ONE_TAB), roles)
    if len(exact) == count:
        return exact, end, i
    if len(cells) < len(exact) < count and _row_ends(text, lines, i):
        # "4\tNghị quyết ...\t\tSở A\tSở B\t": the copy dropped the line's trailing tabs, which
        # stood for the empty cells that end the row (genre g1137)
        return [*exact, *(Cell(end, end) for _ in range(count - len(exact)))], end, i
    joined, last = cells, i
    while last + 1 < len(lines) and last < i + _MOST_ROW_LINES:  # cells wrapped onto the next lines
        following = _wrapped_tab_row(text, lines[last + 1], joined, count)
        if following is None:
            break
        joined, last = following[0], last + 1
        if len(joined) == count:
            return joined, following[1], last
    return cells, end, i


_MOST_ROW_LINES = 4  # a row whose cells wrapped: its first line and at most this many more


def _row_ends(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """Whether the row on line ``i`` ends there: the table's end, a blank line, or the next row's
    number or a group's title opens the next line."""
    if i + 1 >= len(lines):
        return True
    start, end = lines[i + 1]
    return start == end or bool(_ROW_OPENING.match(text, start, end) or _GROUP_TITLE.match(text, start, end))


def _wrapped_tab_row(text: str, line: tuple[int, int], cells: list[Cell], count: int) -> tuple[list[Cell], int] | None:
    """The row whose last cell so far wrapped onto ``line``, which holds more of the row ("9\tKiểm
    tra ... trên địa bàn xã." / "Xử lý nghiêm ...\tĐoàn kiểm tra\t15/4 - 15/5/2026", genre g645;
    "... Quý II/2026\tChủ trì: Sở Tư pháp;" / "Phối hợp: các sở, ban, ngành\tBáo cáo", g967):
    the row's cells so far (no more than ``count``) and its end; None when ``line`` is no such rest."""
    start, end = line
    if start == end or _ROW_NUMBER.match(text, start, end) or _GROUP_TITLE.match(text, start, end):
        return None
    rest = _split(text, start, end, _TAB)
    if len(cells) + len(rest) - 1 > count:
        return None
    return [*cells[:-1], Cell(cells[-1].start, rest[0].end), *rest[1:]], end


def _sub_header(
    text: str, lines: list[tuple[int, int]], header: tuple[int, int], i: int, separator: re.Pattern[str]
) -> tuple[list[str | None], list[Cell]] | None:
    """The roles and header cells a header's second line of sub-columns gives (``sub_columns``),
    or None when line ``i`` is no such line; one cell per tab, or per pipe."""
    if i >= len(lines):
        return None
    one = _PIPE if separator is _PIPE else _ONE_TAB  # "| | | Bắt đầu | Hoàn thành |" too (genre g936)
    subs = [(c.start, c.end) for c in _split(text, *lines[i], one) if c.end > c.start]
    tops = [(c.start, c.end) for c in _split(text, *header, one)]
    # a framed row's last "|" leaves an empty cell outside the frame, no column of the table
    framed = separator is _PIPE and text[header[0] : header[1]].rstrip().endswith("|")
    placed = sub_columns(text, tops[:-1] if framed else tops, subs) if subs else None
    if placed is None:
        return None
    roles, spans = placed
    if framed:
        roles, spans = [*roles, None], [*spans, tops[-1]]
    return roles, [Cell(a, b) for a, b in spans]


# A row's number, then its first cell: "9\tKiểm tra ...".
_ROW_NUMBER = re.compile(r"[ \t]*\d{1,3}[.)]?\t")
# What opens a row of a tab table: its number, or a group's mark in the number's column ("II\tKỳ họp
# thường lệ cuối năm", genre g1137).
_ROW_OPENING = re.compile(r"[ \t]*(?:\d{1,3}|[IVXLC]{1,6}|[A-ZĐ])[.)]?\t")
# A line that titles the rows under it, written across the table: "I. CÔNG TÁC TUYÊN TRUYỀN",
# "A. NHIỆM VỤ CHUNG" (genre g886, g887).
_GROUP_TITLE = re.compile(r"[ \t]*(?:[IVXLC]{1,6}|[A-ZĐ])[.)][ \t]+\S[^\t|]*$", re.MULTILINE)
_NUMBERED_TITLE = re.compile(r"[ \t]*\d{1,2}[.)][ \t]+\S[^\t|]*$", re.MULTILINE)


def _resumes(text: str, lines: list[tuple[int, int]], k: int, separator: re.Pattern[str]) -> bool:
    """Whether the next line that is not blank nor a group's title is a row again (has
    ``separator``): "B. NHIỆM VỤ CỤ THỂ" / "I. Phát triển ..." / "3\t..." (genre g887)."""
    while k < len(lines) and (lines[k][0] == lines[k][1] or _GROUP_TITLE.match(text, *lines[k])):
        k += 1
    return k < len(lines) and separator.search(text, *lines[k]) is not None


def find_tables(text: str, start: int, end: int) -> list[Table]:
    """Task tables in ``text[start:end]``, in order, not overlapping."""
    # Each layout is looked for only where its mark occurs at all: most notices hold no table.
    pipes = text.find("|", start, end) >= 0
    tabs = text.find("\t", start, end) >= 0
    heads = number_heads(text, start, end) if text.find("\n", start, end) >= 0 else []
    dated = date_heads(text, start, end)
    if not (pipes or tabs or heads or dated):
        return []
    lines = _lines(text, start, end)
    found: list[Table] = []
    if pipes:
        found += _delimited(text, lines, _PIPE)
    if tabs:
        found += _delimited(text, lines, _TAB)
    if heads:
        found += one_cell_per_line(text, lines, heads)
    if dated:
        found += dated_rows(text, lines, dated)
    found.sort(key=lambda t: t.start)
    out: list[Table] = []
    for table in found:
        if not out or table.start >= out[-1].end:
            out.append(table)
    return out
