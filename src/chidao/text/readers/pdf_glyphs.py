"""The glyphs of a PDF's text layer with their geometry, read with PDFium (pypdfium2).

Reading order is not taken from the content stream: word processors draw a letter their font
lacks with a fallback font, as a separate text object after the rest of the line (LibreOffice
with Liberation 1.x, whose fonts lack "Ỉ", "Ồ", draws "TỈNH LÂM ĐỒNG" as "T NH LÂM Đ NG" then
"Ỉ", "Ồ"). Engines that follow the stream return "T NH LÂM Đ NGỈ Ồ"; we keep every glyph's
position and let ``pdf_lines`` put it back where it was printed.

PDFium is not thread-safe, not even across documents: every call goes through ``LOCK``, and
every handle is closed explicitly inside it (never left to the garbage collector, which may
run in another thread).
"""

from __future__ import annotations

import ctypes
import math
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from chidao.text.readers.errors import Failure, Unreadable

LOCK = threading.Lock()
_PASSWORD_ERRORS = (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY)
_LINE_BREAKS = frozenset("\r\n")
_ANGLE_TOLERANCE = 0.05


@dataclass(frozen=True, slots=True)
class Glyph:
    """One printed character: its text, advance box, baseline and size.

    Coordinates are in points, x to the right and y downwards from the top of the page (as
    read), whatever the page's rotation.
    """

    char: str
    x0: float
    x1: float
    y: float
    size: float


@dataclass(frozen=True, slots=True)
class PageGlyphs:
    width: float
    height: float
    glyphs: list[Glyph]


@contextmanager
def open_pdf(data: bytes) -> Iterator[pdfium.PdfDocument]:
    """The document, under the PDFium lock; ``Unreadable`` when encrypted or not a PDF."""
    with LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            if error.err_code in _PASSWORD_ERRORS:
                raise Unreadable("encrypted PDF", Failure.ENCRYPTED) from None
            raise Unreadable("corrupt PDF file (PDFium cannot open it)", Failure.CORRUPT) from None
        try:
            yield document
        finally:
            document.close()


def page_glyphs(document: pdfium.PdfDocument, index: int, max_glyphs: int) -> PageGlyphs:
    """The glyphs of one page (the caller holds ``LOCK``); ``Unreadable`` past ``max_glyphs``."""
    page = document[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            count = raw.FPDFText_CountChars(textpage)
            if count > max_glyphs:
                raise Unreadable(
                    f"PDF page {index + 1} has too much text ({count} characters)", Failure.PDF_PAGE_TOO_DENSE
                )
            glyphs = _read_glyphs(textpage, count)
        finally:
            textpage.close()
    finally:
        page.close()
    return _upright(glyphs, width, height)


class _RawGlyph(NamedTuple):
    """A glyph as PDFium gives it: page space (y up), its advance box, baseline origin and turn."""

    char: str
    box: tuple[float, float, float, float]
    origin: tuple[float, float]
    quarter: int | None
    size: float


def _read_glyphs(textpage: pdfium.PdfTextPage, count: int) -> list[_RawGlyph]:
    # One C call per fact and glyph: the functions and the handle are looked up once.
    handle = textpage.raw
    generated, loose_box, origin_of = raw.FPDFText_IsGenerated, raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharOrigin
    angle_of, size_of = raw.FPDFText_GetCharAngle, raw.FPDFText_GetFontSize
    box = raw.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    glyphs = []
    for index in range(count):
        if generated(handle, index):
            continue  # spaces and line breaks PDFium guessed from the stream order: we place words ourselves
        char = _char(handle, index)
        if char in _LINE_BREAKS or not loose_box(handle, index, box):
            continue
        origin_of(handle, index, x, y)
        glyphs.append(
            _RawGlyph(
                char,
                (box.left, box.bottom, box.right, box.top),
                (x.value, y.value),
                _quarter(max(angle_of(handle, index), 0.0)),
                size_of(handle, index),
            )
        )
    return glyphs


def _char(handle: raw.FPDF_TEXTPAGE, index: int) -> str:
    if raw.FPDFText_IsHyphen(handle, index):
        return "-"  # PDFium reports a hyphen that ends a line as U+0002
    code = raw.FPDFText_GetUnicode(handle, index)
    return chr(code) if code < 0x110000 else "\ufffd"


def _quarter(angle: float) -> int | None:
    """The quarter turn (0-3) an angle is, or None for a slanted glyph (a stamp, a watermark)."""
    quarter = round(angle / (math.pi / 2))
    return quarter % 4 if abs(angle - quarter * math.pi / 2) < _ANGLE_TOLERANCE else None


def _upright(glyphs: list[_RawGlyph], width: float, height: float) -> PageGlyphs:
    """The glyphs of the page's main direction in reading space (x along the line, y down the page).

    Landscape pages are often portrait pages with their text turned a quarter; glyphs at any other
    angle than the page's main one (a stamp, a vertical note in the margin) are dropped.
    """
    counts = Counter(glyph.quarter for glyph in glyphs)
    counts.pop(None, None)
    turn = counts.most_common(1)[0][0] if counts else 0
    if turn == 0:  # the usual page: only y is turned downwards
        upright = [Glyph(g.char, g.box[0], g.box[2], height - g.origin[1], g.size) for g in glyphs if g.quarter == 0]
        return PageGlyphs(width, height, upright)
    # PDFium measures angles clockwise; the text's direction, counterclockwise from the x axis:
    ccw = -turn % 4
    cos, sin = (1, 0, -1, 0)[ccw], (0, 1, 0, -1)[ccw]
    # Offsets that put the reading space's origin at the top left corner of the turned page.
    shift_x, shift_y = ((0, height), (0, 0), (width, 0), (height, width))[ccw]
    upright = []
    for glyph in glyphs:
        if glyph.quarter != turn:
            continue
        left, bottom, right, top = glyph.box
        along = [cos * px + sin * py + shift_x for px in (left, right) for py in (bottom, top)]
        ox, oy = glyph.origin
        y = sin * ox - cos * oy + shift_y  # the baseline, downwards
        upright.append(Glyph(glyph.char, min(along), max(along), y, glyph.size))
    if turn % 2:
        width, height = height, width
    return PageGlyphs(width, height, upright)
