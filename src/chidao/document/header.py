"""The header of an administrative document, after Nghị định 30/2020/NĐ-CP.

Issuing body, "Số:", "Địa danh, ngày ... tháng ... năm ...", the kind of
document (THÔNG BÁO, KẾ HOẠCH, ...) and its subject line (trích yếu). Real
copies are messy: the two header columns interleave line by line, words are
cut across lines ("Thành\\nphố Hồ Chí Minh"), the day is often left blank
for the signer to fill in, and portal news items have no header at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from chidao.data import load_toml
from chidao.document.header_lines import Lines, clean_line
from chidao.document.lexicon import layout_cue_regex, layout_cues, lexicon
from chidao.document.portal_headline import first_line_title
from chidao.text.chars import LOWER, UPPER
from chidao.text.occurrences import find_words

_LAYOUT = load_toml("layout.toml")
_TITLE_ENDS = (_LAYOUT["motto_line"], _LAYOUT["number_label"])  # "Độc lập", "Số": a title ends before
_CUES = layout_cues()  # layout_cues.toml
_NUMBER = _CUES["number"]
_CAP_WORD = rf"[{UPPER}][{LOWER}'’]+"
_DATE = layout_cue_regex("header_date")  # ", ngày 05 tháng 3 năm 2025"
_PLACE_DATE = re.compile(
    rf"(?<![\w])(?P<place>(?:{layout_cue_regex('place_prefix')}\s+)?(?:{_CAP_WORD}\s+){{0,4}}{_CAP_WORD})\s*{_DATE}"
)
_DATE_ONLY = re.compile(_DATE)  # what follows the place: found fast, from its comma
_PLACE_WORDS = 7  # the most words of a place: "Thành phố" and five capitalized words
_VV = _CUES["subject_line"]
_BODY_START = _CUES["body_start"]


# A numbered or bulleted line is the body's first item, never part of the title.
_ITEM_START = re.compile(r"(?:\d+(?:\.\d+)*[.)]|[IVXLC]+\.|[a-zđ]\)|[-–+•])\s")
_ISSUER_LINE = _CUES["issuer_line"]
_DATELINE = _CUES["dateline"]


@dataclass
class Header:
    """What the header says; every field may be missing in a real document."""

    doc_type: str | None = None
    number: str | None = None
    place: str | None = None
    date: date | None = None
    year: int | None = None
    title: str | None = None
    issuer: str | None = None
    body_start: int = 0


def _find_number(text: str, limit: int) -> str | None:
    match = _NUMBER.search(text, 0, limit)
    if not match:
        return None
    number = re.sub(r"\s+", "", match.group(1))
    return number or None


def _find_place_date(text: str, limit: int) -> tuple[str | None, date | None, int | None, int]:
    flat = text[:limit]
    match = _PLACE_DATE.search(flat, _place_date_bound(flat))
    if not match:
        return None, None, None, -1
    place = re.sub(r"\s+", " ", match.group("place")).strip()
    year = int(match.group("year"))
    day, month = match.group("day"), match.group("month")
    when = None
    if day and month:
        try:
            when = date(year, int(month), int(day))
        except ValueError:
            when = None
    return place, when, year, match.end()


def _off_subject_line(text: str, flat: str, place: str | None, limit: int) -> str | None:
    """The place without the words that end a "V/v ..." line above the date line ("V/v ... Dự án
    cảng hàng không Nha Trang" / "Hà Nội, ngày ...", genre g102); a place cut across two lines
    of a two-column header ("Thành phố Hồ" / "Chí Minh, ngày ...") stays whole."""
    if not place:
        return place
    found = find_words(flat[:limit], place.split())  # a blank line inside too
    if found is None:
        return place
    at, end = found
    cut = text.rfind("\n", at, end)
    if cut < 0:
        return place
    line_start = text.rfind("\n", 0, at) + 1
    if not _in_subject_line(text, line_start):
        return place
    return re.sub(r"\s+", " ", text[cut + 1 : end]).strip() or place


def _in_subject_line(text: str, line_start: int) -> bool:
    """Whether the line at ``line_start`` is a "V/v ..." line or goes on with one, in lowercase
    ("V/v xử lý sạt lở bờ biển, cửa" / "sông trên địa bàn tỉnh Quảng Trị", genre g345)."""
    for _ in range(3):
        if _VV.match(text, line_start):
            return True
        if not text[line_start : line_start + 1].islower() or line_start == 0:
            return False
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    return False


def _place_date_bound(flat: str) -> int:
    """Where a search for ``_PLACE_DATE`` in ``flat`` can start: ``_PLACE_DATE`` opens with a
    lookbehind, so ``re`` tries it at every position, but its date can be found fast from its comma.
    A match ends with a date: at the first date's comma or later; its place ends right before that
    comma, and is at most ``_PLACE_WORDS`` words, so it starts in one of the last ones before it.
    (The end when no date follows at all: then nothing matches either.)"""
    first = _DATE_ONLY.search(flat)
    if first is None:
        return len(flat)
    words = flat[: first.start()].rsplit(None, _PLACE_WORDS)
    return len(words[0]) if len(words) > _PLACE_WORDS else 0


@cache
def _doc_type_forms() -> tuple[frozenset[str], tuple[str, ...]]:
    """The kinds of document, and each followed by a space: a line is one, or opens with one."""
    kinds = lexicon().doc_types
    return frozenset(kinds), tuple(kind + " " for kind in kinds)


def _doc_type_line(lines: Lines, limit: int) -> tuple[int, str, str] | None:
    """Find the line naming the kind of document: (index, kind, rest of the line)."""
    kinds = lexicon().doc_types
    whole, opening = _doc_type_forms()
    for i, (pos, line) in enumerate(lines):
        if pos > limit:
            break
        if not line.isupper():  # stripping spaces, "*" and "#" (no case) would not change it
            continue
        clean = clean_line(line)
        if clean not in whole and not clean.startswith(opening):
            continue  # most lines in capitals: no kind at all, told in two calls
        for kind in kinds:
            if clean == kind or clean.startswith(kind + " "):
                return i, kind, clean[len(kind) :].strip()
    return None


def _is_title_line(line: str, caps: bool) -> bool:
    clean = clean_line(line)
    if not clean or _ITEM_START.match(clean):
        return False
    if caps:
        letters = list(filter(str.isalpha, clean))
        return bool(letters) and sum(map(str.isupper, letters)) / len(letters) > 0.8
    return not _BODY_START.match(clean)


def _title_block(lines: Lines, i: int, first: int) -> bool:
    """Whether lines from ``i`` on are a title that opens like a body ("Thực hiện công tác bảo
    đảm trật tự, an toàn giao thông / trên địa bàn tỉnh năm 2026" under "KẾ HOẠCH"): right under
    the kind line, a short block that ends without a full stop, set off by a blank line."""
    if i != first + 1:
        return False
    block: list[str] = []
    for _, line in lines.up_to(i, i + 4):
        clean = clean_line(line)
        if not clean:
            break
        block.append(clean)
    else:
        return False  # no blank line after four lines: the body's first paragraph
    text = " ".join(block)
    return len(text.split()) <= 40 and not text.endswith((".", ":", ";", ","))


_RULE_LINE = re.compile(r"[-_–—*=~.]{3,}")  # a line drawn under a title: "-----", "___", "***"


def _collect_title(lines: Lines, first: int, prefix: str) -> tuple[str | None, int]:
    """Join the subject lines that follow the kind line; return (title, end offset)."""
    parts = [prefix] if prefix else []
    end = lines[first][0] + len(lines[first][1]) if lines.has(first) else 0
    i = first + 1
    while lines.has(i) and not clean_line(lines[i][1]) and not parts:
        i += 1
    caps = None
    while lines.has(i):
        pos, line = lines[i]
        clean = clean_line(line)
        if not clean:
            if parts:
                break
            i += 1
            continue
        if parts and _RULE_LINE.fullmatch(clean):
            end = pos + len(line)  # "-----" drawn under the title closes it (genre g843)
            break
        if caps is None:
            caps = clean.isupper() if not parts else prefix.isupper()
        if caps and parts and clean[:1].islower() and not clean.endswith(":"):
            caps = False  # "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY" / "về công tác ...": the subject goes on
        elif parts and (not _is_title_line(line, caps) or _ISSUER_LINE.match(clean) or clean.endswith(":")):
            # "HỘI ĐỒNG NHÂN DÂN TỈNH X" / "KHÓA VII, KỲ HỌP THỨ 4" after a resolution's title; a
            # line that ends with a colon opens the body ("Chủ tịch UBND tỉnh kết luận như sau:")
            break
        if not parts and (
            (_BODY_START.match(clean) and not caps and not _title_block(lines, i, first)) or _ITEM_START.match(clean)
        ):
            break
        parts.append(clean)
        end = pos + len(line)
        i += 1
        if not caps and clean.endswith((".", ":")):
            break
    title = " ".join(parts).strip() or None
    return title, end


def _vv_title(text: str, limit: int, place_start: int) -> tuple[str | None, int]:
    """A letter's subject follows "V/v" and ends before the place-date line or "Kính gửi"."""
    # Searched only when the words occur at all: ``_VV`` opens with "^", tried at every position.
    match = _VV.search(text, 0, limit) if text.find("V/v", 0, limit) >= 0 else None
    if not match:
        return None, -1
    stop = len(text)
    ends = (lexicon().addressee_openers[0], _LAYOUT["motto"])  # "Kính gửi", "CỘNG HÒA"
    for candidate in (place_start, *(text.find(word, match.end()) for word in ends)):
        if candidate > match.end():
            stop = min(stop, candidate)
    chunk = text[match.end() : stop]
    lines = [ln.strip() for ln in chunk.split("\n")]
    if stop == place_start:
        while lines and not lines[-1]:
            lines.pop()  # the break before the place-date line
        lines += _past_dateline(text, place_start, limit)
    kept = []
    for line in lines:
        if not line:
            if kept:
                break
            continue
        if line.isupper() or line.startswith(_TITLE_ENDS):
            break
        kept.append(line)
    title = " ".join(kept).strip() or None
    if stop == len(text) and kept:
        # nothing closes the chunk (no "Kính gửi", no date line after it): the subject ends with its
        # last line, and the letter's body goes on after it
        return title, match.end() + chunk.find(kept[-1]) + len(kept[-1])
    return title, match.end() + len(chunk)


_DATELINE_YEAR = re.compile(r"\d{4}")


def _past_dateline(text: str, place_start: int, limit: int) -> list[str]:
    """The subject's lines that a two-column header put after the place-date line ("V/v tăng cường
    ... chất" / "Bắc Ninh, ngày 09 tháng 6 năm 2026" / "lượng, an toàn ..."; genre g329): the
    lines that go on in lowercase right after it."""
    year = _DATELINE_YEAR.search(text, place_start, limit)  # the line break after the date's year
    line_end = text.find("\n", year.end(), limit) if year else -1
    out: list[str] = []
    for line in text[line_end + 1 : limit].split("\n") if line_end >= 0 else ():
        line = line.strip()
        if not line or not (line[0].islower() or (out and not line[0].isupper())):
            break
        out.append(line)
    return out


def parse_header(text: str) -> Header:
    """Read the header fields from the start of a normalized document."""
    header = Header()
    limit = min(len(text), 3000)
    lines = Lines(text)
    header.number = _find_number(text, limit)
    flat = text[:limit].replace("\n", " ")  # all that is read of it: the first ``limit`` characters
    place, when, year, place_end = _find_place_date(flat, limit)
    place = _off_subject_line(text, flat, place, limit)
    header.place, header.date, header.year = place, when, year
    place_start = flat.rfind(place, 0, place_end) if place else -1  # the dateline's, not one in the V/v line
    found = _doc_type_line(lines, limit)
    title_end = max(place_end, 0)
    if found:
        index, kind, rest = found
        header.doc_type = kind
        header.title, title_end = _collect_title(lines, index, rest)
    vv_title, vv_end = _vv_title(text, limit, place_start)
    if vv_title and (not found or header.title is None):
        header.doc_type = header.doc_type or _LAYOUT["subject_line_doc_type"]
        header.title = vv_title
        title_end = max(title_end, vv_end, place_end)
    if header.title is None and not found and header.number is None and place is None:
        header.title, title_end = first_line_title(lines)
    if header.title:
        header.title = re.sub(r"\s+", " ", header.title).strip()
    header.body_start = max(title_end, place_end if not found else title_end, 0)
    if header.year is None and header.date:
        header.year = header.date.year
    return header
