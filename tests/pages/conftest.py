"""The pages over a real, fresh database per test (SQLite; PostgreSQL too when configured).

``site`` holds the application with users of every role (password ``siteclient.PASSWORD``);
``site.login(name)`` gives a browser-like client logged in through the login form. Today is
fixed (``site.today``, changeable) through the app's ``get_today`` dependency.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from siteclient import Site, make_settings, seed
from sqlalchemy import Engine

from chidao.settings import Settings
from chidao.web.app import create_app
from chidao.web.deps import get_today
from db import database_fixture

database = database_fixture()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
def site(database: Engine, settings: Settings) -> Iterator[Site]:
    tokens, ids = seed(database)
    app = create_app(settings, engine=database)
    state = Site(app=app, engine=database, settings=settings, today=date(2024, 4, 1), tokens=tokens, user_ids=ids)
    app.dependency_overrides[get_today] = lambda: state.today
    try:
        yield state
    finally:
        state.close()
