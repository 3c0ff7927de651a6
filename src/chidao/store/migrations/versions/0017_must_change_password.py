"""One-time passwords: a user an admin creates or whose password an admin resets must choose
their own at the next login.

Revision ID: 0017
Revises: 0016

- ``users.must_change_password``: set when an admin gives the account a one-time password (the
  administration pages), cleared when the user changes it; existing users get false. SQLite
  adds the column in batch mode with ``recreate="never"`` (a plain ALTER TABLE ADD COLUMN): a
  batch copy of ``users`` would lose its AUTOINCREMENT (see 0013).
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", recreate="never") as batch:
        batch.add_column(sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    """Back to 0016: the flag is forgotten (users keep their one-time passwords). SQLite drops
    the column in place (3.35+), so ``users`` keeps its AUTOINCREMENT (a batch copy would not)."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE users DROP COLUMN must_change_password")
    else:
        op.drop_column("users", "must_change_password")
