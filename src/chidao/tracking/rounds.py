"""Recurring tasks: the dated rounds of "báo cáo hằng tháng", "định kỳ hằng quý", ..."""

from __future__ import annotations

import calendar as monthcal
import re
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.extract.workdays import WorkCalendar
from chidao.store.models import Occurrence, Task

_MONTHS = {"monthly": 1, "quarterly": 3, "yearly": 12}
_DAY_IN_TEXT = re.compile(r"ngày\s+(\d{1,2})\b")


def _anchor_day(task: Task) -> int | None:
    """The day of the month rounds fall on: the deadline's, or "ngày 25 hằng tháng"; None = month end."""
    if task.deadline:
        return task.deadline.day
    found = _DAY_IN_TEXT.search(task.deadline_text or "")
    return int(found.group(1)) if found and 1 <= int(found.group(1)) <= 31 else None


def _month_rounds(task: Task, period: int, start: date, end: date) -> list[date]:
    anchor_month = task.deadline.month if task.deadline else 12
    day = _anchor_day(task)
    rounds = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        if (month - anchor_month) % period == 0:
            last = monthcal.monthrange(year, month)[1]
            due = date(year, month, min(day or last, last))
            if start <= due <= end:
                rounds.append(due)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return rounds


def occurrences(task: Task, start: date, end: date, calendar: WorkCalendar | None = None) -> list[date]:
    """Due dates of the task's rounds between ``start`` and ``end`` (inclusive).

    Monthly rounds fall on the deadline's day (or the day named in the deadline text, else the
    month's last day); quarterly and yearly ones in the deadline's month of each period (else
    at the end of each quarter / year); weekly ones on the deadline's weekday (else Friday);
    daily ones on every working day. A task that does not recur has its deadline as one round.
    """
    if task.recurrence in _MONTHS:
        return _month_rounds(task, _MONTHS[task.recurrence], start, end)
    days = (start + timedelta(days=i) for i in range((end - start).days + 1))
    if task.recurrence == "daily":
        work = calendar or WorkCalendar()
        return [d for d in days if work.is_working_day(d)]
    if task.recurrence == "weekly":
        weekday = task.deadline.weekday() if task.deadline else 4
        return [d for d in days if d.weekday() == weekday]
    return [task.deadline] if task.deadline and start <= task.deadline <= end else []


def recorded_rounds(session: Session, task: Task, start: date, end: date) -> dict[date, date | None]:
    """The rounds stored for the task between two dates: when each was due, and done (or None)."""
    stored = session.execute(
        select(Occurrence.due_on, Occurrence.done_on).where(
            Occurrence.task_id == task.id, Occurrence.due_on >= start, Occurrence.due_on <= end
        )
    )
    return dict(stored.all())
