"""The upload queue (issue 15, item 5).

Revision ID: 0018
Revises: 0017

- ``ingest_jobs``: one uploaded file waiting to be read, being read (by the worker named in
  ``lease_owner`` until ``lease_expires_at``), or finished (done, duplicate of a stored document,
  or failed with a Vietnamese reason). The bytes stay in ``content`` until the job is finished.
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def _when(name: str, nullable: bool = True, now: bool = False) -> sa.Column:
    default = sa.func.now() if now else None
    return sa.Column(name, sa.DateTime(timezone=True), server_default=default, nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "ingest_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="SET NULL"), nullable=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
        sa.Column("confirm", sa.Boolean(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _when("created_at", nullable=False, now=True),
        _when("started_at"),
        _when("finished_at"),
        sa.Column("lease_owner", sa.String(length=120), nullable=True),
        _when("lease_expires_at"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_ingest_jobs_status", "ingest_jobs", ["status", "lease_expires_at"])
    op.create_index("ix_ingest_jobs_user", "ingest_jobs", ["user_id", "id"])
    op.create_index("ix_ingest_jobs_content_hash", "ingest_jobs", ["content_hash"])


def downgrade() -> None:
    op.drop_index("ix_ingest_jobs_content_hash", table_name="ingest_jobs")
    op.drop_index("ix_ingest_jobs_user", table_name="ingest_jobs")
    op.drop_index("ix_ingest_jobs_status", table_name="ingest_jobs")
    op.drop_table("ingest_jobs")
