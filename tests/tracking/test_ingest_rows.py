"""Bulk ingest (``chidao ingest DIR``: rows built in the reading workers, written a batch at a time
in multi-row INSERTs) stores exactly what the one-by-one path (``add_document``, one transaction
a file) stores: the same rows in every table, ids included, timestamps left out. Issue 15 made
the bulk path write differently for speed; this test keeps it from writing anything different.

The same files go both ways into two databases of the same backend: the examples, a copy of one
with other bytes but the same words (linked, not stored), and in a batch of their own a new
notice, its re-saved copy and a copy of a notice stored in an earlier batch. One of the agencies
the examples name was ended by a reorganization before today, so its tasks go to its successor.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import DateTime, Engine, inspect, select, text, update

from chidao.cli.ingest_run import BulkRun, reader_pool
from chidao.store.agencies import agency_key, seed_agencies
from chidao.store.document_rows import prepare_document
from chidao.store.models import Agency
from chidao.tracking.database import open_sessions
from chidao.tracking.ingest import add_document
from chidao.tracking.ingest_batch import Read, store_batch
from chidao.tracking.sandbox import read_document
from db import BACKENDS, postgres_database, postgres_url, sqlite_database

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.txt"))
ENDED, SUCCESSOR = "Sở Y tế", "Sở Nội vụ"  # an ended body the examples name, and who takes its work


def _resaved(data: bytes) -> bytes:
    """The same words as another program saves them: CRLF, doubled spaces, a BOM, NFD."""
    text_ = unicodedata.normalize("NFD", data.decode("utf-8"))
    return "\ufeff".encode() + "\r\n".join("  ".join(line.split(" ")) for line in text_.splitlines()).encode()


def _files() -> tuple[list[tuple[str, bytes]], list[tuple[str, bytes]]]:
    """The files of the folder, then those of the batch stored on its own."""
    folder = [(path.name, path.read_bytes()) for path in EXAMPLES]
    folder.append(("zz-ban-sao.txt", _resaved(folder[0][1])))
    new = folder[1][1].decode().replace("Số:", "Số: 777", 1).encode()
    batch = [("moi.txt", new), ("moi-ban-sao.txt", _resaved(new)), ("cu-ban-sao.txt", _resaved(folder[2][1]))]
    return folder, batch


@contextmanager
def _two_databases(backend: str, tmp_path: Path) -> Iterator[tuple[Engine, Engine]]:
    (tmp_path / "bulk").mkdir()
    (tmp_path / "alone").mkdir()
    if backend == "sqlite":
        with sqlite_database(tmp_path / "bulk") as bulk, sqlite_database(tmp_path / "alone") as alone:
            yield bulk, alone
    else:
        url = postgres_url()
        with postgres_database(url) as bulk, postgres_database(url) as alone:
            yield bulk, alone


def _seed(engine: Engine) -> None:
    with open_sessions(engine).begin() as session:
        seed_agencies(session=session)
        successor = session.scalar(select(Agency.id).where(Agency.key == agency_key(SUCCESSOR)))
        ended = update(Agency).where(Agency.key == agency_key(ENDED))
        session.execute(ended.values(successor_id=successor, ended_on=date(2025, 3, 1)))


def _bulk(
    engine: Engine, folder: list[tuple[str, bytes]], batch: list[tuple[str, bytes]], tmp_path: Path, *, confirm: bool
) -> None:
    sessions = open_sessions(engine)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, data in folder:
        (inbox / name).write_bytes(data)
    with reader_pool(1) as pool:  # one worker: the files come back in order, so the ids are those of one by one
        run = BulkRun(sessions, pool, confirm=confirm)
        run.ingest(sorted(inbox.iterdir()))
        cache = run.cache
    assert not run.tally.failures
    reads = [Read(name, data, prepare_document(read_document(data, name), name, data)) for name, data in batch]
    store_batch(sessions, reads, confirm=confirm, cache=cache)


def _one_by_one(engine: Engine, files: list[tuple[str, bytes]], *, confirm: bool) -> None:
    sessions = open_sessions(engine)
    cache: dict = {}
    for name, data in files:
        with sessions.begin() as session:
            add_document(session=session, filename=name, data=data, confirm=confirm, cache=cache)


def _contents(engine: Engine) -> dict[str, list[tuple]]:
    """Every table's rows (sorted), timestamps left out; the audit log's and the events' ids too
    (with ``confirm``, bulk ingest logs a batch's confirmations after its documents)."""
    tables = {}
    with engine.connect() as connection:
        inspector = inspect(connection)
        for table in sorted(inspector.get_table_names()):
            if table == "alembic_version":
                continue
            columns = [
                column["name"]
                for column in inspector.get_columns(table)
                if not isinstance(column["type"], DateTime)
                and not (column["name"] == "id" and table in ("audit_log", "events"))
            ]
            quoted = ", ".join(f'"{name}"' for name in columns)
            rows = connection.execute(text(f'SELECT {quoted} FROM "{table}"')).all()
            tables[table] = sorted((tuple(row) for row in rows), key=repr)
    return tables


@pytest.mark.parametrize("confirm", [False, True])
@pytest.mark.parametrize("backend", BACKENDS)
def test_bulk_ingest_stores_the_rows_one_by_one_ingest_stores(backend, confirm, tmp_path):
    folder, batch = _files()
    with _two_databases(backend, tmp_path) as (bulk, alone):
        for engine in (bulk, alone):
            _seed(engine)
        _bulk(bulk, folder, batch, tmp_path, confirm=confirm)
        _one_by_one(alone, folder + batch, confirm=confirm)
        stored, expected = _contents(bulk), _contents(alone)
    assert len(expected["documents"]) == len(EXAMPLES) + 1  # the copies linked, not stored
    assert len(expected["document_files"]) == 3
    assert any(row for row in expected["task_agencies"])  # the test compares agencies, not empty tables
    assert stored.keys() == expected.keys()
    for table in expected:
        assert stored[table] == expected[table], table
