"""Printed lines from positioned glyphs: glyphs sharing a baseline, in left-to-right order.

A row of glyphs on one baseline may hold several pieces of text far apart (the two columns of
a notice's header, "Nơi nhận:" beside "KT. CHỦ TỊCH"): a wide blank cuts the row into separate
``Line`` pieces; ``pdf_paragraphs`` decides which of them belong together. Spaces are put
where the glyphs leave a gap, whether or not the PDF draws a space glyph there.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass, replace

from chidao.text.chars import UPPER
from chidao.text.readers.pdf_glyphs import Glyph

# A row's glyphs share a baseline within this share of their size (superscripts included).
_BASELINE_TOLERANCE = 0.45
# A gap wider than this share of the font size is a space between words.
_WORD_GAP = 0.15
# A gap wider than this share of the font size, and than this many of the row's usual spaces,
# separates two pieces of text on one row.
_PIECE_GAP, _PIECE_SPACES = 1.6, 2.0
# A digit smaller than this share of the line's size, raised by this share above its baseline.
_SMALL, _RAISED = 0.8, 0.2
# A row of at most this many small glyphs, less than this share of the next row's size above it, is raised text.
_RAISED_MAX_GLYPHS, _RAISED_REACH = 3, 0.75
_TIGHT_MARKER = re.compile(rf"(?:\d{{1,2}}(?:\.\d{{1,2}})*\.|[IVX]{{1,5}}\.|[a-zđ]\))(?=[{UPPER}])")
_SPACES = frozenset(" \u00a0\u2002\u2003\u2009\u3000\t")


@dataclass(frozen=True, slots=True)
class Line:
    """A printed line (or a piece of a row): its text and where and how it is printed."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    page: int
    first_word: float  # width of the first word, to tell whether it would have fitted on the line above
    notes: tuple[tuple[int, int], ...] = ()  # spans of ``text`` printed as raised small digits: note calls

    def without(self, spans: list[tuple[int, int]]) -> Line:
        """The line with these spans of its text removed (note calls whose notes were dropped)."""
        text = self.text
        for start, end in sorted(spans, reverse=True):
            text = text[:start] + text[end:]
        return replace(self, text=text, notes=())

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


def page_lines(glyphs: list[Glyph], page: int) -> list[list[Line]]:
    """Rows of the page from top to bottom, each a list of the line pieces on it from left to right."""
    return [pieces for row in _rows(glyphs) if (pieces := _pieces(row, page))]


def _rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped by baseline, top to bottom, each row sorted left to right."""
    rows: list[list[Glyph]] = []
    top = size = 0.0
    for glyph in sorted(glyphs, key=lambda g: g.y):
        if rows and glyph.y - top <= _BASELINE_TOLERANCE * max(glyph.size, size):
            rows[-1].append(glyph)
            size = max(size, glyph.size)
        else:
            rows.append([glyph])
            top, size = glyph.y, max(glyph.size, 1.0)
    return [sorted(row, key=lambda g: (g.x0, g.x1)) for row in _attach_raised(rows)]


def _attach_raised(rows: list[list[Glyph]]) -> list[list[Glyph]]:
    """Put a few small glyphs raised above the next row into it: a note call ("Lộc¹") or an exponent.

    In a font with tall line spacing they sit farther above their line than the baseline
    tolerance, and would otherwise be a row of their own.
    """
    result: list[list[Glyph]] = []
    for index, row in enumerate(rows):
        below = rows[index + 1] if index + 1 < len(rows) else None
        if below and len(row) <= _RAISED_MAX_GLYPHS:
            size = max(glyph.size for glyph in below)
            small = all(glyph.size < _SMALL * size for glyph in row)
            if small and 0 < below[0].y - row[0].y < _RAISED_REACH * size:
                below.extend(row)
                continue
        result.append(row)
    return result


def _pieces(row: list[Glyph], page: int) -> list[Line]:
    """Cut a row where it has a wide blank, and turn each piece into a ``Line``.

    A blank is wide when it is wider than ``_PIECE_GAP`` font sizes and than ``_PIECE_SPACES``
    times the row's other spaces between words: justified text with few words on a line
    stretches all its spaces alike, a gutter between two columns is wider than the spaces of
    the (justified) text beside it.
    """
    glyphs = [glyph for glyph in row if glyph.char not in _SPACES]
    if not glyphs:
        return []
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(glyphs)]
    spaces = sorted(gap for gap, a in zip(gaps, glyphs, strict=False) if gap > _WORD_GAP * max(a.size, 1.0))
    pieces: list[list[Glyph]] = [[glyphs[0]]]
    for glyph, gap in zip(glyphs[1:], gaps, strict=True):
        if gap > _PIECE_GAP * max(glyph.size, 1.0) and gap > _PIECE_SPACES * _usual(spaces, gap):
            pieces.append([])
        pieces[-1].append(glyph)
    return [_line(piece, page) for piece in pieces]


def _usual(spaces: list[float], gap: float) -> float:
    """The median of the row's spaces other than ``gap`` (0 when there is no other)."""
    others = list(spaces)
    if gap in others:
        others.remove(gap)
    return statistics.median(others) if others else 0.0


def _line(glyphs: list[Glyph], page: int) -> Line:
    letters = [glyph for glyph in glyphs if glyph.char.isalnum()] or glyphs
    size = statistics.median(glyph.size for glyph in letters)
    baseline = statistics.median(glyph.y for glyph in letters)
    parts: list[str] = []
    notes: list[tuple[int, int]] = []
    length = 0
    right = glyphs[0].x0
    first_word = 0.0
    for glyph in glyphs:
        if parts and glyph.x0 - right > _WORD_GAP * max(glyph.size, 1.0):
            first_word = first_word or right - glyphs[0].x0
            parts.append(" ")
            length += 1
        if _is_note_call(glyph, size, baseline):
            if notes and notes[-1][1] == length:
                notes[-1] = (notes[-1][0], length + 1)
            else:
                notes.append((length, length + 1))
        parts.append(glyph.char)
        length += 1
        right = max(right, glyph.x1)
    text = "".join(parts)
    tight = _TIGHT_MARKER.match(text)
    if tight:  # "1.Thống nhất": a list's number drawn against its text; the Word file has a space or tab
        cut = tight.end()
        text = text[:cut] + " " + text[cut:]
        notes = [(start + (start >= cut), end + (start >= cut)) for start, end in notes]
    return Line(
        text=text,
        x0=glyphs[0].x0,
        x1=right,
        y=baseline,
        size=size,
        page=page,
        first_word=first_word or right - glyphs[0].x0,
        notes=tuple(notes),
    )


def _is_note_call(glyph: Glyph, size: float, baseline: float) -> bool:
    """A digit printed small and raised: a footnote call ("Bảo Lộc¹"), or an exponent ("m²")."""
    return glyph.char.isdigit() and glyph.size < _SMALL * size and glyph.y < baseline - _RAISED * size
