"""The database's life cycle as an operator meets it: ``chidao init`` is the only command that
creates a database (a mistyped data folder is refused, never turned into an empty database that
swallows writes), ``chidao migrate`` upgrades, ``chidao backup`` copies a live database while
it is written to, and ``chidao restore`` checks a backup before it replaces anything."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path

import pytest

from chidao.store.engine import open_engine
from chidao.store.migrate import known_revisions
from chidao.tracking.backup import BackupError, backup
from chidao.tracking.database import open_sessions
from chidao.tracking.ingest import add_document
from db import scratch_postgres_database

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NOTICE = (EXAMPLES / "tb-ket-luan-chuyen-doi-so.txt").read_text(encoding="utf-8")

HEAD = max(known_revisions())  # the schema a new database gets


class Chidao:
    """``python -m chidao.cli`` in a subprocess with this test's database settings."""

    def __init__(self, **settings: str) -> None:
        self.env = {**os.environ, **settings}
        if "CHIDAO_DATABASE_URL" not in settings:
            self.env.pop("CHIDAO_DATABASE_URL", None)

    def __call__(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "chidao.cli", *args], capture_output=True, text=True, env=self.env, timeout=120
        )

    def ok(self, *args: str) -> str:
        done = self(*args)
        assert done.returncode == 0, done.stderr
        return done.stdout + done.stderr

    def documents(self) -> int:
        return json.loads(self.ok("stats", "extraction", "--json", "--include-drafts"))["documents"]


