"""Report periods as offices count them: a month, a quarter, six or nine months, a year, or
dates typed out.

By default the cut-off of Nghị định 09/2019/NĐ-CP: a period runs from the 15th of the month
before it to the 14th of its last month (``data/vi/reports.toml``); ``mode="calendar"`` counts
whole months. The text forms are ``2026-03``, ``2026-Q1``, ``2026-H1``, ``2026-9M``, ``2026`` and
``2026-01-15..2026-03-14`` (custom dates: the same whichever mode).
"""

from __future__ import annotations

import calendar as monthcal
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from chidao.data import load_toml
from chidao.messages import msg

ROMAN = ("I", "II", "III", "IV")
_FORMS = (
    ("month", re.compile(r"(\d{4})-(\d{1,2})")),
    ("quarter", re.compile(r"(\d{4})-[Qq]([1-4])")),
    ("half", re.compile(r"(\d{4})-[Hh]([12])")),
    ("nine", re.compile(r"(\d{4})-9[Mm]()")),
    ("year", re.compile(r"(\d{4})()")),
)
_CUSTOM = re.compile(r"(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})")
YEARS = (1901, 2199)
_LONGEST_DAYS = 3 * 366  # a custom period longer than three years is a typing mistake


def span(start: date, end: date) -> str:
    """ "từ ngày 15/12/2025 đến ngày 14/03/2026"."""
    return msg("reports.periods.span", start=f"{start:%d/%m/%Y}", end=f"{end:%d/%m/%Y}")


class PeriodError(ValueError):
    """A period text that names no period (the message says which forms are understood)."""


@cache
def _rules() -> dict:
    return load_toml("reports.toml")["period"]


def modes() -> tuple[str, ...]:
    """How a named period may be counted: "cutoff" (Nghị định 09/2019) or "calendar"."""
    return tuple(_rules()["modes"])


@dataclass(frozen=True)
class Period:
    """Dates ``start`` … ``end`` (inclusive); ``kind`` month | quarter | half | nine | year | custom,
    ``number`` the month, quarter or half (0 otherwise), ``key`` the text that names it again."""

    kind: str
    year: int
    number: int
    start: date
    end: date
    mode: str

    @property
    def key(self) -> str:
        return {
            "month": f"{self.year}-{self.number:02d}",
            "quarter": f"{self.year}-Q{self.number}",
            "half": f"{self.year}-H{self.number}",
            "nine": f"{self.year}-9M",
            "year": f"{self.year}",
        }.get(self.kind, f"{self.start.isoformat()}..{self.end.isoformat()}")

    @property
    def label(self) -> str:
        """The period as a report's title says it: "quý I năm 2026", "6 tháng đầu năm 2026"."""
        if self.kind == "custom":
            return self.span
        if self.kind == "month":
            return msg("reports.periods.month", number=self.number, year=self.year)
        if self.kind == "quarter":
            return msg("reports.periods.quarter", roman=ROMAN[self.number - 1], year=self.year)
        if self.kind == "half":
            if self.number == 1:
                return msg("reports.periods.first_half", year=self.year)
            return msg("reports.periods.second_half", year=self.year)
        if self.kind == "nine":
            return msg("reports.periods.nine_months", year=self.year)
        return msg("reports.periods.year", year=self.year)

    @property
    def span(self) -> str:
        """ "từ ngày 15/12/2025 đến ngày 14/03/2026": the dates the figures cover."""
        return span(self.start, self.end)

    def previous(self) -> Period:
        """The period before, to compare with: the month, quarter, half, nine months or year
        before; for custom dates, as many days just before."""
        if self.kind == "custom":
            days = (self.end - self.start).days
            end = self.start - timedelta(days=1)
            return Period("custom", end.year, 0, end - timedelta(days=days), end, self.mode)
        if self.kind in ("nine", "year"):
            return named(self.kind, self.year - 1, self.number, self.mode)
        per_year = {"month": 12, "quarter": 4, "half": 2}[self.kind]
        if self.number == 1:
            return named(self.kind, self.year - 1, per_year, self.mode)
        return named(self.kind, self.year, self.number - 1, self.mode)


def _month_span(year: int, first: int, last: int, mode: str) -> tuple[date, date]:
    """Months ``first`` … ``last`` of ``year``: whole months, or cut at the 15th."""
    if mode == "calendar":
        return date(year, first, 1), date(year, last, monthcal.monthrange(year, last)[1])
    day = _rules()["cutoff_day"]
    before = date(year - 1, 12, day) if first == 1 else date(year, first - 1, day)
    return before, date(year, last, day) - timedelta(days=1)


def named(kind: str, year: int, number: int, mode: str = "cutoff") -> Period:
    """The period of ``kind`` (month, quarter, half, nine, year) numbered ``number`` in ``year``."""
    if mode not in modes():
        raise PeriodError(f"unknown counting {mode!r}: use one of {', '.join(modes())}")
    first, last = {
        "month": (number, number),
        "quarter": (3 * number - 2, 3 * number),
        "half": (6 * number - 5, 6 * number),
        "nine": (1, 9),
        "year": (1, 12),
    }[kind]
    start, end = _month_span(year, first, last, mode)
    return Period(kind, year, number, start, end, mode)


def parse_period(text: str, mode: str = "cutoff") -> Period:
    """The period a text names (see the module's docstring); ``PeriodError`` for anything else,
    a year before 1901 or after 2199 included (the period before must still be a date)."""
    period = _parse(text, mode)
    if not (YEARS[0] <= period.start.year and period.end.year <= YEARS[1]):
        raise PeriodError(f"{text!r} is out of range: years {YEARS[0]} to {YEARS[1]}")
    return period


def _parse(text: str, mode: str) -> Period:
    raw = text.strip()
    custom = _CUSTOM.fullmatch(raw)
    if custom:
        return _custom(custom.group(1), custom.group(2), mode)
    for kind, pattern in _FORMS:
        found = pattern.fullmatch(raw)
        if found:
            number = int(found.group(2) or 0)
            if kind == "month" and not 1 <= number <= 12:
                break
            return named(kind, int(found.group(1)), number, mode)
    raise PeriodError(
        f"not a period: {text!r} (use 2026-03, 2026-Q1, 2026-H1, 2026-9M, 2026 or 2026-01-15..2026-03-14)"
    )


def _custom(first: str, last: str, mode: str) -> Period:
    try:
        start, end = date.fromisoformat(first), date.fromisoformat(last)
    except ValueError:
        raise PeriodError(f"not a date: {first} or {last}") from None
    if end < start:
        raise PeriodError(f"the period ends ({last}) before it starts ({first})")
    if (end - start).days > _LONGEST_DAYS:
        raise PeriodError("a custom period may cover at most three years")
    if mode not in modes():
        raise PeriodError(f"unknown counting {mode!r}: use one of {', '.join(modes())}")
    return Period("custom", end.year, 0, start, end, mode)


def current_month(today: date, mode: str = "cutoff") -> Period:
    """The month period ``today`` falls in: from the 15th on, the cut-off counts the next month."""
    if mode == "cutoff" and today.day >= _rules()["cutoff_day"]:
        year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
        return named("month", year, month, mode)
    return named("month", today.year, today.month, mode)


def examples() -> list[dict]:
    """The data file's example rows (text, mode, start, end, label), for the tests."""
    return list(_rules()["example"])
