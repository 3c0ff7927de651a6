"""When a task is due and how often it recurs, read from the task's own words.

The deadline grammar (``deadlines.py``) finds every date phrase; here we
choose the one that is the task's deadline. A year that frames a programme
("nhiệm vụ năm 2019", "11 hoạt động dự kiến thực hiện trong năm 2026") is not
a deadline; a phrase in the item's topic ("Về ... trong năm 2025:") neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from chidao.data import load_toml
from chidao.extract.cues import cues
from chidao.extract.deadlines import (
    DeadlineMatch,
    Hit,
    _lower,
    deadline_context,
    find_deadlines,
    resolve_deadlines,
    scan_deadlines,
    sliceable_lower,
)
from chidao.extract.leads import topic_end
from chidao.extract.recurrence import read_recurrence, recurrence_words
from chidao.extract.recurring_day import recurring_day
from chidao.extract.workdays import default_calendar

_CUES = cues("timing_cues.toml")  # the words of these patterns, each row with its example

_YEAR_DEADLINE_VERBS = _CUES["year_deadline_verbs"]
_GOAL_BEFORE = _CUES["goal_before"]
_NOT_DEADLINE_BEFORE = _CUES["not_deadline_before"]
_EVENT_BEFORE = _CUES["event_before"]
_WINDOW_EVENTS = tuple(load_toml("timing_cues.toml")["words"]["window_events"])  # "khởi công"
_YEAR_WORD = load_toml("timing_cues.toml")["words"]["year_opening"]  # "năm"
_CELL_PREFIXES = tuple(f"{word} " for word in load_toml("timing_cues.toml")["words"]["cell_prefixes"])
_GOAL_YEAR = tuple(load_toml("timing_cues.toml")["words"]["goal_year"])  # "vào năm 2027"
_AS_OF_BEFORE = _CUES["as_of_before"]
_AS_OF_AFTER = _CUES["as_of_after"]
_TIME_LABEL_BEFORE = _CUES["time_label_before"]
_FRAME_BEFORE = _CUES["frame_before"]
_BARE_PERIOD = _CUES["bare_period"]
# Deadlines whose own trigger makes them one, whatever comes before: "khởi công trước ngày 30/12".
_FIRM = frozenset({"before_date", "before_month", "before_quarter", "before_year", "before_tet", "relative"})
_PLANNED = _CUES["planned"]


_YEAR_OPENING = _CUES["year_opening"]


_OPEN_ENDED = _CUES["open_ended"]
_LIST_GAP = _CUES["list_gap"]  # " và " between two steps a time cell lists
_YEAR_RANGE_CELL = _CUES["year_range_cell"]
_DATE_RANGE_CELL = _CUES["date_range_cell"]
_HISTORY_BRACKET = _CUES["history_bracket"]
_YEARLY = "yearly"
_HISTORY = "history"  # an item's old deadline, told in a bracket and already past (``_history_dropped``)
# Dated steps a year's deadline gives way to: "... trong năm 2026; thời gian thực hiện trong tháng
# 4/2026" is due in April (genre g861).
_STEPS = _FIRM | {"in_month", "in_quarter"}
_PAST_DAYS = 366  # how far before the document's date an item's step may still be due
_HAS_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True)
class Timing:
    deadline: date | None = None
    deadline_text: str | None = None
    recurrence: str | None = None
    span: tuple[int, int] | None = None
    kind: str | None = None
    recurrence_text: str | None = None  # the words that say how often, even when no value fits
    recurrence_day: str | None = None  # the day the rounds fall on: "25", "15/12", "20/q3", "fri", "wd3"
    recurrence_until: date | None = None  # the last day rounds may fall on: "... đến hết năm 2026"


_NO_TIMING = Timing()  # what most spans state; immutable, so shared


class TimingReader:
    """Reads deadlines and recurrence from one document's text."""

    def __init__(
        self, text: str, key: str, *, doc_date: date | None, year: int | None, lowered: str | None = None
    ) -> None:
        """``lowered``, if given, is ``text.lower()``, computed once for the match key too."""
        self.text = text
        self.key = key
        self.doc_date = doc_date
        self.year = year
        self.calendar = default_calendar()  # the same days as a new WorkCalendar, each year computed once
        self._context = deadline_context(doc_date, year, self.calendar)
        self._undated = deadline_context()  # how ``count_deadlines`` reads, as ``find_deadlines(text)``
        self._low = sliceable_lower(text, lowered)
        self._read: dict[tuple[int, int, bool], Timing] = {}
        self._hits: dict[tuple[int, int], list[Hit]] = {}  # the grammar's matches per span
        self._recurring = tuple(set(recurrence_words()))  # most spans hold none of these words

    def _acceptable(self, match: DeadlineMatch, start: int, plan_line: bool) -> bool:
        before = self.key[max(start, match.start - 160) : match.start]
        if match.kind not in _FIRM and _NOT_DEADLINE_BEFORE.search(before[-25:]) and not match.kind.startswith("until"):
            return False  # "tại kỳ họp giữa năm 2026": an event's date ("vốn được giao | đến hết ngày 30/6" is one)
        event = _EVENT_BEFORE.search(before[-25:]) if match.kind not in _FIRM else None
        if event and not (event.group().startswith(_WINDOW_EVENTS) and match.text.lower().startswith("trong")):
            return False  # "khởi công ngày 15/3", "các điểm thi công trong tháng 5": when it happens;
            # "bảo đảm khởi công trong quý IV": the window it must happen in, a deadline
        if (
            match.kind not in _FIRM
            and _FRAME_BEFORE.search(before[-45:])
            and (bare_period(match.text) or match.kind == "end_year")
        ):
            # "kế hoạch năm 2026": a plan's year; "Kế hoạch trong quý III" is a deadline; "nhiệm vụ
            # trọng tâm ... những tháng cuối năm 2026": the work's own months (genre g407)
            return False
        if _PLANNED.search(before):
            return False
        if match.kind.startswith("until") and (_AS_OF_BEFORE.search(before) or _AS_OF_AFTER.match(self.key, match.end)):
            return False  # "số liệu dân số đến ngày 30/9/2026": the date the figures stand at
        if match.kind == "in_year" and match.text.lower().startswith(_GOAL_YEAR):
            return bool(_GOAL_BEFORE.search(before))  # "phấn đấu đạt ... vào năm 2027"
        if match.kind == "in_year" and not plan_line:
            return bool(_YEAR_DEADLINE_VERBS.search(before) or _TIME_LABEL_BEFORE.search(before))
        return True

    def read(self, start: int, end: int, *, plan_line: bool = False) -> Timing:
        """Deadline and recurrence of the task whose text is ``text[start:end]``.

        Remembered per span: the cutter reads some spans twice (a paragraph tested as a sentence
        that dates the items above it, then cut into tasks)."""
        timing = self._read.get((start, end, plan_line))
        if timing is None:
            timing = self._read[start, end, plan_line] = self._read_span(start, end, plan_line)
        return timing

    def _read_span(self, start: int, end: int, plan_line: bool) -> Timing:
        begin = topic_end(self.key, start, end)
        hits = self._deadline_hits(begin, end)
        resolved = resolve_deadlines(hits, self.text, self._context, begin) if hits else ()
        if resolved and "(" in self.key[begin:end]:
            resolved = _history_dropped(resolved, self.key, begin, end, self.doc_date)
        if len(resolved) > 1 and any(m.kind in _FIRM and m.date for m in resolved):
            # "Công bố giá vật liệu xây dựng quý IV/2026 ..., hoàn thành trước ngày 10/11/2026": a
            # period named with no trigger word is what the action is about, the dated step its deadline
            resolved = [m for m in resolved if not bare_period(m.text)] or resolved
        if len(resolved) > 1 and self.doc_date is not None:
            # "đất sử dụng trước ngày 15/10/1993 ..., gửi Thanh tra tỉnh trước ngày 30/6/2026": a date
            # years before the document's is what the law refers to, not a step (genre g701)
            resolved = [m for m in resolved if not m.date or (self.doc_date - m.date).days <= _PAST_DAYS] or resolved
            if any(m.date and m.date >= self.doc_date for m in resolved):
                # "... do đợt mưa lớn cuối năm 2025 ... trong 05 ngày làm việc kể từ ngày ký": a date
                # already past when the document was signed tells of an event, not a step (genre g861)
                resolved = [m for m in resolved if not m.date or m.date >= self.doc_date]
        resolved = self._earliest_step_first(resolved, begin, plan_line)
        for at, match in enumerate(resolved):
            if not self._acceptable(match, begin, plan_line):
                continue
            if match.recurrence:
                recurrence, words = match.recurrence, match.text
            else:
                recurrence, words = self._recurrence(begin, end)
            span = (match.start, match.end)
            if recurrence is None:
                return Timing(match.date, match.text, recurrence, span, match.kind, words)
            day = recurring_day(self.key, begin, end, recurrence)
            until = self._until(resolved[at:], begin, plan_line)
            # "Định kỳ hằng năm, ... trước ngày 15 tháng 11": each year's day, no one date (g331)
            when = None if recurrence == _YEARLY and not _HAS_YEAR.search(match.text) else match.date
            return Timing(when, match.text, recurrence, span, match.kind, words, day, until)
        # Every _YEAR_OPENING holds _YEAR_WORD ("năm"); the pattern looks for a colon 60 characters ahead first.
        opening = _YEAR_OPENING.match(self.key, begin, end) if self.key.find(_YEAR_WORD, begin, end) >= 0 else None
        recurrence, words = self._recurrence(begin, end)
        if opening and recurrence is None:
            # "Năm 2026, cắt giảm 100% ...": the year by which the result must be reached.
            year = int(opening.group("y"))
            span = (opening.start("phrase"), opening.end("phrase"))
            return Timing(date(year, 12, 31), self.text[span[0] : span[1]], None, span, "year_opening", words)
        if recurrence is None and words is None:
            return _NO_TIMING
        return Timing(None, None, recurrence, None, None, words, recurring_day(self.key, begin, end, recurrence))

    def _earliest_step_first(
        self, resolved: tuple[DeadlineMatch, ...] | list[DeadlineMatch], begin: int, plan_line: bool
    ) -> tuple[DeadlineMatch, ...] | list[DeadlineMatch]:
        """ "kiểm tra các công trình hoàn thành trong năm 2026; báo cáo kết quả trước ngày 30/9/2026":
        when the first deadline is a whole year and a firm date before its end follows, the item's
        first (earliest) step is the dated one (ANNOTATION.md; genre g91)."""
        if len(resolved) < 2:
            return resolved  # nearly every item: one deadline
        if all(m.kind != "in_year" for m in resolved):
            return self._earliest_firm(resolved, begin, plan_line)
        accepted = [m for m in resolved if self._acceptable(m, begin, plan_line)]
        if not accepted or accepted[0].kind != "in_year" or accepted[0].recurrence or accepted[0].date is None:
            return resolved
        year_end = accepted[0].date
        firm = [m for m in accepted if m.kind in _STEPS and not m.recurrence and m.date and m.date < year_end]
        return [min(firm, key=lambda m: m.date), *resolved] if firm else resolved

    def _earliest_firm(
        self, resolved: tuple[DeadlineMatch, ...] | list[DeadlineMatch], begin: int, plan_line: bool
    ) -> tuple[DeadlineMatch, ...] | list[DeadlineMatch]:
        """ "xong trước ngày 28/02/2027; riêng đối với chương trình dịp Tết, xong trước ngày
        15/01/2027": of an item's firm dated steps, the earliest comes first (genre g168)."""
        firm = [m for m in resolved if m.kind in _FIRM and not m.recurrence and m.date]
        if len(firm) < 2:
            return resolved
        accepted = [m for m in firm if self._acceptable(m, begin, plan_line)]
        earliest = min(accepted, key=lambda m: m.date) if len(accepted) > 1 else None
        return [earliest, *resolved] if earliest is not None and earliest is not accepted[0] else resolved

    def _until(self, matches: list[DeadlineMatch], begin: int, plan_line: bool) -> date | None:
        """The end of a recurring task's rounds: its "đến hết năm 2026", "đến ngày 31/12/2026"."""
        for match in matches:
            if match.kind.startswith("until") and match.date and self._acceptable(match, begin, plan_line):
                return match.date
        return None

    def _deadline_hits(self, start: int, end: int) -> list[Hit]:
        """``scan_deadlines`` of ``text[start:end]``, kept: a task's span is read for its timing,
        then counted for the confidence."""
        hits = self._hits.get((start, end))
        if hits is None:
            low = self._low[start:end] if self._low is not None else _lower(self.text[start:end])
            hits = self._hits[start, end] = scan_deadlines(low)
        return hits

    def count_deadlines(self, start: int, end: int) -> int:
        """``len(find_deadlines(text[start:end]))``: the phrases read without the document's date."""
        hits = self._deadline_hits(start, end)
        return len(resolve_deadlines(hits, self.text, self._undated, start)) if hits else 0

    def _recurrence(self, begin: int, end: int) -> tuple[str | None, str | None]:
        """``read_recurrence`` of ``[begin, end)``; (None, None) without a recurrence word, as it would give.

        A find per word in the span, not an index of the document's words: the spans read are
        most of the text once, so the index cost more to build than it saved."""
        key = self.key
        for word in self._recurring:
            if key.find(word, begin, end) >= 0:
                return read_recurrence(key, self.text, begin, end)
        return None, None

    def read_cell(self, start: int, end: int) -> Timing:
        """The timing a table's time cell states, bare forms included ("Quý II/2026", "Năm 2026",
        "30/9/2026", "Hằng quý"): the column says it is a deadline, so no trigger is needed."""
        if _OPEN_ENDED.search(self.key, start, end):
            return Timing()  # "Năm 2025 và các năm tiếp theo", "Thường xuyên": no deadline
        ranged = _DATE_RANGE_CELL.match(self.key, start, end)
        last = self._prefixed_cell(ranged.end(), end) if ranged else None
        if last is not None:
            return last  # "Tháng 12/2025 - tháng 4/2026", "15/4 - 15/5/2026": by the range's last day
        timing = self.read(start, end, plan_line=True)
        if timing.deadline and timing.span and self.text[start : timing.span[0]].strip():
            # "Quý II và Quý IV/2026": read bare, only the dated last step; read as a sentence's
            # "trong Quý II và Quý IV/2026", the first step, as ANNOTATION.md wants (genre g967)
            first = self._prefixed_cell(start, end)
            listed = first is not None and first.span and _LIST_GAP.fullmatch(self.text, first.span[1], timing.span[0])
            if listed and first.deadline and first.deadline < timing.deadline:  # type: ignore[union-attr]
                return first  # type: ignore[return-value]
        if timing.deadline or timing.recurrence or timing.recurrence_text:
            return timing
        years = _YEAR_RANGE_CELL.match(self.key, start, end)
        if years:  # "2026 - 2027": by the end of the last year
            return Timing(
                date(int(years.group(1)), 12, 31), self.text[start:end].strip(), None, (start, end), "in_year"
            )
        days = _DATE_RANGE_CELL.match(self.key, start, end)
        if days:
            start = days.end()  # "15/4 - 15/5/2026": by the range's last day
        return self._prefixed_cell(start, end) or timing

    def _prefixed_cell(self, start: int, end: int) -> Timing | None:
        """The deadline a bare time cell states when read after "trong ", "trước ngày " or
        "trước " (a cell "30/9" or "Quý II" is a sentence's "trước ngày 30/9", "trong Quý II")."""
        cell = self.text[start:end]
        for prefix in _CELL_PREFIXES:  # "trong ", "trước ngày ", "trước "
            for match in find_deadlines(prefix + cell, doc_date=self.doc_date, year=self.year, calendar=self.calendar):
                if match.start == 0 and match.date is not None and match.end > len(prefix):
                    stop = start + match.end - len(prefix)
                    return Timing(match.date, self.text[start:stop], None, (start, stop), match.kind)
        return None


