"""Migration 0020 (``documents.text_hash``, ``document_files``) on SQLite and PostgreSQL: the
documents already stored get the hash of their text as the package computes it, the copies'
table matches its model, and it goes back."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text

from chidao.store.document_files import DocumentFile
from chidao.store.migrate import alembic_config, migrate
from chidao.text.identity import text_hash
from db import BACKENDS, database

TEXTS = ["THÔNG BÁO\nGiao Sở Y tế chủ trì, báo cáo trước ngày 30/6/2026.", "Kế hoạch số 2", ""]


@pytest.mark.parametrize("backend", BACKENDS)
def test_0020_fills_the_text_hash_of_stored_documents_and_goes_back(backend: str, tmp_path: Path):
    with database(backend, tmp_path, "0019") as engine:
        with engine.begin() as connection:
            for number, body in enumerate(TEXTS):
                connection.execute(
                    text(
                        "INSERT INTO documents (filename, media_type, content_hash, original, text, is_directive, "
                        "meta, status) VALUES ('a.txt', 'text/plain', :h, :o, :t, true, '{}', 'draft')"
                    ),
                    {"h": f"h{number}", "o": body.encode(), "t": body},
                )
        migrate(engine, "0020")
        with engine.connect() as connection:
            found = connection.execute(text("SELECT text, text_hash FROM documents ORDER BY id")).all()
        assert [row.text_hash for row in found] == [text_hash(body) for body in TEXTS]
        columns = {c["name"] for c in inspect(engine).get_columns("document_files")}
        assert columns == set(DocumentFile.__table__.columns.keys())
        assert "ix_documents_text_hash" in {index["name"] for index in inspect(engine).get_indexes("documents")}
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0019")
        assert "document_files" not in inspect(engine).get_table_names()
        assert "text_hash" not in {c["name"] for c in inspect(engine).get_columns("documents")}
