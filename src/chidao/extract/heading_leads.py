"""Leads named by a heading: "a) Sở Nội vụ:", "3. Cơ quan chủ trì ...", "1. Nhà đầu tư của ...:",
and the holder of the duties a heading describes ("... thuộc chức năng, nhiệm vụ của Sở X")."""

from __future__ import annotations

import re

from chidao.extract.agencies import AgencyReader, Mention
from chidao.extract.agency_words import _OF_WORD, _PLURAL_FIRST
from chidao.extract.cues import cues
from chidao.extract.lead_basics import _STOP, Assignment, _Read, clean_leads, past_spaces
from chidao.extract.registry import phrase_key

_HEADING_VERB = cues("assignment_cues.toml")["heading_verb"]
_ROLE_IS = cues("assignment_cues.toml")["role_is"]  # " là cơ quan thường trực của Ban Chỉ đạo"
_DUTIES_LEAD_IN = cues("assignment_cues.toml")["duties_lead_in"]  # ", có trách nhiệm:"

_PUNCTUATION = re.compile(r"[.;:,]")
# A heading's agency and a bracketed aside about who holds it, nothing else: "1. Đồng chí Trưởng
# ban (đồng chí Hoàng Văn Nam, Chủ tịch UBND tỉnh)" over its items (genre g453).
_ASIDE_ONLY = re.compile(r"\([^()\n]{1,120}\)\s*:?")


def heading_assignment(reader: AgencyReader, start: int, end: int) -> Assignment | None:
    """An item that opens with an agency and a colon, or is just an agency: "a) Sở Nội vụ:"."""
    return _heading(reader, start, past_spaces(reader, start), end)[0]


def _heading(reader: AgencyReader, start: int, pos: int, end: int) -> tuple[Assignment | None, _Read | None]:
    """``heading_assignment`` with ``pos`` past the spaces; and the list read at ``pos`` when it
    was read as a subject would be (no verb before it, not lenient)."""
    key = reader.key
    lead_in = _HEADING_VERB.match(key, pos)
    if lead_in:
        pos = lead_in.end()
    mentions, after = reader.read_list(pos, lenient=bool(lead_in), limit=end)
    read = None if lead_in else (pos, mentions, after, reader.limit)
    if not mentions:
        return None, read
    rest = key[after:end].strip(" .;\n").lstrip(")").strip()
    if rest.startswith(":") or not rest or _ASIDE_ONLY.fullmatch(rest):
        return Assignment(clean_leads(mentions), start, True), read
    role = _ROLE_IS.match(key, after, end)
    if role is not None and _DUTIES_LEAD_IN.fullmatch(key[role.end() : end].rstrip(" .;\n")):
        # "1. Sở Nông nghiệp và Môi trường là cơ quan thường trực của Ban Chỉ đạo, có trách nhiệm:"
        # over the duties (genre g1191)
        return Assignment(clean_leads(mentions), start, True), read
    owned = (
        _owned_heading(reader, mentions, after, end)
        or _role_heading(reader, mentions, after, end)
        or _group_heading(reader, mentions, after, end)
    )
    if owned is not None:
        return Assignment([owned], start, True), read
    return None, read


def _role_heading(reader: AgencyReader, mentions: list[Mention], after: int, end: int) -> Mention | None:
    """ "3. Cơ quan chủ trì giải quyết thủ tục đầu tư dự án" over its items: a body named by its
    role is named by the whole heading."""
    key = reader.key
    if len(mentions) != 1 or not reader.reg.roles.fullmatch(phrase_key(mentions[0].written)):
        return None
    stop = len(key[:end].rstrip(" .\n"))
    if _PUNCTUATION.search(key[after:stop]) or len(key[after:stop].split()) > 10:
        return None
    mention = mentions[0]
    written = reader.text[mention.start : stop].strip()
    return Mention(mention.start, stop, written, reader.canonical(written))


def _group_heading(reader: AgencyReader, mentions: list[Mention], after: int, end: int) -> Mention | None:
    """ "1. Các thương nhân đầu mối, thương nhân phân phối xăng dầu" over its items: a heading that
    is only a group, qualified past where the reader stops and naming no verb, is the group named
    by the whole heading (genre g778)."""
    key = reader.key
    mention = mentions[0]
    if len(mentions) != 1 or not _PLURAL_FIRST.match(mention.written.lower()):
        return None
    stop = len(key[:end].rstrip(" .\n"))
    rest = key[after:stop]
    if not rest.strip() or rest.lstrip().startswith(",") or any(mark in rest for mark in ".;:()\n"):
        return None  # "Các trường trung học phổ thông, trường ...": a second group, not a qualifier
    if len(rest.split()) > 10 or _STOP.search(rest) or _has_stop_word(reader, after, stop):
        return None  # "Các thôn | trang trí cờ, hoa tại nhà văn hóa thôn": an action (genre g216)
    written = reader.text[mention.start : stop].strip()
    return Mention(mention.start, stop, written, reader.canonical(written))


def _has_stop_word(reader: AgencyReader, start: int, end: int) -> bool:
    """Whether ``key[start:end]`` holds a word that never belongs to a name, function words too."""
    key = reader.key
    for match in reader.reg.stop_words.finditer(key, start, end):
        whole_word = match.start() == 0 or not key[match.start() - 1].isalnum()
        if whole_word and not key[match.end() : match.end() + 1].isalnum():
            return True
    return False


def _owned_heading(reader: AgencyReader, mentions: list[Mention], after: int, end: int) -> Mention | None:
    """ "1. Nhà đầu tư của 02 dự án đường bộ cao tốc Tân Phú – Bảo Lộc và Bảo Lộc – Liên Khương:":
    a heading whose one agency goes on with "của ..." up to the colon is named by the whole phrase."""
    key = reader.key
    if len(mentions) != 1 or not key.startswith(f"{_OF_WORD} ", past_spaces(reader, after)):
        return None
    colon = key.find(":", after, end)
    if colon < 0 or key[colon + 1 : end].strip() or _STOP.search(key[after:colon]):
        return None
    if len(key[after:colon].split()) > 20 or reader.acts(after, colon):
        return None
    mention = mentions[0]
    written = reader.text[mention.start : colon].strip()
    return Mention(mention.start, mention.start + len(written), written, reader.canonical(written))


_DUTY_OF = cues("assignment_cues.toml")["duty_of"]


def duty_holder(reader: AgencyReader, start: int, end: int) -> Assignment | None:
    """A heading about the duties of one agency: "... thuộc chức năng, nhiệm vụ của Sở X, cụ thể:",
    or about the projects it invests in: "Đối với các dự án do Ban Quản lý dự án X làm chủ đầu tư:"."""
    match = _DUTY_OF.search(reader.key, start, end)
    investor = _INVESTOR_OF.match(reader.key, past_spaces(reader, start), end) if not match else None
    if investor is not None and not _INVESTS.search(reader.key, investor.end(), end):
        investor = None
    match = match or investor
    if not match:
        return None
    mentions, _ = reader.read_list(match.end(), limit=end)
    mentions = [m for m in mentions if not reader.is_vague(m)]
    return Assignment(clean_leads(mentions), match.start(), False) if mentions else None


_INVESTOR_OF = cues("assignment_cues.toml")["investor_of"]
_INVESTS = cues("assignment_cues.toml")["invests"]
