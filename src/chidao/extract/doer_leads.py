"""Doers named after the action, and the agency a past clause reports on (chidao.extract.leads
asks them last): "Việc xây dựng cơ sở dữ liệu do Sở Khoa học và Công nghệ chủ trì", "Nâng cấp hệ
thống một cửa điện tử, do Sở X chủ trì thực hiện.", "Rà soát ... trước ngày 31/3/2027 - UBND phường
X thực hiện.", "Sở X đã hoàn thành ...; đề nghị tiếp tục ..."."""

from __future__ import annotations

import re

from chidao.data import load_toml
from chidao.extract.agencies import AgencyReader, Mention
from chidao.extract.cues import cues
from chidao.extract.lead_basics import Assignment, clean_leads
from chidao.extract.unassigned import promises_after

_FILE = "assignment_cues.toml"
_CUES = cues(_FILE)
_AGENT_BY = _CUES["agent_by"]
_DOER_ROLE = _CUES["doer_role"]
_PAST = _CUES["past"]
_PASSIVE_ASSIGN = _CUES["passive_assign"]
_TASK_TOPICS = tuple(f"{word} " for word in load_toml(_FILE)["words"]["task_topics"])  # "việc ", "nhiệm vụ "
_DOER_DASH = re.compile(r"\s[-–]\s+(?=\S)")  # a doer named after a spaced dash that closes the item
_STOP_SPACE = re.compile(r"[.;]\s")
_TOPIC_COMMA = _CUES["topic_comma"]  # "Đối với việc bổ sung biên chế, "
_DESCRIBED_ROLE = _CUES["described_role"]  # "... (Bộ Xây dựng) là chủ đầu tư"


def agent_assignment(reader: AgencyReader, pos: int, end: int) -> Assignment | None:
    """ "Việc xây dựng cơ sở dữ liệu do Sở Khoa học và Công nghệ chủ trì, hoàn thành ...": a task
    named first whose doer follows "do" and a role (genre g98); or an action whose doer closes it:
    "Nâng cấp hệ thống một cửa điện tử, do Sở Khoa học và Công nghệ chủ trì thực hiện." (g145)."""
    key = reader.key
    topic = key.startswith(_TASK_TOPICS, pos)
    # Without a topic, "do" counts only after a comma: a clause without one (most) is not scanned.
    if topic or key.find(",", pos, end) >= 0:
        for match in _AGENT_BY.finditer(key, pos, min(end, pos + 160) if topic else end):
            if not topic and not key[pos : match.start()].rstrip().endswith(","):
                continue
            found = _doer_at(reader, match.end(), end, closing=not topic)
            if found is not None:
                return found
    if topic or not _has_dash(key, pos, end):
        return None
    dash = _DOER_DASH.search(key, pos, end)  # "Rà soát ... trước ngày 31/3/2027 - UBND phường X thực hiện." (g171)
    return _doer_at(reader, dash.end(), end, closing=True) if dash else None


def _has_dash(key: str, pos: int, end: int) -> bool:
    """Whether ``key[pos:end]`` holds a hyphen or an en dash, which every match of ``_DOER_DASH``
    does: two ``str.find`` calls rule out most clauses, where ``re`` would test every character
    for a space (it has no literal to skip to)."""
    return key.find("-", pos, end) >= 0 or key.find("–", pos, end) >= 0


def _doer_at(reader: AgencyReader, pos: int, end: int, *, closing: bool) -> Assignment | None:
    """The agencies at ``pos`` followed by a doer's role ("chủ trì", "thực hiện"); with ``closing``,
    only when nothing but its partners is left of the sentence."""
    mentions, after = reader.read_list(pos, limit=end)
    role = _DOER_ROLE.match(reader.key, after, end) if mentions else None
    if role is None or (closing and _STOP_SPACE.search(reader.key, role.end(), end)):
        return None
    return Assignment(clean_leads(mentions), pos, True)


def reported_subject(reader: AgencyReader, pos: int, end: int) -> list[Mention] | None:
    """ "Sở X đã hoàn thành việc đo đạc ...": the agency a clause reports on, for a request that
    follows in the same item and names no one ("...; đề nghị tiếp tục hỗ trợ ...", genre g171)."""
    if not reader.starts_agency(pos):
        return None
    mentions, after = reader.read_list(pos, limit=end)
    if not mentions or not _PAST.match(reader.key, after) or _PASSIVE_ASSIGN.match(reader.key, after):
        return None
    return clean_leads(mentions)


def promised_subject(reader: AgencyReader, pos: int, end: int) -> bool:
    """ "Đối với việc bổ sung biên chế, UBND tỉnh sẽ xem xét ...": a body, after a topic maybe,
    that says what it will do (reported intent in a news item, no task)."""
    topic = _TOPIC_COMMA.match(reader.key, pos, end)
    after = _after_subject(reader, topic.end() if topic else pos, end)
    return after is not None and promises_after(reader.key, after, end)


def described_subject(reader: AgencyReader, pos: int, end: int) -> bool:
    """ "Ban Quản lý dự án Mỹ Thuận (Bộ Xây dựng) là chủ đầu tư; ...": what a body is in a
    project, a description and no task (genre g316)."""
    after = _after_subject(reader, pos, end)
    return after is not None and _DESCRIBED_ROLE.match(reader.key, after, end) is not None


def _after_subject(reader: AgencyReader, pos: int, end: int) -> int | None:
    """Where the bodies that open the clause at ``pos`` end, or None if none opens it."""
    if not reader.starts_agency(pos):
        return None
    mentions, after = reader.read_list(pos, limit=end)
    return after if mentions else None
