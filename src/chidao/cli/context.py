"""What every store command needs: settings from the environment, a migrated, seeded database."""

from __future__ import annotations

import sys

import click
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from chidao.settings import Settings, SettingsError
from chidao.tracking.database import open_database, prepare_database


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
    """Open the database, bring its schema up to date and make sure the registry is seeded."""
    try:
        engine = open_database(settings.database_url)
        prepare_database(engine)
    except OperationalError as error:
        fail(f"cannot open the database ({error.orig.__class__.__name__}: {str(error.orig).strip()[:200]})")
    except SQLAlchemyError as error:
        fail(f"database error: {error.__class__.__name__}")
    return engine
