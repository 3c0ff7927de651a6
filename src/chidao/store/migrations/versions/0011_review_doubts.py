"""What extraction doubts: each task's confidence, doubts and recurrence words, and the passages
of a document that assign work but gave no task.

Revision ID: 0011
Revises: 0010

The review page puts the tasks extraction is least sure of first, with the reasons, and shows
every passage with an assignment verb ("giao", "yêu cầu", "chủ trì", ...) that became no task,
so that nothing a notice assigns vanishes silently; a clerk can make such a passage a task.

No trigger copies these columns (the tally, the agency rows and the search index follow other
columns of ``tasks``), so nothing else changes. Plain ``ALTER TABLE`` (no batch mode): on
SQLite a batch would rebuild ``tasks`` and lose its triggers.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_TASK_COLUMNS = ("confidence", "doubts", "recurrence_text")


def upgrade() -> None:
    op.add_column("tasks", sa.Column("confidence", sa.Float(), nullable=True))
    op.add_column("tasks", sa.Column("doubts", sa.JSON(), nullable=True))
    op.add_column("tasks", sa.Column("recurrence_text", sa.String(length=300), nullable=True))
    op.create_table(
        "unassigned_passages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("verb", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=True),
        sa.Column("taken_by_id", sa.Integer(), nullable=True),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["taken_by_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_unassigned_passages_document", "unassigned_passages", ["document_id", "position"])


def downgrade() -> None:
    """Back to 0010: the doubts and the passages are forgotten (extraction can tell them again)."""
    op.drop_index("ix_unassigned_passages_document", table_name="unassigned_passages")
    op.drop_table("unassigned_passages")
    for name in reversed(_TASK_COLUMNS):
        op.drop_column("tasks", name)  # SQLite ≥ 3.35 drops a column in place, triggers kept
