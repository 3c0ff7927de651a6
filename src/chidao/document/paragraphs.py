"""Lines → paragraphs, each with its list marker.

Notices reach us in two shapes: one paragraph per line (DOCX, portal pages)
or hard-wrapped at a fixed width (text copied from PDFs, e.g. the VPCP
notices in the dev corpus, where "4.1. Giao Đảng" continues on the next line
as "uỷ Chính phủ: ..."). We join a line to the one before it when it plainly
continues it, and start a paragraph at every list marker.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, fields
from itertools import accumulate

from chidao.data import load_toml
from chidao.document.lexicon import layout_cue_regex, layout_cues
from chidao.document.page_marks import printed_page_mark
from chidao.text.chars import LOWER, UPPER
from chidao.text.fold import tone_spellings

_CUES = layout_cues()  # the markers that hold words or glyphs, each with its example
# Order matters: the first pattern that matches names the marker's kind.
_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("article", _CUES["marker_article"]),  # "Điều 2."
    ("part", re.compile(rf"[A-H]\.(?=[^\S\n]+[{UPPER}])")),  # "A. MỤC TIÊU", "B. NHIỆM VỤ" (genre g111)
    ("task_no", _CUES["marker_task_no"]),  # "Nhiệm vụ 1: Rà soát ..." (genre g111)
    # "I-", "1-": typewriter numbering (genre g143)
    ("roman", re.compile(r"(?:[IVX]{1,5})(?:\.-|[.)/]|-(?=[^\S\n]))(?=\s|$)")),
    ("decimal2", re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?(?=\s|$)")),
    # "1/", "a/", "I/", "1.-", "1 -", "a-": slashed and dashed numbering, as offices type it (genre g227)
    ("decimal", re.compile(r"\d{1,2}(?:\.-|[.)/]|[^\S\n]?-(?=[^\S\n]))(?=\s|$)")),
    # "ii)", "iii)": lowercase roman numerals after "i)", ranked as letters (genre g160)
    ("roman_lower", re.compile(r"(?:ii|iii|iv|vi|vii|viii|ix)\)(?=\s|$)")),
    ("alpha", re.compile(r"[a-zđ](?:[)/]|-(?=[^\S\n]))(?=\s|$)")),
    ("alpha_dot", re.compile(rf"[a-hk-zđ]\.(?=\s+[{UPPER}])")),
    ("paren", re.compile(r"\((?:[ivx]{1,4}|\d{1,2}|[a-zđ])\)(?=\s)")),
    ("ordinal", _CUES["marker_ordinal"]),  # "Hai là,"
    ("dash", _CUES["marker_dash"]),  # "-", "•", "►" (genre g144)
    ("plus", re.compile(r"\+(?=\s*\S)")),
    ("star", re.compile(r"\*(?=\s+\S)")),
    # Word's second-level bullets before a capital ("o Tổng hợp kết quả ...", genre g107)
    ("circle", re.compile(rf"{layout_cue_regex('circle_bullet')}(?=[^\S\n]+[{UPPER}])")),
]
_TERMINAL = ".:;!?…"
# Words a line cannot end a paragraph with: the text goes on ("Tham mưu UBND" / "Thành phố ...").
_DANGLING = {spelling for word in load_toml("layout.toml")["dangling_words"] for spelling in tone_spellings(word)}
_LOWER_START = re.compile(rf"[{LOWER}(]")
# ``_LOWER_START`` as a set of first characters: a set lookup, not a regex call, for every line.
assert LOWER.startswith("a-z") and "-" not in LOWER[3:]
_LOWER_FIRST = frozenset(string.ascii_lowercase + LOWER[3:] + "(")
_SENTENCE_END = ".;!?…"  # ``_TERMINAL`` but ":": a lowercase line after a colon goes on
# A plan's labels ("Đơn vị phối hợp:"): a wrap that leaves one at a line's end puts its value on the
# next line, which goes on with it ("...; Đơn vị phối hợp:\nTrung tâm Y tế các khu vực", genre g270).
_PLAN_LABELS = tuple(
    sorted(
        {
            label.lower()
            for kind in ("lead", "coordinators", "time")
            for label in load_toml("sections.toml")["plan_labels"][kind]
        },
        key=len,
        reverse=True,
    )
)
_BULLETS = ("dash", "plus", "star")
_WRAPPED = ("dash", "plus")  # the markers a fixed-width wrap can leave at a line start


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the normalized text: ``text[start:end]``; its content starts at ``body``."""

    start: int
    end: int
    body: int
    kind: str | None
    marker: str | None

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


