"""Helpers of the notification, overdue, calendar and webhook tests: a seeded database of either
backend with the example notices, its users, and what each user was told."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from usecases import EXAMPLES

from chidao.store.engine import session_factory
from chidao.store.feeds import Notification
from chidao.store.models import Document, User
from chidao.tracking.ingest import add_document
from db import database
from support.users import seed


@pytest.fixture(params=("sqlite", "postgresql"))
def sessions(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    """A session factory over a fresh seeded database, once per backend."""
    with database(request.param, tmp_path) as engine:
        seed(engine)
        yield session_factory(engine)


def users_of(session: Session) -> dict[str, User]:
    return {u.username: u for u in session.scalars(select(User))}


def store(session: Session, name: str, *, confirm: bool = True, user_id: int | None = None) -> Document:
    """An example notice stored (and confirmed unless told otherwise)."""
    data = (EXAMPLES / name).read_bytes()
    return add_document(session=session, filename=name, data=data, confirm=confirm, user_id=user_id).document


def told(session: Session, username: str) -> list[tuple[str, int | None]]:
    """(kind, task id) of every notification of ``username``, oldest first."""
    user = session.scalar(select(User).where(User.username == username))
    query = select(Notification.kind, Notification.task_id).where(Notification.user_id == user.id)
    return [tuple(r) for r in session.execute(query.order_by(Notification.id))]
