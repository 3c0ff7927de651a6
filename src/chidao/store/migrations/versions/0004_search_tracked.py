"""Search indexes only what is tracked: confirmed tasks that are not deleted.

Revision ID: 0004
Revises: 0003

On SQLite the FTS5 table keeps its own copy of the folded text of tracked tasks, maintained by
triggers, so a search's count is the index's count (no lookup of every match in ``tasks``).
On PostgreSQL the trigram index becomes partial on the same condition.
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_TRACKED = "({r}.tracked AND NOT {r}.deleted)"


def sqlite_trigger_sql() -> list[str]:
    return [
        f"CREATE TRIGGER tasks_fts_insert AFTER INSERT ON tasks WHEN {_TRACKED.format(r='new')} BEGIN "
        "INSERT INTO task_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
        "CREATE TRIGGER tasks_fts_delete AFTER DELETE ON tasks BEGIN DELETE FROM task_fts WHERE rowid = old.id; END",
        "CREATE TRIGGER tasks_fts_update AFTER UPDATE OF search_text, tracked, deleted ON tasks BEGIN "
        "DELETE FROM task_fts WHERE rowid = old.id; "
        f"INSERT INTO task_fts(rowid, search_text) SELECT new.id, new.search_text WHERE {_TRACKED.format(r='new')}; "
        "END",
    ]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("tasks_fts_insert", "tasks_fts_delete", "tasks_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS task_fts")
        op.execute("CREATE VIRTUAL TABLE task_fts USING fts5(search_text, tokenize='unicode61 remove_diacritics 2')")
        for statement in sqlite_trigger_sql():
            op.execute(statement)
        op.execute(
            "INSERT INTO task_fts(rowid, search_text) SELECT id, search_text FROM tasks WHERE tracked AND NOT deleted"
        )
    else:
        op.execute("DROP INDEX IF EXISTS ix_tasks_search_trgm")
        op.execute(
            "CREATE INDEX ix_tasks_search_trgm ON tasks USING gin (search_text gin_trgm_ops) "
            "WHERE tracked AND NOT deleted"
        )
    with op.batch_alter_table("tasks") as batch:
        batch.create_index("ix_tasks_tracked_order", ["tracked", "deleted", "deadline", "id"])


def downgrade() -> None:
    with op.batch_alter_table("tasks") as batch:
        batch.drop_index("ix_tasks_tracked_order")
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("tasks_fts_insert", "tasks_fts_delete", "tasks_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS task_fts")
        op.execute(
            "CREATE VIRTUAL TABLE task_fts USING fts5(search_text, content='tasks', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute("INSERT INTO task_fts(task_fts) VALUES ('rebuild')")
    else:
        op.execute("DROP INDEX IF EXISTS ix_tasks_search_trgm")
        op.execute("CREATE INDEX ix_tasks_search_trgm ON tasks USING gin (search_text gin_trgm_ops)")
