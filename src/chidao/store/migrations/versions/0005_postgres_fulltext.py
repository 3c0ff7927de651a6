"""PostgreSQL: full-text search over the folded task text (tsvector), beside the trigram index.

Revision ID: 0005
Revises: 0004

A stored ``search_tsv`` column with a partial GIN index answers "all these syllables" quickly
even when they are common (a few words match tens of thousands of tasks); the trigram index stays
for substring matches. SQLite is unchanged (FTS5 already does this).
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute(
        "ALTER TABLE tasks ADD COLUMN search_tsv tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce(search_text, ''))) STORED"
    )
    op.execute("CREATE INDEX ix_tasks_search_tsv ON tasks USING gin (search_tsv) WHERE tracked AND NOT deleted")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute("DROP INDEX IF EXISTS ix_tasks_search_tsv")
    op.execute("ALTER TABLE tasks DROP COLUMN IF EXISTS search_tsv")
