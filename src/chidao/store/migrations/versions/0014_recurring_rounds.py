"""Recurring duties tracked round by round: the day the rounds fall on, when they end, and each
round's own progress and reports.

Revision ID: 0014
Revises: 0013

- ``tasks.recurrence_day``: the day extraction read for a recurring task ("25" for "trước ngày
  25 hằng tháng", "15/12", "20/q3", "fri", "wd3"), so that rounds are dated from a stored field
  and never from the task's words again. Tasks stored before this revision get theirs from
  their ``deadline_text`` when it names a day of every month ("ngày 25 hằng tháng"), what
  rounds were dated by until now.
- Tasks already tracked start their rounds as a confirmation now does: the rounds' day is kept
  (the deadline's day, else the end of each period, Friday for a week), and the deadline
  becomes the first round from the document's date that was not reported done.
- ``tasks.recurrence_until``: the last day a round may fall on, when the text gives one.
- ``occurrences.progress``: each round's own progress; ``progress_reports.round_on``: the round a
  report on a recurring task is about.

No trigger copies these columns. Plain ``ALTER TABLE`` (no batch mode): on SQLite a batch would
rebuild ``tasks`` and lose its triggers.
"""

import calendar as monthcal
import re
from datetime import date, timedelta

import sqlalchemy as sa
from alembic import op

from chidao.extract.workdays import WorkCalendar

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# The one form the rounds were dated by before this revision (tracking/rounds.py of 0013), frozen here.
_MONTH_DAY = re.compile(r"ngày\s+(\d{1,2})\s+(?:của\s+)?(?:hằng|hàng|mỗi)\s+tháng", re.IGNORECASE)


def _backfill(bind: sa.Connection) -> None:
    rows = bind.execute(
        sa.text("SELECT id, deadline_text FROM tasks WHERE recurrence = 'monthly' AND deadline_text IS NOT NULL")
    )
    for task_id, words in rows.all():
        found = _MONTH_DAY.search(words)
        if found and 1 <= int(found.group(1)) <= 31:
            bind.execute(
                sa.text("UPDATE tasks SET recurrence_day = :day WHERE id = :id"),
                {"day": str(int(found.group(1))), "id": task_id},
            )


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_PERIOD = {"monthly": 1, "quarterly": 3, "yearly": 12}


def _day_code(recurrence: str, deadline: date | None) -> str | None:
    """The day a tracked task's rounds keep falling on, frozen here as rounds.day_of of 0014."""
    if recurrence == "daily":
        return None
    if deadline is None:
        return "fri" if recurrence == "weekly" else "end"
    if recurrence == "weekly":
        return _WEEKDAYS[deadline.weekday()]
    if recurrence == "yearly":
        return f"{deadline.day}/{deadline.month}"
    if recurrence == "quarterly":
        return f"{deadline.day}/q{(deadline.month - 1) % 3 + 1}"
    return str(deadline.day)


def _falls_on(recurrence: str, code: str | None, day: date, work: WorkCalendar) -> bool:
    """Whether a round of the schedule falls on ``day`` (the codes this revision writes)."""
    if recurrence == "daily":
        return work.is_working_day(day)
    if recurrence == "weekly":
        return _WEEKDAYS[day.weekday()] == code
    months = _PERIOD[recurrence]
    number, _, month = (code or "end").partition("/")
    if recurrence == "yearly":
        if day.month != (int(month) if month else 12):
            return False
    elif (day.month - 1) % months + 1 != (int(month[1:]) if month.startswith("q") else months):
        return False  # not the quarter's month of the rounds (its last, unless the code says)
    last = monthcal.monthrange(day.year, day.month)[1]
    return day.day == (last if number == "end" else min(int(number), last))


def _start_rounds(bind: sa.Connection) -> None:
    """Tasks tracked before this revision start their rounds as a confirmation now does
    (round_reports.start_rounds): the day kept, the deadline the first round from the
    document's date not reported done."""
    work = WorkCalendar()
    rows = bind.execute(
        sa.text(
            "SELECT t.id, t.recurrence, t.recurrence_day, t.deadline, d.doc_date, t.created_at FROM tasks t "
            "JOIN documents d ON d.id = t.document_id WHERE t.tracked = :yes AND t.deleted = :no "
            "AND t.status IN ('assigned', 'in_progress', 'paused') "
            "AND t.recurrence IN ('daily', 'weekly', 'monthly', 'quarterly', 'yearly')"
        ),
        {"yes": True, "no": False},
    )
    for task_id, recurrence, code, deadline, doc_date, created in rows.all():
        deadline = date.fromisoformat(deadline) if isinstance(deadline, str) else deadline
        code = code or _day_code(recurrence, deadline)
        opens = doc_date or created
        opens = date.fromisoformat(str(opens)[:10]) if opens is not None else date.today()
        done = {
            str(row[0])[:10]
            for row in bind.execute(
                sa.text("SELECT due_on FROM occurrences WHERE task_id = :id AND done_on IS NOT NULL"), {"id": task_id}
            )
        }
        day = next(
            (
                opens + timedelta(days=i)
                for i in range(3 * 366)
                if _falls_on(recurrence, code, opens + timedelta(days=i), work)
                and (opens + timedelta(days=i)).isoformat() not in done
            ),
            None,
        )
        bind.execute(
            sa.text("UPDATE tasks SET recurrence_day = :code, deadline = :day WHERE id = :id"),
            {"code": code, "day": day, "id": task_id},
        )


def upgrade() -> None:
    op.add_column("tasks", sa.Column("recurrence_day", sa.String(length=16), nullable=True))
    op.add_column("tasks", sa.Column("recurrence_until", sa.Date(), nullable=True))
    op.add_column("occurrences", sa.Column("progress", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("progress_reports", sa.Column("round_on", sa.Date(), nullable=True))
    _backfill(op.get_bind())
    _start_rounds(op.get_bind())


def downgrade() -> None:
    """Back to 0013: rounds are dated from the deadline's text again; the rounds' progress and
    the reports' rounds are forgotten (the reports themselves stay)."""
    op.drop_column("progress_reports", "round_on")
    op.drop_column("occurrences", "progress")
    op.drop_column("tasks", "recurrence_until")
    op.drop_column("tasks", "recurrence_day")  # SQLite ≥ 3.35 drops a column in place, triggers kept
