"""The pages over a real, fresh database per test (SQLite; PostgreSQL too when configured).

``site`` holds the application with the users of ``support.users`` (every role, password
``support.users.PASSWORD``), built by the shared factory ``support.served``; ``site.login(name)``
gives a browser-like client logged in through the login form. Today is fixed (``site.today``,
changeable) through the app's ``get_today`` dependency.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from siteclient import Site, make_settings
from sqlalchemy import Engine

from chidao.settings import Settings
from db import database_fixture
from support.served import serve

database = database_fixture()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
def site(database: Engine, settings: Settings) -> Iterator[Site]:
    with serve(Site, database, settings) as state:
        yield state
