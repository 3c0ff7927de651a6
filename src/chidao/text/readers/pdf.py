"""PDF: the text layer of every page, as the paragraphs of the document it was printed from.

The glyphs and their positions come from PDFium (``pdf_glyphs``); we put them in lines by
position (``pdf_lines``), read side-by-side blocks column by column (``pdf_columns``) and
join the lines a paragraph was wrapped into (``pdf_paragraphs``), so that a notice's PDF reads
like its DOCX. On the way we drop what the Word file keeps outside the body: running headers
and footers (lines recurring at the top or bottom of most pages, digits ignored so that page
numbers match each other), bare page numbers, and footnotes with their calls.

A PDF without a text layer is a scan, and one whose text layer decodes to garbage (a font
without a Unicode map) is no better: we say so instead of returning nothing or nonsense,
because OCR is the user's next step (``quality``).
"""

from __future__ import annotations

import math
import re
from collections import Counter

import pypdfium2 as pdfium

from chidao.text.readers import quality
from chidao.text.readers.errors import Failure, Unreadable
from chidao.text.readers.pdf_columns import page_flows
from chidao.text.readers.pdf_glyphs import open_pdf, page_glyphs
from chidao.text.readers.pdf_lines import Line, page_lines
from chidao.text.readers.pdf_paragraphs import Margins, mend_lines, paragraphs

MAX_PAGES = 300  # checked before any page is read; a notice has a few, a plan with appendices a few dozen
MAX_PAGE_GLYPHS = 50_000  # a dense page holds about 5,000 characters
MAX_GLYPHS = 1_000_000  # the whole document: 300 pages of 3,300 characters
_ZONE = 3  # rows at the top and at the bottom of a page where running headers live
_MIN_PAGES_SHARE = 0.6
# "3", "- 3 -", "Trang 3/5", "Page 3 of 5": up to 999, so that a year wrapped onto a line of its
# own ("Lâm Đồng, ngày 15 tháng 5 năm" / "2026") stays.
_PAGE_NUMBER = re.compile(
    r"^[\s\-–—.(\[]*(?:(?:trang|page|tr\.)\s*)?\d{1,3}(?:\s*(?:/|of|trên)\s*\d{1,3})?[\s\-–—.)\]]*$", re.I
)
_NOTE_START = re.compile(r"\d{1,3}")
_SMALL_PRINT = 0.88  # of the body's size: footnotes are printed smaller

Rows = list[list[Line]]


def read_pdf(data: bytes) -> str:
    """The text of a PDF, one paragraph per line."""
    pages, width = _read_pages(data)
    body_size = _body_size(pages)
    pages = [_drop_footnotes(rows, body_size) for rows in pages]
    pages = _strip_running_rows(pages)
    first = Margins.of([row[0] for rows in pages for row in rows if len(row) == 1], width)
    flows = [flow for rows in pages for flow in page_flows(rows, first.left, first.right)]
    margins = Margins.of([line for flow in flows if not flow.column for line in flow.lines], width)
    text = "\n".join(paragraphs(flows, margins))
    reason = quality.garbled(text)  # before the scan test: a garbled layer may have no letters at all
    if reason:
        raise Unreadable(reason, Failure.GARBLED)
    if len(re.findall(r"\w", text)) < max(20, 5 * len(pages)):
        raise Unreadable("no text layer (scanned image?); OCR it first", Failure.NO_TEXT_LAYER)
    return text