_NEW = object.__new__
assert [f.name for f in fields(Paragraph)] == ["start", "end", "body", "kind", "marker"]


def _paragraph(start: int, end: int, body: int, kind: str | None, marker: str | None) -> Paragraph:
    """``Paragraph(start, end, body, kind, marker)``, made in half the time: a frozen dataclass's
    ``__init__`` sets each field through ``object.__setattr__``, and a notice has a hundred."""
    paragraph = _NEW(Paragraph)
    state = paragraph.__dict__
    state["start"] = start
    state["end"] = end
    state["body"] = body
    state["kind"] = kind
    state["marker"] = marker
    return paragraph


_SCHEDULE_PERIOD = layout_cues()["schedule_period"]
_ANY_MARKER = re.compile("|".join(f"(?P<{kind}>{pattern.pattern})" for kind, pattern in _MARKERS))


def find_marker(line: str) -> tuple[str, str] | None:
    """Return ``(kind, marker)`` if ``line`` opens with a list marker (the first kind that fits)."""
    match = _ANY_MARKER.match(line)
    if match is None:
        return None
    return match.lastgroup or "", match.group(0)


_PLUS_ONE = (1).__add__


class _Lines:
    """The lines of ``text[start:end]``, each read once: where it starts, what it says, and the
    match of its list marker (None without one).

    Every decision of ``split_paragraphs`` reads these; none cuts a line out of the text again
    or asks for its marker twice.
    """

    __slots__ = ("contents", "markers", "starts")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.contents = text[start:end].split("\n")
        # Each line starts one past the end of the one before it; the last value is one past the end.
        self.starts = list(accumulate(map(_PLUS_ONE, map(len, self.contents)), initial=start))
        self.markers = list(map(_ANY_MARKER.match, self.contents))

    def end(self, i: int) -> int:
        return self.starts[i] + len(self.contents[i])

    def opens_with_marker(self, text: str, group: list[int]) -> bool:
        """Whether the text of ``group`` (lines ``group[0]`` to ``group[-1]``) opens with a marker.

        A marker of its first line is one of the whole text (its lookaheads only see more text
        there), so the whole is matched only when the first line has none.
        """
        if self.markers[group[0]] is not None:
            return True
        if len(group) == 1:
            return False
        return _ANY_MARKER.match(text, self.starts[group[0]], self.end(group[-1])) is not None


def _bare_marker(line: str, match: re.Match[str] | None) -> bool:
    """A line that is only a list marker ("1.", "I.", "a)", "2.1."), as PDF copies leave them.

    ``match`` is the marker of ``line`` as it is, reused when stripping changes nothing.
    """
    stripped = line.strip()
    if len(stripped) != len(line):
        match = _ANY_MARKER.match(stripped)
    return match is not None and match.lastgroup not in _BULLETS and match.end() == len(stripped)


# A line break between two lines that are not empty; one where the first does not end a sentence
# and the second opens in lowercase (it goes on). Found in one search each, not line by line.
_BETWEEN_LINES = re.compile(r"\n(?<=[^\n]\n)(?=[^\n])")
_GOES_ON = re.compile(rf"\n(?<=[^\n{re.escape(_TERMINAL)}]\n)(?={_LOWER_START.pattern})")


def _wrap_width(text: str, lines: _Lines) -> int | None:
    """The fixed width a hard-wrapped text was cut at, or None for one-paragraph-per-line text."""
    lengths = sorted(n for n in map(len, lines.contents) if n >= 20)
    if len(lengths) < 8:
        return None
    # The breaks between the lines: none before the first line's first character.
    start, end = lines.starts[0] + 1, lines.end(len(lines.contents) - 1)
    continued = len(_GOES_ON.findall(text, start, end))
    if continued == 0:
        return None  # most one-paragraph-per-line texts: no need to count the other breaks
    nonempty = len(_BETWEEN_LINES.findall(text, start, end))
    if continued / nonempty < 0.12:
        return None
    return lengths[int(len(lengths) * 0.8)]


def _wrapped_dash(prev: str, width: int, content: str = "") -> bool:
    """Whether a hyphen (or "+") after ``prev`` is one that a fixed-width wrap put at a line start:
    "Công nghiệp\n- Viễn thông Quân đội", "giai đoạn 2027\n- 2030 gắn với ..." (a range of years,
    genre k06)."""
    words = prev.rsplit(None, 1)
    after = content.lstrip("-+–• ")
    # The wrap put it there only if the line could not hold it: "1. Dự án ... Bắc Ninh" (62 of 78
    # characters) then "- UBND các xã ..." would have fitted "- UBND", so it opens an item (genre l01).
    first = content.split(None, 2)[:2]
    fitted = bool(content) and len(prev.rstrip()) + 1 + len(" ".join(first)) <= width
    return (
        bool(prev)
        and prev[-1] not in _TERMINAL
        and len(prev) >= 0.55 * width
        and not fitted
        and bool(words)
        and (words[-1][:1].isupper() or (words[-1].isdigit() and after[:1].isdigit()))
    )


