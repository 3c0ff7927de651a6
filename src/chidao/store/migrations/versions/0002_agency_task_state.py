"""Copy each task's open/deadline state onto its agency rows, kept in step by triggers.

Revision ID: 0002
Revises: 0001

"An agency's overdue tasks" and "overdue tasks per agency" then read one index range of
task_agencies instead of joining a million tasks. Triggers keep the copies exact whatever
writes the tasks: the application, a migration or a bulk load.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Open: tracked, not deleted, neither done nor cancelled (a cancelled task is never overdue).
_OPEN = "({t}.tracked AND NOT {t}.deleted AND {t}.status IN ('assigned', 'in_progress', 'paused'))"


def upgrade() -> None:
    with op.batch_alter_table("task_agencies") as batch:
        batch.add_column(sa.Column("task_open", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("task_deadline", sa.Date(), nullable=True))
        batch.create_index("ix_task_agencies_open", ["agency_id", "task_open", "task_deadline", "role"])
        batch.create_index("ix_task_agencies_overdue", ["role", "task_open", "task_deadline", "agency_id"])
    with op.batch_alter_table("tasks") as batch:
        batch.create_index("ix_tasks_timing", ["tracked", "deleted", "status", "deadline", "completed_on"])
    if op.get_bind().dialect.name == "sqlite":
        create_sqlite_triggers()
    else:
        _create_postgres_triggers()
    op.execute(
        "UPDATE task_agencies SET task_open = (SELECT " + _OPEN.format(t="t") + " FROM tasks t "
        "WHERE t.id = task_agencies.task_id), task_deadline = (SELECT t.deadline FROM tasks t "
        "WHERE t.id = task_agencies.task_id)"
    )


def sqlite_trigger_sql() -> list[str]:
    """The SQLite triggers, also used by the bulk-load benchmark to put them back."""
    return [
        "CREATE TRIGGER task_agencies_fill AFTER INSERT ON task_agencies BEGIN "
        "UPDATE task_agencies SET task_open = (SELECT " + _OPEN.format(t="t") + " FROM tasks t "
        "WHERE t.id = new.task_id), task_deadline = (SELECT t.deadline FROM tasks t WHERE t.id = new.task_id) "
        "WHERE id = new.id; END",
        "CREATE TRIGGER tasks_sync_agencies AFTER UPDATE OF tracked, deleted, status, deadline ON tasks BEGIN "
        "UPDATE task_agencies SET task_open = " + _OPEN.format(t="new") + ", task_deadline = new.deadline "
        "WHERE task_id = new.id; END",
    ]


def create_sqlite_triggers() -> None:
    for statement in sqlite_trigger_sql():
        op.execute(statement)


def _create_postgres_triggers() -> None:
    op.execute(
        "CREATE OR REPLACE FUNCTION chidao_fill_task_agency() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN SELECT " + _OPEN.format(t="t") + ", t.deadline INTO NEW.task_open, NEW.task_deadline "
        "FROM tasks t WHERE t.id = NEW.task_id; RETURN NEW; END $$"
    )
    op.execute(
        "CREATE TRIGGER task_agencies_fill BEFORE INSERT ON task_agencies "
        "FOR EACH ROW EXECUTE FUNCTION chidao_fill_task_agency()"
    )
    op.execute(
        "CREATE OR REPLACE FUNCTION chidao_sync_task_agencies() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN UPDATE task_agencies SET task_open = " + _OPEN.format(t="NEW") + ", task_deadline = NEW.deadline "
        "WHERE task_id = NEW.id; RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER tasks_sync_agencies AFTER UPDATE OF tracked, deleted, status, deadline ON tasks "
        "FOR EACH ROW EXECUTE FUNCTION chidao_sync_task_agencies()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS task_agencies_fill")
        op.execute("DROP TRIGGER IF EXISTS tasks_sync_agencies")
    else:
        op.execute("DROP TRIGGER IF EXISTS task_agencies_fill ON task_agencies")
        op.execute("DROP TRIGGER IF EXISTS tasks_sync_agencies ON tasks")
        op.execute("DROP FUNCTION IF EXISTS chidao_fill_task_agency()")
        op.execute("DROP FUNCTION IF EXISTS chidao_sync_task_agencies()")
    with op.batch_alter_table("tasks") as batch:
        batch.drop_index("ix_tasks_timing")
    with op.batch_alter_table("task_agencies") as batch:
        batch.drop_index("ix_task_agencies_overdue")
        batch.drop_index("ix_task_agencies_open")
        batch.drop_column("task_deadline")
        batch.drop_column("task_open")
