"""Tables copied with their frame, "| 1 | Rà soát ... | Sở Tư pháp | Quý I/2027 |", whose rows a
PDF's wrap spreads over several lines: the lines of one row joined back into one (genre k08)."""

from __future__ import annotations

import re
from collections.abc import Callable

_NUMBERED_ROW = re.compile(r"\|?\s*(?:\d{1,3}(?:\.\d{1,2})*|[IVXLC]{1,6})[.)]?\s*\|")  # "12 | ...", "| IV |"
_ROW_START = re.compile(r"\|\s*(?:\d{1,3}(?:\.\d{1,2})*|[IVXLC]{1,6})[.)]?\s*\|")  # "| 12 |", "| IV |"


def framed_rows(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines of a table framed by pipes ("| 1 | Rà soát ... |"), a row wrapped over several
    lines joined into one: a row goes on until it closes with "|" and holds as many cells as the
    header (genre k08, a PDF's table copied with its frame). Other lines stay as they are."""
    out: list[tuple[int, int]] = []
    columns = 0
    unframed = 0  # the cells of the last row written without a frame ("Chủ trì | TT | Nội dung")
    i = 0
    while i < len(lines):
        s, e = lines[i]
        line = text[s:e].strip()
        if not line.startswith("|") and line.count("|") >= 2:
            unframed = line.count("|") + 1
        whole = columns == 0 and 0 < unframed <= line.count("|") + 1  # " | 2 | ...": a blank first cell (g966)
        if not line.startswith("|") or whole or (line.endswith("|") and line.count("|") - 1 >= columns > 0):
            out.append((s, e))
            i += 1
            continue
        j, joined = i, line
        while not (joined.endswith("|") and (columns == 0 or joined.count("|") - 1 >= columns)):
            if j + 1 >= len(lines):
                break
            following = text[lines[j + 1][0] : lines[j + 1][1]].strip()
            if not following or (following.startswith("|") and _ROW_START.match(following)):
                break
            j += 1
            joined = f"{joined} {following}"
        if columns == 0 and joined.endswith("|"):
            columns = joined.count("|") - 1  # the header's
        out.append((s, lines[j][1]))
        i = j + 1
    return out


def unframed_row(
    text: str, lines: list[tuple[int, int]], i: int, cells: Callable[[int], int], wanted: int
) -> tuple[int, int]:
    """The last line, and where it ends, of a row without a frame that a PDF's wrap spread over the
    lines from ``i`` on ("1 | Xây dựng ... |" / "Kho dữ liệu ... | Sở Khoa học và Công nghệ | Văn phòng"
    / "UBND tỉnh | Quý II/2027", genre g291): lines are joined while the row holds fewer than
    ``wanted`` cells (``cells(end)`` counts them up to ``end``), up to a blank line or the next row."""
    end = lines[i][1]
    while cells(end) < wanted and i + 1 < len(lines):
        start, stop = lines[i + 1]
        following = text[start:stop].strip()
        if not following or _NUMBERED_ROW.match(following):
            break
        i, end = i + 1, stop
    return i, end
