"""When a due day is reminded, on the working-day calendar (pure: no database).

A due day ``d`` seen on working day ``today`` is ``n`` working days away
(``working_days_between(today, d)``; a due day on a weekend counts as the working day before
it). It is reminded when ``n`` is one of the policy's ``before`` numbers, on the due day
(``n == 0``), and while overdue on the first working day late and every ``overdue_every``
working days after. Reminders are only built on working days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from chidao.extract.workdays import WorkCalendar
from chidao.tracking.reminders.policy import Policy

DUE_SOON, DUE_TODAY, OVERDUE = "due_soon", "due_today", "overdue"


@dataclass(frozen=True)
class Reminder:
    section: str  # due_soon | due_today | overdue
    days: int  # working days before the due day (positive) or late (negative); 0 on the day


class Schedule:
    """The policy applied to one day: which due days are reminded, and how."""

    def __init__(self, policy: Policy, calendar: WorkCalendar, today: date) -> None:
        self.policy, self.calendar, self.today = policy, calendar, today
        self._away = lru_cache(maxsize=None)(self._working_days_away)

    def _working_days_away(self, due: date) -> int:
        return self.calendar.working_days_between(self.today, due)

    @property
    def horizon(self) -> date:
        """The last due day reminded ahead today (the day before the first one too far ahead)."""
        furthest = max(self.policy.before, default=0)
        return self.calendar.add_working_days(self.today, furthest + 1) - timedelta(days=1)

    def late_by(self, due: date) -> int:
        """Working days a due day is behind today (0 when not late)."""
        return max(0, -self._away(due)) if due < self.today else 0

    def reminder(self, due: date) -> Reminder | None:
        """What today's digest says about a due day, or None when today is not one of its days."""
        if not self.calendar.is_working_day(self.today):
            return None
        if due < self.today:
            late = -self._away(due)
            if late >= 1 and (late - 1) % self.policy.overdue_every == 0:
                return Reminder(OVERDUE, -late)
            return None
        away = self._away(due)
        if away == 0:
            return Reminder(DUE_TODAY, 0) if self.policy.on_due_day else None
        if away in self.policy.before:
            return Reminder(DUE_SOON, away)
        return None

    def escalated_between(self, due: date, start: date, end: date) -> bool:
        """Whether the due day reached ``escalate_after`` working days late within [start, end)."""
        reached = self.calendar.add_working_days(due, self.policy.escalate_after)
        return start <= reached < end


def first_working_day_of_week(calendar: WorkCalendar, day: date) -> date:
    """The first working day of ``day``'s week (Monday, or later when Monday is a holiday)."""
    return calendar.next_working_day(day - timedelta(days=day.weekday()), inclusive=True)


def previous_working_day(calendar: WorkCalendar, day: date) -> date:
    return calendar.add_working_days(day, -1)
