"""Recurring tasks: the dated rounds of "báo cáo hằng tháng", "định kỳ hằng quý", ...

A round's date comes from the task's stored fields only: its recurrence, the day extraction
read for it (``Task.recurrence_day``, a code of ``data/vi/recurring_days.toml``: "25", "15/12",
"20/q3", "fri", "wd3", "wd-1"), the document's date (the first round falls on or after it) and
the end of the rounds (``Task.recurrence_until``). Nothing here reads the task's words again.
What each round's report says is in ``round_reports``.
"""

from __future__ import annotations

import calendar as monthcal
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.extract.workdays import WorkCalendar
from chidao.store.models import Occurrence, Task

PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "yearly": 12}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FRIDAY = 4


@dataclass(frozen=True)
class Schedule:
    """When a recurring task's rounds fall: in each period, a day of a month (``day``, None for
    the month's last day) of the period's ``month`` (1-based within it), or a ``weekday``, or the
    ``workday``-th working day of the period (negative: counted from its end)."""

    recurrence: str
    day: int | None = None
    month: int | None = None
    weekday: int | None = None
    workday: int | None = None


def parse_day(recurrence: str, code: str | None) -> Schedule | None:
    """The schedule a ``recurrence_day`` code gives, or None for a code that does not fit."""
    if not code:
        return None
    if code == "end":
        return Schedule(recurrence, month=PERIOD_MONTHS[recurrence]) if recurrence in PERIOD_MONTHS else None
    if code.startswith("wd"):
        n = code[2:]
        valid = n.lstrip("-").isdigit() and int(n) != 0
        return Schedule(recurrence, workday=int(n)) if valid else None
    if code in WEEKDAYS:
        return Schedule(recurrence, weekday=WEEKDAYS.index(code)) if recurrence == "weekly" else None
    day, _, month = code.partition("/")
    if not day.isdigit() or not 1 <= int(day) <= 31 or recurrence not in PERIOD_MONTHS:
        return None
    if month.startswith("q") and month[1:].isdigit() and recurrence == "quarterly":
        return Schedule(recurrence, day=int(day), month=int(month[1:]))
    if month.isdigit() and recurrence == "yearly" and 1 <= int(month) <= 12:
        return Schedule(recurrence, day=int(day), month=int(month))
    if month:
        return None
    # "25" alone: of each month; for a quarter or a year, of its last month
    return Schedule(recurrence, day=int(day), month=PERIOD_MONTHS[recurrence])


def day_of(recurrence: str, deadline: date) -> str:
    """The ``recurrence_day`` code of a round falling on ``deadline`` (for a task whose text gave
    a date but no day: its rounds then keep that day, whatever date its current round moves to)."""
    if recurrence == "weekly":
        return WEEKDAYS[deadline.weekday()]
    if recurrence == "yearly":
        return f"{deadline.day}/{deadline.month}"
    if recurrence == "quarterly":
        return f"{deadline.day}/q{(deadline.month - 1) % 3 + 1}"
    return str(deadline.day)


def schedule(task: Task) -> Schedule | None:
    """The task's schedule; a recurrence without a known day falls at the end of each period
    (weekly: on Friday, daily: every working day). None: the task does not recur.

    Without a stored day, rounds fall on the deadline's day (see ``day_of``). Once tracked, a
    recurring task always has a stored day (``round_reports.start_rounds`` pins one, "end" for
    the end of each period), since its deadline then moves from round to round."""
    if task.recurrence not in (*PERIOD_MONTHS, "weekly", "daily"):
        return None
    found = parse_day(task.recurrence, task.recurrence_day)
    if found is None and task.recurrence_day is None and task.deadline and task.recurrence != "daily":
        found = parse_day(task.recurrence, day_of(task.recurrence, task.deadline))  # not tracked yet
    if found is not None:
        return found
    if task.recurrence == "weekly":
        return Schedule("weekly", weekday=_FRIDAY)
    return Schedule(task.recurrence, month=PERIOD_MONTHS.get(task.recurrence))


