"""Migration 0014 on a database that already tracks recurring tasks: the rounds' day is stored
(from the one form rounds were dated by before, or the deadline's day, or the period's end), and
the deadline becomes the first round from the document's date not yet reported done, as a
confirmation now does; and back to 0013 (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Date, Engine, bindparam, inspect, text

from chidao.store.migrate import alembic_config, migrate
from db import BACKENDS, database


def downgrade(engine: Engine, revision: str) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def _seed_0013(engine: Engine) -> dict[str, int]:
    """A notice of 15/3/2024 with three tracked recurring tasks, as 0013 stored them."""
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO agencies (name, key, aliases) VALUES ('Sở Y tế', 'so y te', '[]')"))
        connection.execute(
            text(
                "INSERT INTO documents (filename, media_type, content_hash, original, text, is_directive, meta, "
                "status, doc_date) VALUES ('a.txt', 'text/plain', 'h1', :original, 'Giao Sở Y tế ...', true, '{}', "
                "'confirmed', :signed)"
            ).bindparams(bindparam("signed", date(2024, 3, 15), type_=Date)),
            {"original": b"x"},
        )
        rows = [
            ("monthly", "monthly", None, "trước ngày 25 hằng tháng"),
            ("quarterly", "quarterly", None, None),
            ("weekly", "weekly", date(2024, 3, 20), "vào thứ Tư hằng tuần"),
        ]
        for position, (name, recurrence, deadline, words) in enumerate(rows):
            connection.execute(
                text(
                    "INSERT INTO tasks (document_id, position, text, deadline, deadline_text, recurrence, status, "
                    "progress, tracked, deleted, origin, search_text, version) SELECT id, :position, :name, "
                    ":deadline, :words, :recurrence, 'assigned', 0, true, false, 'extracted', :name, 1 FROM documents"
                ).bindparams(bindparam("deadline", deadline, type_=Date)),
                {"position": position, "name": name, "words": words, "recurrence": recurrence},
            )
        connection.execute(
            text(
                "INSERT INTO task_agencies (task_id, agency_id, role, position) "
                "SELECT t.id, a.id, 'lead', 0 FROM tasks t, agencies a"
            )
        )
        ids = dict(connection.execute(text("SELECT text, id FROM tasks")).all())
        connection.execute(
            text("INSERT INTO occurrences (task_id, due_on, done_on) VALUES (:t, :due, :done)").bindparams(
                bindparam("due", date(2024, 3, 25), type_=Date), bindparam("done", date(2024, 3, 22), type_=Date)
            ),
            {"t": ids["monthly"]},
        )
        return ids


@pytest.mark.parametrize("backend", BACKENDS)
def test_0014_starts_the_rounds_of_tracked_tasks_and_goes_back(backend: str, tmp_path: Path):
    with database(backend, tmp_path, "0013") as engine:
        ids = _seed_0013(engine)
        migrate(engine)
        with engine.connect() as connection:
            got = {
                name: (day, str(deadline)[:10] if deadline else None)
                for name, day, deadline in connection.execute(
                    text("SELECT text, recurrence_day, deadline FROM tasks ORDER BY position")
                )
            }
            copies = dict(
                connection.execute(text("SELECT task_id, task_deadline FROM task_agencies ORDER BY task_id")).all()
            )
        assert got == {
            "monthly": ("25", "2024-04-25"),  # the round of 25/3 was reported done
            "quarterly": ("end", "2024-03-31"),
            "weekly": ("wed", "2024-03-20"),
        }
        assert str(copies[ids["quarterly"]])[:10] == "2024-03-31"  # the triggers followed
        downgrade(engine, "0013")
        assert "recurrence_day" not in {c["name"] for c in inspect(engine).get_columns("tasks")}
        assert "progress" not in {c["name"] for c in inspect(engine).get_columns("occurrences")}
        migrate(engine)
