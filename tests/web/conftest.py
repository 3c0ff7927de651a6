"""The API over a real, fresh database per test (SQLite; PostgreSQL too when configured).

``api`` is a TestClient with the users of ``support.users`` (every role), each with an API
token, and helpers to call the API as one of them (``apiclient.Api``, built by the shared
factory ``support.served``). Today is fixed (``api.today``, changeable) through the app's
``get_today`` dependency.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from apiclient import Api, make_settings
from sqlalchemy import Engine

from chidao.settings import Settings
from db import database_fixture
from support.served import serve

database = database_fixture()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
def api(database: Engine, settings: Settings) -> Iterator[Api]:
    with serve(Api, database, settings) as state:
        yield state
