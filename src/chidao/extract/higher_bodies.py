"""Bodies above a province: the Prime Minister, the ministries, the centre. A province asks them
("đề nghị Bộ Xây dựng hỗ trợ tỉnh ...") and reports to them; it gives them no task (rule 10)."""

from __future__ import annotations

import re
from functools import cache

from chidao.data import load_toml
from chidao.extract.agencies import AgencyReader, Mention
from chidao.extract.agency_words import _FIRM_HEADS, _UNITS_PLURAL
from chidao.extract.registry import phrase_key

_UPWARD = load_toml("assignment.toml")  # "đề nghị Bộ ...": asking a higher body (rule 10)
_HIGHER_NOT = tuple(_UPWARD["higher_not"])  # "bộ chỉ huy"
_LOCAL_ENDS = tuple(f" {word}" for word in _UPWARD["local_ends"])  # "... tỉnh"
_LOCAL_WORDS = tuple(f" {word} " for word in _UPWARD["local_words"])  # "... khu vực ..."
_UPWARD_HEADINGS = tuple(_UPWARD["upward_headings"])  # "đối với": "1. Đối với Chính phủ, Bộ ..."
_MARKER = re.compile(r"^[\s*#+-]*(?:(?:\d{1,2}(?:\.\d{1,2})*|[ivxlc]{1,5}|[a-zđ])[.)]\s*)?")  # "1. ", "b) ", "- "


@cache
def _higher() -> re.Pattern[str]:
    data = load_toml("assignment.toml")
    words = "|".join(re.escape(w) for w in sorted(data["higher"], key=len, reverse=True))
    return re.compile(rf"(?:{words})(?![\w])")


def upward(reader: AgencyReader, match: re.Match[str], mentions: list[Mention]) -> bool:
    """A province asking the centre ("đề nghị Bộ Xây dựng hỗ trợ tỉnh ..."): no task (rule 10)."""
    if reader.place.national or not match.group(0).strip().startswith(_UPWARD["upward_verb"]):
        return False
    return all(is_higher(mention) for mention in mentions)


def asks_upward(reader: AgencyReader, start: int, leads: list[Mention]) -> bool:
    """Whether a heading at ``start`` over items names only bodies above the province as what it
    addresses ("1. Đối với Chính phủ, Bộ Giáo dục và Đào tạo", genre g1479): a province's asks."""
    opening = _MARKER.sub("", reader.key[start : start + 30], count=1)
    if reader.place.national or not opening.startswith(_UPWARD_HEADINGS):
        return False
    return all(is_higher(mention) for mention in leads)


def is_higher(mention: Mention) -> bool:
    """Whether a body is above a province ("Bộ Xây dựng"): not the province's own ("Bộ Chỉ huy Quân
    sự tỉnh") nor a regional branch ("Cục Thuế khu vực"), whose names hold such a word inside."""
    name = phrase_key(mention.name)
    local = name.endswith(_LOCAL_ENDS) or any(word in f" {name} " for word in _LOCAL_WORDS)
    return bool(_higher().match(name)) and not name.startswith(_HIGHER_NOT) and not local


_PROVINCE_LEVEL = tuple(_UPWARD["province_level"])  # "ủy ban nhân dân tỉnh", "tỉnh ủy", ...


def _rank(mention: Mention) -> int:
    """2 for the centre (``is_higher``), 1 for a province's own committee or Party committee, 0
    for everyone under them: departments, communes, boards, firms."""
    if is_higher(mention):
        return 2
    name = mention.name.lower()
    level = any(name == head or name.startswith(f"{head} ") for head in _PROVINCE_LEVEL)
    return 1 if level and f" {_UNITS_PLURAL} " not in f" {name} " else 0  # not "UBND các tỉnh"


def asks_higher(reader: AgencyReader, subjects: list[Mention], asked: list[Mention], at: int = -1) -> bool:
    """ "Sở Xây dựng đề nghị UBND tỉnh thành lập ...", "Ban Quản lý dự án ... đề xuất UBND tỉnh
    cho phép ...": in the news, a body asking one above it proposes, and gives no task (rule 10;
    genre g818); in a notice, "Sở Tài chính đề xuất UBND tỉnh bố trí vốn" is the department's task.
    Not a leader who speaks ("Thứ trưởng đề nghị UBND tỉnh ..."), nor a council (rule 15)."""
    if not subjects or reader.place.council or not reader.place.running:
        return False
    if any(reader.is_speaker(m) or reader.is_leader(m) or reader.is_issuer(m) for m in subjects):
        return False
    if all(m.name.startswith(_FIRM_HEADS) for m in subjects):
        return True  # "Công ty ... kiến nghị xã tạo điều kiện ...": a firm asks, it assigns no one (g1512)
    if not asked:
        # "UBND tỉnh Vĩnh Long đề nghị Bộ xem xét ...": the ministry the page is about, by its kind (g1510)
        named = _higher().match(reader.key, reader.skip_space(at)) if at >= 0 else None
        return named is not None and max(_rank(m) for m in subjects) < 2
    return min(_rank(m) for m in asked) > max(_rank(m) for m in subjects)
