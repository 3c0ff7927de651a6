"""Migration 0016 (notifications, event marks, calendar feeds, webhooks) on SQLite and
PostgreSQL: upgrades a database of 0013 that holds tasks, its tables match the models, the
unique keys that make the overdue check and the deliveries idempotent hold, and it goes back."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from chidao.store.feeds import Base
from chidao.store.migrate import alembic_config, migrate
from db import BACKENDS, database

TABLES = {"notifications", "event_marks", "calendar_feeds", "webhooks", "webhook_deliveries"}


def _columns(engine, table: str) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns(table)}


@pytest.mark.parametrize("backend", BACKENDS)
def test_0016_upgrades_and_goes_back(backend: str, tmp_path: Path):
    with database(backend, tmp_path, "0013") as engine:
        assert not TABLES & set(inspect(engine).get_table_names())
        migrate(engine, "0016")
        assert set(inspect(engine).get_table_names()) >= TABLES
        for table in TABLES:
            assert _columns(engine, table) == set(Base.metadata.tables[table].columns.keys()), table
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO agencies (name, key, aliases) VALUES ('Sở Y tế', 'so y te', '[]')"))
            connection.execute(
                text(
                    "INSERT INTO documents (filename, media_type, content_hash, original, text, is_directive, meta, "
                    "status) VALUES ('a.txt', 'text/plain', 'h1', :o, 'x', true, '{}', 'confirmed')"
                ),
                {"o": b"x"},
            )
            connection.execute(
                text(
                    "INSERT INTO tasks (document_id, position, text, status, progress, tracked, deleted, origin, "
                    "search_text, version) SELECT id, 0, 't', 'assigned', 0, true, false, 'extracted', 't', 1 "
                    "FROM documents"
                )
            )
            connection.execute(
                text("INSERT INTO event_marks (kind, task_id, day) SELECT 'task.overdue', id, '2024-04-01' FROM tasks")
            )
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(
                text("INSERT INTO event_marks (kind, task_id, day) SELECT 'task.overdue', id, '2024-04-01' FROM tasks")
            )
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0013")
        assert not TABLES & set(inspect(engine).get_table_names())
        migrate(engine, "0016")
        assert set(inspect(engine).get_table_names()) >= TABLES
