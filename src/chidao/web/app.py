"""The API application. ``create_app`` builds it from settings: no import-time state.

The engine, session factory, settings and working-day calendar live on ``app.state``. The
schema is not migrated here: the CLI (``chidao serve``) migrates before serving.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlalchemy import Engine

from chidao import __version__
from chidao.extract.workdays import WorkCalendar
from chidao.settings import Settings
from chidao.store.engine import open_engine, session_factory
from chidao.web import errors
from chidao.web.limits import BodyLimit, limit_for
from chidao.web.routers import agencies, auth, documents, review, stats, tasks, tracking, users

PREFIX = "/api/v1"
ROUTERS = (auth, documents, review, tasks, tracking, agencies, users, stats)


def create_app(settings: Settings, *, engine: Engine | None = None) -> FastAPI:
    """The API for ``settings``; opens ``settings.database_url`` unless an engine is given
    (an engine opened here is disposed of at shutdown, a given one is the caller's)."""
    owned = engine is None
    engine = engine if engine is not None else open_engine(settings.database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            engine.dispose()

    app = FastAPI(
        title="chidao",
        version=__version__,
        summary="Tasks assigned by Vietnamese government notices, tracked until done",
        openapi_url=f"{PREFIX}/openapi.json",
        docs_url=f"{PREFIX}/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessions = session_factory(engine)
    app.state.calendar = WorkCalendar()
    app.add_middleware(BodyLimit, limit=limit_for(settings.max_upload_bytes))
    errors.install(app)
    for module in ROUTERS:
        app.include_router(module.router, prefix=PREFIX)
    return app