def _history_dropped(
    resolved: tuple[DeadlineMatch, ...], key: str, begin: int, end: int, doc_date: date | None
) -> tuple[DeadlineMatch, ...]:
    """The deadlines outside a bracket that tells where and when the task was first given, when
    there are any: "(giao tại Văn bản số ..., thời hạn 30/9/2026). Hoàn th(rest) trước ngày 15/12/2026";
    none when the bracket's old deadline, already past when the document was signed, is all the
    item has: marked as such, so that the date an urging letter gives in its lead-in goes first;
    with none, the old deadline stands, the task overdue (genre g890, g300)."""
    spans = [(m.start(), m.end()) for m in _HISTORY_BRACKET.finditer(key, begin, end)]
    if not spans:
        return resolved
    kept = tuple(m for m in resolved if not any(s <= m.start < e for s, e in spans))
    if kept:
        return kept
    if doc_date is not None and all(m.date and m.date < doc_date for m in resolved):
        return tuple(replace(m, kind=_HISTORY) for m in resolved)  # a lead-in's date goes first
    return resolved


def bare_period(deadline_text: str) -> bool:
    """Whether a deadline phrase is a bare period, with no word that makes it one ("quý II/2026",
    "năm 2026", not "trong quý II/2026")."""
    return _BARE_PERIOD.match(deadline_text.lower()) is not None
