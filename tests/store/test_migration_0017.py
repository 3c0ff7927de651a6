"""Migration 0017 (users.must_change_password) on SQLite and PostgreSQL: existing users get
false, the column matches the model, SQLite's users table keeps AUTOINCREMENT, and it goes back."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text

from chidao.store.migrate import alembic_config, migrate
from chidao.store.models import Base
from db import BACKENDS, database


def _columns(engine) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("users")}


@pytest.mark.parametrize("backend", BACKENDS)
def test_0017_upgrades_and_goes_back(backend: str, tmp_path: Path):
    with database(backend, tmp_path, "0016") as engine:
        with engine.begin() as connection:
            connection.execute(
                text("INSERT INTO users (username, username_key, role, is_active) VALUES ('lan', 'lan', 'admin', true)")
            )
        migrate(engine, "0017")
        assert _columns(engine) == set(Base.metadata.tables["users"].columns.keys())
        with engine.begin() as connection:
            assert connection.execute(text("SELECT must_change_password FROM users")).scalar_one() in (False, 0)
            connection.execute(
                text("INSERT INTO users (username, username_key, role, is_active) VALUES ('an', 'an', 'viewer', true)")
            )
            assert connection.execute(
                text("SELECT must_change_password FROM users WHERE username = 'an'")
            ).scalar_one() in (False, 0)
            if backend == "sqlite":
                sql = connection.execute(text("SELECT sql FROM sqlite_master WHERE name = 'users'")).scalar_one()
                assert "AUTOINCREMENT" in sql
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0016")
        assert "must_change_password" not in _columns(engine)
        if backend == "sqlite":
            with engine.connect() as connection:
                sql = connection.execute(text("SELECT sql FROM sqlite_master WHERE name = 'users'")).scalar_one()
                assert "AUTOINCREMENT" in sql
        migrate(engine, "0017")
        assert "must_change_password" in _columns(engine)
