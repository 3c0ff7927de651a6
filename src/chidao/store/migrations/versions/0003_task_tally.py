"""A running tally of tracked tasks per (open/done, deadline, done late), kept by triggers.

Revision ID: 0003
Revises: 0002

The dashboard's counts by timing state then read a few thousand tally rows instead of a million
tasks: open tasks are bucketed by their deadline against today (overdue, due soon, not due, no
deadline) when the counts are read, done tasks by whether they were finished late.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_QUALIFIES = "({r}.tracked AND NOT {r}.deleted AND {r}.status IN ('assigned', 'in_progress', 'paused', 'done'))"
_STATE = "(CASE WHEN {r}.status = 'done' THEN 'done' ELSE 'open' END)"
_DAY = "coalesce(CAST({r}.deadline AS TEXT), '')"
_LATE = "(CASE WHEN {r}.status = 'done' AND {r}.completed_on > {r}.deadline THEN 1 ELSE 0 END)"
_COLUMNS = ("deadline", "completed_on", "status", "tracked", "deleted")


def _values(r: str) -> str:
    return f"{_STATE.format(r=r)}, {_DAY.format(r=r)}, {_LATE.format(r=r)}"


def _match(r: str) -> str:
    return f"state = {_STATE.format(r=r)} AND day = {_DAY.format(r=r)} AND late = {_LATE.format(r=r)}"


def upgrade() -> None:
    op.create_table(
        "task_tally",
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("late", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("state", "day", "late"),
    )
    if op.get_bind().dialect.name == "sqlite":
        create_sqlite_triggers()
    else:
        _create_postgres_trigger()
    rebuild()


def rebuild() -> None:
    """Recount the tally from the tasks (after the migration, or after a bulk load without triggers)."""
    op.execute("DELETE FROM task_tally")
    op.execute(
        f"INSERT INTO task_tally (state, day, late, n) SELECT {_values('t')}, count(*) FROM tasks t "
        f"WHERE {_QUALIFIES.format(r='t')} GROUP BY {_values('t')}"
    )


def sqlite_trigger_sql() -> list[str]:
    """The SQLite triggers, also used by the bulk-load benchmark to put them back."""
    columns = ", ".join(_COLUMNS)
    add = (
        "INSERT INTO task_tally (state, day, late, n) VALUES ({v}, 1) "
        "ON CONFLICT (state, day, late) DO UPDATE SET n = n + 1"
    )
    remove = "UPDATE task_tally SET n = n - 1 WHERE {m}"
    return [
        f"CREATE TRIGGER tally_insert AFTER INSERT ON tasks WHEN {_QUALIFIES.format(r='new')} BEGIN "
        f"{add.format(v=_values('new'))}; END",
        f"CREATE TRIGGER tally_delete AFTER DELETE ON tasks WHEN {_QUALIFIES.format(r='old')} BEGIN "
        f"{remove.format(m=_match('old'))}; END",
        f"CREATE TRIGGER tally_update_old AFTER UPDATE OF {columns} ON tasks WHEN {_QUALIFIES.format(r='old')} "
        f"BEGIN {remove.format(m=_match('old'))}; END",
        f"CREATE TRIGGER tally_update_new AFTER UPDATE OF {columns} ON tasks WHEN {_QUALIFIES.format(r='new')} "
        f"BEGIN {add.format(v=_values('new'))}; END",
    ]


def create_sqlite_triggers() -> None:
    for statement in sqlite_trigger_sql():
        op.execute(statement)


def _create_postgres_trigger() -> None:
    add = (
        "INSERT INTO task_tally (state, day, late, n) VALUES ({v}, 1) "
        "ON CONFLICT (state, day, late) DO UPDATE SET n = task_tally.n + 1;"
    )
    remove = "UPDATE task_tally SET n = n - 1 WHERE {m};"
    op.execute(
        "CREATE OR REPLACE FUNCTION chidao_tally() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF TG_OP IN ('UPDATE', 'DELETE') AND {_QUALIFIES.format(r='OLD')} THEN "
        f"{remove.format(m=_match('OLD'))} END IF; "
        f"IF TG_OP IN ('UPDATE', 'INSERT') AND {_QUALIFIES.format(r='NEW')} THEN "
        f"{add.format(v=_values('NEW'))} END IF; RETURN NULL; END $$"
    )
    op.execute(
        f"CREATE TRIGGER tasks_tally AFTER INSERT OR DELETE OR UPDATE OF {', '.join(_COLUMNS)} ON tasks "
        "FOR EACH ROW EXECUTE FUNCTION chidao_tally()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("tally_insert", "tally_delete", "tally_update_old", "tally_update_new"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    else:
        op.execute("DROP TRIGGER IF EXISTS tasks_tally ON tasks")
        op.execute("DROP FUNCTION IF EXISTS chidao_tally()")
    op.drop_table("task_tally")
