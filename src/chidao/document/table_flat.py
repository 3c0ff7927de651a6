"""Task tables flattened to one cell per line (text copied from a PDF or a web page): "STT",
"Nội dung", ... then "1", the content, the lead, ...; a cell may wrap over two lines, and group
lines ("I. HOÀN THIỆN THỂ CHẾ") may stand before and between the rows."""

from __future__ import annotations

import re
from bisect import bisect_left

from chidao.data import load_toml
from chidao.document.lexicon import layout_cues
from chidao.document.table_columns import column_role, names_numbers, vocabulary
from chidao.document.table_groups import cell_openers, lead_groups_named
from chidao.document.table_types import Cell, Row, Table
from chidao.text.fold import match_key

_TABLES = load_toml("tables.toml")
_CELL_UNFINISHED = frozenset(_TABLES["cell_unfinished"])  # "và"
_CELL_UNFINISHED_CASED = frozenset(_TABLES["cell_unfinished_cased"])  # "Quý" / "IV/2026"
# "...; Trạm" / "Chăn nuôi ...": a head word after a list's mark, or alone on its line
_HEADS = "|".join(map(re.escape, _TABLES["cell_name_heads"]))
_AND = "|".join(map(re.escape, _TABLES["name_list_links"]))
_NAME_HEAD_AT_END = re.compile(rf"(?:^|[;,]\s*|\s(?:{_AND})\s+)(?:{_HEADS})$")
# "Nhóm nhiệm vụ 2: Tiêm phòng ..." across the table (genre g1138)
_LABELS = "|".join(map(re.escape, _TABLES["group_labels"]))
_GROUP_LABEL = re.compile(rf"(?:{_LABELS})\s+(?:\d{{1,2}}|[IVXLC]{{1,5}})\s*[:.]")
_DASHED_PART = re.compile(r"[-–][^\S\n]+[A-ZĐ]")  # "- Tài chính": the rest of "Phòng Kế hoạch - Tài chính"
_RULE = re.compile(r"[_\-–=.]{5,}")  # a page's rule line ("_____")
CELL_HALVES = tuple(match_key(w) for w in load_toml("tables.toml")["cell_halves"])  # "phối hợp:"
# "Nơi nhận", "NƠI NHẬN"
_RECIPIENTS_LABELS = tuple(s for label in load_toml("layout.toml")["recipients_labels"] for s in (label, label.upper()))
_ROW_NUMBER = re.compile(r"(?:\d{1,3}(?:\.\d{1,2})*|[IVXLC]{1,6}|[a-zđ])[.)]?")
_ROMAN = re.compile(r"[IVXLC]{1,6}[.)]?")


def _wraps(text: str, line: tuple[int, int]) -> bool:
    """Whether ``line`` can only be the rest of a cell: it opens in lowercase or with "(", "," or ";"."""
    first = text[line[0] : line[0] + 1]
    return first.islower() or first in "(,;"


def _continues_cell(text: str, previous: tuple[int, int], line: tuple[int, int], width: int) -> bool:
    """Whether ``line`` is the rest of the cell on ``previous`` (a cell wrapped over lines); a row
    with a line for each column has no wrapped cell (``_cells_of``, genre g964)."""
    if _wraps(text, line):
        return True
    prev = text[previous[0] : previous[1]].rstrip()
    if len(prev.split()) > 1 and prev.split()[-1] in _CELL_UNFINISHED_CASED:  # "-" alone: an empty cell
        return True  # "Quý II và Quý" / "IV/2026", "Tháng 4 -" / "5/2026" (genre g1138)
    if _TIME_CELL.match(text, line[0]):
        return False  # "Tháng 6/2026" after a long partners' cell: the time column
    if _DASHED_PART.match(text, line[0]) and prev[-1:].isalnum() and len(prev) < 0.8 * width:
        return True  # "Phòng Kế hoạch" / "- Tài chính; Sở Tài chính": a name's part after its dash
    if prev.endswith(",") or (prev.split() and prev.split()[-1].lower() in _CELL_UNFINISHED):
        return True  # "Sở Văn hóa, Thể thao và" / "Du lịch" (genre g13)
    if _NAME_HEAD_AT_END.search(prev) and not _TIME_CELL.match(text, line[0]):
        return True  # "UBND các xã, phường; Trạm" / "Chăn nuôi và Thú y khu vực" (genre g1138)
    if prev.endswith(";") and match_key(text[line[0] : line[0] + 20]).startswith(CELL_HALVES):
        return True  # "Chủ trì: Sở Xây dựng;" / "Phối hợp: Sở Tài chính" (genre g1041)
    if prev.endswith(";") and cell_openers().match(match_key(text[line[0] : line[1]])):
        return True  # "Sở Tài chính;" / "UBND các xã: Vân Canh, Canh Liên": one cell's list (genre g988)
    if not prev or prev[-1] in ".;:" or len(prev) < 0.8 * width:
        return False
    return not cell_openers().match(match_key(text[line[0] : line[1]]))


