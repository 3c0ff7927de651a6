"""A migration killed at any moment (``kill -9``: a power cut, an impatient operator) leaves the
database as it was, and the next start migrates it: every pending migration runs in one
transaction, on SQLite as on PostgreSQL. Each backend is killed 20 times at random points of a
full schema creation, measured first so that the kills land inside it."""

from __future__ import annotations

import random
import subprocess
import sys
import time

import pytest
from sqlalchemy import Engine, inspect, text

from chidao.store.engine import open_engine
from chidao.store.migrate import current_revision, known_revisions, migrate
from db import BACKENDS, scratch_postgres_database

TRIES = 20
CHILD = """
import sys
from chidao.store.engine import open_engine
from chidao.store.migrate import migrate
engine = open_engine(sys.argv[1])
with engine.connect():
    pass
print("ready", flush=True)
migrate(engine)
print("done", flush=True)
"""


def _start(url: str) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", CHILD, url], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline() == "ready\n"
    return child


def _duration(url: str, engine: Engine, backend: str, prepare=None) -> float:
    """How long one whole migration takes in a child process, from its start to its end: the
    shortest of three, so that a load spike on a shared machine while measuring does not stretch
    the span the kills are drawn from past the migration (all of them landing after it).
    ``prepare`` sets the database up before each (by default: emptied)."""
    spans = []
    for _ in range(3):
        (prepare or _reset)(engine, backend)
        child = _start(url)
        started = time.monotonic()
        assert child.stdout is not None and child.stdout.readline() == "done\n"
        child.wait(timeout=60)
        spans.append(time.monotonic() - started)
    return min(spans)


def _reset(engine: Engine, backend: str) -> None:
    if backend == "sqlite":
        with engine.begin() as connection:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        names = inspect(engine).get_table_names()
        with engine.begin() as connection:
            for row in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'"):
                connection.exec_driver_sql(f'DROP TRIGGER "{row[0]}"')
            for name in names:
                connection.exec_driver_sql(f'DROP TABLE IF EXISTS "{name}"')
    else:
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def _state(engine: Engine) -> tuple[str | None, set[str]]:
    engine.dispose()  # no connection of before the kill: look at what is on disk now
    return current_revision(engine), set(inspect(engine).get_table_names())


def _kill_and_restart(url: str, backend: str) -> None:
    engine = open_engine(url)
    head = max(known_revisions())
    span = _duration(url, engine, backend)
    killed_inside = 0
    for _ in range(TRIES):
        _reset(engine, backend)
        child = _start(url)
        time.sleep(random.uniform(0, span))
        child.kill()
        child.wait(timeout=30)
        revision, tables = _state(engine)
        # all or nothing: either no chidao table at all, or the whole schema at its head
        if revision is None:
            killed_inside += 1
            assert not tables - {"alembic_version"}, f"a killed migration left {sorted(tables)}"
        else:
            assert revision == head and "tasks" in tables
        migrate(engine)  # the next start
        assert current_revision(engine) == head
        assert {"tasks", "agencies", "task_agencies"} <= set(inspect(engine).get_table_names())
    engine.dispose()
    assert killed_inside >= 1, "no kill landed inside a migration: the timing of this test is off"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_killed_migration_leaves_a_database_the_next_start_can_migrate(backend, tmp_path):
    if backend == "sqlite":
        _kill_and_restart(f"sqlite:///{tmp_path / 'chidao.sqlite3'}", backend)
        return
    with scratch_postgres_database() as url:
        _kill_and_restart(url, backend)


def _prepare_old(engine: Engine, backend: str) -> int:
    """A database at 0010 holding one confirmed document with one tracked task (as
    ``test_migrations`` writes it), for the upgrades after it, which rebuild tables."""
    from test_migrations import _seed_0010

    _reset(engine, backend)
    migrate(engine, "0010")
    task_id = _seed_0010(engine)
    engine.dispose()
    return task_id


def _kill_upgrades(url: str, backend: str, tries: int) -> None:
    engine = open_engine(url)
    head = max(known_revisions())
    span = _duration(url, engine, backend, _prepare_old)
    killed_inside = 0
    for _ in range(tries):
        task_id = _prepare_old(engine, backend)
        child = _start(url)
        time.sleep(random.uniform(0, span))
        child.kill()
        child.wait(timeout=30)
        revision, tables = _state(engine)
        # all or nothing: still at 0010, or at the head; the task is there either way
        assert revision in ("0010", head), revision
        killed_inside += revision == "0010"
        assert not any(name.startswith("_alembic_tmp") for name in tables), sorted(tables)
        migrate(engine)  # the next start
        assert current_revision(engine) == head
        with engine.connect() as connection:
            assert connection.scalar(text("SELECT count(*) FROM tasks WHERE id = :id"), {"id": task_id}) == 1
    engine.dispose()
    assert killed_inside >= 1, "no kill landed inside the upgrade: the timing of this test is off"


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_upgrade_killed_at_random_points_leaves_the_old_schema_and_its_rows(backend, tmp_path):
    # Issue 10, item 8: the upgrades from 0010, which rebuild tables on SQLite, killed 20 times.
    if backend == "sqlite":
        _kill_upgrades(f"sqlite:///{tmp_path / 'chidao.sqlite3'}", backend, TRIES)
        return
    with scratch_postgres_database() as url:
        _kill_upgrades(url, backend, TRIES)
