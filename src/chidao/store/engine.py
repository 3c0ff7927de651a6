"""Engines and sessions for SQLite (the embedded default) and PostgreSQL (the scale store).

SQLite gets WAL (readers never wait for the writer), foreign keys (off by default in SQLite),
a busy timeout (a second writer waits instead of failing) and memory-mapped reads on every
connection. Errors and logs never show a statement's parameters (a document's text, a note).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Each pooled connection has its own page cache; memory-mapping the file lets them all read
    # through the operating system's shared cache instead of warming their own.
    cursor.execute("PRAGMA mmap_size=1073741824")
    cursor.execute("PRAGMA cache_size=-32000")
    cursor.close()


def normalize_url(url: str) -> str:
    """``postgresql://`` means psycopg 3 here (psycopg2 is not a dependency)."""
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def open_engine(url: str, *, create: bool = True) -> Engine:
    """An engine for ``url``. With ``create`` a missing SQLite file (and its folder) is created;
    without it, opening a missing file fails instead (``chidao init`` is the one command that
    creates a database: the service must never turn a vanished one into a new, empty file)."""
    url = normalize_url(url)
    if url.startswith("sqlite"):
        return _sqlite_engine(url, create)
    # JIT compilation pays off for long analytical queries; on these short indexed reads it costs
    # tens of milliseconds each time a plan's estimate crosses jit_above_cost.
    return create_engine(
        url,
        pool_size=10,
        max_overflow=40,
        pool_pre_ping=True,
        connect_args={"options": "-c jit=off"},
        hide_parameters=True,
    )


def _sqlite_engine(url: str, create: bool) -> Engine:
    path = url.split("///", 1)[-1] if "///" in url else ""
    on_disk = bool(path) and path != ":memory:" and not path.startswith("file:")
    if on_disk and create:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    if on_disk and not create:
        url = f"sqlite:///file:{quote(str(Path(path).resolve()))}?mode=rw&uri=true"
    # The API runs sync endpoints in a pool of 40 threads: give each a connection rather than
    # queueing requests behind a small pool (readers do not block each other in WAL mode).
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 10},
        pool_size=20,
        max_overflow=30,
        hide_parameters=True,  # a failed statement's values (a document's text) stay out of logs
    )
    event.listen(engine, "connect", _sqlite_pragmas)
    if on_disk:
        _watch_file(engine, Path(path).resolve())
    return engine


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def _watch_file(engine: Engine, path: Path) -> None:
    """A pooled connection to a file that was deleted, moved away or replaced is never used.

    An open SQLite connection keeps working on a deleted file, so writes to a data folder
    removed or renamed while serving would be acknowledged and then lost. Each checkout compares
    the file with the one the connection opened (one ``stat``); on a mismatch the pool drops the
    connection and opens a new one, which fails while the file is missing (the request answers
    503) and succeeds once it is back, so the service recovers by itself."""

    def opened(_dbapi_connection, record) -> None:
        record.info["file"] = _identity(path)

    def checkout(_dbapi_connection, record, _proxy) -> None:
        now = _identity(path)
        if now is None or now != record.info.get("file"):
            raise exc.DisconnectionError(f"the database file {path} is missing or was replaced")

    event.listen(engine, "connect", opened)
    event.listen(engine, "checkout", checkout)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"
