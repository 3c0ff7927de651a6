"""Recurring duties tracked round by round: the day the rounds fall on, when they end, and each
round's own progress and reports.

Revision ID: 0014
Revises: 0013

- ``tasks.recurrence_day``: the day extraction read for a recurring task ("25" for "trước ngày
  25 hằng tháng", "15/12", "20/q3", "fri", "wd3"), so that rounds are dated from a stored field
  and never from the task's words again. Tasks stored before this revision get theirs from
  their ``deadline_text`` when it names a day of every month ("ngày 25 hằng tháng"), what
  rounds were dated by until now; the others keep none (rounds then fall on the deadline's day,
  else at the end of each period, as before).
- ``tasks.recurrence_until``: the last day a round may fall on, when the text gives one.
- ``occurrences.progress``: each round's own progress; ``progress_reports.round_on``: the round a
  report on a recurring task is about.

No trigger copies these columns. Plain ``ALTER TABLE`` (no batch mode): on SQLite a batch would
rebuild ``tasks`` and lose its triggers.
"""

import re

import sqlalchemy as sa
from alembic import op

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


def upgrade() -> None:
    op.add_column("tasks", sa.Column("recurrence_day", sa.String(length=16), nullable=True))
    op.add_column("tasks", sa.Column("recurrence_until", sa.Date(), nullable=True))
    op.add_column("occurrences", sa.Column("progress", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("progress_reports", sa.Column("round_on", sa.Date(), nullable=True))
    _backfill(op.get_bind())


def downgrade() -> None:
    """Back to 0013: rounds are dated from the deadline's text again; the rounds' progress and
    the reports' rounds are forgotten (the reports themselves stay)."""
    op.drop_column("progress_reports", "round_on")
    op.drop_column("occurrences", "progress")
    op.drop_column("tasks", "recurrence_until")
    op.drop_column("tasks", "recurrence_day")  # SQLite ≥ 3.35 drops a column in place, triggers kept