def _goes_on(prev: str, own: re.Match[str] | None, content: str, size: int, width: int | None, blank: bool) -> bool:
    """Whether ``content`` goes on with the paragraph of ``size`` lines that ends with ``prev``
    (``own``: the marker of ``prev``), when no marker of ``content`` tells it opens one."""
    if not prev:
        return False
    last = prev[-1]
    first = content[:1]
    if first == "(" and own is not None and content[1:2].isupper() and prev[own.end() :].isupper():
        return False  # "IV. LỊCH CÔNG TÁC THEO THÁNG" / "(Trong Kế hoạch này viết tắt: ...)": a note under it (g749)
    if first in _LOWER_FIRST and last not in _SENTENCE_END:
        return True
    if width is not None and last == ";" and first in _LOWER_FIRST and first != "(" and not blank:
        return True  # "... đất dôi dư;" / "cập nhật, công khai ... trước ngày 30/4/2027.": a wrap (g305)
    if width is not None and first.isdigit() and last not in _TERMINAL and " | " not in content and "\t" not in content:
        return True  # "b) Thời gian: Từ ngày" / "15/11/2025 đến ngày 15/12/2025."
    if (
        last == ":"
        and width is not None
        and len(prev) >= 0.55 * width
        and prev[:-1].rstrip().lower().endswith(_PLAN_LABELS)
    ):
        return True  # "...; Đơn vị phối hợp:" / "Trung tâm Y tế các khu vực, ...": the label's value
    if last in _TERMINAL:
        return False
    if last == ",":
        return True
    words = prev.rsplit(None, 1)
    if words and words[-1] in _DANGLING:
        return True
    if blank or width is None:
        return False
    if own is not None and first.isupper() and len(prev) < 0.8 * width and len(content) < 0.55 * width:
        # "2. Nhiệm vụ, giải pháp trọng tâm 6 tháng cuối năm 2026" / "Hội đồng nhân dân tỉnh yêu": a
        # heading, then a paragraph whose first line is indented and cut short (genre g634)
        return False
    if len(prev) >= 0.55 * width:
        return True
    if own and len(prev[own.end() :].split()) <= 2 and size == 1:
        # "2. Sở" / "I. MỤC" cut right after a marker and a word.
        return True
    if prev.isupper():
        return False
    # A paragraph's first line is indented, so it is cut short: "Chủ tịch UBND tỉnh yêu cầu".
    return own is None and size == 1


def _group_lines(lines: _Lines, width: int | None) -> list[list[int]]:
    """The lines of each paragraph (indices into ``lines``); empty lines belong to none.

    A line joins the paragraph above it after a bare marker ("1." on a line of its own, its text
    on the next: one item); else not when it has a marker (but a hyphen a fixed-width wrap put
    at a line start); else when ``_goes_on`` says so.
    """
    contents, markers = lines.contents, lines.markers
    groups: list[list[int]] = []
    group: list[int] = []
    blank = False
    for i, content in enumerate(contents):
        if not content:
            blank = True
            continue
        if (width is not None and _page_number(lines, i)) or _PAGE_MARK.fullmatch(content):
            continue  # a page's number left by a PDF copy ("- 2 -" anywhere): no paragraph, and no break in one
        if "/" in content and printed_page_mark(contents, i):  # every such mark holds a "/"
            continue  # a browser's print header or footer between two pages (genre g742)
        if group:
            p = group[-1]
            prev, own, marker = contents[p], markers[p], markers[i]
            # With nothing to strip around it, a line is a bare marker only if its marker is all of it.
            if (
                len(group) == 1
                and ((own is not None and own.end() == len(prev)) or prev[0].isspace() or prev[-1].isspace())
                and _bare_marker(prev, own)
            ):
                joins = True
            elif marker is not None and not (
                width is not None and marker.lastgroup in _WRAPPED and _wrapped_dash(prev, width, content)
            ):
                joins = False
            else:
                joins = _goes_on(prev, own, content, len(group), width, blank)
            if joins:
                group.append(i)
                blank = False
                continue
        group = [i]
        groups.append(group)
        blank = False
    return groups


_PAGE_NUMBER = re.compile(r"\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*")
_PAGE_MARK = re.compile(r"\s*[-–]\s*\d{1,3}\s*[-–]\s*")  # "- 2 -": a page's number, whatever the wrap


