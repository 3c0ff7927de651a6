"""Accounts: user ids never given twice, usernames unique once folded, tokens that expire.

Revision ID: 0013
Revises: 0012

- ``users.username_key``: the username NFKC-normalized and case-folded, unique (a unique index),
  so that "Lan" and "lan", or "ｌａｎ", are one account. Existing users get theirs; should two
  fold alike, the later account's key is marked with its id (after an invisible separator, which
  no new username may hold), so the upgrade never fails and an admin can rename it.
- On SQLite ``users`` is rebuilt with ``AUTOINCREMENT`` (SQLite's documented way: a new table,
  rows copied, the old one dropped, the new one renamed; foreign keys are checked once at the
  end, see ``chidao.store.migrate``): without it SQLite gives the largest id again after that
  user is deleted, and the new user would inherit what referred to the old one. PostgreSQL's
  sequences never give a value twice.
- ``api_tokens.expires_at``: a token may have an end.
"""

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

SEPARATOR = "\u2063"  # INVISIBLE SEPARATOR: refused in usernames, so a marked key is nobody else's
_USERS_SQLITE = (
    "CREATE TABLE users_new ("
    "id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "
    "username VARCHAR(100) NOT NULL UNIQUE, "
    "username_key VARCHAR(100) NOT NULL, "
    "password_hash VARCHAR(300), "
    "role VARCHAR(20) NOT NULL, "
    "agency_id INTEGER REFERENCES agencies (id), "
    "is_active BOOLEAN NOT NULL, "
    "created_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL)"
)
_COLUMNS = "id, username, username_key, password_hash, role, agency_id, is_active, created_at"


def fold(username: str) -> str:
    return unicodedata.normalize("NFKC", username).casefold()[:100]


def _keys(bind: sa.Connection) -> dict[int, str]:
    keys: dict[int, str] = {}
    taken: set[str] = set()
    for user_id, username in bind.execute(sa.text("SELECT id, username FROM users ORDER BY id")):
        key = fold(username)
        if key in taken:
            key = f"{key[:80]}{SEPARATOR}{user_id}"
        taken.add(key)
        keys[user_id] = key
    return keys


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column("api_tokens", sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("users", sa.Column("username_key", sa.String(length=100), nullable=True))
    for user_id, key in _keys(bind).items():
        bind.execute(sa.text("UPDATE users SET username_key = :key WHERE id = :id"), {"key": key, "id": user_id})
    if bind.dialect.name == "sqlite":
        op.execute(_USERS_SQLITE)
        op.execute(f"INSERT INTO users_new ({_COLUMNS}) SELECT {_COLUMNS} FROM users")
        op.execute("DROP TABLE users")
        op.execute("ALTER TABLE users_new RENAME TO users")
    else:
        op.alter_column("users", "username_key", nullable=False)
    op.create_index("ix_users_username_key", "users", ["username_key"], unique=True)


def downgrade() -> None:
    """Back to 0012: the folded keys and token ends are forgotten; ids keep never being reused."""
    op.drop_index("ix_users_username_key", table_name="users")
    op.drop_column("users", "username_key")
    op.drop_column("api_tokens", "expires_at")
