"""Documents known by their words: ``documents.text_hash`` and ``document_files`` (issue 15).

Revision ID: 0020
Revises: 0019

The hash of the document's text reduced to letters and digits (``chidao.text.identity``), so
that the same notice received as DOCX and as PDF, or re-saved, is recognised as already stored.
Indexed, not unique: a database may already hold such copies, and they stay. Existing rows are
filled from their stored text, in batches, in the migration's transaction.

``document_files``: a file whose words are a stored document's, linked to it instead of stored
again (its bytes' hash unique, so a later ``chidao ingest`` skips it without reading it).
"""

import sqlalchemy as sa
from alembic import op

from chidao.text.identity import text_hash

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

_BATCH = 500


def upgrade() -> None:
    # in place on SQLite too (ADD COLUMN; DROP COLUMN since 3.35): the table and its triggers are kept
    op.add_column("documents", sa.Column("text_hash", sa.String(length=64), nullable=True))
    op.create_index("ix_documents_text_hash", "documents", ["text_hash"])
    op.create_table(
        "document_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("uploaded_by_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("content_hash", name="uq_document_files_content_hash"),
    )
    op.create_index("ix_document_files_document_id", "document_files", ["document_id"])
    connection = op.get_bind()
    documents = sa.table("documents", sa.column("id", sa.Integer), sa.column("text", sa.Text), sa.column("text_hash"))
    last = 0
    while True:
        rows = connection.execute(
            sa.select(documents.c.id, documents.c.text)
            .where(documents.c.id > last)
            .order_by(documents.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            break
        connection.execute(
            documents.update().where(documents.c.id == sa.bindparam("row_id")).values(text_hash=sa.bindparam("digest")),
            [{"row_id": row.id, "digest": text_hash(row.text or "")} for row in rows],
        )
        last = rows[-1].id


def downgrade() -> None:
    op.drop_index("ix_document_files_document_id", table_name="document_files")
    op.drop_table("document_files")
    op.drop_index("ix_documents_text_hash", table_name="documents")
    op.drop_column("documents", "text_hash")