_TIME_CELL = layout_cues()["time_cell"]  # "Tháng 6/2026", "Hằng quý": what opens a time cell


def _cells_of(text: str, lines: list[tuple[int, int]], roles: list[str | None], width: int) -> list[Cell]:
    """Group the lines of one row into cells for ``roles``, joining wrapped lines.

    A cell left empty leaves no line at all, so when lines are fewer than columns a line that
    reads as a time ("Quý II/2026", "Hằng quý") goes to the time column.
    """
    groups: list[list[tuple[int, int]]] = []
    one_each = len(lines) == len(roles) and not any(_wraps(text, line) for line in lines[1:])
    for line in lines:
        if groups and not one_each and _continues_cell(text, groups[-1][-1], line, width):
            groups[-1].append(line)
        else:
            groups.append([line])
    count = len(roles)
    content = roles.index("content") if "content" in roles else 0
    while len(groups) > count and content + 1 < len(groups):
        groups[content : content + 2] = [groups[content] + groups[content + 1]]  # the content wrapped
    spans = [Cell(g[0][0], g[-1][1]) for g in groups]
    if len(spans) == count or not spans:
        return spans + [Cell(spans[-1].end, spans[-1].end)] * (count - len(spans)) if spans else []
    cells: list[Cell | None] = [None] * count
    column = 0
    time = roles.index("time") if "time" in roles else -1
    dated = _trailing_dates(text, spans, content)
    if time == count - 1 and dated > 1:
        # "Thời hạn đã giao | Thời hạn mới" last, a partner cell left empty before them: the dates
        # fill the last columns (genre g754)
        time = count - dated
    for span in spans:
        if time >= 0 and column <= time and _TIME_CELL.match(text, span.start) and column != content:
            column = time
        if column >= count:
            break
        cells[column] = span
        column += 1
    end = spans[-1].end
    return [c if c is not None else Cell(end, end) for c in cells]


def _trailing_dates(text: str, spans: list[Cell], content: int) -> int:
    """How many of a row's last cells, after its content, read as times."""
    count = 0
    for span in reversed(spans[content + 1 :]):
        if not _TIME_CELL.match(text, span.start):
            break
        count += 1
    return count


def _blank_next(text: str, lines: list[tuple[int, int]], k: int) -> bool:
    return k + 1 < len(lines) and not text[lines[k + 1][0] : lines[k + 1][1]].strip()


def _flat_header(text: str, lines: list[tuple[int, int]], i: int) -> tuple[list[list[tuple[int, int]]], int]:
    """The header of a table flattened one cell per line, from its "STT" line ``i``: the cells
    after it, a label wrapped over two lines joined; and the index of the first line after it."""
    header: list[list[tuple[int, int]]] = [[lines[i]]]
    j = i + 1
    while j < len(lines) and len(header) < 12:
        hs, he = lines[j]
        label = text[hs:he].strip()
        if not label or _ROW_NUMBER.fullmatch(label) or _SECTION_AFTER_TABLE.match(label) or _GROUP_LABEL.match(label):
            break  # a row's number, or a group line ("I. HOÀN THIỆN THỂ CHẾ") before the first row
        if _letter_group(text, lines, j) is not None:
            break  # "A" / "NHIỆM VỤ TRỌNG TÂM" (genre g964)
        if label[:1].islower() and len(header) > 1:
            header[-1].append(lines[j])
        else:
            header.append([lines[j]])
        j += 1
    return header, j


def _flat_row_end(text: str, lines: list[tuple[int, int]], j: int, first_label: str = "STT", columns: int = 0) -> int:
    """The index of the line after the row whose number is line ``j``: the next row's number,
    the recipients, a blank line that ends the table (two, or one after a line for each of the
    row's ``columns``: the closing paragraph follows, genre g1571), or a page's foot ("Trang 2/3")
    or the header repeated on the next page."""
    k = j + 1
    filled = 0
    while k < len(lines):
        body = text[lines[k][0] : lines[k][1]].strip()
        if not body and columns and filled >= columns - 1:
            break
        filled += bool(body)
        if k > j + 1 and (
            _ROW_NUMBER.fullmatch(body) or _letter_group(text, lines, k) is not None or _lead_group_line(text, lines, k)
        ):
            break
        if k > j + 1 and (body == first_label or _PAGE_FOOT.fullmatch(body) or _RULE.fullmatch(body)):
            break
        if k > j + 1 and _GROUP_LABEL.match(body):
            break  # "Nhóm nhiệm vụ 2: ..." between two rows (genre g1138)
        if body.startswith(_RECIPIENTS_LABELS) or (not body and _blank_next(text, lines, k)):
            break
        if _SECTION_AFTER_TABLE.match(body) and (body[0] in "IVXLC" or _blank_before(text, lines, k)):
            break  # "IV. TỔ CHỨC THỰC HIỆN" after the last row (genre g60), or a group line
        k += 1
    return k


