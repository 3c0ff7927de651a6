"""The tally counts tracked tasks per status (cancelled included), not just open or done.

Revision ID: 0007
Revises: 0006

The dashboard's counts by status, and the total of the unfiltered task list, then come from the
tally's few thousand rows too, instead of a scan over the million entries of the timing index.
Timing states still bucket the open statuses by deadline when read (see migration 0003).
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_QUALIFIES = "({r}.tracked AND NOT {r}.deleted)"
_DAY = "coalesce(CAST({r}.deadline AS TEXT), '')"
_LATE = "(CASE WHEN {r}.status = 'done' AND {r}.completed_on > {r}.deadline THEN 1 ELSE 0 END)"
_COLUMNS = ("deadline", "completed_on", "status", "tracked", "deleted")
_SQLITE_TRIGGERS = ("tally_insert", "tally_delete", "tally_update_old", "tally_update_new")


def _values(r: str) -> str:
    return f"{r}.status, {_DAY.format(r=r)}, {_LATE.format(r=r)}"


def _match(r: str) -> str:
    return f"state = {r}.status AND day = {_DAY.format(r=r)} AND late = {_LATE.format(r=r)}"


def rebuild_sql() -> str:
    """Recount the tally from the tasks (after this migration, or after a bulk load without triggers)."""
    return (
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


def _postgres_function_sql() -> str:
    add = (
        "INSERT INTO task_tally (state, day, late, n) VALUES ({v}, 1) "
        "ON CONFLICT (state, day, late) DO UPDATE SET n = task_tally.n + 1;"
    )
    remove = "UPDATE task_tally SET n = n - 1 WHERE {m};"
    return (
        "CREATE OR REPLACE FUNCTION chidao_tally() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF TG_OP IN ('UPDATE', 'DELETE') AND {_QUALIFIES.format(r='OLD')} THEN "
        f"{remove.format(m=_match('OLD'))} END IF; "
        f"IF TG_OP IN ('UPDATE', 'INSERT') AND {_QUALIFIES.format(r='NEW')} THEN "
        f"{add.format(v=_values('NEW'))} END IF; RETURN NULL; END $$"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in _SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        for statement in sqlite_trigger_sql():
            op.execute(statement)
    else:
        op.alter_column("task_tally", "state", type_=sa.String(20), existing_nullable=False)
        op.execute(_postgres_function_sql())  # the trigger calls the function by name: replaced in place
    op.execute("DELETE FROM task_tally")
    op.execute(rebuild_sql())


def downgrade() -> None:
    raise NotImplementedError("0007 cannot be undone in place: restore the database from a backup")
