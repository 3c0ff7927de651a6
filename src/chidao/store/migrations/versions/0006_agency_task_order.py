"""An agency's open tasks in deadline order, read from the agency rows' index alone.

Revision ID: 0006
Revises: 0005

``ix_task_agencies_open`` gains ``task_id`` before ``role``: "agency X's overdue tasks, by
deadline" and their count become an index-only range scan of the agency rows (which carry a copy
of the task's open state and deadline, migration 0002), instead of a join with every task.
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


# Plain index operations (no batch mode): on SQLite a batch would rebuild the table and lose
# its triggers.
def upgrade() -> None:
    op.drop_index("ix_task_agencies_open", table_name="task_agencies")
    op.create_index(
        "ix_task_agencies_open", "task_agencies", ["agency_id", "task_open", "task_deadline", "task_id", "role"]
    )


def downgrade() -> None:
    op.drop_index("ix_task_agencies_open", table_name="task_agencies")
    op.create_index("ix_task_agencies_open", "task_agencies", ["agency_id", "task_open", "task_deadline", "role"])
