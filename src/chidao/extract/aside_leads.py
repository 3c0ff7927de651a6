"""A lead named at the end of an item, after its action: in a closing aside ("Rà soát các dự
án chậm tiến độ (giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính; hoàn thành trong tháng
8/2026).", "Xác định giá đất cụ thể (Sở Nông nghiệp và Môi trường chủ trì; thời gian: trước ngày
30/9/2026).", "Tiếp nhận hạ tầng (UBND các phường A, B thực hiện).") or in a plan's labels run
into the item ("Dự trù nhu cầu vắc xin năm 2027. Chủ trì: Trung tâm Kiểm soát bệnh tật tỉnh; phối
hợp: Trung tâm Y tế các khu vực; thời gian: tháng 11/2026.").

Conclusion notices often put the action first and who does it last, in brackets. Only an aside
that closes the item counts, and only when it opens with "giao" and the agencies or with the
agencies and a role ("chủ trì", "thực hiện", ...) or nothing more, or with a plan's label ("(Cơ
quan chủ trì: Sở Nội vụ; cơ quan phối hợp: ...; thời gian: Quý II/2026)"): "(theo báo cáo của Sở Xây
dựng)" or "(Sở Y tế đã báo cáo)" name no one to act.
"""

from __future__ import annotations

import re

from chidao.extract.agencies import AgencyReader
from chidao.extract.cues import cues
from chidao.extract.lead_basics import Assignment, clean_leads, past_spaces
from chidao.extract.vocabulary import sections

_CUES = cues("assignment_cues.toml")
_ASIDE_GIVES = _CUES["aside_gives"]
_ASIDE_ROLE = _CUES["aside_role"]
_GIVEN_AT = _CUES["given_at_document"]  # " tại Văn bản số ..." after the body a bracket names
_CLOSING_ASIDE = re.compile(r"\)\s*[.;,]?\s*$")
_SENTENCE_BREAK = re.compile(r"[.;]\s+")


def aside_assignment(reader: AgencyReader, start: int, end: int) -> Assignment | None:
    """The lead that the item ``[start, end)`` names in its closing aside, or None."""
    key = reader.key
    close = _CLOSING_ASIDE.search(key, start, end)
    if close is None:
        return None
    opening = key.rfind("(", start, close.start())
    if opening <= start or key.find(")", opening, close.start()) >= 0:
        return None  # no aside, the whole item in brackets, or a nested one
    pos = past_spaces(reader, opening + 1)
    gives = _ASIDE_GIVES.match(key, pos, close.start()) or sections().plan_lead.match(key, pos, close.start())
    if gives:
        pos = past_spaces(reader, gives.end())
    elif not reader.starts_agency(pos):
        return None
    mentions, after = reader.read_list(pos, lenient=bool(gives), limit=close.start())
    if not mentions or after > close.start():
        return None
    if not _ASIDE_ROLE.match(key, after, close.start() + 1):
        return None
    if not gives and not key[after : close.start()].strip() and reader.name_before(opening) is not None:
        return None  # "Ban Quản lý dự án ... khu vực số 2 (Ban QLDA khu vực số 2).": a body's short form
    return Assignment(clean_leads(mentions), pos, True)


def inline_plan_assignment(reader: AgencyReader, start: int, end: int) -> Assignment | None:
    """The lead of a plan label that opens a sentence inside the item ("... toàn tỉnh. Chủ trì:
    Trung tâm Kiểm soát bệnh tật tỉnh; phối hợp: ..."), or None."""
    key, lead_label = reader.key, sections().plan_lead
    for brk in _SENTENCE_BREAK.finditer(key, start, end):
        label = lead_label.match(key, brk.end(), end)
        if label is None:
            continue
        pos = past_spaces(reader, label.end())
        mentions, _ = reader.read_list(pos, lenient=True, limit=end)
        if mentions:
            return Assignment(clean_leads(mentions), pos, True)
    return None


def item_aside_assignment(reader: AgencyReader, start: int, end: int) -> Assignment | None:
    """The lead an item that names no one in its clauses names aside: in a closing aside, a plan's
    label inside it, or the bracket that tells where it was given."""
    return (
        aside_assignment(reader, start, end)
        or inline_plan_assignment(reader, start, end)
        or given_at_assignment(reader, start, end)
    )


def given_at_assignment(reader: AgencyReader, start: int, end: int) -> Assignment | None:
    """ "Nhiệm vụ xây dựng Bảng giá đất (giao Sở Nông nghiệp và Môi trường tại Thông báo số
    215/TB-UBND ..., thời hạn ...): gia hạn đến ngày 25/11/2025": a letter granting extensions or
    urging late work names each item's owner in the bracket that tells where it was given (g1025)."""
    key = reader.key
    opening = key.find("(", start, end)
    while opening != -1:
        gives = _ASIDE_GIVES.match(key, opening + 1, end)
        if gives is not None:
            pos = past_spaces(reader, gives.end())
            mentions, after = reader.read_list(pos, lenient=True, limit=end)
            if mentions and _GIVEN_AT.match(key, after, end):
                return Assignment(clean_leads(mentions), pos, True)
        opening = key.find("(", opening + 1, end)
    return None
