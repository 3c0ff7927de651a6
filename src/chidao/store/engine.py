"""Engines and sessions for SQLite (the embedded default) and PostgreSQL (the scale store).

SQLite gets WAL (readers never wait for the writer), foreign keys (off by default in SQLite),
a busy timeout (a second writer waits instead of failing) and memory-mapped reads on every
connection. Errors and logs never show a statement's parameters (a document's text, a note).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
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


def open_engine(url: str) -> Engine:
    """An engine for ``url``; the SQLite file's folder is created if needed."""
    url = normalize_url(url)
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # The API runs sync endpoints in a pool of 40 threads: give each a connection rather than
        # queueing requests behind a small pool (readers do not block each other in WAL mode).
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 10},
            pool_size=20,
            max_overflow=30,
            hide_parameters=True,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
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


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"
