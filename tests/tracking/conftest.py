"""The use cases of ``chidao.tracking`` called directly, without HTTP, on a real SQLite file.

``session`` is an open session on a fresh database (a copy of the migrated template of
``tests/db.py``) seeded with the agency registry and the users of ``support.users``; ``users``
gives those users by name, ``ingest(name)`` stores an example notice (confirmed unless told
otherwise) and ``usecases.task_of(document, start)`` picks one of its tasks. Use cases flush but never
commit: the tests read back through the same session, or through a new one after ``commit``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from usecases import EXAMPLES

from chidao.store.engine import session_factory
from chidao.store.models import Document, User
from chidao.tracking.ingest import add_document
from db import sqlite_database
from support.users import seed


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    with sqlite_database(tmp_path) as engine:
        seed(engine)
        yield engine


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with session_factory(engine)() as session:
        yield session


@pytest.fixture
def users(session: Session) -> dict[str, User]:
    return {user.username: user for user in session.scalars(select(User))}


@pytest.fixture
def ingest(session: Session) -> Callable[..., Document]:
    def store(name: str, *, confirm: bool = True) -> Document:
        return add_document(
            session=session, filename=name, data=(EXAMPLES / name).read_bytes(), confirm=confirm
        ).document

    return store
