"""Agency rows carry their task's status and lateness too, so one agency's figures and lists
are read from its own rows.

Revision ID: 0008
Revises: 0007

``task_status`` is the task's status while it is tracked and not deleted (else NULL), and
``task_late`` says it was finished after its deadline. With ``task_open`` and
``task_deadline`` (migration 0002) the index ``ix_task_agencies_by_deadline`` answers "this
agency's tasks by deadline" and its counts by timing state and by status from the agency's own
index range: the busiest department has a tenth of all tasks, and joining them with ``tasks``
is what made its dashboard slow.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_OPEN = "({t}.tracked AND NOT {t}.deleted AND {t}.status IN ('assigned', 'in_progress', 'paused'))"
_STATUS = "(CASE WHEN {t}.tracked AND NOT {t}.deleted THEN {t}.status END)"
_LATE = "({t}.status = 'done' AND {t}.completed_on IS NOT NULL AND {t}.completed_on > {t}.deadline)"
_COPIED = "tracked, deleted, status, deadline, completed_on"


def _set(t: str) -> str:
    """The SET list copying task ``t``'s state onto its agency rows."""
    return (
        f"task_open = {_OPEN.format(t=t)}, task_deadline = {t}.deadline, "
        f"task_status = {_STATUS.format(t=t)}, task_late = coalesce({_LATE.format(t=t)}, false)"
    )


def sqlite_trigger_sql() -> list[str]:
    """The SQLite triggers, also used by the bulk-load benchmark to put them back."""
    return [
        "CREATE TRIGGER task_agencies_fill AFTER INSERT ON task_agencies BEGIN "
        f"UPDATE task_agencies SET ({_columns()}) = (SELECT {_values('t')} FROM tasks t WHERE t.id = new.task_id) "
        "WHERE id = new.id; END",
        f"CREATE TRIGGER tasks_sync_agencies AFTER UPDATE OF {_COPIED} ON tasks BEGIN "
        f"UPDATE task_agencies SET {_set('new')} WHERE task_id = new.id; END",
    ]


def _columns() -> str:
    return "task_open, task_deadline, task_status, task_late"


def _values(t: str) -> str:
    return f"{_OPEN.format(t=t)}, {t}.deadline, {_STATUS.format(t=t)}, coalesce({_LATE.format(t=t)}, false)"


def _postgres_sql() -> list[str]:
    return [
        "CREATE OR REPLACE FUNCTION chidao_fill_task_agency() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN SELECT {_values('t')} INTO NEW.task_open, NEW.task_deadline, NEW.task_status, NEW.task_late "
        "FROM tasks t WHERE t.id = NEW.task_id; RETURN NEW; END $$",
        "CREATE OR REPLACE FUNCTION chidao_sync_task_agencies() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN UPDATE task_agencies SET {_set('NEW')} WHERE task_id = NEW.id; RETURN NULL; END $$",
        "DROP TRIGGER IF EXISTS tasks_sync_agencies ON tasks",
        f"CREATE TRIGGER tasks_sync_agencies AFTER UPDATE OF {_COPIED} ON tasks "
        "FOR EACH ROW EXECUTE FUNCTION chidao_sync_task_agencies()",
    ]


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.add_column("task_agencies", sa.Column("task_status", sa.String(20), nullable=True))
    op.add_column("task_agencies", sa.Column("task_late", sa.Boolean(), nullable=False, server_default=sa.false()))
    if sqlite:
        for name in ("task_agencies_fill", "tasks_sync_agencies"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        statements = sqlite_trigger_sql()
    else:
        statements = _postgres_sql()
    for statement in statements:
        op.execute(statement)
    op.execute(
        f"UPDATE task_agencies SET ({_columns()}) = "
        f"(SELECT {_values('t')} FROM tasks t WHERE t.id = task_agencies.task_id)"
    )
    op.create_index(
        "ix_task_agencies_by_deadline",
        "task_agencies",
        ["agency_id", "task_deadline", "task_id", "task_status", "task_late", "role"],
    )


def downgrade() -> None:
    raise NotImplementedError("0008 cannot be undone in place: restore the database from a backup")
