"""Reading order of a page: full-width text, and side-by-side blocks read one column after the other.

A notice prints its header as two columns (issuer, number and subject on the left; "CỘNG HÒA
XÃ HỘI CHỦ NGHĨA VIỆT NAM", motto, place and date on the right) and its end the same way
("Nơi nhận:" and its list on the left, the signature on the right). The Word file holds them
in a borderless table that the DOCX reader reads cell after cell; here they are rows of text
with a blank gutter running down between two groups of pieces, and we read the left pieces
of the block top to bottom, then the right ones, so that both readers agree.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

from chidao.text.readers.pdf_lines import Line

# A gutter must run through this middle share of the text width (header cells are about 1/3 : 2/3).
_GUTTER_ZONE = (0.2, 0.8)
# A block stops at a row this many line heights below the previous one (a title, a paragraph);
# twice as many when the row has text on both sides of the gutter.
_MAX_ROW_GAP = 2.2
_SIGNATURE_GAP = 8.0  # the signer's name, in the right column below the space left for signature and seal


@dataclass(frozen=True)
class Flow:
    """Lines read in order: the body's full-width text, or one column of a side-by-side block."""

    lines: list[Line]
    column: bool = False


def page_flows(rows: list[list[Line]], left: float, right: float) -> list[Flow]:
    """The page's lines in reading order, as flows; ``left``/``right`` bound the body text."""
    flows: list[Flow] = []
    body: list[Line] = []
    index = 0
    while index < len(rows):
        end, gutter = _block(rows, index, left, right)
        if gutter is None:
            body.append(_merged(rows[index]))
            index += 1
            continue
        if body:
            flows.append(Flow(body))
            body = []
        block = rows[index:end]
        for side in (0, 1):
            lines = [_merged(pieces) for row in block if (pieces := _side(row, gutter, side))]
            if lines:
                flows.append(Flow(lines, column=True))
        index = end
    if body:
        flows.append(Flow(body))
    return flows


def _block(rows: list[list[Line]], start: int, left: float, right: float) -> tuple[int, tuple[float, float] | None]:
    """End and gutter of the side-by-side block starting at ``rows[start]``, or (start, None)."""
    width = max(right - left, 1.0)
    zone = (left + _GUTTER_ZONE[0] * width, left + _GUTTER_ZONE[1] * width)
    free = [gap for gap in _gaps(rows[start]) if gap[1] > zone[0] and gap[0] < zone[1]]
    if not free:
        return start, None
    end = start + 1
    while end < len(rows) and (narrowed := _narrow(free, rows[end])):
        if _row_gap(rows[end], rows[end - 1]) > _allowed_gap(rows[end], narrowed, left, right):
            break
        free = narrowed
        end += 1
    gutter = max(free, key=lambda gap: gap[1] - gap[0])
    return end, gutter


def _row_gap(row: list[Line], previous: list[Line]) -> float:
    """How many line heights ``row`` is below ``previous``."""
    return (row[0].y - previous[0].y) / max(max(line.size for line in previous), 1.0)


def _allowed_gap(row: list[Line], free: list[tuple[float, float]], left: float, right: float) -> float:
    """How far below the block's last row ``row`` may be and still belong to it (0: it does not)."""
    if _both_sides(row, free):
        return 2 * _MAX_ROW_GAP
    if len(row) > 1:
        return _MAX_ROW_GAP
    line = row[0]
    gutter = max(free, key=lambda gap: gap[1] - gap[0])
    middle, column_middle = (left + right) / 2, (gutter[1] + right) / 2
    if line.x1 <= gutter[0]:  # the left column, or a short body line: only right below the block
        return _MAX_ROW_GAP
    if abs(line.center - middle) < abs(line.center - column_middle):
        return 0.0  # centred on the page: a title under the header
    return _SIGNATURE_GAP  # the right column: the signer's name below the space for the signature


def _both_sides(row: list[Line], free: list[tuple[float, float]]) -> bool:
    """Whether the row has text on both sides of one of the ``free`` stretches."""
    return any(row[0].x1 <= start and row[-1].x0 >= end for start, end in free)


def _gaps(row: list[Line]) -> list[tuple[float, float]]:
    """Blanks between the row's pieces (only a row of several pieces has any)."""
    return [(a.x1, b.x0) for a, b in itertools.pairwise(row) if b.x0 > a.x1]


def _narrow(free: list[tuple[float, float]], row: list[Line]) -> list[tuple[float, float]]:
    """What stays blank of the ``free`` stretches once ``row``'s pieces are printed."""
    result = free
    for line in row:
        kept = []
        for start, end in result:
            if line.x1 <= start or line.x0 >= end:
                kept.append((start, end))
                continue
            if line.x0 > start:
                kept.append((start, line.x0))
            if line.x1 < end:
                kept.append((line.x1, end))
        result = kept
    minimum = min(line.size for line in row) * 0.5
    return [(start, end) for start, end in result if end - start >= minimum]


def _side(row: list[Line], gutter: tuple[float, float], side: int) -> list[Line]:
    return [line for line in row if (line.x1 <= gutter[0]) == (side == 0)]


def _merged(pieces: list[Line]) -> Line:
    """One line from the pieces of a row on the same side (a tab in "Số:<tab>/TB-UBND")."""
    if len(pieces) == 1:
        return pieces[0]
    first, last = pieces[0], pieces[-1]
    text = " ".join(piece.text for piece in pieces)
    return replace(first, text=text, x1=last.x1)
