"""Reminders by e-mail: contacts, opt-outs, the outbox, built days, the sending lease, settings.

Revision ID: 0015
Revises: 0013

New tables (``chidao.store.mail`` describes each) and one partial index on ``tasks``: the
recurring ones, which the digests read apart (a tenth of the tasks, found without reading the
others). Plain DDL, the same on SQLite and PostgreSQL. The outbox's unique key (recipient,
kind, day) is what makes building a day's digests twice insert nothing the second time.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

EMAIL = 254


def _now() -> sa.Column:
    return sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "agency_contacts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("agency_id", sa.Integer(), sa.ForeignKey("agencies.id", ondelete="CASCADE"), nullable=False),
        sa.Column("email", sa.String(EMAIL), nullable=False),
        _now(),
        sa.UniqueConstraint("agency_id", "email", name="uq_agency_contacts_agency_email"),
    )
    op.create_index("ix_agency_contacts_agency_id", "agency_contacts", ["agency_id"])
    op.create_table(
        "user_contacts",
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("email", sa.String(EMAIL), nullable=False),
    )
    op.create_table(
        "mail_optouts",
        sa.Column("email", sa.String(EMAIL), primary_key=True),
        sa.Column("kind", sa.String(20), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    )
    op.create_table(
        "mail_outbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("recipient", sa.String(EMAIL), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("subject", sa.String(300), nullable=False),
        sa.Column("text_body", sa.Text(), nullable=False),
        sa.Column("html_body", sa.Text(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.String(300), nullable=False),
        _now(),
        sa.UniqueConstraint("recipient", "kind", "day", name="uq_mail_outbox_recipient_kind_day"),
    )
    op.create_index("ix_mail_outbox_state", "mail_outbox", ["state", "next_attempt_at"])
    op.create_table(
        "mail_runs",
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("mails", sa.Integer(), nullable=False),
        sa.Column("built_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    )
    op.create_table(
        "job_leases",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("holder", sa.String(100), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "mail_settings",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    )

    op.create_index(
        "ix_tasks_recurring",
        "tasks",
        ["recurrence", "status"],
        sqlite_where=sa.text("recurrence IS NOT NULL"),
        postgresql_where=sa.text("recurrence IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_tasks_recurring", table_name="tasks")
    for table in ("mail_settings", "job_leases", "mail_runs", "mail_outbox", "mail_optouts", "user_contacts"):
        op.drop_table(table)
    op.drop_index("ix_agency_contacts_agency_id", table_name="agency_contacts")
    op.drop_table("agency_contacts")
