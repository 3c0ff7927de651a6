"""From a matched deadline phrase to its date: periods, rolling years, working days from
the document's date, Tết, durations and recurring deadlines."""

from __future__ import annotations

import calendar as _calendar
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from chidao.extract.deadline_grammar import _Grammar, _key, _Rule
from chidao.extract.lunar import lunar_day
from chidao.extract.workdays import WorkCalendar, lunar_new_year


# --- From a match to a date ----------------------------------------------------------------------
@dataclass(frozen=True)
class DeadlineContext:
    """What turns a match into a date: the year a yearless date takes, the signing date, the calendar."""

    year: int | None
    doc_date: date | None
    calendar: WorkCalendar


def _year(raw: str | None, default: int | None) -> int | None:
    if raw is None or raw == "nay":
        return default
    return 2000 + int(raw) if len(raw) == 2 else int(raw)


def _month_end(year: int, month: int) -> date:
    return date(year, month, _calendar.monthrange(year, month)[1])


def _period_deadline(year: int, first: int, months: int, part: str) -> date:
    """The day a period of ``months`` months from month ``first`` sets, per the rule's ``part``."""
    if part == "before":
        return date(year, first, 1) - timedelta(days=1)
    if part in ("early", "mid"):
        k = 1 if part == "early" else 2
        if months == 1:
            return date(year, first, 10 * k)  # the end of the month's first or second ten days
        return _month_end(year, first + k * (1 if months == 3 else 3) - 1)
    return _month_end(year, first + months - 1)


def _explicit_date(m: re.Match[str], year: int | None) -> tuple[bool, date | None]:
    """(is it a real date, the date) from the date groups; the date is None with no year known."""
    if m["d"] is not None:
        day, month, raw = int(m["d"]), int(m["m"]), m["y"]
        if raw is None and m["sep"] != "/" and not m["ngay"]:
            return False, None  # "đến 3-5 năm": a yearless "3-5" without "ngày" is not a date
    else:
        day, month, raw = int(m["td"]), int(m["tm"]), m["ty"]
    resolved = _year(raw, year)
    if day > _calendar.monthrange(resolved or 2000, month)[1]:  # 2000 is a leap year: 29/2 passes
        return False, None
    return True, (date(resolved, month, day) if resolved else None)


def _shifted(origin: date, n: int, unit: str, cal: WorkCalendar) -> date:
    if unit == "workdays":
        return cal.add_working_days(origin, n)
    if unit == "months":
        years, month0 = divmod(origin.month - 1 + n, 12)
        year, month = origin.year + years, month0 + 1
        return date(year, month, min(origin.day, _calendar.monthrange(year, month)[1]))
    return origin + timedelta(days=n * (7 if unit == "weeks" else 1))


def _number(g: _Grammar, raw: str) -> int:
    return int(raw) if raw.isdigit() else g.tables["numbers"][_key(raw)]


_Resolved = tuple[date | None, str | None, str]  # date, recurrence, kind


def _rolled(when: date | None, written_year: str | None, ctx: DeadlineContext) -> date | None:
    """A date written without a year takes the document's year, or the next one when it would
    fall before the document's date ("trước ngày 10/01" in a notice of 20/12/2024 → 2025)."""
    if when is None or written_year is not None or ctx.doc_date is None or when >= ctx.doc_date:
        return when
    try:
        return date(when.year + 1, when.month, min(when.day, _calendar.monthrange(when.year + 1, when.month)[1]))
    except ValueError:
        return when


def _on_date(g: _Grammar, rule: _Rule, m: re.Match[str], ctx: DeadlineContext) -> _Resolved | None:
    valid, when = _explicit_date(m, ctx.year)
    written_year = m["y"] if m["d"] is not None else m["ty"]
    return (_rolled(when, written_year, ctx), None, rule.kind) if valid else None


def _on_period(g: _Grammar, rule: _Rule, m: re.Match[str], ctx: DeadlineContext) -> _Resolved | None:
    groups = m.groupdict()
    raw = groups.get("y") or groups["yw"]
    if not m["trig"] and raw is None:
        return None  # a bare "quý II", "sơ kết 6 tháng đầu năm" names a report, not a deadline
    first, months = _period(g, rule.shape, groups)
    if not 1 <= months <= 12:  # "0 tháng đầu năm", "15 tháng cuối năm"
        return None
    year = _year(raw, ctx.year)
    when = _period_deadline(year, first, months, rule.part) if year else None
    if rule.shape == "month":
        when = _rolled(when, raw, ctx)
    return when, None, rule.kind


def _period(g: _Grammar, shape: str, groups: dict[str, str]) -> tuple[int, int]:
    """(first month, number of months) of the period a match names."""
    if shape == "month":
        first, second = int(groups["m"]), int(groups.get("m2") or 0)
        # the next month after it: one period ("tháng 02 và tháng 3"); any other, a second step ("Tháng 6, tháng 12")
        return (second if second == first % 12 + 1 else first), 1
    if shape == "quarter":
        return 3 * g.tables["quarters"][groups["q"]] - 2, 3
    if shape == "year":
        return 1, 12
    months = _number(g, groups["n"]) if groups["n"] else 6  # "nửa đầu năm": a half
    return (1, months) if g.tables["sides"][_key(groups["side"])] == "first" else (13 - months, months)