def _refused(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    for word in words:
        assert word in done.stderr


def test_no_command_but_init_creates_a_database(tmp_path):
    data = tmp_path / "typo"
    chidao = Chidao(CHIDAO_DATA_DIR=str(data))
    _refused(chidao("ingest", str(EXAMPLES / "tb-ket-luan-chuyen-doi-so.txt")), "chidao init", str(data))
    _refused(chidao("user", "add", "vanthu", "--role", "clerk", "--generate-password"), "chidao init")
    _refused(chidao("stats", "extraction"), "chidao init")
    _refused(chidao("migrate"), "chidao init")
    assert not data.exists()
    assert f"schema {HEAD}" in chidao.ok("init")
    assert f"schema {HEAD}" in chidao.ok("init")  # twice is harmless
    assert "up to date" in chidao.ok("migrate")
    assert chidao.documents() == 0


def test_an_empty_database_asks_for_migrate_and_a_newer_one_is_refused(tmp_path):
    (tmp_path / "chidao.sqlite3").touch()
    chidao = Chidao(CHIDAO_DATA_DIR=str(tmp_path))
    _refused(chidao("stats", "extraction"), "chidao migrate")
    assert f"none → {HEAD}" in chidao.ok("migrate")
    chidao.ok("ingest", str(EXAMPLES / "tb-ket-luan-chuyen-doi-so.txt"))
    with sqlite3.connect(tmp_path / "chidao.sqlite3") as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    _refused(chidao("stats", "extraction"), "newer", "upgrade chidao")
    _refused(chidao("migrate"), "newer")


def _writer(url: str, stop: threading.Event, committed: list[int]) -> None:
    """Store notice after notice (each a new document) until told to stop, counting commits."""
    engine = open_engine(url)
    sessions = open_sessions(engine)
    number = 0
    while not stop.is_set():
        number += 1
        with sessions.begin() as session:
            add_document(session=session, filename=f"tb-{number}.txt", data=f"{NOTICE}\nSố bản: {number}".encode())
        committed.append(number)
    engine.dispose()


def _backup_under_load(chidao: Chidao, url: str, dest: str) -> tuple[str, int, int]:
    """``chidao backup DEST`` while a writer stores notice after notice: what it said, and how many
    commits the writer had made before and after it."""
    stop, committed = threading.Event(), []
    writer = threading.Thread(target=_writer, args=(url, stop, committed))
    writer.start()
    try:
        while len(committed) < 5:
            threading.Event().wait(0.05)
        before = len(committed)
        said = chidao.ok("backup", dest)
        after = len(committed)
    finally:
        stop.set()
        writer.join(timeout=60)
    return said, before, after


def test_a_backup_taken_under_write_load_restores_every_write_acknowledged_before_it(tmp_path):
    live = Chidao(CHIDAO_DATA_DIR=str(tmp_path / "live"))
    live.ok("init")
    url = f"sqlite:///{tmp_path / 'live' / 'chidao.sqlite3'}"
    said, before, after = _backup_under_load(live, url, str(tmp_path / "copy.sqlite3"))
    assert "copy.sqlite3" in said and after > before  # the writer went on during the backup
    with sqlite3.connect(tmp_path / "copy.sqlite3") as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
        saved = copy.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert before <= saved <= after + 1
    fresh = Chidao(CHIDAO_DATA_DIR=str(tmp_path / "fresh"))
    _refused(fresh("restore", str(tmp_path / "nothing.sqlite3"), "--yes"), "not a file")
    assert "restored" in fresh.ok("restore", str(tmp_path / "copy.sqlite3"), "--yes")
    assert fresh.documents() == saved
    # restoring over a live database keeps the one it replaces
    kept = live.ok("restore", str(tmp_path / "copy.sqlite3"), "--yes")
    assert "before-restore-" in kept and live.documents() == saved
    assert len(list((tmp_path / "live").glob("before-restore-*.sqlite3"))) == 1


def test_restore_refuses_what_is_not_a_chidao_backup_and_changes_nothing(tmp_path):
    chidao = Chidao(CHIDAO_DATA_DIR=str(tmp_path / "data"))
    chidao.ok("init")
    chidao.ok("ingest", str(EXAMPLES / "tb-ket-luan-chuyen-doi-so.txt"))
    database = (tmp_path / "data" / "chidao.sqlite3").read_bytes()
    (tmp_path / "text.sqlite3").write_text("không phải cơ sở dữ liệu")
    with sqlite3.connect(tmp_path / "other.sqlite3") as other:
        other.execute("CREATE TABLE notes (x)")
    _refused(chidao("restore", str(tmp_path / "text.sqlite3"), "--yes"), "not a chidao SQLite backup")
    _refused(chidao("restore", str(tmp_path / "other.sqlite3"), "--yes"), "not a chidao SQLite backup")
    _refused(chidao("backup", str(tmp_path / "missing-folder" / "b.sqlite3")), "does not exist")
    assert (tmp_path / "data" / "chidao.sqlite3").read_bytes() == database
    assert chidao.documents() == 1
    assert not list((tmp_path / "data").glob("before-restore-*"))


def test_dated_backups_in_a_folder_keep_the_newest(tmp_path):
    Chidao(CHIDAO_DATA_DIR=str(tmp_path / "data")).ok("init")
    url = f"sqlite:///{tmp_path / 'data' / 'chidao.sqlite3'}"
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("not a backup: never removed")
    made = [backup(url, folder, keep=3, now=datetime(2026, 12, day, 2, 0)) for day in range(1, 6)]
    assert made[0].path.name == "chidao-20261201-020000.sqlite3"
    assert sorted(p.name for p in folder.iterdir()) == [
        "chidao-20261203-020000.sqlite3",
        "chidao-20261204-020000.sqlite3",
        "chidao-20261205-020000.sqlite3",
        "notes.txt",
    ]
    assert [p.name for p in made[-1].removed] == ["chidao-20261202-020000.sqlite3"]
    with pytest.raises(BackupError, match="folder"):
        backup(url, tmp_path / "one-file.sqlite3", keep=2)


def test_the_backup_command_keeps_the_newest_dated_backups_in_a_folder(tmp_path):
    # The command itself, as a daily cron line runs it: "chidao backup /srv/backups --keep 2".
    chidao = Chidao(CHIDAO_DATA_DIR=str(tmp_path / "data"))
    chidao.ok("init")
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in (1, 2, 3):
        (folder / f"chidao-2026110{day}-020000.sqlite3").write_bytes(b"an older backup")
    chidao.ok("backup", str(folder), "--keep", "2")
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 2 and names[0] == "chidao-20261103-020000.sqlite3", names
    newest = folder / names[1]
    assert newest.name.startswith("chidao-") and newest.read_bytes().startswith(b"SQLite format 3")


def test_a_postgresql_backup_under_write_load_restores_a_consistent_database(tmp_path):
    # pg_dump reads one snapshot: what it holds is every write committed before it began and
    # none half-made, however many commit while it runs.
    with scratch_postgres_database() as source_url, scratch_postgres_database() as target_url:
        source = Chidao(CHIDAO_DATABASE_URL=source_url)
        source.ok("init")
        _, before, after = _backup_under_load(source, source_url, str(tmp_path))
        dump = next(tmp_path.glob("chidao-*.dump"))
        target = Chidao(CHIDAO_DATABASE_URL=target_url)
        assert "restored" in target.ok("restore", str(dump), "--yes")
        assert before <= target.documents() <= after + 1


def test_postgresql_backup_and_restore(tmp_path):
    with scratch_postgres_database() as source_url, scratch_postgres_database() as target_url:
        source = Chidao(CHIDAO_DATABASE_URL=source_url)
        source.ok("init")
        source.ok("ingest", *map(str, sorted(EXAMPLES.glob("*.txt"))))
        said = source.ok("backup", str(tmp_path))
        dump = next(tmp_path.glob("chidao-*.dump"))
        assert dump.name in said and dump.stat().st_size > 0
        target = Chidao(CHIDAO_DATABASE_URL=target_url)
        _refused(target("stats", "extraction"), "chidao migrate")  # an empty PostgreSQL database
        (tmp_path / "junk.dump").write_bytes(b"PGDMP but not really")
        _refused(target("restore", str(tmp_path / "junk.dump"), "--yes"), "pg_restore")
        assert "restored" in target.ok("restore", str(dump), "--yes")
        assert target.documents() == source.documents() == len(list(EXAMPLES.glob("*.txt")))