def _page_number(lines: _Lines, i: int) -> bool:
    """Whether line ``i`` of a hard-wrapped text is a page number ("2", "- 2 -") between two
    pages: the next line opens a numbered item or goes on in lowercase with the sentence the page
    cut (genre g185). A number over a table's row ("1" / "Rà soát ...") is followed by neither."""
    if not _PAGE_NUMBER.fullmatch(lines.contents[i]) or i == 0 or i + 1 >= len(lines.contents):
        return False
    after = lines.contents[i + 1]
    marker = lines.markers[i + 1]
    return after[:1] in _LOWER_FIRST or (
        marker is not None and marker.lastgroup in ("decimal", "decimal2", "roman", "alpha")
    )


def _merge_heading_tails(text: str, lines: _Lines, groups: list[list[int]], width: int | None) -> list[list[int]]:
    """Re-attach the rest of a heading cut across lines: "4. Đề nghị Ủy ban Mặt trận" +
    "Tổ quốc Việt Nam thành phố và các Đoàn thể" when a marked item follows."""
    if width is None:
        return groups
    contents = lines.contents
    out: list[list[int]] = []
    i = 0
    while i < len(groups):
        group = groups[i]
        out.append(group)
        i += 1
        if len(group) > 3 or contents[group[-1]][-1] in _TERMINAL or not lines.opens_with_marker(text, group):
            continue
        # The rest of the heading: short unmarked pieces without an end, then a marked item.
        j, length = i, lines.end(group[-1]) - lines.starts[group[0]]
        while j < len(groups) and len(groups[j]) <= 2:
            piece = groups[j]
            size = lines.end(piece[-1]) - lines.starts[piece[0]]
            if (
                contents[piece[-1]][-1] in _TERMINAL
                or (len(piece) == 1 and size >= 0.55 * width)
                or lines.opens_with_marker(text, piece)
            ):
                break
            length += size
            j += 1
        if j > i and length < 2.5 * width and (j == len(groups) or _next_item(lines, groups[j][0])):
            for piece in groups[i:j]:
                out[-1] = out[-1] + piece
            i = j
    return out


def _next_item(lines: _Lines, i: int) -> bool:
    """Whether line ``i`` opens with a marker or ends with a colon: the next item of a list."""
    return lines.markers[i] is not None or lines.contents[i].rstrip().endswith(":")


def split_paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Paragraph]:
    """Cut ``text[start:end]`` into paragraphs; offsets are into ``text``."""
    end = len(text) if end is None else end
    lines = _Lines(text, start, end)
    width = _wrap_width(text, lines)
    groups = _merge_heading_tails(text, lines, _group_lines(lines, width), width)
    paragraphs = []
    for at, group in enumerate(groups):
        s, e = lines.starts[group[0]], lines.end(group[-1])
        marker = lines.markers[group[0]]
        if marker is None:
            period = len(group) == 1 and _SCHEDULE_PERIOD.fullmatch(text, s, e)
            if period and at + 1 < len(groups) and lines.markers[groups[at + 1][0]] is not None:
                paragraphs.append(_paragraph(s, e, s, "period", ""))  # "Tháng 10/2026" over its items
                continue
            paragraphs.append(_paragraph(s, e, s, None, None))
            continue
        body = s + marker.end()
        while body < e and text[body] in " \t\n":
            body += 1
        paragraphs.extend(_run_on_items(text, _paragraph(s, e, body, marker.lastgroup, marker.group(0))))
    return paragraphs


_RUN_ON = re.compile(rf";[^\S\n]+(\d{{1,2}})\)[^\S\n]+(?=[{UPPER}])")


def _run_on_items(text: str, paragraph: Paragraph) -> list[Paragraph]:
    """ "3) Sở A: ...; 4) Sở B: ...; 5) Sở C: ...": numbered items a copy ran together on one line,
    each the next number after a semicolon, are items of their own (genre g413)."""
    marker = (paragraph.marker or "").strip()
    if paragraph.kind != "decimal" or not marker.endswith(")") or not marker[:-1].isdigit():
        return [paragraph]
    out: list[Paragraph] = []
    number, start, body = int(marker[:-1]), paragraph.start, paragraph.body
    for match in _RUN_ON.finditer(text, paragraph.body, paragraph.end):
        if int(match.group(1)) != number + 1:
            continue
        out.append(_paragraph(start, match.start() + 1, body, "decimal", f"{number})"))
        number, start, body = number + 1, match.start(1), match.end()
    out.append(_paragraph(start, paragraph.end, body, "decimal", f"{number})"))
    return out
