"""``chidao init``, ``migrate``, ``backup`` and ``restore``: the database's life cycle."""

from __future__ import annotations

from pathlib import Path

import click
from sqlalchemy.exc import SQLAlchemyError

from chidao.cli.context import fail, init_store, load_settings
from chidao.messages import msg
from chidao.store.migrate import current_revision, migrate
from chidao.tracking.backup import BackupError, backup, restore
from chidao.tracking.database import (
    DatabaseNotReady,
    check_file,
    check_not_newer,
    open_database,
    prepare_database,
    sqlite_file,
)


@click.command("init")
def init_command() -> None:
    """Create the data folder and the database (or bring an existing one up to date)."""
    settings = load_settings()
    engine = init_store(settings)
    revision = current_revision(engine)
    engine.dispose()
    where = sqlite_file(settings.database_url) or "the PostgreSQL database"
    click.echo(f"chidao: database ready at {where} (schema {revision})")


@click.command("migrate")
def migrate_command() -> None:
    """Bring the existing database's schema to this version (all or nothing)."""
    settings = load_settings()
    try:
        check_file(settings.database_url)
        engine = open_database(settings.database_url)
        before = check_not_newer(engine)
        migrate(engine)
        after = current_revision(engine)
        engine.dispose()
    except DatabaseNotReady as error:
        fail(str(error))
        return
    except SQLAlchemyError as error:
        fail(f"cannot migrate the database ({error.__class__.__name__}: {str(error).splitlines()[0][:200]})")
        return
    if before == after:
        click.echo(f"chidao: schema {after}, up to date")
    else:
        click.echo(f"chidao: schema {before or 'none'} → {after}")


@click.command("backup")
@click.argument("dest", type=click.Path(path_type=Path))
@click.option("--keep", type=click.IntRange(1), help="In a folder: keep only the newest N dated backups.")
def backup_command(dest: Path, keep: int | None) -> None:
    """Back the database up to DEST, a file or a folder (then named chidao-<date>-<time>).

    Safe while the service runs: the copy is one consistent moment of the database."""
    settings = load_settings()
    try:
        result = backup(settings.database_url, dest, keep=keep)
    except (BackupError, DatabaseNotReady) as error:
        fail(str(error))
        return
    click.echo(f"chidao: backup written to {result.path} ({result.size:,} bytes)")
    for old in result.removed:
        click.echo(f"chidao: removed old backup {old}")


@click.command("restore")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask before replacing the database.")
def restore_command(source: Path, yes: bool) -> None:
    """Replace the database with the backup SOURCE, after checking it.

    Stop the service first. On SQLite the replaced database is kept beside it."""
    settings = load_settings()
    where = sqlite_file(settings.database_url) or "the PostgreSQL database"
    if not yes and not click.confirm(msg("cli.database.restore_confirm", database=where, backup=source), err=True):
        fail("restore cancelled")
    try:
        kept = restore(settings.database_url, source)
    except BackupError as error:
        fail(str(error))
        return
    engine = open_database(settings.database_url)
    prepare_database(engine)  # a backup of an older version is brought up to date
    revision = current_revision(engine)
    engine.dispose()
    click.echo(f"chidao: restored {source} into {where} (schema {revision})")
    if kept is not None:
        click.echo(f"chidao: the replaced database is kept as {kept}")
