"""Mount the pages on the API application: static files, page routes, and HTML answers for
errors on page paths (the API under /api keeps its JSON errors)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from chidao.messages import msg
from chidao.tracking.database import DatabaseProblem, database_problem
from chidao.web.deps import LoginRequired
from chidao.web.pages.respond import json_response, wants_json
from chidao.web.pages.routes import ROUTERS
from chidao.web.pages.templating import render

STATIC = Path(__file__).resolve().parent.parent / "static"
API_PREFIX = "/api/"
ERROR_TITLES = {
    400: msg("error_page.titles.400"),
    403: msg("error_page.titles.403"),
    404: msg("error_page.titles.404"),
    405: msg("error_page.titles.405"),
    409: msg("error_page.titles.409"),
    413: msg("error_page.titles.413"),
    415: msg("error_page.titles.415"),
    422: msg("error_page.titles.422"),
    429: msg("error_page.titles.429"),
    500: msg("error_page.titles.500"),
    503: msg("error_page.titles.503"),
}
# What a page says for an error: the API's English details are for integrators, not for users.
ERROR_MESSAGES = {
    404: msg("error_page.messages.404"),
    405: msg("error_page.messages.405"),
    422: msg("error_page.messages.422"),
    500: msg("error_page.messages.500"),
    503: msg("error_page.messages.503"),
}


# What a page says when the database refuses, by kind: the office knows whom to call and why.
DATABASE_MESSAGES = {
    DatabaseProblem.UNAVAILABLE: ERROR_MESSAGES[503],
    DatabaseProblem.MISSING: msg("error_page.database.missing"),
    DatabaseProblem.READ_ONLY: msg("error_page.database.read_only"),
    DatabaseProblem.DISK_FULL: msg("error_page.database.disk_full"),
    DatabaseProblem.NO_SCHEMA: msg("error_page.database.no_schema"),
}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


def error_page(request: Request, code: int, message: str | None = None) -> Response:
    title = ERROR_TITLES.get(code, msg("error_page.default_title"))
    text = message or ERROR_MESSAGES.get(code) or title
    if wants_json(request):  # a page asked for as JSON is refused in JSON, same code and words
        return json_response({"code": code, "title": title, "message": text}, status_code=code)
    return render(request, "error.html", {"code": code, "title": title, "message": text}, status_code=code)


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    if _is_api(request) or request.url.path.startswith("/static/"):
        return await http_exception_handler(request, error)
    detail = error.detail if isinstance(error.detail, str) and not error.detail.isascii() else None
    response = error_page(request, error.status_code, detail)
    for name, value in (error.headers or {}).items():
        if name.lower() != "www-authenticate":
            response.headers[name] = value
    return response


async def _invalid(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    if _is_api(request):
        return await request_validation_exception_handler(request, error)
    return error_page(request, 422)


async def _login_required(request: Request, error: Exception) -> Response:
    assert isinstance(error, LoginRequired)
    return RedirectResponse(error.next_url, status_code=303)


def _as_page(json_handler: Callable[[Request, Exception], Awaitable[Response]]):
    """The API's handler for an error kind, answering an error page on page paths instead (same
    status code, a Vietnamese message, no internals)."""

    async def handler(request: Request, error: Exception) -> Response:
        response = await json_handler(request, error)
        if _is_api(request):
            return response
        return error_page(request, response.status_code)

    return handler


def _database_page(json_handler: Callable[[Request, Exception], Awaitable[Response]]):
    async def handler(request: Request, error: Exception) -> Response:
        response = await json_handler(request, error)
        if _is_api(request):
            return response
        problem = database_problem(error) if isinstance(error, DBAPIError) else None
        message = DATABASE_MESSAGES[problem] if problem is not None and response.status_code == 503 else None
        return error_page(request, response.status_code, message)

    return handler


def install(app: FastAPI) -> None:
    """Call after ``errors.install``: the pages take over its handlers for page paths."""
    for kind, json_handler in list(app.exception_handlers.items()):
        if isinstance(kind, type) and not issubclass(kind, (StarletteHTTPException, RequestValidationError)):
            page = _database_page if kind is DBAPIError else _as_page
            app.add_exception_handler(kind, page(json_handler))
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    for router in ROUTERS:
        app.include_router(router, include_in_schema=False)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(LoginRequired, _login_required)
