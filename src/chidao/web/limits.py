"""Request body limits, enforced before the body is parsed.

A declared Content-Length above the limit is refused at once (413, nothing read); a body sent
without one (chunked) is counted as it arrives and refused as soon as it passes the limit.
Uploads get the configured upload size plus room for the multipart framing; everything else
is JSON and gets a small limit. The endpoints still check each file's actual size.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import escape

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chidao.messages import msg

MULTIPART_SLACK = 64 * 1024
JSON_LIMIT = 1024 * 1024
MAX_ATTACHMENTS = 10
# The API's endpoints and the pages' forms that take files.
_PROGRESS = re.compile(r"^(/api/v1)?/tasks/\d+/progress/?$")
_UPLOAD = re.compile(r"^(/api/v1/documents|/documents/upload)/?$")
MAX_UPLOAD_FILES = 20  # notices in one upload form


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body too large (limit {limit} bytes)")


def limit_for(max_upload_bytes: int) -> Callable[[str], int]:
    """The body size limit of a request path."""

    def limit(path: str) -> int:
        if _UPLOAD.match(path):
            files = 1 if path.startswith("/api/") else MAX_UPLOAD_FILES
            return max_upload_bytes * files + MULTIPART_SLACK
        if _PROGRESS.match(path):
            return max_upload_bytes * MAX_ATTACHMENTS + MULTIPART_SLACK
        return JSON_LIMIT

    return limit


class BodyLimit:
    """Pure ASGI middleware: 413 JSON for bodies over ``limit(path)`` bytes."""

    def __init__(self, app: ASGIApp, limit: Callable[[str], int]) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit(scope["path"])
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _refuse(send, limit, scope["path"])
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)  # FastAPI passes HTTPExceptions from body parsing through
            return message

        await self.app(scope, counted, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


_TOO_LARGE_PAGE = (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title} · chidao</title>'
    '<link rel="stylesheet" href="/static/chidao.css"></head><body><main><h1>{title} (413)</h1>'
    "<p>{text}</p>"
    '<p><a href="javascript:history.back()">{back}</a> · <a href="/">{home}</a></p></main></body></html>'
)


def _too_large_page(limit: int) -> str:
    words = {
        "title": msg("error_page.titles.413"),
        "text": msg("web_errors.too_large_text", mb=max(1, round(limit / 1024 / 1024))),
        "back": msg("web_errors.back"),
        "home": msg("error_page.back_home"),
    }
    return _TOO_LARGE_PAGE.format(**{key: escape(value) for key, value in words.items()})


async def _refuse(send: Send, limit: int, path: str = "/api/") -> None:
    """413 before the body is read: JSON for the API, a short Vietnamese page for the pages."""
    if path.startswith("/api/"):
        body = json.dumps({"detail": f"request body too large (limit {limit} bytes)"}).encode()
        kind = b"application/json"
    else:
        body = _too_large_page(limit).encode()
        kind = b"text/html; charset=utf-8"
    headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})
