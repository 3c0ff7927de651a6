"""The one client factory of the API and page tests: the application over a test database,
the users of ``support.users`` seeded, today fixed, and the TestClients closed afterwards.

``serve(Kind, engine, settings)`` gives a ``Kind`` (a subclass of ``Served``: ``apiclient.Api``,
``siteclient.Site``) whose ``today`` is what the app's ``get_today`` answers; a test moves the
date by assigning ``served.today``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from chidao.settings import Settings
from chidao.store.engine import session_factory
from chidao.store.models import AuditEntry
from chidao.web.app import create_app
from chidao.web.deps import get_today
from support.users import seed

TODAY = date(2024, 4, 1)


def make_settings(data_dir: Path, **changes: Any) -> Settings:
    """Settings for a test app (the engine is handed to ``create_app``, so the URL is unused)."""
    values: dict[str, Any] = {
        "data_dir": data_dir,
        "database_url": "sqlite://",
        "max_upload_bytes": 64 * 1024,
        "login_attempts": 5,
        "login_window_seconds": 300,
    }
    values.update(changes)
    return Settings(**values)


@dataclass
class Served:
    """An application over a seeded database."""

    app: FastAPI
    engine: Engine
    settings: Settings
    tokens: dict[str, str]
    user_ids: dict[str, int]
    today: date = TODAY
    clients: list[TestClient] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        """A subclass's hook, run once the fields are set (``Api`` opens its client here)."""

    def open_client(self, **options: Any) -> TestClient:
        """A new TestClient (its own cookies), started now and closed with the others."""
        client = TestClient(self.app, **options)
        client.__enter__()
        self.clients.append(client)
        return client

    def bearer(self, who: str | None) -> dict[str, str]:
        """The Authorization header of ``who``'s API token (none for None)."""
        return {"Authorization": f"Bearer {self.tokens[who]}"} if who else {}

    def session(self) -> Session:
        return session_factory(self.engine)()

    def audit(self, entity: str, entity_id: int) -> list[AuditEntry]:
        with self.session() as session:
            query = select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            return list(session.scalars(query.order_by(AuditEntry.id)))

    def close(self) -> None:
        for client in reversed(self.clients):
            client.__exit__(None, None, None)
        self.clients.clear()


def served_today(request: Request) -> date:
    """The app's ``get_today``: its ``Served.today``. One function for every app, never a closure
    per app: FastAPI keeps each dependency callable it meets in a module-level cache (4,096 of
    them), so a closure over ``served`` kept every test's app, engine and pages alive to the end
    of the session (gigabytes over the whole suite)."""
    return request.app.state.served.today


ServedKind = TypeVar("ServedKind", bound=Served)


@contextmanager
def serve(kind: type[ServedKind], engine: Engine, settings: Settings, **fields: Any) -> Iterator[ServedKind]:
    """Seed ``engine``, build the app on it and hand it over as a ``kind``; clients closed after."""
    seeded = seed(engine)
    app = create_app(settings, engine=engine)
    served = kind(app=app, engine=engine, settings=settings, tokens=seeded.tokens, user_ids=seeded.user_ids, **fields)
    app.state.served = served
    app.dependency_overrides[get_today] = served_today
    try:
        yield served
    finally:
        served.close()
