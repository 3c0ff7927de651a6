"""Opening the database, the one way every entry point does it: the API application, the CLI.

``open_database`` gives the engine (SQLite pragmas, connection pools: ``chidao.store.engine``),
``open_sessions`` the session factory on it, and ``prepare_database`` brings the schema up to
date and seeds the agency registry, which the CLI does before it stores anything or serves.
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from chidao.store.agencies import seed_agencies
from chidao.store.engine import open_engine, session_factory
from chidao.store.migrate import migrate


def open_database(url: str) -> Engine:
    """An engine for ``url`` (``sqlite:///...`` or ``postgresql://...``); nothing is migrated."""
    return open_engine(url)


def open_sessions(engine: Engine) -> sessionmaker[Session]:
    """The session factory every request or command takes its sessions from."""
    return session_factory(engine)


def prepare_database(engine: Engine) -> None:
    """Bring the schema to the latest migration and add the registry's agencies the store lacks."""
    migrate(engine)
    with session_factory(engine).begin() as session:
        seed_agencies(session=session)
