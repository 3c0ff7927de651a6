"""Migration 0019 on a database that already holds documents (SQLite and PostgreSQL): each gets
its issuer (from ``meta["issuer"]``, on one line) and its folded search text, batch after batch;
a failure half-way leaves the database as it was; and it goes back to 0018."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from chidao.store.migrate import alembic_config, current_revision, migrate
from db import BACKENDS, database

MANY = 520  # more than one batch of 500


def _columns(engine: Engine) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("documents")}


def _seed_0018(engine: Engine) -> None:
    rows = [
        {
            "f": "tb-125.txt",
            "h": "h-0",
            "number": "125/TB-UBND",
            "title": "Kết luận về công tác chuyển đổi số",
            "doc_type": "THÔNG BÁO",
            "signer": "Trần Thị Bình",
            "meta": json.dumps({"issuer": "UỶ BAN NHÂN DÂN\nTỈNH HÒA BÌNH XANH", "recipients": []}),
        },
        {"f": "notes.txt", "h": "h-1", "number": None, "title": None, "doc_type": None, "signer": None, "meta": "{}"},
    ]
    rows += [
        {"f": f"kh-{n}.txt", "h": f"m-{n}", "number": f"{n}/KH-UBND", "title": "Kế hoạch", "doc_type": None,
         "signer": None, "meta": json.dumps({"issuer": "SỞ Y TẾ"})}
        for n in range(MANY)
    ]  # fmt: skip
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO documents (filename, media_type, content_hash, original, text, is_directive, meta, "
                "status, number, title, doc_type, signer) VALUES (:f, 'text/plain', :h, :o, 'x', true, :meta, "
                "'confirmed', :number, :title, :doc_type, :signer)"
            ),
            [{**row, "o": b"x"} for row in rows],
        )


def _downgrade(engine: Engine, revision: str) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


@pytest.mark.parametrize("backend", BACKENDS)
def test_0019_fills_the_issuer_and_search_text_and_goes_back(backend: str, tmp_path: Path):
    with database(backend, tmp_path, "0018") as engine:
        _seed_0018(engine)
        migrate(engine, "0019")
        with engine.connect() as connection:
            got = connection.execute(text("SELECT filename, issuer, search_text FROM documents")).all()
        by_file = {name: (issuer, found) for name, issuer, found in got}
        assert by_file["tb-125.txt"] == (
            "UỶ BAN NHÂN DÂN TỈNH HÒA BÌNH XANH",
            " 125 tb ubnd | ket luan ve cong tac chuyen doi so thong bao uy ban nhan dan tinh hoa binh xanh "
            "tran thi binh tb 125 txt",
        )
        assert by_file["notes.txt"] == (None, "  | notes txt")
        assert by_file[f"kh-{MANY - 1}.txt"] == ("SỞ Y TẾ", f" {MANY - 1} kh ubnd | ke hoach so y te kh {MANY - 1} txt")
        assert all(found.startswith(" ") and " | " in found for _, _, found in got)  # every batch
        assert "ix_documents_issuer" in {i["name"] for i in inspect(engine).get_indexes("documents")}
        _downgrade(engine, "0018")
        assert not {"issuer", "search_text"} & _columns(engine)
        migrate(engine, "0019")
        assert {"issuer", "search_text"} <= _columns(engine)


_FAIL = {
    "sqlite": [
        "CREATE TRIGGER boom BEFORE UPDATE ON documents WHEN new.content_hash = 'm-510' "
        "BEGIN SELECT RAISE(ABORT, 'boom'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN IF new.content_hash = 'm-510' THEN RAISE EXCEPTION 'boom'; END IF; RETURN new; END $$",
        "CREATE TRIGGER boom BEFORE UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION boom()",
    ],
}


@pytest.mark.parametrize("backend", BACKENDS)
def test_0019_failing_in_its_second_batch_leaves_the_database_as_it_was(backend: str, tmp_path: Path):
    with database(backend, tmp_path, "0018") as engine:
        _seed_0018(engine)
        with engine.begin() as connection:
            for statement in _FAIL[backend]:
                connection.execute(text(statement))
        with pytest.raises(DBAPIError):
            migrate(engine, "0019")
        assert current_revision(engine) == "0018"
        assert not {"issuer", "search_text"} & _columns(engine)
