"""Lines → paragraphs, each with its list marker.

Notices reach us in two shapes: one paragraph per line (DOCX, portal pages)
or hard-wrapped at a fixed width (text copied from PDFs, e.g. the VPCP
notices in the dev corpus, where "4.1. Giao Đảng" continues on the next line
as "uỷ Chính phủ: ..."). We join a line to the one before it when it plainly
continues it, and start a paragraph at every list marker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from chidao.text.chars import LOWER, UPPER

# Order matters: the first pattern that matches names the marker's kind.
_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("article", re.compile(r"Điều\s+\d+[.:]?(?=\s|$)")),
    ("roman", re.compile(r"(?:[IVX]{1,5})[.)](?=\s|$)")),
    ("decimal2", re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?(?=\s|$)")),
    ("decimal", re.compile(r"\d{1,2}[.)](?=\s|$)")),
    ("alpha", re.compile(r"[a-zđ]\)(?=\s|$)")),
    ("alpha_dot", re.compile(rf"[a-hk-zđ]\.(?=\s+[{UPPER}])")),
    ("paren", re.compile(r"\((?:[ivx]{1,4}|\d{1,2}|[a-zđ])\)(?=\s)")),
    ("ordinal", re.compile(r"(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười) là[,:](?=\s)")),
    ("dash", re.compile(r"[-–—•·▪●◦](?=\s*\S)")),
    ("plus", re.compile(r"\+(?=\s*\S)")),
    ("star", re.compile(r"\*(?=\s+\S)")),
]
_TERMINAL = ".:;!?…"
# Words a line cannot end a paragraph with: the text goes on ("Tham mưu UBND" / "Thành phố ...").
_DANGLING = {
    "và",
    "của",
    "các",
    "với",
    "tại",
    "cho",
    "về",
    "theo",
    "UBND",
    "HĐND",
    "Ủy",
    "Uỷ",
    "ban",
    "Sở",
    "Bộ",
    "số",
    "để",
    "đến",
    "từ",
    "trên",
    "trong",
    "là",
    "những",
    "được",
    "đã",
    "Thành",
}
_LOWER_START = re.compile(rf"[{LOWER}(]")
_CELLS = re.compile(r" \| |\t")  # a table row, never the rest of a sentence


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


_ANY_MARKER = re.compile("|".join(f"(?P<{kind}>{pattern.pattern})" for kind, pattern in _MARKERS))


_Find = Callable[[str], tuple[str, str] | None]  # find_marker, or a memo of it


def find_marker(line: str) -> tuple[str, str] | None:
    """Return ``(kind, marker)`` if ``line`` opens with a list marker (the first kind that fits)."""
    match = _ANY_MARKER.match(line)
    if match is None:
        return None
    return match.lastgroup or "", match.group(0)


def _bare_marker(line: str, find: _Find = find_marker) -> bool:
    """A line that is only a list marker ("1.", "I.", "a)", "2.1."), as PDF copies leave them."""
    line = line.strip()
    marker = find(line)
    return marker is not None and marker[0] not in ("dash", "plus", "star") and marker[1] == line


def _lines(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """The span of each line of ``text``, shifted by ``offset``."""
    spans = []
    pos = offset
    for line in text.split("\n"):
        end = pos + len(line)
        spans.append((pos, end))
        pos = end + 1
    return spans


# A line break between two lines that are not empty; one where the first does not end a sentence
# and the second opens in lowercase (it goes on). Found in one search each, not line by line.
_BETWEEN_LINES = re.compile(r"\n(?<=[^\n]\n)(?=[^\n])")
_GOES_ON = re.compile(rf"\n(?<=[^\n{re.escape(_TERMINAL)}]\n)(?={_LOWER_START.pattern})")


def _wrap_width(text: str, spans: list[tuple[int, int]]) -> int | None:
    """The fixed width a hard-wrapped text was cut at, or None for one-paragraph-per-line text."""
    lengths = sorted(e - s for s, e in spans if e - s >= 20)
    if len(lengths) < 8:
        return None
    # The breaks between the lines of ``spans``: none before the first line's first character.
    start, end = spans[0][0] + 1, spans[-1][1]
    nonempty = len(_BETWEEN_LINES.findall(text, start, end))
    continued = len(_GOES_ON.findall(text, start, end))
    if nonempty == 0 or continued / nonempty < 0.12:
        return None
    return lengths[int(len(lengths) * 0.8)]


def _wrapped_dash(text: str, prev: tuple[int, int], kind: str, width: int | None) -> bool:
    """A hyphen that a fixed-width wrap put at a line start: "Công nghiệp\n- Viễn thông Quân đội"."""
    if kind not in ("dash", "plus") or width is None:
        return False
    ps, pe = prev
    words = text[ps:pe].split()
    return (
        pe > ps
        and text[pe - 1] not in _TERMINAL
        and pe - ps >= 0.55 * width
        and bool(words)
        and words[-1][:1].isupper()
    )


def _continues(
    text: str,
    group: list[tuple[int, int]],
    line: tuple[int, int],
    width: int | None,
    blank_between: bool,
    find: _Find = find_marker,
) -> bool:
    """Whether ``line`` continues the paragraph that ends with ``prev``."""
    s, e = line
    content = text[s:e]
    if len(group) == 1 and _bare_marker(text[group[0][0] : group[0][1]], find):
        return True  # "1." on a line of its own, its text on the next: one item
    marker = find(content)
    if marker and not _wrapped_dash(text, group[-1], marker[0], width):
        return False
    ps, pe = group[-1]
    if pe <= ps:
        return False
    last = text[pe - 1]
    if _LOWER_START.match(content) and last not in ".;!?…":
        return True
    if width is not None and content[:1].isdigit() and last not in _TERMINAL and not _CELLS.search(content):
        return True  # "b) Thời gian: Từ ngày" / "15/11/2025 đến ngày 15/12/2025."
    if last in _TERMINAL:
        return False
    if last == ",":
        return True
    words = text[ps:pe].split()
    if words and words[-1] in _DANGLING:
        return True
    if blank_between or width is None:
        return False
    prev_len = pe - ps
    if prev_len >= 0.55 * width:
        return True
    prev_text = text[ps:pe]
    marker = find(prev_text)
    if marker and len(prev_text[len(marker[1]) :].split()) <= 2 and len(group) == 1:
        # "2. Sở" / "I. MỤC" cut right after a marker and a word.
        return True
    if prev_text.isupper():
        return False
    # A paragraph's first line is indented, so it is cut short: "Chủ tịch UBND tỉnh yêu cầu".
    return marker is None and len(group) == 1


def _merge_heading_tails(
    text: str, groups: list[list[tuple[int, int]]], width: int | None, find: _Find = find_marker
) -> list[list[tuple[int, int]]]:
    """Re-attach the rest of a heading cut across lines: "4. Đề nghị Ủy ban Mặt trận" +
    "Tổ quốc Việt Nam thành phố và các Đoàn thể" when a marked item follows."""
    if width is None:
        return groups
    out: list[list[tuple[int, int]]] = []
    i = 0
    while i < len(groups):
        group = groups[i]
        out.append(group)
        i += 1
        head = text[group[0][0] : group[-1][1]]
        if len(group) > 3 or not find(head) or head[-1] in _TERMINAL:
            continue
        # The rest of the heading: short unmarked pieces without an end, then a marked item.
        j, length = i, len(head)
        while j < len(groups) and len(groups[j]) <= 2:
            piece = text[groups[j][0][0] : groups[j][-1][1]]
            if find(piece) or piece[-1] in _TERMINAL or (len(groups[j]) == 1 and len(piece) >= 0.55 * width):
                break
            length += len(piece)
            j += 1
        nxt = text[groups[j][0][0] : groups[j][0][1]] if j < len(groups) else ""
        if j > i and length < 2.5 * width and (not nxt or find(nxt) or nxt.rstrip().endswith(":")):
            for piece in groups[i:j]:
                out[-1] = out[-1] + piece
            i = j
    return out


def split_paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Paragraph]:
    """Cut ``text[start:end]`` into paragraphs; offsets are into ``text``."""
    end = len(text) if end is None else end
    spans = _lines(text[start:end], start)
    width = _wrap_width(text, spans)
    find = lru_cache(maxsize=None)(find_marker)  # a line's marker is asked for up to four times
    groups: list[list[tuple[int, int]]] = []
    blank = False
    for span in spans:
        if span[1] <= span[0]:
            blank = True
            continue
        if groups and _continues(text, groups[-1], span, width, blank, find):
            groups[-1].append(span)
        else:
            groups.append([span])
        blank = False
    groups = _merge_heading_tails(text, groups, width, find)
    paragraphs = []
    for group in groups:
        s, e = group[0][0], group[-1][1]
        first = text[group[0][0] : group[0][1]]
        marker = find(first)
        body = s
        if marker:
            body = s + len(marker[1])
            while body < e and text[body] in " \t\n":
                body += 1
        paragraphs.append(Paragraph(s, e, body, marker[0] if marker else None, marker[1] if marker else None))
    return paragraphs
