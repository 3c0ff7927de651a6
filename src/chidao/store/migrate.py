"""Bring a database to the latest schema with the package's Alembic migrations."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("chidao.store").joinpath("migrations")))
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade ``engine``'s database to ``revision`` (creates every table on a new database)."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
