"""How sure extraction is of a task, and why not: the review page puts doubtful tasks first.

Each doubt is a reason a clerk can check ("cơ quan chủ trì lấy từ tiêu đề", "thời hạn chưa
hiểu được"); its weight, in ``data/vi/review.toml``, is how often tasks with that doubt were
right on the development corpus. A task's confidence is the product of its doubts' weights,
so that the least confident tasks are the ones most likely wrong (``make eval`` measures it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from chidao.document.lexicon import load_toml
from chidao.extract.deadlines import find_deadlines


@dataclass(frozen=True)
class _Doubts:
    base: float
    labels: dict[str, str]
    weights: dict[str, float]


@cache
def _doubts() -> _Doubts:
    data = load_toml("review.toml")
    table = data["doubts"]
    return _Doubts(
        float(data["base"]),
        {code: entry["label"] for code, entry in table.items()},
        {code: float(entry["weight"]) for code, entry in table.items()},
    )


def doubt_label(code: str) -> str:
    return _doubts().labels.get(code, code)


_LEAD_SOURCES = {
    "heading": "lead_from_heading",
    "lead-in": "lead_from_lead_in",
    "lead-in without agency": "lead_from_lead_in",
    "plan lines": "lead_from_plan_line",
    "fallback": "lead_from_previous",
    "addressee": "lead_from_addressee",
}
# Date-like words that, with no deadline read, suggest a deadline the grammar missed.
_TIME_WORDS = re.compile(
    r"(?<![\w])(?:trước ngày|chậm nhất|hạn chót|thời hạn|hoàn thành trong|trong tháng|trong quý|"
    r"trước tết|dịp|trước \d|ngày \d{1,2}[/.-]\d{1,2}|tuần (?:đầu|cuối)|cuối (?:tháng|quý|năm))"
)
_VAGUE_LEAD = re.compile(r"^(?:các|những)?\s*(?:cơ quan|đơn vị|địa phương|sở, ban, ngành|ngành)(?:[, ]|$)")
_LONG = 900


@dataclass(frozen=True)
class Assessment:
    confidence: float
    doubts: list[str]  # codes, most telling first

    @property
    def labels(self) -> list[str]:
        return [doubt_label(code) for code in self.doubts]


def assess(
    *,
    text: str,
    key: str,
    leads: list[str],
    coordinators: list[str],
    lead_source: str,
    deadline: date | None,
    deadline_text: str | None,
    deadline_source: str,
    recurrence: str | None,
    recurrence_text: str | None,
    marked: bool,
    doc_date: date | None,
    unusual_lead: bool,
) -> Assessment:
    """The doubts a clerk should check about one task, and the confidence they leave."""
    codes: list[str] = []
    if not leads:
        codes.append("no_agency")
    source = _LEAD_SOURCES.get(lead_source)
    if source:
        codes.append(source)
    if leads and all(_VAGUE_LEAD.match(name.lower()) for name in leads):
        codes.append("lead_vague")
    if unusual_lead:
        codes.append("lead_unusual")
    if len(leads) >= 3:
        codes.append("many_leads")
    if len(coordinators) >= 4:
        codes.append("coordinators_many")
    if deadline_source == "inherited":
        codes.append("deadline_inherited")
    if deadline is None and recurrence is None and _TIME_WORDS.search(key):
        codes.append("deadline_unread")
    if deadline_source == "own" and len(find_deadlines(text)) >= 2:
        codes.append("deadline_several")
    if deadline and doc_date and deadline < doc_date:
        codes.append("deadline_before_document")
    if deadline is None and deadline_text and re.search(r"\d", deadline_text) and recurrence is None:
        codes.append("deadline_no_year")
    if recurrence is None and recurrence_text:
        codes.append("recurrence_irregular")
    if len(text) > _LONG:
        codes.append("long_text")
    if not marked:
        codes.append("running_text")
    table = _doubts()
    confidence = table.base
    for code in codes:
        confidence *= table.weights.get(code, 1.0)
    codes.sort(key=lambda code: table.weights.get(code, 1.0))
    return Assessment(round(confidence, 2), codes)