_PAGE_FOOT = re.compile(r"(?:[Tt]rang\s+)?\d{1,3}\s*/\s*\d{1,3}|[-–]+\s*\d{1,3}\s*[-–]+")  # "Trang 2/3", "- 2 -"


def _page_turn(text: str, lines: list[tuple[int, int]], j: int, labels: list[str]) -> int | None:
    """Where the rows go on after a page turn at line ``j``: past a page's foot, a running header
    ("6215/UBND-TH - Phụ lục") and the table's header repeated ("STT", "Nội dung", ...), within a
    few lines; None if the table's header does not come again there (genre g754)."""
    for k in range(j, min(j + 5, len(lines))):
        if text[lines[k][0] : lines[k][1]].strip() != labels[0]:
            continue
        after = k + 1
        for label in labels[1:]:
            while after < len(lines) and not text[lines[after][0] : lines[after][1]].strip():
                after += 1
            if after >= len(lines):
                return None
            line = text[lines[after][0] : lines[after][1]].strip()
            if line != label.split()[0] and not line.startswith(label[:12]):
                if not (line and label.startswith(line)):
                    return None
                # "Thời gian" / "thực hiện": the label wrapped again as on the first page (genre g1138)
                while after + 1 < len(lines) and label.startswith(f"{line} {text[slice(*lines[after + 1])].strip()}"):
                    after += 1
                    line = f"{line} {text[slice(*lines[after])].strip()}"
            after += 1
        return after
    return None


# A numbered heading with its words on the same line; a row's number stands alone on its line.
_SECTION_AFTER_TABLE = re.compile(r"(?:[IVXLC]{1,6}|\d{1,2})[.)]\s+\S")


def _group_line_end(text: str, lines: list[tuple[int, int]], j: int) -> int | None:
    """The index of the row number after a group line at ``j`` ("II. ĐỔI MỚI TƯ DUY, NÂNG CAO
    NHẬN THỨC", in capitals, perhaps wrapped over two lines), or None when line ``j`` is no
    group line or no row follows it (a section of the body after the table)."""
    body = text[lines[j][0] : lines[j][1]].strip()
    if not _SECTION_AFTER_TABLE.match(body) or body.upper() != body:
        return None
    for k in range(j + 1, min(j + 3, len(lines))):
        line = text[lines[k][0] : lines[k][1]].strip()
        if _ROW_NUMBER.fullmatch(line) and not _ROMAN.fullmatch(line):
            return k
        if not line or line.upper() != line:
            return None
    return None


_GROUP_LETTER = re.compile(r"[A-ZĐ][.)]?")


def _letter_group(text: str, lines: list[tuple[int, int]], j: int) -> int | None:
    """The index of the line after a group line whose letter stands on a line of its own ("A" /
    "NHIỆM VỤ TRỌNG TÂM", a merged cell copied one cell per line, genre g964), when line ``j``
    opens one and a row's number follows it; else None."""
    if j + 2 >= len(lines) or not _GROUP_LETTER.fullmatch(text[lines[j][0] : lines[j][1]].strip()):
        return None
    title = text[lines[j + 1][0] : lines[j + 1][1]].strip()
    following = text[lines[j + 2][0] : lines[j + 2][1]].strip()
    if not title or title.upper() != title or not any(c.isalpha() for c in title):
        return None
    return j + 2 if _ROW_NUMBER.fullmatch(following) else None


_LEAD_GROUP_LINE = re.compile(r"\d{1,2}[.)]\s+[A-ZĐ][^\W\d_]*\s+[^\W\d_]")


def _label_group(text: str, lines: list[tuple[int, int]], j: int) -> int | None:
    """The index of the row number after a labelled group line ("Nhóm nhiệm vụ 2: Tiêm phòng, chủ
    động nguồn vắc xin", perhaps wrapped once, genre g1138), or None."""
    if not _GROUP_LABEL.match(text[lines[j][0] : lines[j][1]].strip()):
        return None
    for k in (j + 1, j + 2):
        following = text[lines[k][0] : lines[k][1]].strip() if k < len(lines) else ""
        if _ROW_NUMBER.fullmatch(following) and not _ROMAN.fullmatch(following):
            return k
    return None


