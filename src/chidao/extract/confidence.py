"""How sure extraction is of a task, and why not: the review page puts doubtful tasks first.

Each doubt is a reason a clerk can check ("cơ quan chủ trì lấy từ tiêu đề", "thời hạn chưa
hiểu được"); its weight, in ``data/vi/review.toml``, is how often tasks with that doubt were
right on the development corpus. A task's confidence is the product of its doubts' weights,
so that the least confident tasks are the ones most likely wrong (``make eval`` measures it).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from chidao.data import load_toml
from chidao.extract.cues import cue_regex, cues
from chidao.extract.deadlines import find_deadlines


@dataclass(frozen=True)
class _Doubts:
    bias: float
    labels: dict[str, str]
    weights: dict[str, float]  # log-odds each code adds to the task being right


@cache
def _doubts() -> _Doubts:
    data = load_toml("review.toml")
    table = {**data["doubts"], **data.get("signals", {})}
    return _Doubts(
        float(data["bias"]),
        {code: entry["label"] for code, entry in data["doubts"].items()},
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
# Date-like words that, with no deadline read, suggest a deadline the grammar missed: "trước ngày",
# "thời hạn", "trong tháng", "tuần đầu", "chậm nhất", "cuối năm", "hạn chót", "hoàn thành trong",
# "dịp", "ngày 15/3". Grouped by first letter, so that the engine tries one branch per letter.
_TIME_WORDS = cues("deadline_cues.toml")["time_words"]


@cache
def _vague_lead() -> re.Pattern[str]:
    """ "Các cơ quan, ...", "Đơn vị ...": a lead that names a kind of body (``review.toml``)."""
    nouns = "|".join(re.escape(n) for n in load_toml("review.toml")["vague_lead_nouns"])
    plural = cue_regex("agency_cues.toml", "group_plural")  # "các", "những"
    return re.compile(rf"^{plural}?\s*(?:{nouns})(?:[, ]|$)")


_LONG = 600
_TOPIC = cues("assignment_cues.toml")["opening_topic"]
_PAST = cues("assignment_cues.toml")["past_or_ongoing"]
_REVIEW = load_toml("review.toml")
_LEAD_GROUP = tuple(f"{word} " for word in _REVIEW["lead_group_openings"])  # "các ", "những "
_COORDINATOR_GROUP = tuple(f"{word} " for word in _REVIEW["coordinator_group_openings"])  # "các "
_PAST_WORDS = tuple(load_toml("assignment_cues.toml")["prefilter"]["past"])  # every _PAST match is one


@dataclass(frozen=True)
class Assessment:
    confidence: float
    doubts: list[str]  # codes shown to the clerk, most telling first
    signals: list[str] = field(default_factory=list)  # every code that moved the confidence

    @property
    def labels(self) -> list[str]:
        labels = _doubts().labels  # as ``doubt_label``, without a call per code
        return [labels.get(code, code) for code in self.doubts]


def assess(
    *,
    text: str,
    key: str,
    leads: list[str],
    coordinators: list[str],
    lead_source: str,
    lead_offset: int,
    deadline: date | None,
    deadline_text: str | None,
    deadline_source: str,
    recurrence: str | None,
    recurrence_text: str | None,
    marked: bool,
    doc_date: date | None,
    unusual_lead: bool,
    deadlines_found: int | None = None,
) -> Assessment:
    """The doubts a clerk should check about one task, and the confidence they leave.

    ``lead_offset`` is where the lead is named in the task's text (-1: not in it, inherited).
    Codes with a label in ``review.toml`` are doubts shown to the clerk; the others are signals
    that only move the confidence (a table row is more often right than running text).
    ``deadlines_found``, if given, is ``len(find_deadlines(text))`` (a reader of the document
    may have it at hand); it is read only when ``deadline_source`` is "own".
    """
    codes = _lead_codes(leads, coordinators, lead_source, lead_offset, unusual_lead)
    codes += _timing_codes(
        text, key, deadline, deadline_text, deadline_source, recurrence, recurrence_text, doc_date, deadlines_found
    )
    codes += _text_codes(text, key, marked)
    table = _doubts()
    weight = table.weights.get
    logit = table.bias + sum([weight(code, 0.0) for code in codes])
    confidence = 1 / (1 + math.exp(-logit))
    shown = sorted([c for c in codes if c in table.labels], key=table.weights.__getitem__)  # labels ⊂ weights
    return Assessment(round(confidence, 2), shown, codes)


def _lead_codes(
    leads: list[str], coordinators: list[str], lead_source: str, lead_offset: int, unusual_lead: bool
) -> list[str]:
    """What may be wrong with who leads and who coordinates."""
    codes: list[str] = []
    if not leads:
        codes.append("no_agency")
    source = _LEAD_SOURCES.get(lead_source)
    if source:
        codes.append(source)
    if lead_source == "table":
        codes.append("table_row")
    if leads and all(_vague_lead().match(name.lower()) for name in leads):
        codes.append("lead_vague")
    elif leads and any(name.lower().startswith(_LEAD_GROUP) for name in leads):
        codes.append("lead_group")
    if unusual_lead:
        codes.append("lead_unusual")
    if len(leads) >= 3:
        codes.append("many_leads")
    elif len(leads) == 2:
        codes.append("two_leads")
    if lead_offset > 60:
        codes.append("lead_late")
    if len(coordinators) >= 4:
        codes.append("coordinators_many")
    if any(name.lower().startswith(_COORDINATOR_GROUP) for name in coordinators):
        codes.append("coordinators_group")
    return codes


def _timing_codes(
    text: str,
    key: str,
    deadline: date | None,
    deadline_text: str | None,
    deadline_source: str,
    recurrence: str | None,
    recurrence_text: str | None,
    doc_date: date | None,
    deadlines_found: int | None,
) -> list[str]:
    """What may be wrong with the deadline and the recurrence."""
    codes: list[str] = []
    if deadline_source == "inherited":
        codes.append("deadline_inherited")
    if deadline is None and recurrence is None and _TIME_WORDS.search(key):
        codes.append("deadline_unread")
    if deadline_source == "own" and (len(find_deadlines(text)) if deadlines_found is None else deadlines_found) >= 2:
        codes.append("deadline_several")
    if deadline and doc_date and deadline < doc_date:
        codes.append("deadline_before_document")
    if deadline is None and deadline_text and re.search(r"\d", deadline_text) and recurrence is None:
        codes.append("deadline_no_year")
    if recurrence is None and recurrence_text:
        codes.append("recurrence_irregular")
    return codes


def _text_codes(text: str, key: str, marked: bool) -> list[str]:
    """What the task's own text tells: too long, opened by a topic or in the past, running text."""
    codes: list[str] = []
    if len(text) > _LONG:
        codes.append("long_text")
    if _TOPIC.match(key):
        codes.append("topic_opening")
    opening = key[:120]
    if any(word in opening for word in _PAST_WORDS) and _PAST.search(opening):  # words first: cheaper
        codes.append("past_tense")
    if not marked:
        codes.append("running_text")
    return codes
