"""Agency rows carry their task's document, so "the documents of this agency" is an index range.

Revision ID: 0010
Revises: 0009

An agency officer sees the documents with a tracked task of their agency. Counting those
meant joining the agency's rows (a tenth of all tasks for the busiest department) with every
task; with the document id on the agency row it is an index-only scan. A task never moves to
another document, so the copy is set once, when the row is inserted.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def sqlite_trigger_sql() -> list[str]:
    """The SQLite trigger, also used by the bulk-load benchmark to put it back."""
    return [
        "CREATE TRIGGER task_agencies_document AFTER INSERT ON task_agencies BEGIN "
        "UPDATE task_agencies SET document_id = (SELECT t.document_id FROM tasks t WHERE t.id = new.task_id) "
        "WHERE id = new.id; END"
    ]


def upgrade() -> None:
    op.add_column("task_agencies", sa.Column("document_id", sa.Integer(), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        for statement in sqlite_trigger_sql():
            op.execute(statement)
    else:
        op.execute(
            "CREATE OR REPLACE FUNCTION chidao_task_agency_document() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN SELECT t.document_id INTO NEW.document_id FROM tasks t WHERE t.id = NEW.task_id; "
            "RETURN NEW; END $$"
        )
        op.execute(
            "CREATE TRIGGER task_agencies_document BEFORE INSERT ON task_agencies "
            "FOR EACH ROW EXECUTE FUNCTION chidao_task_agency_document()"
        )
    op.execute(
        "UPDATE task_agencies SET document_id = (SELECT t.document_id FROM tasks t WHERE t.id = task_agencies.task_id)"
    )
    op.create_index("ix_task_agencies_documents", "task_agencies", ["agency_id", "document_id", "task_status"])


def downgrade() -> None:
    raise NotImplementedError("0010 cannot be undone in place: restore the database from a backup")
