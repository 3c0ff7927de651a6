"""Bring a database to the latest schema with the package's Alembic migrations, all or nothing.

Every pending migration runs in one transaction, so a process killed half-way (power cut,
``kill -9``, a full disk) leaves the database as it was before, never half-upgraded.
PostgreSQL's DDL is transactional as it is. SQLite's is too, but Python's ``sqlite3`` module
commits before each ``CREATE``/``ALTER``/``DROP`` on its own unless the transaction is opened
by hand: on SQLite the migration's connection is switched to driver-level autocommit and wrapped
in ``BEGIN IMMEDIATE`` … ``COMMIT`` (which also keeps a second process from migrating at the
same time: it waits for the lock, then finds nothing left to do).

Foreign keys are not enforced while a migration runs on SQLite (they are checked once, before
the commit, with ``PRAGMA foreign_key_check``): rebuilding a table that others refer to, as
SQLite's documented way of changing a table goes, would otherwise cascade its deletion to them.
``PRAGMA foreign_keys`` cannot change inside a transaction, so it is set before ``BEGIN``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("chidao.store").joinpath("migrations")))
    return config


@contextmanager
def schema_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection whose DDL and data changes commit together at the end, or not at all."""
    if engine.dialect.name != "sqlite":
        with engine.begin() as connection:
            yield connection
        return
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        previous = raw.isolation_level
        raw.isolation_level = None  # the driver no longer commits behind our back
        enforced = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                yield connection
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"the migration left rows with a missing parent: {broken[:5]}")
            except BaseException:
                connection.exec_driver_sql("ROLLBACK")
                raise
            connection.exec_driver_sql("COMMIT")
        finally:
            connection.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if enforced else 'OFF'}")
            raw.isolation_level = previous


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade ``engine``'s database to ``revision`` (creates every table on a new database)."""
    config = alembic_config()
    with schema_transaction(engine) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at; None for a database chidao never migrated."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def known_revisions() -> frozenset[str]:
    """Every schema revision this version of chidao ships (a database at another one is newer)."""
    return frozenset(script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions())
