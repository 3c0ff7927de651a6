"""The report tests: a fresh database per test (SQLite, and PostgreSQL when configured) holding
the quarter of ``scenario.py``, and a session on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from chidao.store.engine import session_factory
from chidao.store.models import User
from db import database_fixture
from support.report_scenario import Scenario, build
from support.users import seed

database = database_fixture()


@pytest.fixture
def session(database: Engine) -> Iterator[Session]:
    seed(database)
    with session_factory(database)() as session:
        yield session


@pytest.fixture
def quarter(session: Session) -> Scenario:
    users = {user.username: user for user in session.scalars(select(User))}
    return build(session, users)
