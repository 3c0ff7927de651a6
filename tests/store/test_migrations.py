"""Migrations on a database that already holds tracked tasks: 0011 (review doubts) adds its
columns and table without disturbing the triggers that keep the tally, the agency rows and the
search index, and goes back to 0010 in place (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Date, Engine, bindparam, inspect, text

from chidao.store.migrate import alembic_config, migrate
from db import BACKENDS, database

TASK_COLUMNS = {"confidence", "doubts", "recurrence_text"}


def downgrade(engine: Engine, revision: str) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def _seed_0010(engine: Engine) -> int:
    """One confirmed document with one tracked open task led by one agency, written as 0010 knew them."""
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO agencies (name, key, aliases) VALUES ('Sở Y tế', 'so y te', '[]')"))
        connection.execute(
            text(
                "INSERT INTO documents (filename, media_type, content_hash, original, text, is_directive, meta, "
                "status) VALUES ('a.txt', 'text/plain', 'h1', :original, 'Giao Sở Y tế ...', true, '{}', 'confirmed')"
            ),
            {"original": b"x"},
        )
        connection.execute(
            text(
                "INSERT INTO tasks (document_id, position, text, deadline, status, progress, tracked, deleted, "
                "origin, search_text, version) SELECT id, 0, 'Giao Sở Y tế kiểm tra', :deadline, "
                "'assigned', 0, true, false, 'extracted', ' giao so y te kiem tra', 1 FROM documents"
            ).bindparams(bindparam("deadline", date(2024, 5, 31), type_=Date))
        )
        connection.execute(
            text(
                "INSERT INTO task_agencies (task_id, agency_id, role, position) "
                "SELECT t.id, a.id, 'lead', 0 FROM tasks t, agencies a"
            )
        )
        return connection.scalar(text("SELECT id FROM tasks"))


def _copies(engine: Engine, task_id: int) -> tuple:
    """What the triggers keep: the agency row's copy of the task and the tally's count."""
    with engine.connect() as connection:
        row = connection.execute(
            text("SELECT task_open, task_status, document_id FROM task_agencies WHERE task_id = :t"), {"t": task_id}
        ).one()
        tally = dict(connection.execute(text("SELECT state, sum(n) FROM task_tally GROUP BY state")).all())
    return bool(row[0]), row[1], row[2] is not None, {k: v for k, v in tally.items() if v}


def _set_status(engine: Engine, task_id: int, status: str) -> None:
    with engine.begin() as connection:
        connection.execute(text("UPDATE tasks SET status = :s WHERE id = :t"), {"s": status, "t": task_id})


def _triggers(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        else:
            query = (
                "SELECT DISTINCT trigger_name FROM information_schema.triggers "
                "WHERE event_object_schema = current_schema()"
            )
        return set(connection.scalars(text(query)))


@pytest.mark.parametrize("backend", BACKENDS)
def test_0011_upgrades_a_filled_database_and_goes_back(backend: str, tmp_path: Path):
    with database(backend, tmp_path, "0010") as engine:
        task_id = _seed_0010(engine)
        triggers = _triggers(engine)
        assert _copies(engine, task_id) == (True, "assigned", True, {"assigned": 1})

        migrate(engine)
        columns = {c["name"] for c in inspect(engine).get_columns("tasks")}
        assert columns >= TASK_COLUMNS
        assert "unassigned_passages" in inspect(engine).get_table_names()
        with engine.connect() as connection:
            old = connection.execute(
                text("SELECT confidence, doubts, recurrence_text FROM tasks WHERE id = :t"), {"t": task_id}
            ).one()
        assert tuple(old) == (None, None, None)  # not assessed: stored before extraction said
        assert _triggers(engine) == triggers
        _set_status(engine, task_id, "in_progress")
        assert _copies(engine, task_id) == (True, "in_progress", True, {"in_progress": 1})

        downgrade(engine, "0010")
        assert not {c["name"] for c in inspect(engine).get_columns("tasks")} & TASK_COLUMNS
        assert "unassigned_passages" not in inspect(engine).get_table_names()
        assert _triggers(engine) == triggers
        _set_status(engine, task_id, "done")
        assert _copies(engine, task_id) == (False, "done", True, {"done": 1})

        migrate(engine)  # and up again
        assert {c["name"] for c in inspect(engine).get_columns("tasks")} >= TASK_COLUMNS
