"""Agencies that merge, rename or end: the change as history, and the successor on the agency.

Revision ID: 0012
Revises: 0011

A reorganization (the 2025 one merged ministries and departments) never overwrites a name:
the predecessor keeps its row, gains ``successor_id`` and ``ended_on``, and one
``agency_changes`` row says what happened, when, by which decision and what moved. Completed
tasks stay with the body that did them; open ones move (``chidao.tracking.reorganization``).
Plain ``ADD COLUMN`` without a constraint (no batch mode: on SQLite a batch would rebuild
``agencies``); the successor is looked up by id.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("agencies", sa.Column("successor_id", sa.Integer(), nullable=True))
    op.add_column("agencies", sa.Column("ended_on", sa.Date(), nullable=True))
    op.create_table(
        "agency_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), sa.ForeignKey("agencies.id"), nullable=False),
        sa.Column("successor_id", sa.Integer(), sa.ForeignKey("agencies.id"), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("effective", sa.Date(), nullable=False),
        sa.Column("reference", sa.String(length=300), nullable=False),
        sa.Column("reorganization", sa.String(length=40), nullable=False),
        sa.Column("moved_tasks", sa.Integer(), nullable=False),
        sa.Column("moved_users", sa.Integer(), nullable=False),
        sa.Column("applied_by_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("applied_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("agency_id", "reorganization", name="uq_agency_changes_agency_reorganization"),
    )


def downgrade() -> None:
    op.drop_table("agency_changes")
    op.execute("ALTER TABLE agencies DROP COLUMN ended_on")  # SQLite 3.35+ and PostgreSQL
    op.execute("ALTER TABLE agencies DROP COLUMN successor_id")