def _on_relative(g: _Grammar, rule: _Rule, m: re.Match[str], ctx: DeadlineContext) -> _Resolved | None:
    n, unit = _number(g, m["n"]), g.tables["units"][_key(m["unit"])]
    dated = m["d"] is not None or m["td"] is not None
    if n == 0 or (_key(m["trig"]) in rule.weak and unit != "workdays" and not (m["anchor"] or dated)):
        return None  # "trong 2 ngày" is how long an event lasts
    origin = ctx.doc_date
    if dated:
        valid, origin = _explicit_date(m, ctx.year)
        if not valid:
            return None
    elif not m["anchor"] and g.other_origin.match(m.string, m.end()):
        origin = None  # "kể từ ngày nhận đủ hồ sơ hợp lệ": an origin this text does not date
    return (_shifted(origin, n, unit, ctx.calendar) if origin else None), None, f"{rule.kind}_{unit}"


def _on_recurring(g: _Grammar, rule: _Rule, m: re.Match[str], ctx: DeadlineContext) -> _Resolved | None:
    month = m["m"] or m["tm"]
    if month and int(m["d"]) > _calendar.monthrange(2000, int(month))[1]:
        return None
    return None, g.tables["recurrence"][_key(m["rec"])], rule.kind


def _on_duration(g: _Grammar, rule: _Rule, m: re.Match[str], ctx: DeadlineContext) -> _Resolved | None:
    """ "trong 1,5 ngày, bắt đầu từ ngày 06/7/2026" → the last day the span covers (07/7)."""
    valid, first = _explicit_date(m, ctx.year)
    if not valid or first is None:
        return (None, None, rule.kind) if valid else None
    raw = m["n"].replace(",", ".")
    n = float(raw) if raw[0].isdigit() else _number(g, raw)
    days = math.ceil(n) * (7 if m["unit"].startswith("tuần") else 1)
    return first + timedelta(days=max(days, 1) - 1), None, rule.kind


def _on_tet(g: _Grammar, rule: _Rule, m: re.Match[str], ctx: DeadlineContext) -> _Resolved | None:
    """ "trước Tết Nguyên đán Bính Ngọ 2026" → the first day of that Tết; "trước Tết Dương lịch
    2027" → 1 January 2027 (genre g112); "trước ngày 20 tháng Chạp" → that lunar day (genre g446)."""
    year = int(m["y"]) if m["y"] else None
    if m["ld"]:
        return _lunar(g, m, ctx, year), None, rule.kind
    if m["solar"]:
        if year is None and ctx.doc_date is not None:
            year = ctx.doc_date.year + 1  # the next New Year's Day after the document
        return (date(year, 1, 1) if year else None), None, rule.kind
    if year is None and m["stem"]:
        stems, branches = g.cycle
        stem, branch = stems[_key(m["stem"])], branches[_key(m["branch"])]
        near = ctx.year or (ctx.doc_date.year if ctx.doc_date else None)
        if near is None:
            return None, None, rule.kind
        year = next((y for y in range(near - 1, near + 3) if y % 10 == stem and y % 12 == branch), None)
    if year is None:
        if ctx.doc_date is None:
            return None, None, rule.kind
        first = lunar_new_year(ctx.doc_date.year)
        year = ctx.doc_date.year if first and first >= ctx.doc_date else ctx.doc_date.year + 1
    return lunar_new_year(year), None, rule.kind


def _lunar(g: _Grammar, m: re.Match[str], ctx: DeadlineContext, year: int | None) -> date | None:
    """Day ``ld`` of lunar month ``lm``: of the lunar year ``year`` when written (its Chạp comes
    before the next year's Tết), else the first such day on or after the document's date."""
    month, day = g.lunar_months[_key(m["lm"])], int(m["ld"])
    if not 1 <= day <= _LUNAR_DAYS:
        return None
    if year is not None:
        tet = lunar_new_year(year + 1 if month == _LAST_LUNAR_MONTH else year)
        return lunar_day(tet, month, day) if tet else None
    if ctx.doc_date is None:
        return None
    for tet_year in (ctx.doc_date.year, ctx.doc_date.year + 1):
        tet = lunar_new_year(tet_year)
        if tet is not None and lunar_day(tet, month, day) >= ctx.doc_date:
            return lunar_day(tet, month, day)
    return None


_LUNAR_DAYS = 30  # the most days of a lunar month
_LAST_LUNAR_MONTH = 12  # Chạp, before Tết


_HANDLERS = {
    "date": _on_date,
    "month": _on_period,
    "quarter": _on_period,
    "year": _on_period,
    "year_span": _on_period,
    "relative": _on_relative,
    "recurring": _on_recurring,
    "tet": _on_tet,
    "duration": _on_duration,
}
