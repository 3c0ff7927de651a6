"""What a browser prints between the pages of a web page saved as PDF and copied as text: the
page's address with "1/3" at a page's foot, then the date, time and title at the next page's head
(genre g742). They are no paragraph, and a paragraph the page cut goes on across them."""

from __future__ import annotations

import re

_PRINT_HEADER = re.compile(r"\s*\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*(?:SA|CH|AM|PM))?\s+\S.*", re.I)
_PRINT_FOOTER = re.compile(r"\s*(?:https?://|www\.)\S+\s+\d{1,3}\s*/\s*\d{1,3}\s*")
_PAGE_OF = re.compile(r"\s*\d{1,3}\s*/\s*\d{1,3}\s*")


def printed_page_mark(contents: list[str], i: int) -> bool:
    """Whether line ``i`` is what a browser prints between the pages of a web page: the page's
    address and "1/3" at a page's foot, "2/3" alone, then the date, time and title at the next
    page's head ("12/12/2026 10:47 Chủ tịch UBND tỉnh ..."). A "2/3" or a dated line is taken only
    beside the other, so that a table's "10/12" cell stays."""
    content = contents[i]
    if _PRINT_FOOTER.fullmatch(content):
        return True
    nearby = [c for c in contents[max(0, i - 2) : i + 3] if c and c is not content]
    if _PAGE_OF.fullmatch(content):
        return any(_PRINT_HEADER.fullmatch(c) or _PRINT_FOOTER.fullmatch(c) for c in nearby)
    if _PRINT_HEADER.fullmatch(content):
        return any(_PAGE_OF.fullmatch(c) or _PRINT_FOOTER.fullmatch(c) for c in nearby)
    return False


def print_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the lines in ``text[start:end]`` that a browser printed between two pages
    (``printed_page_mark``): a paragraph the page cut goes on across them, so the rules must read
    past them as past a line break (the text may be the lowercased match key)."""
    lines = text[start:end].split("\n")
    spans, pos = [], start
    for i, line in enumerate(lines):
        if "/" in line and printed_page_mark(lines, i):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans
