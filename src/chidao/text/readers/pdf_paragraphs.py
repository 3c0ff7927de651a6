"""Printed lines back into paragraphs, the way the Word file had them: one paragraph per line.

A PDF only knows where each line was printed. A line is the end of its paragraph when the
next line's first word would have fitted after it (the writer broke the line, not the
margin), when the next line stands apart (more space above, another size, an
indent or outdent against the paragraph's wrapped lines), or when it ends a sentence and the
next line opens a list item ("1.", "a)", "-", "+"). A line whose next one starts in lowercase
goes on, since a Vietnamese paragraph never starts that way. In the columns of the header and
signature blocks every line stands alone unless the next one starts in lowercase or with a
digit, or the line ends in a comma or semicolon and no list item follows: the cells' edges are
not printed, so the width test cannot be made there, and their paragraphs are short lines
("ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG").

The font's size is used, its weight is not: notices set a deadline in bold in the middle of a
sentence, and a task's lead-in in bold at the start of a paragraph that goes on in regular type.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from chidao.text.readers.pdf_columns import Flow
from chidao.text.readers.pdf_lines import Line

_MARKER = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][).]|[IVXLC]{1,6}\.|\(\d{1,2}\)|[-–—+•*])(?:\s|$)")
_SENTENCE_END = re.compile(r"[.:;!?…]\W*$")
_WORD_HYPHEN_END = re.compile(r"(?<=[^\W\d_])-$")
_HYPHEN_END = re.compile(r"(?<=[^\W_])-$")
_SPACE_WIDTH = 0.25  # of the font size: a space, the least a word needs after the previous one
_FIT_TOLERANCE = 0.5  # of the font size: a justified line may stop this short of the margin
_INDENT = 0.8  # of the font size: an indent or outdent that starts a new paragraph
_CENTERED = 0.4  # of the font size: how far apart the middles of two centred lines may be
_PARAGRAPH_GAP = 1.25  # times the usual line pitch: extra space above starts a paragraph
_SIZE_CHANGE = 0.12  # relative size difference that marks a heading or a footnote
_FEW_LINES = 12  # a text of fewer lines may show its left margin only once


@dataclass(frozen=True)
class Margins:
    """Where the body's lines start and end (the most common x0 and x1 of full lines)."""

    left: float
    right: float
    pitch: float  # the usual distance between the baselines of two lines of one paragraph, per point of size

    @classmethod
    def of(cls, lines: list[Line], page_width: float) -> Margins:
        """The margins of these lines on pages ``page_width`` wide.

        Justified text ends most lines at the right margin. Without such a common end (ragged
        text, a notice of short paragraphs) the longest line says little: the right margin is
        taken to be at least as far from the page's edge as the left one, as Nghị định
        30/2020/NĐ-CP has it (left 30-35 mm, right 15-20 mm).
        """
        if not lines:
            return cls(0.0, page_width, 1.2)
        ends = [line.x1 for line in lines]
        middle = statistics.median(ends)
        right = _mode([end for end in ends if end >= middle])  # short lines may end alike too
        left = _leftmost_common([line.x0 for line in lines])
        size = statistics.median(line.size for line in lines)
        if right is None or max(ends) > right + _INDENT * size:
            # No common end, or one that a longer line passes: short lines ending alike ("Giao."
            # three times after a wrapped paragraph) mark no margin.
            right = max(max(ends), page_width - left)
        return cls(left, right, _pitch(lines))

    def line_fills(self, line: Line, following: Line) -> bool:
        """Whether ``following``'s first word could not have fitted on ``line``: the margin broke it."""
        need = (_SPACE_WIDTH * following.size) + following.first_word
        slack = _FIT_TOLERANCE * line.size
        if self.centered(line, following):  # a wrapped centred line: its slack is split on both sides
            return (line.x1 - line.x0) + need > (self.right - self.left) - slack
        return line.x1 + need > self.right - slack

    def centered(self, line: Line, other: Line) -> bool:
        """Two lines centred on one axis (a title, a subject line), both clear of both margins.

        One line alone cannot tell: a first line's indent can leave it as far from either margin.
        """
        tolerance = _CENTERED * max(line.size, other.size)
        return (
            self._short(line)
            and self._short(other)
            and abs(line.center - other.center) < tolerance
            and abs(line.x0 - other.x0) > tolerance  # the same start and end: two lines indented alike
        )

    def _short(self, line: Line) -> bool:
        tolerance = _INDENT * line.size
        return line.x0 > self.left + tolerance and line.x1 < self.right - tolerance


def paragraphs(flows: list[Flow], margins: Margins) -> list[str]:
    """The text of the flows (of every page, in order), one paragraph per line."""
    result: list[str] = []
    current: list[Line] = []
    previous: Flow | None = None
    for flow in flows:
        continued = previous is not None and _body_continues(previous, flow)
        for index, line in enumerate(flow.lines):
            starts_flow = index == 0 and not continued
            if current and (starts_flow or _breaks(current, line, margins, column=flow.column)):
                result.append(_text(current))
                current = []
            current.append(line)
        previous = flow
    if current:
        result.append(_text(current))
    return result


def _body_continues(previous: Flow, flow: Flow) -> bool:
    """A body flow goes on in the next body flow when only a page break stands between them."""
    return not previous.column and not flow.column and flow.lines[0].page != previous.lines[-1].page


