"""Timing state of a task on the Vietnamese working-day calendar.

chưa đến hạn (not_due), sắp đến hạn (due_soon: within N working days), quá hạn (overdue),
hoàn thành đúng hạn (done_on_time), hoàn thành quá hạn (done_late), không có thời hạn
(no_deadline). The state is computed, never stored: it changes with the date.
"""

from __future__ import annotations

from datetime import date

from chidao.extract.workdays import WorkCalendar
from chidao.vocab import TaskStatus, TimingState


def due_soon_until(today: date, days: int, calendar: WorkCalendar | None = None) -> date:
    """The last date that is still "due soon": ``days`` working days after ``today``."""
    return (calendar or WorkCalendar()).add_working_days(today, days)


def timing_state(
    *, status: str, deadline: date | None, completed_on: date | None, today: date, soon_until: date
) -> TimingState:
    if status == TaskStatus.CANCELLED:
        return TimingState.CANCELLED  # a cancelled task is never overdue, nor counted among the others
    if status == TaskStatus.DONE:
        if deadline is None or completed_on is None or completed_on <= deadline:
            return TimingState.DONE_ON_TIME
        return TimingState.DONE_LATE
    if deadline is None:
        return TimingState.NO_DEADLINE
    if deadline < today:
        return TimingState.OVERDUE
    if deadline <= soon_until:
        return TimingState.DUE_SOON
    return TimingState.NOT_DUE
