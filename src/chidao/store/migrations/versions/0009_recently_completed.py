"""Tasks done, newest completion first: a partial index for "recently completed".

Revision ID: 0009
Revises: 0008

The dashboard lists the last tasks completed; for one agency that used to mean reading all of
its done tasks (tens of thousands for a big department) to keep ten. Read in this index's
order, it stops at the tenth of theirs.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_DONE = "status = 'done' AND tracked AND NOT deleted AND completed_on IS NOT NULL"


def upgrade() -> None:
    op.create_index(
        "ix_tasks_completed",
        "tasks",
        ["completed_on", "id"],
        sqlite_where=sa.text(_DONE),
        postgresql_where=sa.text(_DONE),
    )


def downgrade() -> None:
    op.drop_index("ix_tasks_completed", table_name="tasks")