def _breaks(current: list[Line], following: Line, margins: Margins, *, column: bool) -> bool:
    """Whether ``following`` starts a new paragraph after the ``current`` one's lines."""
    line = current[-1]
    lowercase = following.text[:1].islower() and not _opens_item(following.text)  # "b)" opens an item
    if column:
        return not _cell_line_goes_on(line, following, lowercase=lowercase)
    if _stands_apart(line, following, margins) or _marker_after_sentence(line, following):
        return True
    if lowercase and not _SENTENCE_END.search(line.text):
        return False
    if len(current) >= 2 and _shifted(current[1], following, margins):
        return True  # indented or outdented against the paragraph's wrapped lines
    if len(current) == 1 and _indented_alike(line, following, margins):
        return True  # a one-line paragraph, then another: both have the first-line indent
    return not margins.line_fills(line, following)


def _cell_line_goes_on(line: Line, following: Line, *, lowercase: bool) -> bool:
    """A wrapped cell line goes on in lowercase, with the year of a date ("năm" / "2026"), or
    after a comma or semicolon unless a list item opens ("- Các sở: TC; XD;" / "VH,TT&DL; YT;")."""
    if lowercase or following.text[:1].isdigit():
        return True
    return line.text.endswith((",", ";")) and not _MARKER.match(following.text)


def _indented_alike(line: Line, following: Line, margins: Margins) -> bool:
    """Both lines indented from the margin by the same first-line indent: a wrapped line would not be."""
    if margins.centered(line, following):
        return False
    indent = line.x0 - margins.left
    return indent > _INDENT * line.size and abs(following.x0 - line.x0) < _INDENT * line.size / 2


def _shifted(wrapped: Line, following: Line, margins: Margins) -> bool:
    """Whether ``following`` starts left or right of where the paragraph's wrapped lines start."""
    if margins.centered(wrapped, following):
        return False
    return abs(following.x0 - wrapped.x0) > _INDENT * following.size


def _stands_apart(line: Line, following: Line, margins: Margins) -> bool:
    """Another size, or more space above than between a paragraph's lines.

    Weight says nothing: a deadline is often set in bold in the middle of a sentence.
    """
    if abs(following.size - line.size) > _SIZE_CHANGE * max(line.size, following.size):
        return True
    if following.page != line.page:
        return False
    return following.y - line.y > _PARAGRAPH_GAP * margins.pitch * max(line.size, following.size) + 1


def _marker_after_sentence(line: Line, following: Line) -> bool:
    return _opens_item(following.text) and bool(_SENTENCE_END.search(line.text))


def _opens_item(text: str) -> bool:
    """Whether ``text`` opens with a list marker. "a." opens an item only before a capital ("a. Sở
    Y tế ..."): "y. giao ..." is a word and its full stop, wrapped to the line's start."""
    match = _MARKER.match(text)
    if match is None:
        return False
    if len(match.group(0).strip()) == 2 and text[0].islower() and text[1] == ".":
        rest = text[match.end() :].lstrip()
        return rest[:1].isupper()
    return True


def _text(lines: list[Line]) -> str:
    """One paragraph from its printed lines; a word cut by a hyphen at a line end is mended."""
    text = lines[0].text
    for line in lines[1:]:
        mended = _mend(text, line.text)
        if mended is not None:
            text = mended
        elif _HYPHEN_END.search(text):  # "Bà Rịa-" / "Vũng Tàu", "2025-" / "2026": one word
            text += line.text
        else:
            text = f"{text} {line.text}"
    return text


def mend_lines(lines: list[str]) -> list[str]:
    """Join a line ending in "letter-" to the next when that starts in lowercase.

    Vietnamese is not hyphenated at line ends: a hyphen there is a real one ("kinh tế-xã
    hội"), so it is kept and only the line break goes. Only a break inside an ASCII word
    ("infor-" / "mation") loses its hyphen.
    """
    joined: list[str] = []
    for line in lines:
        mended = _mend(joined[-1], line) if joined else None
        if mended is None:
            joined.append(line)
        else:
            joined[-1] = mended
    return joined


def _mend(text: str, following: str) -> str | None:
    """``text`` and ``following`` as one when ``text`` ends in a word cut by a hyphen, else None."""
    if not _WORD_HYPHEN_END.search(text) or not following[:1].islower():
        return None
    left = text[:-1].rsplit(None, 1)[-1]
    right = following.split(None, 1)[0]
    return (text[:-1] if (left + right).isascii() else text) + following


def _leftmost_common(values: list[float]) -> float:
    """The leftmost start that several lines share (wrapped lines start at the margin), else the leftmost.

    A short text may have a single wrapped line: a start left of every shared one is taken too
    when it is the only line starting there and the text has few lines.
    """
    counts = Counter(round(value) for value in values)
    common = [value for value in values if counts[round(value)] >= 2]
    if not common or len(values) < _FEW_LINES:
        return min(values)
    return min(common)


def _mode(values: list[float]) -> float | None:
    """The most common value to the nearest point (the largest of its group), or None if none repeats."""
    counts = Counter(round(value) for value in values)
    if not counts:
        return None
    value, count = counts.most_common(1)[0]
    if count < 2:
        return None
    return max(v for v in values if round(v) == value)


def _pitch(lines: list[Line]) -> float:
    """The usual baseline distance between consecutive lines of a page, per point of font size."""
    ratios = [
        (b.y - a.y) / a.size
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and a.size and abs(a.size - b.size) < 0.5 and 0.8 * a.size < b.y - a.y < 2.5 * a.size
    ]
    if not ratios:
        return 1.2
    ratios.sort()
    return statistics.median(ratios[: max(1, len(ratios) // 2)])  # the lower half: lines inside paragraphs
