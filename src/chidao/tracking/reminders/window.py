"""The days a digest reports events of (decisions, completions): from the previous working day
up to, not including, the digest's day. Each calendar day then belongs to exactly one working
day's digest — the first working day after it — so nothing is told twice or never."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone

from chidao.extract.workdays import WorkCalendar

VIETNAM = timezone(timedelta(hours=7), "ICT")


@dataclass(frozen=True)
class Window:
    start: date  # first day included
    end: date  # first day not included

    @classmethod
    def before(cls, calendar: WorkCalendar, day: date) -> Window:
        return cls(calendar.add_working_days(day, -1), day)

    def utc(self) -> tuple[datetime, datetime]:
        """The window as UTC instants (days are Vietnam's)."""
        return _instant(self.start), _instant(self.end)


def _instant(day: date) -> datetime:
    return datetime.combine(day, time(), VIETNAM).astimezone(UTC)
