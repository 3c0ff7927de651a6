"""Opening the database, the one way every entry point does it: the API application, the CLI.

``open_database`` gives the engine (SQLite pragmas, connection pools: ``chidao.store.engine``),
``open_sessions`` the session factory on it, and ``prepare_database`` brings the schema up to
date and seeds the agency registry, which the CLI does before it stores anything or serves.

``check_database`` says why a database cannot be used before anything is written to it: a
mistyped or deleted data directory must never turn into a new, empty database that accepts
writes nobody will find again (``chidao init`` is the one command that creates a database).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from chidao.store.agencies import seed_agencies
from chidao.store.engine import normalize_url, open_engine, session_factory
from chidao.store.migrate import current_revision, known_revisions, migrate


class DatabaseProblem(StrEnum):
    """Why the database refused a request, as the service tells its users (503, not 500)."""

    UNAVAILABLE = "unavailable"  # unreachable server, locked or unreadable file
    MISSING = "missing"  # the SQLite file (or its folder) is gone
    READ_ONLY = "read_only"
    DISK_FULL = "disk_full"
    NO_SCHEMA = "no_schema"  # an empty database: `chidao migrate` was never run


_SQLSTATES = {
    "42P01": DatabaseProblem.NO_SCHEMA,
    "53100": DatabaseProblem.DISK_FULL,
    "25006": DatabaseProblem.READ_ONLY,
}
_SQLITE_MESSAGES = (
    ("unable to open database file", DatabaseProblem.MISSING),
    ("readonly database", DatabaseProblem.READ_ONLY),
    ("database or disk is full", DatabaseProblem.DISK_FULL),
    ("no such table", DatabaseProblem.NO_SCHEMA),
)


def database_problem(error: DBAPIError) -> DatabaseProblem | None:
    """What kind of database failure ``error`` is; None for a fault of the request or the code."""
    state = getattr(error.orig, "sqlstate", None)
    if state in _SQLSTATES:
        return _SQLSTATES[state]
    if state and state.startswith(("08", "57P", "53")):  # connection, shutdown, resources
        return DatabaseProblem.UNAVAILABLE
    message = str(error.orig).lower()
    for words, problem in _SQLITE_MESSAGES:
        if words in message:
            return problem
    return DatabaseProblem.UNAVAILABLE if isinstance(error, OperationalError) else None


class DatabaseNotReady(RuntimeError):
    """The database is missing, holds no chidao schema, or a newer one; the message says what to run."""


def open_database(url: str) -> Engine:
    """An engine for the existing database at ``url`` (``sqlite:///...`` or ``postgresql://...``);
    nothing is migrated, and a missing SQLite file is not created (requests then answer 503)."""
    return open_engine(url, create=False)


def open_sessions(engine: Engine) -> sessionmaker[Session]:
    """The session factory every request or command takes its sessions from."""
    return session_factory(engine)


def prepare_database(engine: Engine) -> None:
    """Bring the schema to the latest migration and add the registry's agencies the store lacks."""
    migrate(engine)
    with session_factory(engine).begin() as session:
        seed_agencies(session=session)


def sqlite_file(url: str) -> Path | None:
    """The file of a ``sqlite:///`` URL; None for PostgreSQL and in-memory databases."""
    url = normalize_url(url)
    if not url.startswith("sqlite"):
        return None
    path = url.split("///", 1)[-1] if "///" in url else ""
    return Path(path) if path and path != ":memory:" else None


def check_file(url: str) -> None:
    """A SQLite database must already exist: opening a missing file would create an empty one."""
    path = sqlite_file(url)
    if path is not None and not path.is_file():
        raise DatabaseNotReady(
            f"no chidao database at {path}: run `chidao init` to create it "
            "(or point CHIDAO_DATA_DIR / CHIDAO_DATABASE_URL at the existing one)"
        )


def check_schema(engine: Engine) -> None:
    """The database holds a chidao schema this version knows (older ones are upgraded on open)."""
    if check_not_newer(engine) is None:
        raise DatabaseNotReady("the database holds no chidao tables: run `chidao migrate` (or `chidao init`)")


def check_not_newer(engine: Engine) -> str | None:
    """The database's schema revision (None: no chidao tables), refused when a newer chidao wrote it."""
    revision = current_revision(engine)
    if revision is not None and revision not in known_revisions():
        raise DatabaseNotReady(f"the database's schema ({revision}) is newer than this chidao: upgrade chidao first")
    return revision


def create_database(url: str) -> Engine:
    """``chidao init``: the SQLite file's folder made, the schema created or upgraded, the registry seeded."""
    path = sqlite_file(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = open_engine(url, create=True)
    prepare_database(engine)
    return engine