def first_day(task: Task) -> date | None:
    """The first day a round may fall on: the document's date, else the day the task was stored."""
    if task.document is not None and task.document.doc_date:
        return task.document.doc_date
    return task.created_at.date() if task.created_at else None


def _month_due(year: int, month: int, plan: Schedule, work: WorkCalendar) -> date:
    last = monthcal.monthrange(year, month)[1]
    if plan.workday is not None:
        return _nth_working_day(date(year, month, 1), date(year, month, last), plan.workday, work)
    return date(year, month, min(plan.day or last, last))


def _nth_working_day(first: date, last: date, n: int, work: WorkCalendar) -> date:
    """The ``n``-th working day from ``first`` (negative: from ``last`` backwards), within them."""
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    working = [d for d in days if work.is_working_day(d)] or days
    return working[min(n, len(working)) - 1] if n > 0 else working[max(n, -len(working))]


def _period_rounds(plan: Schedule, start: date, end: date, work: WorkCalendar) -> list[date]:
    months = PERIOD_MONTHS[plan.recurrence]
    rounds = []
    year, month = start.year, start.month - (start.month - 1) % months  # the period holding ``start``
    while date(year, month, 1) <= end:
        if plan.workday is not None and months > 1:
            last_month = month + months - 1
            last = date(year, last_month, monthcal.monthrange(year, last_month)[1])
            due = _nth_working_day(date(year, month, 1), last, plan.workday, work)
        else:
            due = _month_due(year, month + (plan.month or months) - 1, plan, work)
        if start <= due <= end:
            rounds.append(due)
        year, month = (year + 1, month + months - 12) if month + months > 12 else (year, month + months)
    return rounds


def _week_rounds(plan: Schedule, start: date, end: date, work: WorkCalendar) -> list[date]:
    monday = start - timedelta(days=start.weekday())
    rounds = []
    while monday <= end:
        if plan.workday is not None:
            due = _nth_working_day(monday, monday + timedelta(days=6), plan.workday, work)
        else:
            due = monday + timedelta(days=plan.weekday if plan.weekday is not None else _FRIDAY)
        if start <= due <= end:
            rounds.append(due)
        monday += timedelta(days=7)
    return rounds


def scheduled(plan: Schedule, start: date, end: date, calendar: WorkCalendar | None = None) -> list[date]:
    """The due dates of a schedule's rounds from ``start`` to ``end`` (inclusive)."""
    work = calendar or WorkCalendar()
    if plan.recurrence == "daily":
        days = (start + timedelta(days=i) for i in range((end - start).days + 1))
        return [d for d in days if work.is_working_day(d)]
    if plan.recurrence == "weekly":
        return _week_rounds(plan, start, end, work)
    return _period_rounds(plan, start, end, work)


def occurrences(task: Task, start: date, end: date, calendar: WorkCalendar | None = None) -> list[date]:
    """Due dates of the task's rounds between ``start`` and ``end`` (inclusive).

    Rounds fall on the schedule of the task's stored day (see ``parse_day``); they start on the
    document's date and stop at ``recurrence_until``. Monthly rounds without a day fall on the
    month's last day; quarterly and yearly ones at the end of each quarter / year; weekly ones
    on Friday; daily ones on every working day. A task that does not recur has its deadline
    as one round.
    """
    plan = schedule(task)
    if plan is None:
        return [task.deadline] if task.deadline and start <= task.deadline <= end else []
    opens = first_day(task)
    start = max(start, opens) if opens else start
    end = min(end, task.recurrence_until) if task.recurrence_until else end
    return scheduled(plan, start, end, calendar) if start <= end else []


def recorded_rounds(session: Session, task: Task, start: date, end: date) -> dict[date, date | None]:
    """The rounds stored for the task between two dates: when each was due, and done (or None)."""
    stored = session.execute(
        select(Occurrence.due_on, Occurrence.done_on).where(
            Occurrence.task_id == task.id, Occurrence.due_on >= start, Occurrence.due_on <= end
        )
    )
    return dict(stored.all())
