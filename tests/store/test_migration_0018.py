"""Migration 0018 (the upload queue) on SQLite and PostgreSQL: upgrades a database of 0017 that
holds a document, its table and indexes match the model, a job row round-trips its bytes, and
it goes back."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text

from chidao.store.jobs import Base
from chidao.store.migrate import alembic_config, migrate
from db import BACKENDS, database


@pytest.mark.parametrize("backend", BACKENDS)
def test_0018_upgrades_and_goes_back(backend: str, tmp_path: Path):
    with database(backend, tmp_path, "0017") as engine:
        assert "ingest_jobs" not in inspect(engine).get_table_names()
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO documents (filename, media_type, content_hash, original, text, is_directive, meta, "
                    "status) VALUES ('a.txt', 'text/plain', 'h1', :o, 'x', true, '{}', 'draft')"
                ),
                {"o": b"x"},
            )
        migrate(engine, "0018")
        found = {c["name"] for c in inspect(engine).get_columns("ingest_jobs")}
        assert found == set(Base.metadata.tables["ingest_jobs"].columns.keys())
        indexes = {i["name"] for i in inspect(engine).get_indexes("ingest_jobs")}
        assert indexes == {i.name for i in Base.metadata.tables["ingest_jobs"].indexes}
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO ingest_jobs (filename, content, size, content_hash, status, confirm, attempts, "
                    "document_id) SELECT 'b.pdf', :c, 3, 'h2', 'queued', false, 0, id FROM documents"
                ),
                {"c": b"\x00\xff\x01"},
            )
            row = connection.execute(text("SELECT content, created_at FROM ingest_jobs")).one()
        assert bytes(row.content) == b"\x00\xff\x01" and row.created_at is not None
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0017")
        assert "ingest_jobs" not in inspect(engine).get_table_names()
        migrate(engine, "0018")
        assert "ingest_jobs" in inspect(engine).get_table_names()
