"""One view, HTML or JSON (datasette's habit): a page's route builds its data once, and
``respond`` renders it with the page's template or, for ``?format=json``, answers the same data
as JSON. A script, a test or another office's system then reads exactly what the page shows,
under the same login, scope and 403/404 rules, without scraping HTML.

The JSON is the template's context made plain: dates ISO 8601, codes as their values (never a
label), rows as their loaded columns — never a file's bytes, a password hash or a token — and
dataclasses and response models as their fields. Helpers the template calls are left out.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date, datetime
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy import inspect

from chidao.web.pages.templating import render

FORMAT = "format"
SECRETS = frozenset({"password_hash", "token_hash", "csrf_token"})


def wants_json(request: Request) -> bool:
    """Whether the page was asked for as JSON (``?format=json``)."""
    return request.query_params.get(FORMAT) == "json"


def respond(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> Response:
    """The page: ``template`` rendered with ``context``, or ``context`` as JSON when asked for."""
    if wants_json(request):
        return json_response(context, status_code)
    return render(request, template, context, status_code=status_code)


def json_response(data: Any, status_code: int = 200) -> JSONResponse:
    return JSONResponse(plain(data), status_code=status_code, headers={"Cache-Control": "no-store"})


def plain(value: Any) -> Any:
    """``value`` in JSON's types (see the module's docstring for what becomes what)."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return str(value)  # a StrEnum gives its code, Markup its HTML
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, dict):
        return {str(plain(k)): plain(v) for k, v in value.items() if not callable(v)}
    if isinstance(value, set | frozenset):
        return sorted(plain(v) for v in value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    return _row(value)


def _row(value: Any) -> Any:
    """A database row's loaded columns (nothing is loaded for this: a deferred file stays unread)."""
    state = inspect(value, raiseerr=False)
    if state is None or not hasattr(state, "mapper"):
        return None  # a helper or an object the page only uses to compute something
    unloaded = state.unloaded
    row = {}
    for column in state.mapper.column_attrs:
        if column.key in unloaded or column.key in SECRETS:
            continue
        found = getattr(value, column.key)
        if not isinstance(found, bytes):
            row[column.key] = plain(found)
    return row
