"""Fresh, migrated databases for tests: SQLite in tmp_path, and PostgreSQL in a schema of its own.

A plain module (not a conftest) so that any test folder can build the same fixture::

    from db import database_fixture
    database = database_fixture()          # an Engine fixture, parametrized sqlite/postgresql

PostgreSQL runs when ``CHIDAO_TEST_POSTGRES_URL`` is set (e.g.
``postgresql://postgres@127.0.0.1:5432/test``): a schema ``t_<random>``, reached through
``search_path``, migrated to head once per test session and emptied before each test (every
table but Alembic's, every sequence restarted: the state a fresh migration leaves), dropped at
the end; a test that asks for an older revision gets a new schema of its own, dropped after. Unset, those tests are
skipped with the reason; set but unreachable, they fail.

A SQLite database is migrated once per revision and test session into a template file, which
each test then gets a copy of: the same schema as a migration of its own, without running the
migrations (a fifth of a second) a few hundred times. The migrations themselves are tested by
``tests/store/test_migrations.py``.
"""

from __future__ import annotations

import atexit
import os
import secrets
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import OperationalError

from chidao.store.engine import normalize_url, open_engine
from chidao.store.migrate import migrate

POSTGRES_ENV = "CHIDAO_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgresql")


_TEMPLATES: dict[str, Path] = {}


def _sqlite_template(revision: str) -> Path:
    """A SQLite file migrated to ``revision``, made on first use in this process, removed at exit."""
    if revision not in _TEMPLATES:
        folder = Path(tempfile.mkdtemp(prefix="chidao-template-"))
        atexit.register(shutil.rmtree, folder, True)
        path = folder / f"{revision}.sqlite3"
        engine = open_engine(f"sqlite:///{path}")
        try:
            migrate(engine, revision)
            with engine.connect() as connection:  # everything into the main file: it alone is copied
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            engine.dispose()
        _TEMPLATES[revision] = path
    return _TEMPLATES[revision]


@contextmanager
def sqlite_database(folder: Path, revision: str = "head") -> Iterator[Engine]:
    """A new SQLite file in ``folder``, migrated to ``revision`` (a copy of the session's template)."""
    path = folder / "chidao.sqlite3"
    shutil.copyfile(_sqlite_template(revision), path)
    engine = open_engine(f"sqlite:///{path}")
    try:
        yield engine
    finally:
        engine.dispose()


def postgres_url() -> str:
    """The test server's URL, or skip the test (visibly) when none is configured."""
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if not url:
        pytest.skip(f"{POSTGRES_ENV} is not set: PostgreSQL tests skipped (e.g. postgresql://postgres@127.0.0.1/test)")
    return url