def _lead_group_line(text: str, lines: list[tuple[int, int]], j: int) -> int | None:
    """The index of the row number after a group line that names the lead of the rows under it
    ("1. Sở Xây dựng" / "1.1", in a table with no lead column, genre g933), or None."""
    if j + 1 >= len(lines) or not _LEAD_GROUP_LINE.match(text, *lines[j]):
        return None
    for k in (j + 1, j + 2):  # the title may wrap once: "2. Sở Văn hóa, Thể thao và" / "Du lịch"
        following = text[lines[k][0] : lines[k][1]].strip() if k < len(lines) else ""
        if _ROW_NUMBER.fullmatch(following) and not _ROMAN.fullmatch(following):
            return k
        if not following or following[0].isdigit():
            return None
    return None


def _blank_before(text: str, lines: list[tuple[int, int]], k: int) -> bool:
    return k > 0 and not text[lines[k - 1][0] : lines[k - 1][1]].strip()


def one_cell_per_line(text: str, lines: list[tuple[int, int]], heads: list[int]) -> list[Table]:
    """Tables flattened to one cell per line, found from an "STT" line (``heads``: where those
    lines start) and its header cells."""
    tables: list[Table] = []
    resume = 0  # the first line after the last table tried
    for head in heads:
        i = bisect_left(lines, (head,))
        if i < resume:
            continue
        s = lines[i][0]
        header, j = _flat_header(text, lines, i)
        labels = [" ".join(text[a:b].strip() for a, b in group) for group in header]
        roles = [column_role(label) for label in labels]
        if "content" not in roles or ("lead" not in roles and "coordinators" not in roles and "time" not in roles):
            continue  # with no lead column, kept if its group lines name the leads (``lead_groups_named``)
        table = Table(s, lines[j - 1][1], roles, header=[Cell(g[0][0], g[-1][1]) for g in header])
        width = max((b - a for a, b in lines[j : j + 200]), default=80)
        while j < len(lines):
            rs, re_ = lines[j]
            number = text[rs:re_].strip()
            if not number:
                j += 1
                continue
            if not _ROW_NUMBER.fullmatch(number):
                turned = _page_turn(text, lines, j, labels)
                if turned is not None:
                    j = turned
                    continue
                nxt = _group_line_end(text, lines, j) or _letter_group(text, lines, j) or _label_group(text, lines, j)
                if nxt is None and table.lead_groups:
                    nxt = _lead_group_line(text, lines, j)
                if nxt is None:
                    break
                # "II. ĐỔI MỚI TƯ DUY" between rows, the next row's number after it: a group line
                table.rows.append(Row(rs, lines[nxt - 1][1], [Cell(rs, lines[nxt - 1][1])] * len(roles), True))
                j = nxt
                continue
            k = _flat_row_end(text, lines, j, labels[0], len(roles))
            row_lines = [ln for ln in lines[j + 1 : k] if ln[1] > ln[0] and text[ln[0] : ln[1]].strip()]
            if not row_lines:
                break
            if _ROMAN.fullmatch(number) and len(row_lines) <= 2:
                cells = [Cell(rs, re_), Cell(row_lines[0][0], row_lines[-1][1])]
                cells += [Cell(row_lines[-1][1], row_lines[-1][1])] * (len(roles) - 2)
                table.rows.append(Row(rs, row_lines[-1][1], cells, True))
            else:
                cells = [Cell(rs, re_), *_cells_of(text, row_lines, roles[1:], width)]
                table.rows.append(Row(rs, row_lines[-1][1], cells, False))
            table.end = row_lines[-1][1]
            j = k
        if table.rows and (not table.lead_groups or lead_groups_named(text, table)):
            tables.append(table)
        resume = max(j, i + 1)
    return tables


def number_heads(text: str, start: int, end: int) -> list[int]:
    """Where the lines of ``text[start:end]`` that name the "STT" column start, found in one search
    and a look at the few short lines that open like a name of it: most notices have none, and
    their lines are not looked at one by one."""
    chunk = "\n" + text[start:end]  # a break before the first line too: each line starts after one
    heads = []
    for match in vocabulary().number_head.finditer(chunk):
        line_end = chunk.find("\n", match.end())
        line = chunk[match.end() : line_end if line_end >= 0 else len(chunk)]
        if names_numbers(line):
            heads.append(start + match.end() - 1)  # ``chunk`` has one character more than the text
    return heads
