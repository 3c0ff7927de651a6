"""What every store command needs: settings from the environment, a migrated, seeded database."""

from __future__ import annotations

import sys

import click
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from chidao.settings import Settings, SettingsError
from chidao.tracking.database import (
    DatabaseNotReady,
    check_file,
    check_schema,
    create_database,
    open_database,
    prepare_database,
)


def fail(message: str) -> None:
    """One line on stderr, exit code 2: how every command reports a problem."""
    click.echo(f"chidao: {message}", err=True)
    sys.exit(2)


def load_settings() -> Settings:
    try:
        return Settings.from_env()
    except SettingsError as error:
        fail(str(error))
        raise  # unreachable


def open_store(settings: Settings) -> Engine:
    """Open the existing database, bring an older schema up to date and seed the registry.

    A missing SQLite file or an empty database is refused with what to run instead: writing to
    a database nobody meant to create loses those writes as surely as not writing them."""
    return _database(settings, create=False)


def init_store(settings: Settings) -> Engine:
    """``chidao init``: the one way a new database comes into being."""
    return _database(settings, create=True)


def _database(settings: Settings, *, create: bool) -> Engine:
    try:
        if create:
            return create_database(settings.database_url)
        check_file(settings.database_url)
        engine = open_database(settings.database_url)
        check_schema(engine)
        prepare_database(engine)
    except DatabaseNotReady as error:
        fail(str(error))
    except OperationalError as error:
        reason = " ".join(str(error.orig).split())[:200]  # psycopg's messages span lines
        fail(f"cannot open the database ({error.orig.__class__.__name__}: {reason})")
    except SQLAlchemyError as error:
        fail(f"database error: {error.__class__.__name__}")
    except OSError as error:
        fail(f"cannot create the database: {error.strerror or error}")
    return engine
