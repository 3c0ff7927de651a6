"""Migration 0015 (reminders by e-mail) on a database that holds data: its tables appear, the
outbox's unique key holds, and it goes back to the revision before it and up again (SQLite and
PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError

from chidao.store.migrate import alembic_config, migrate
from db import BACKENDS, database

TABLES = {"agency_contacts", "user_contacts", "mail_optouts", "mail_outbox", "mail_runs", "job_leases", "mail_settings"}
OUTBOX_ROW = (
    "INSERT INTO mail_outbox (recipient, kind, day, subject, text_body, html_body, state, attempts, last_error) "
    "VALUES ('vp@syt.gov.vn', 'agency', :day, 's', 't', 'h', 'pending', 0, '')"
)


def _before() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_revision("0015").down_revision


def _downgrade(engine: Engine, revision: str) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


@pytest.mark.parametrize("backend", BACKENDS)
def test_0015_up_down_and_up_again(backend, tmp_path):
    with database(backend, tmp_path, revision=_before()) as engine:
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO agencies (name, key, aliases) VALUES ('Sở Y tế', 'so y te', '[]')"))
        migrate(engine, "0015")
        assert set(inspect(engine).get_table_names()) >= TABLES
        with engine.begin() as connection:
            agency = connection.scalar(text("SELECT id FROM agencies"))
            connection.execute(
                text("INSERT INTO agency_contacts (agency_id, email) VALUES (:a, 'vp@syt.gov.vn')"), {"a": agency}
            )
            connection.execute(text(OUTBOX_ROW), {"day": date(2026, 3, 16)})
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(text(OUTBOX_ROW), {"day": date(2026, 3, 16)})  # one row per recipient, kind, day
        _downgrade(engine, _before())
        assert not TABLES & set(inspect(engine).get_table_names())
        migrate(engine, "0015")
        assert set(inspect(engine).get_table_names()) >= TABLES
