"""The headline of a page copied from a portal, which has no header of its own: the first line
that is not the page's furniture (menus, breadcrumbs, the date and counters bar, the portal's own
name), with the lines it wraps onto."""

from __future__ import annotations

import itertools
import re

from chidao.document.header_lines import Lines, clean_line
from chidao.document.lexicon import layout_cues, lexicon

_DATELINE = layout_cues()["dateline"]


def is_breadcrumb(line: str) -> bool:
    """ "Trang chủ > Tin tức - Sự kiện > Hoạt động của lãnh đạo tỉnh": a portal's navigation."""
    vocab = lexicon()
    for separator in vocab.breadcrumb_separators:
        parts = [p.strip() for p in line.split(f" {separator} ")]
        arrow = separator in vocab.arrow_separators
        # "Tin tức - Sự kiện / Hoạt động của Lãnh đạo Bộ": a section of the site's menu first (g744)
        if len(parts) >= 2 and (parts[0].startswith(tuple(vocab.boilerplate)) or len(parts) >= 3 or arrow):
            return all(0 < len(p.split()) <= 8 for p in parts)
    return False


_SEGMENTS = re.compile(r"\s*\|\s*|\s{3,}")  # a page's bar puts its parts apart with "|" or wide spaces
_FONT_SIZES = re.compile(r"A-\s+(?:A\s+)?A\+(?:\s|$)")  # "A- A A+": the text size buttons, at a bar's start


def _page_furniture(line: str) -> bool:
    """A line of a page's furniture, never its headline: every part of it is a tool, a counter or
    a date ("Thứ Bảy, 12/12/2026 - 08:15  |  Lượt xem: 1.906", "Cỡ chữ: A- A A+   In bài"), a
    menu of three short entries or more ("Trang chủ | Giới thiệu | Tin tức"), or the portal's name
    after its owner's ("BỘ Y TẾ - CỔNG THÔNG TIN ĐIỆN TỬ") (genre g742-g744)."""
    vocab = lexicon()
    font_sizes = _FONT_SIZES.match(line)
    if font_sizes:
        line = line[font_sizes.end() :].strip() or "Cỡ chữ"
    lowered = line.lower()
    if len(line.split()) <= 12 and any(name in lowered for name in vocab.site_names):
        return True
    parts = [part for part in _SEGMENTS.split(line) if part]
    if len(parts) >= 3 and all(len(part.split()) <= 5 for part in parts) and "." not in line:
        return True
    if all(part.lower().startswith(vocab.page_tools) or _DATELINE.match(part) for part in parts):
        return True
    # normalized text has one space where the page had many: a date, then the bar's first tool
    at = min((found for tool in vocab.page_tools if (found := lowered.find(tool)) > 0), default=-1)
    return at > 0 and _DATELINE.match(line[:at].strip(" |-")) is not None


_MENU_LINES = 40  # a portal's menu and breadcrumb come within its first lines


def first_line_title(lines: Lines) -> tuple[str | None, int]:
    """A page without a header: its headline, the first line that is not navigation boilerplate,
    when it reads as one (short, no full stop). A page that opens with its lead paragraph
    ("(BĐ) - UBND tỉnh vừa ...") or with "Kính gửi:" has no title of its own."""
    vocab = lexicon()
    head = lines.up_to(0, _MENU_LINES)
    # A breadcrumb ("Trang chủ > Tin tức > Chỉ đạo điều hành") ends the site's menu: the headline
    # comes after it, not the portal's name or a menu entry above it.
    crumbs = [i for i, (_, line) in enumerate(head) if is_breadcrumb(clean_line(line))]
    start = crumbs[-1] + 1 if crumbs else 0
    dated = _over_dateline(head, start)
    if dated is not None:
        return dated
    for index, (pos, line) in enumerate(itertools.islice(lines, start, None), start):
        clean = clean_line(line)
        if not clean or _DATELINE.match(clean) or _furniture(clean):
            continue
        if clean.startswith(("(", *vocab.addressee_openers)) or clean.endswith(".") or len(clean.split()) > 40:
            return None, 0
        return _wrapped_headline(lines, index + 1, clean, pos + len(line))
    return None, 0


def _wrapped_headline(lines: Lines, after: int, first: str, end: int) -> tuple[str, int]:
    """A headline and the lines it wraps onto, which go on in lowercase ("Chủ tịch UBND tỉnh ...:
    Tháo gỡ dứt điểm, trả lời đến nơi đến chốn" / "kiến nghị của doanh nghiệp", genre g742)."""
    title = first
    for pos, line in itertools.islice(lines, after, None):
        clean = clean_line(line)
        if not clean or not clean[0].islower() or len((title + " " + clean).split()) > 40:
            break
        title, end = f"{title} {clean}", pos + len(line)
    return title, end


def _over_dateline(head: list[tuple[int, str]], start: int) -> tuple[str, int] | None:
    """The line right above the page's date line ("05/03/2026 | 17:42 GMT+7", "Thứ Bảy, 17/01/2026
    20:05 (GMT+7)"), when it reads as a headline: a news page prints its headline, then its date,
    under a masthead that may be any name ("TTV ONLINE - BÁO VÀ PHÁT THANH, TRUYỀN HÌNH ...",
    genre g1371)."""
    previous: tuple[int, str] | None = None
    lines = [(pos, clean_line(line)) for pos, line in head[start:]]
    lines = [(pos, clean) for pos, clean in lines if clean]
    for index, (pos, clean) in enumerate(lines):
        if _DATELINE.match(clean) or (_page_furniture(clean) and _DATED.search(clean)):
            # "Tin tức - Sự kiện" / "Ngày đăng: 06/11/2025 | Lượt xem: 214" / the headline (g1078)
            below = lines[index + 1] if index + 1 < len(lines) else None
            return (_headline(previous) if previous else None) or (_headline(below) if below else None)
        previous = (pos, clean)
    return None


_DATED = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")


def _headline(line: tuple[int, str]) -> tuple[str, int] | None:
    """A line that reads as a headline: some words in lowercase, no full stop, not the furniture."""
    pos, clean = line
    words = [word for word in clean.split() if word[0].isalnum()]
    lowercase = sum(word[0].islower() for word in words)
    if not 6 <= len(words) <= 40 or lowercase < 2 or clean.endswith(".") or not clean[0].isupper():
        return None  # "Hải Đăng - Minh Phúc" above the date is the byline; "Tin tức - Sự kiện" a section
    return None if _furniture(clean) else (clean, pos + len(clean))


def _furniture(clean: str) -> bool:
    """Whether a cleaned line is the page's, never its headline: boilerplate, the portal's name, a
    bar of tools and counters, a breadcrumb."""
    vocab = lexicon()
    if clean in vocab.boilerplate or clean.lower().startswith(vocab.site_names):
        return True
    return _page_furniture(clean) or is_breadcrumb(clean)
