"""The Vietnamese working-day calendar: weekends, public holidays, Tết and make-up Saturdays.

Deadlines such as "trong vòng 10 ngày làm việc kể từ ngày ký" count working days, and Tết
alone can move one by a week, so counting must follow the public-service calendar. The
``holidays`` package supplies the holidays (lunar ones included), the substituted days off
and the Saturdays worked to make up for them; ``data/vi/holidays.toml`` corrects it where a
late Government notice changed a year.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache, lru_cache

import holidays

from chidao.data import load_toml

_DAY = timedelta(days=1)


@cache
def _data_file_days() -> tuple[frozenset[date], frozenset[date]]:
    """Extra days off and extra working days from ``holidays.toml``."""
    data = load_toml("holidays.toml")
    off = frozenset(_as_date(entry["date"]) for entry in data.get("off", []))
    work = frozenset(_as_date(entry["date"]) for entry in data.get("workday", []))
    return off, work


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


@lru_cache(maxsize=512)
def _official_days(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """Public holidays and make-up working days of one year, shared by every calendar."""
    try:
        official = holidays.country_holidays("VN", years=year)
    except (NotImplementedError, ValueError, OverflowError):  # a year the package cannot compute
        return frozenset(), frozenset()
    made_up = getattr(official, "weekend_workdays", ())  # absent in old `holidays` releases
    return (frozenset(d for d in official if d.year == year), frozenset(d for d in made_up if d.year == year))


@cache
def lunar_new_year(year: int) -> date | None:
    """The first day of Tết Nguyên đán in ``year`` (the ``holidays`` package's lunar calendar)."""
    try:
        official = holidays.country_holidays("VN", years=year)
    except (NotImplementedError, ValueError, OverflowError):
        return None
    return next((day for day, name in official.items() if name == "Lunar New Year"), None)


def _weekdays_through(day: date) -> int:
    """Mondays to Fridays from 1/1/1 through ``day``: ordinal 1 is a Monday."""
    weeks, rest = divmod(day.toordinal(), 7)
    return weeks * 5 + min(rest, 5)


class WorkCalendar:
    """Which days are worked in Vietnamese public service, and counting over them.

    Holidays are read from the ``holidays`` package once per year, when first needed.
    ``extra_off`` and ``extra_workdays`` add to the data file (say, a province's own day off).
    """

    def __init__(
        self, *, extra_off: Iterable[date] = (), extra_workdays: Iterable[date] = (), use_data_file: bool = True
    ) -> None:
        off, work = _data_file_days() if use_data_file else (frozenset(), frozenset())
        self._extra_off = off | frozenset(extra_off)
        self._extra_work = work | frozenset(extra_workdays)
        clash = self._extra_off & self._extra_work
        if clash:
            raise ValueError(f"days both off and worked: {sorted(clash)}")
        # year -> (weekdays off, weekend days worked)
        self._years: dict[int, tuple[frozenset[date], frozenset[date]]] = {}

    def _year(self, year: int) -> tuple[frozenset[date], frozenset[date]]:
        cached = self._years.get(year)
        if cached is None:
            cached = self._load_year(year)
            self._years[year] = cached
        return cached

    def _load_year(self, year: int) -> tuple[frozenset[date], frozenset[date]]:
        official_off, made_up = _official_days(year)
        off = official_off | {d for d in self._extra_off if d.year == year}
        work = made_up | {d for d in self._extra_work if d.year == year}
        off -= self._extra_work
        work -= self._extra_off
        return (frozenset(d for d in off if d.weekday() < 5), frozenset(d for d in work if d.weekday() >= 5))

    def is_working_day(self, day: date) -> bool:
        off, work = self._year(day.year)
        if day.weekday() >= 5:
            return day in work
        return day not in off

    def next_working_day(self, day: date, *, inclusive: bool = False) -> date:
        """The first working day after ``day`` (or ``day`` itself if ``inclusive`` and worked)."""
        if inclusive and self.is_working_day(day):
            return day
        return self.add_working_days(day, 1)

    def add_working_days(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start``, not counting ``start`` itself.

        "trong vòng 10 ngày làm việc kể từ ngày ký" signed on Friday 15/3/2024 ends on Friday
        29/3/2024. ``n = 0`` gives ``start``; a negative ``n`` counts back to the ``-n``-th
        working day before ``start``.
        """
        step = _DAY if n >= 0 else -_DAY
        day = start
        for _ in range(abs(n)):
            day += step
            while not self.is_working_day(day):
                day += step
        return day

    def working_days_between(self, a: date, b: date) -> int:
        """Working days after ``a`` up to and including ``b``; ``-working_days_between(b, a)`` if b < a.

        So ``working_days_between(d, add_working_days(d, n)) == n`` for ``n >= 1``: how many
        working days a task is given, or has left.
        """
        if b < a:
            return -self.working_days_between(b, a)
        count = _weekdays_through(b) - _weekdays_through(a)
        for year in range(a.year, b.year + 1):
            off, work = self._year(year)
            count -= sum(1 for d in off if a < d <= b)
            count += sum(1 for d in work if a < d <= b)
        return count


@cache
def default_calendar() -> WorkCalendar:
    """One shared calendar, so that each year's holidays are computed once per process."""
    return WorkCalendar()