def _read_pages(data: bytes) -> tuple[list[Rows], float]:
    """Rows of line pieces of every page, and the width of the widest page.

    The page count is the page tree's own (its root's ``/Count``, which PDFium reads without
    walking the tree: a tree that repeats one page 90,000 times, or loops, costs nothing), checked
    before any page is read; each page's characters are counted before they are read, and the
    document's as they add up. A page PDFium cannot read counts as empty.
    """
    pages: list[Rows] = []
    width = 0.0
    failures = glyphs = 0
    with open_pdf(data) as document:
        count = len(document)
        if count > MAX_PAGES:
            raise Unreadable(f"PDF too long ({count} pages > {MAX_PAGES})", Failure.PDF_TOO_LONG)
        for index in range(count):
            try:
                page = page_glyphs(document, index, MAX_PAGE_GLYPHS)
            except pdfium.PdfiumError:  # one broken page must not lose the others
                failures += 1
                continue
            glyphs += len(page.glyphs)
            if glyphs > MAX_GLYPHS:
                raise Unreadable(
                    f"PDF has too much text (over {MAX_GLYPHS:,} characters by page {index + 1})",
                    Failure.PDF_TOO_MUCH_TEXT,
                )
            width = max(width, page.width)
            pages.append(page_lines(page.glyphs, index))
    if failures and failures == count:
        raise Unreadable("corrupt PDF file (no page could be read)", Failure.CORRUPT)
    return pages, width


def _body_size(pages: list[Rows]) -> float:
    """The font size most of the text is printed in."""
    sizes: Counter[float] = Counter()
    for rows in pages:
        for row in rows:
            for line in row:
                sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _drop_footnotes(rows: Rows, body_size: float) -> Rows:
    """Remove the page's footnotes and their calls; the DOCX reader does not read footnotes either.

    Footnotes are the small print at the bottom of the page, each opening with the number of a
    call printed raised and small in the text above ("Bảo Lộc¹"). Small print at the bottom
    without such a call (a table's notes, a footer) is kept.
    """
    calls = {
        line.text[start:end]
        for row in rows
        for line in row
        for start, end in line.notes
        if line.size >= _SMALL_PRINT * body_size
    }
    if not calls:
        return rows
    bottom = len(rows)
    while bottom and all(line.size < _SMALL_PRINT * body_size for line in rows[bottom - 1]):
        bottom -= 1
    first = next(
        (
            index
            for index in range(bottom, len(rows))
            if (match := _NOTE_START.match(rows[index][0].text)) and match.group() in calls
        ),
        None,
    )
    if first is None:
        return rows
    dropped = {match.group() for row in rows[first:] if (match := _NOTE_START.match(row[0].text))}
    return [[_without_calls(line, dropped) for line in row] for row in rows[:first]]


def _without_calls(line: Line, numbers: set[str]) -> Line:
    if not line.notes:
        return line
    return line.without([(start, end) for start, end in line.notes if line.text[start:end] in numbers])


def _strip_running_rows(pages: list[Rows]) -> list[Rows]:
    texts = [[" ".join(line.text for line in row) for row in rows] for rows in pages]
    dropped = running_lines(texts)
    return [
        [row for index, row in enumerate(rows) if index not in gone] for rows, gone in zip(pages, dropped, strict=True)
    ]


def running_lines(pages: list[list[str]]) -> list[set[int]]:
    """Per page, the indexes of its running header/footer lines and bare page numbers."""
    repeated = _repeated_edge_lines(pages)
    result = []
    for page in pages:
        last = len(page) - _ZONE
        result.append(
            {
                index
                for index, line in enumerate(page)
                if (index < _ZONE or index >= last) and (_key(line) in repeated or _PAGE_NUMBER.match(line))
            }
        )
    return result


def strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop running headers/footers (lines recurring at a page edge) and bare page numbers."""
    return [
        [line for index, line in enumerate(page) if index not in gone]
        for page, gone in zip(pages, running_lines(pages), strict=True)
    ]


def _repeated_edge_lines(pages: list[list[str]]) -> set[str]:
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_key(line) for line in page[:_ZONE] + page[-_ZONE:]})
    needed = max(2, math.ceil(_MIN_PAGES_SHARE * len(pages)))
    return {key for key, count in counts.items() if count >= needed}


def _key(line: str) -> str:
    """A line's identity across pages: digits and spacing ignored ("Trang 2/5" ~ "Trang 3/5")."""
    return re.sub(r"\d+", "#", " ".join(line.split())).casefold()


def join_hyphenated(lines: list[str]) -> list[str]:
    """Join a line ending in "letter-" to the next when that starts in lowercase (see ``mend_lines``)."""
    return mend_lines(lines)
