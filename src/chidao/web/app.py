"""The application: the API under /api/v1 and the Vietnamese pages beside it. ``create_app``
builds it from settings: no import-time state.

The engine, session factory, settings, working-day calendar and the pages' Jinja2 environment
live on ``app.state``. The schema is not migrated here: the CLI (``chidao serve``) migrates
before serving.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from anyio import to_thread
from fastapi import FastAPI
from pydantic import BaseModel
from sqlalchemy import Engine

from chidao import __version__
from chidao.extract.workdays import WorkCalendar
from chidao.settings import Settings
from chidao.tracking.database import open_database, open_sessions
from chidao.tracking.ingest_workers import IngestWorkers
from chidao.tracking.overdue_ticker import OverdueTicker
from chidao.tracking.reminders.scheduler import start_scheduler
from chidao.tracking.webhook_sender import SenderThread, SendPolicy
from chidao.web import api_docs, errors
from chidao.web.concurrency import InFlightLimit
from chidao.web.limits import BodyLimit, limit_for
from chidao.web.middleware import SecurityHeaders, TrustedProxies
from chidao.web.pages.setup import install as install_pages
from chidao.web.pages.templating import build_templates
from chidao.web.routers import (
    agencies,
    auth,
    documents,
    ingest_jobs,
    notifications,
    reports,
    review,
    stats,
    tasks,
    tokens,
    tracking,
    users,
    webhooks,
)

PREFIX = "/api/v1"


class ErrorDetail(BaseModel):
    """Every error's body: a message, or (invalid input) the list of field errors."""

    detail: str | list[dict[str, Any]]


# Answers any operation may give besides its own: documented so that clients (and schemathesis)
# know them. 422 keeps FastAPI's field-error list and also allows a message (an unreadable upload).
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorDetail, "description": text}
    for code, text in {
        400: "Bad request",
        401: "Not logged in, or an unknown token",
        403: "Not allowed for this role (or a missing CSRF token)",
        404: "No such item, or not within the user's scope",
        409: "Conflict: changed by someone else meanwhile, or a duplicate",
        413: "Upload or body too large",
        415: "Unsupported file type",
        422: "Invalid input",
        429: "Too many failed logins; wait and try again",
        503: "The database is unavailable",
    }.items()
}
ROUTERS = (
    auth,
    tokens,
    documents,
    ingest_jobs,
    review,
    tasks,
    tracking,
    agencies,
    users,
    stats,
    notifications,
    webhooks,
    reports,
)


def send_policy(settings: Settings) -> SendPolicy:
    return SendPolicy(timeout=settings.webhook_timeout, attempts=settings.webhook_attempts)


def create_app(settings: Settings, *, engine: Engine | None = None, background: bool = False) -> FastAPI:
    """The API for ``settings``; opens ``settings.database_url`` unless an engine is given
    (an engine opened here is disposed of at shutdown, a given one is the caller's).
    ``background``: also run the webhook sender, the overdue check and the upload queue's
    workers while serving (``chidao serve``; tests send, check and drain by hand)."""
    owned = engine is None
    engine = engine if engine is not None else open_database(settings.database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # The event loop's own limiter, which FastAPI runs every sync endpoint and dependency on.
        to_thread.current_default_thread_limiter().total_tokens = settings.threads
        reminders = start_scheduler(settings, app.state.sessions, app.state.calendar)
        sender = SenderThread(app.state.sessions, send_policy(settings)) if background else None
        overdue = OverdueTicker(app.state.sessions, app.state.calendar).start() if background else None
        if background:
            app.state.ingest_workers = IngestWorkers(app.state.sessions, settings.ingest_workers).start()
        if sender is not None:
            sender.start()
        yield
        if sender is not None:
            sender.stop()
        if overdue is not None:
            overdue.stop()
        if app.state.ingest_workers is not None:
            app.state.ingest_workers.stop()
        if reminders is not None:
            reminders.stop()
        if owned:
            engine.dispose()

    app = FastAPI(
        title="chidao",
        version=__version__,
        summary="Tasks assigned by Vietnamese government notices, tracked until done",
        openapi_url=f"{PREFIX}/openapi.json",
        docs_url=None,  # api_docs: Swagger UI from our own files, not a CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessions = open_sessions(engine)
    app.state.calendar = WorkCalendar()
    app.state.ingest_workers = None  # the upload queue's workers, while ``background`` serving
    app.state.templates = build_templates()
    app.add_middleware(BodyLimit, limit=limit_for(settings.max_upload_bytes))
    app.add_middleware(InFlightLimit)
    app.add_middleware(SecurityHeaders, docs_path=f"{PREFIX}/docs")
    app.add_middleware(TrustedProxies, trusted=settings.trusted_proxies)
    errors.install(app)
    for module in ROUTERS:
        app.include_router(module.router, prefix=PREFIX, responses=ERRORS)
    api_docs.install(app, PREFIX)
    install_pages(app)
    return app
