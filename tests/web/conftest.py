"""The API over a real, fresh database per test (SQLite; PostgreSQL too when configured).

``api`` is a TestClient with users of every role, each with an API token, and helpers to
call the API as one of them (``apiclient.Api``). Today is fixed (``api.today``, changeable)
through the app's ``get_today`` dependency.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from apiclient import Api, make_settings, seed
from fastapi.testclient import TestClient
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
def api(database: Engine, settings: Settings) -> Iterator[Api]:
    tokens, ids = seed(database)
    app = create_app(settings, engine=database)
    with TestClient(app) as client:
        state = Api(client=client, engine=database, settings=settings, today=date(2024, 4, 1), tokens=tokens)
        state.user_ids = ids
        app.dependency_overrides[get_today] = lambda: state.today
        yield state
