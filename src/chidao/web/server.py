"""The application as uvicorn's worker processes build it: from the environment, in each worker.

``chidao serve --workers N`` migrates once in the parent, then uvicorn imports
``chidao.web.server:app_from_env`` in every worker process (an application object cannot be
shared across processes).
"""

from __future__ import annotations

from fastapi import FastAPI

from chidao.settings import Settings
from chidao.web.app import create_app


def app_from_env() -> FastAPI:
    return create_app(Settings.from_env())
