"""Timing state of a task on the Vietnamese working-day calendar.

chưa đến hạn (not_due), sắp đến hạn (due_soon: within N working days), quá hạn (overdue),
hoàn thành đúng hạn (done_on_time), hoàn thành quá hạn (done_late), không có thời hạn
(no_deadline). The state is computed, never stored: it changes with the date.
"""

from __future__ import annotations

from datetime import date

from chidao.extract.workdays import WorkCalendar

TIMING_STATES = ("not_due", "due_soon", "overdue", "done_on_time", "done_late", "no_deadline", "cancelled")
TIMING_LABELS = {
    "not_due": "Chưa đến hạn",
    "due_soon": "Sắp đến hạn",
    "overdue": "Quá hạn",
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
    "no_deadline": "Không có thời hạn",
    "cancelled": "Đã hủy",
}
STATUS_LABELS = {
    "assigned": "Mới giao",
    "in_progress": "Đang thực hiện",
    "done": "Hoàn thành",
    "paused": "Tạm dừng",
    "cancelled": "Hủy",
}


def due_soon_until(today: date, days: int, calendar: WorkCalendar | None = None) -> date:
    """The last date that is still "due soon": ``days`` working days after ``today``."""
    return (calendar or WorkCalendar()).add_working_days(today, days)


def timing_state(
    *, status: str, deadline: date | None, completed_on: date | None, today: date, soon_until: date
) -> str:
    if status == "cancelled":
        return "cancelled"  # a cancelled task is never overdue, nor counted among the others
    if status == "done":
        if deadline is None or completed_on is None or completed_on <= deadline:
            return "done_on_time"
        return "done_late"
    if deadline is None:
        return "no_deadline"
    if deadline < today:
        return "overdue"
    if deadline <= soon_until:
        return "due_soon"
    return "not_due"
