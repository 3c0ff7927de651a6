"""At most N requests inside the application at once; the rest wait in the event loop.

Sync endpoints and their dependencies run on a few threads (``CHIDAO_THREADS``), and a request
holds a database connection from its first dependency to its response. Under a burst (hundreds of
clients) requests would each take a connection and then wait for a thread, exhausting the
connection pool so that none can finish. Waiting *before* the application, holding nothing,
turns a burst into a queue instead of a deadlock.
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Receive, Scope, Send

MAX_IN_FLIGHT = 32  # below the connection pools (50 on SQLite)


class InFlightLimit:
    def __init__(self, app: ASGIApp, limit: int = MAX_IN_FLIGHT) -> None:
        self.app = app
        self.limit = limit
        self._semaphore: asyncio.Semaphore | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(self.limit)  # created in the server's event loop
        async with self._semaphore:
            await self.app(scope, receive, send)
