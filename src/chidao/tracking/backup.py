"""Backups that stay consistent while the service writes, and restores that check what they load.

Copying the SQLite file of a running service can lose acknowledged writes (the newest ones live
in the ``-wal`` file beside it), so ``backup`` uses SQLite's online backup API: one step, one
consistent snapshot, written to a temporary file, checked, then renamed into place. PostgreSQL is
backed up with ``pg_dump`` (custom format) and restored with ``pg_restore`` in one transaction.

A restore first checks the backup (integrity, a chidao schema this version knows) and, on
SQLite, keeps the database it replaces as ``before-restore-<time>.sqlite3`` beside it, so a
restore of the wrong file loses nothing either.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from chidao.store.engine import normalize_url
from chidao.store.migrate import known_revisions
from chidao.tracking.database import check_file, sqlite_file

SQLITE_SUFFIX = ".sqlite3"
POSTGRES_SUFFIX = ".dump"


class BackupError(RuntimeError):
    """A backup or restore that could not be done; the message says why, nothing was changed."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    removed: tuple[Path, ...] = ()


def backup(url: str, dest: Path, *, keep: int | None = None, now: datetime | None = None) -> BackupResult:
    """Back the database at ``url`` up to ``dest`` (a file, or a folder for a dated file).

    With ``keep``, only the newest ``keep`` dated backups are kept in the folder (a daily job)."""
    path = sqlite_file(url)
    suffix = SQLITE_SUFFIX if path is not None else POSTGRES_SUFFIX
    if dest.is_dir():
        stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
        dest = dest / f"chidao-{stamp}{suffix}"
    elif keep is not None:
        raise BackupError(f"--keep needs a folder to keep dated backups in, and {dest} is not one")
    if not dest.parent.is_dir():
        raise BackupError(f"the folder {dest.parent} does not exist")
    part = dest.with_name(dest.name + ".part")
    try:
        if path is not None:
            check_file(url)
            _sqlite_backup(path, part)
        else:
            _run(["pg_dump", "--format=custom", "--no-owner", f"--file={part}", _libpq(url)], "pg_dump")
        _fsync(part)
        os.replace(part, dest)
    finally:
        part.unlink(missing_ok=True)
    removed = _prune(dest.parent, suffix, keep) if keep is not None else ()
    return BackupResult(dest, dest.stat().st_size, removed)


def restore(url: str, source: Path, *, now: datetime | None = None) -> Path | None:
    """Load ``source`` into the database at ``url``; on SQLite, the replaced file's safe copy."""
    if not source.is_file():
        raise BackupError(f"{source} is not a file")
    path = sqlite_file(url)
    if path is None:
        _run(["pg_restore", "--list", str(source)], "pg_restore (checking the backup)")
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                f"--dbname={_libpq(url)}",
                str(source),
            ],
            "pg_restore",
        )
        return None
    _check_sqlite_backup(source)
    kept = None
    if path.is_file():
        stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
        kept = path.with_name(f"before-restore-{stamp}{SQLITE_SUFFIX}")
        _sqlite_backup(path, kept)
    path.parent.mkdir(parents=True, exist_ok=True)
    _copy_into(source, path)
    return kept


def _sqlite_backup(source: Path, target: Path) -> None:
    """One consistent snapshot of a live database, as one self-contained file (no WAL beside it)."""
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)  # all pages in one step: writers go on, the copy is one moment's state
        dst.execute("PRAGMA journal_mode=DELETE")
        if dst.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupError(f"the copy of {source} failed its integrity check")
    finally:
        dst.close()
        src.close()


def _check_sqlite_backup(source: Path) -> None:
    try:
        connection = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            ok = connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{source} is not a chidao SQLite backup ({error})") from None
    if not ok:
        raise BackupError(f"{source} failed its integrity check")
    if len(rows) != 1 or rows[0][0] not in known_revisions():
        raise BackupError(f"{source} holds a schema this chidao does not know: upgrade chidao first")


def _copy_into(source: Path, target: Path) -> None:
    """The backup API writes into the live file under its lock, WAL and open readers included."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target, timeout=30)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _prune(folder: Path, suffix: str, keep: int) -> tuple[Path, ...]:
    dated = sorted(folder.glob(f"chidao-*{suffix}"), reverse=True)
    old = tuple(dated[max(keep, 1) :])
    for path in old:
        path.unlink()
    return old


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _libpq(url: str) -> str:
    """The SQLAlchemy URL as libpq reads it (no ``+psycopg`` driver part)."""
    return normalize_url(url).replace("postgresql+psycopg://", "postgresql://", 1)


def _run(command: list[str], name: str) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client)")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["failed"])[-1]
        raise BackupError(f"{name}: {last[:300]}")
