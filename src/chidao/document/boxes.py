"""Boxes drawn with ASCII around a web page's sidebar ("+----+" above and below, "| ... |" on
each line), as a copy of a news page keeps them: the box's frame is no text, and its lines are
the article's (a sidebar "BỘ TRƯỞNG GIAO NHIỆM VỤ" with "• Cục X chủ trì ..." bullets, genre g802).
The frame is blanked out, so that every offset stays where it was; done on the raw text, before
normalization takes the spaces left at the lines' ends away."""

from __future__ import annotations

import re

_FRAME = re.compile(r"^[ \t]*\+[-=+]{3,}\+[ \t\r]*$", re.MULTILINE)  # "+------+"
_BOXED = re.compile(r"^[ \t]*\|(?=[^|\n]*\|[ \t\r]*$)", re.MULTILINE)  # a line with one cell: "| ... |"


def unbox(text: str) -> str:
    """``text`` with the frames of its ASCII boxes replaced by spaces (same length)."""
    if "+--" not in text:
        return text  # most documents: no box
    frames = [m.span() for m in _FRAME.finditer(text)]
    if len(frames) < 2:
        return text
    chars = list(text)
    for (top_start, top_end), (bottom_start, bottom_end) in zip(frames[::2], frames[1::2], strict=False):
        for start, end in ((top_start, top_end), (bottom_start, bottom_end)):
            chars[start:end] = " " * (end - start)
        for line in _BOXED.finditer(text, top_end, bottom_start):
            bar = line.end() - 1
            chars[bar] = " "
            close = text.rfind("|", bar + 1, text.find("\n", bar + 1) if text.find("\n", bar + 1) >= 0 else len(text))
            if close > bar:
                chars[close] = " "
    return "".join(chars)