@contextmanager
def postgres_database(url: str, revision: str = "head") -> Iterator[Engine]:
    """A new schema on the server at ``url``, migrated to ``revision``, seen first on the search
    path; dropped after."""
    schema = f"t_{secrets.token_hex(6)}"
    admin = create_engine(normalize_url(url), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
            # the migration's extensions go to public (its unaccent wrapper calls public.unaccent);
            # one session at a time: two pytest-xdist workers creating a missing extension at once
            # would collide on PostgreSQL's catalogue (IF NOT EXISTS does not lock)
            connection.execute(text("SELECT pg_advisory_lock(hashtext('chidao-tests-extensions'))"))
            try:
                connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
                connection.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public"))
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(hashtext('chidao-tests-extensions'))"))
    except OperationalError as error:
        admin.dispose()
        pytest.fail(f"{POSTGRES_ENV}={url} is set but the server cannot be used: {error.orig}")
    engine = create_engine(normalize_url(url), connect_args={"options": f"-csearch_path={schema},public"})
    try:
        _migrate_into(engine, schema, revision)
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


_SHARED_SCHEMAS: dict[str, tuple[str, str]] = {}


def _shared_schema(url: str) -> tuple[str, str]:
    """The schema on ``url`` migrated to head for this test session (made on first use), and
    the statements that empty it."""
    if url not in _SHARED_SCHEMAS:
        stack = ExitStack()
        engine = stack.enter_context(postgres_database(url))
        atexit.register(stack.close)  # drops the schema
        with engine.connect() as connection:
            _SHARED_SCHEMAS[url] = (connection.scalar(text("SELECT current_schema()")), _emptying(connection))
    return _SHARED_SCHEMAS[url]


def _emptying(connection: Connection) -> str:
    """Delete every row but Alembic's and restart every sequence, triggers off (the tallies
    they keep are emptied too): back to the state the migrations leave. Rows, not TRUNCATE: on
    a few rows a DELETE takes milliseconds where TRUNCATE takes half a second."""
    tables = connection.scalars(
        text(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
            "AND table_type = 'BASE TABLE' AND table_name <> 'alembic_version'"
        )
    ).all()
    sequences = connection.scalars(
        text("SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = current_schema()")
    ).all()
    return "; ".join(
        [
            "SET LOCAL lock_timeout = '10s'",  # a connection a test left open fails, not hangs
            "SET LOCAL session_replication_role = replica",
            *(f'DELETE FROM "{table}"' for table in tables),
            *(f'ALTER SEQUENCE "{sequence}" RESTART' for sequence in sequences),
        ]
    )


@contextmanager
def emptied_postgres_database(url: str) -> Iterator[Engine]:
    """The session's schema migrated to head on the server at ``url``, emptied first."""
    schema, emptying = _shared_schema(url)
    engine = create_engine(normalize_url(url), connect_args={"options": f"-csearch_path={schema},public"})
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(emptying)
        yield engine
    finally:
        engine.dispose()


def _migrate_into(engine: Engine, schema: str, revision: str = "head") -> None:
    """Migrate into ``schema`` even when ``public`` (on the search path for the extensions)
    holds chidao tables already: Alembic looks for its version table through the search path,
    so an empty one is created in the new schema first, or Alembic would find public's."""
    with engine.begin() as connection:
        connection.execute(
            text(
                f'CREATE TABLE "{schema}".alembic_version (version_num VARCHAR(32) NOT NULL, '
                "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
            )
        )
    migrate(engine, revision)
    with engine.connect() as connection:
        found = connection.scalar(
            text(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = :schema AND table_name = 'tasks'"
            ),
            {"schema": schema},
        )
    assert found == 1, f"the migration did not create its tables in {schema}"


@contextmanager
def database(backend: str, folder: Path, revision: str = "head") -> Iterator[Engine]:
    """A fresh database of ``backend`` ("sqlite" or "postgresql") migrated to ``revision``."""
    if backend == "sqlite":
        with sqlite_database(folder, revision) as engine:
            yield engine
    elif backend == "postgresql" and revision == "head":
        with emptied_postgres_database(postgres_url()) as engine:
            yield engine
    elif backend == "postgresql":
        with postgres_database(postgres_url(), revision) as engine:
            yield engine
    else:
        raise ValueError(f"unknown backend {backend!r}")


def database_fixture(name: str = "database") -> Callable[..., Iterator[Engine]]:
    """A pytest fixture yielding a fresh migrated Engine, once per backend."""

    @pytest.fixture(name=name, params=BACKENDS)
    def _fixture(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
        with database(request.param, tmp_path) as engine:
            yield engine

    return _fixture


@contextmanager
def scratch_postgres_database() -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database of its own (for tests that run chidao in
    another process, or back up and restore a whole database); dropped after."""
    url = postgres_url()
    name = f"chidao_scratch_{secrets.token_hex(5)}"
    admin = create_engine(normalize_url(url), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as error:
        admin.dispose()
        pytest.fail(f"{POSTGRES_ENV}={url} is set but the server cannot be used: {error.orig}")
    try:
        yield url.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
