"""The verdict that answers a proposal, which gives no one work: "Về đề nghị cho phép thi công
trước ...: UBND tỉnh không thống nhất.", "Đối với đề xuất ...: UBND tỉnh sẽ xem xét sau khi có ý
kiến thẩm định của Sở Tài chính.", "Về kiến nghị ...: Nội dung này đã được Quốc hội cho phép ...".

Rule 5 of ANNOTATION.md: approvals that give nobody an action are no tasks; the leader's answers
that assign work are ("...: thống nhất chủ trương; giao Sở Tài chính hướng dẫn ..."), so a verdict
counts only when no body it names after it is given the work.
"""

from __future__ import annotations

from chidao.extract.agencies import AgencyReader, Mention
from chidao.extract.cues import cues
from chidao.extract.lead_basics import past_spaces, topic_end

_CUES = cues("task_cues.toml")
_VERDICT = _CUES["proposal_verdict"]
_SUBJECT_VERDICT = _CUES["proposal_verdict_after_subject"]


def is_verdict(reader: AgencyReader, item_start: int, span: tuple[int, int], leads: list[Mention]) -> bool:
    """Whether the run of clauses ``span`` of a proposal's answer (the item opening at
    ``item_start``) is only its verdict: an approval, refusal, deferral or state of things, with
    or without its subject, and no lead named after it."""
    start, end = span
    key = reader.key
    pos = past_spaces(reader, max(start, topic_end(key, item_start, end)))
    verdict = _VERDICT.match(key, pos, end)
    if verdict is None and reader.starts_agency(pos):
        subject, after = reader.read_list(pos, limit=end)
        if subject:
            verdict = _SUBJECT_VERDICT.match(key, after, end)
    if verdict is None:
        return False
    return not any(verdict.end() <= lead.start < end for lead in leads)
