"""Every error answers JSON ``{"detail": ...}``: operation refusals, stale versions, database
conflicts, unreadable uploads, and anything unexpected (500, without internals)."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request, status
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, StatementError
from sqlalchemy.orm.exc import StaleDataError

from chidao.text import ReadError
from chidao.text.readers.errors import Failure
from chidao.tracking.database import DatabaseProblem, database_problem
from chidao.tracking.errors import Conflict, Forbidden, Invalid, OperationError

log = logging.getLogger("chidao.web")

_OPERATION_STATUS = {
    Forbidden: status.HTTP_403_FORBIDDEN,
    Conflict: status.HTTP_409_CONFLICT,
    Invalid: 422,
}
STALE = "conflict: the task was changed by someone else meanwhile; reload it and try again"


def _json(code: int, detail: str) -> JSONResponse:
    return JSONResponse(status_code=code, content={"detail": detail})


async def _operation(_request: Request, error: Exception) -> JSONResponse:
    code = next((c for kind, c in _OPERATION_STATUS.items() if isinstance(error, kind)), 400)
    return _json(code, str(error))


async def _stale(_request: Request, _error: Exception) -> JSONResponse:
    return _json(status.HTTP_409_CONFLICT, STALE)


def quiet(error: Exception) -> str:
    """What a database error says without the statement's parameters (a document's text, a
    user's note): the driver's own message, or the error's kind."""
    if isinstance(error, StatementError):
        error.hide_parameters = True
        return f"{error.__class__.__name__}: {str(error.orig).strip()[:500]}"
    return error.__class__.__name__


async def _integrity(_request: Request, error: Exception) -> JSONResponse:
    log.info("integrity error: %s", quiet(error))
    return _json(status.HTTP_409_CONFLICT, "conflict with existing data (a duplicate?)")


async def _data_error(_request: Request, error: Exception) -> JSONResponse:
    log.info("data error: %s", quiet(error))
    return _json(422, "a value is out of range for the database")


async def _read_error(_request: Request, error: Exception) -> JSONResponse:
    """422: the file cannot be read; 503 when every reading worker stayed busy (try again)."""
    busy = getattr(error, "code", None) == Failure.BUSY
    response = _json(503 if busy else 422, getattr(error, "reason", str(error)))
    if busy:
        response.headers["Retry-After"] = "60"
    return response


DATABASE_PROBLEMS = {
    DatabaseProblem.UNAVAILABLE: "the database is unavailable; try again later",
    DatabaseProblem.MISSING: "the database is unavailable: its file is missing (moved or deleted?); nothing was saved",
    DatabaseProblem.READ_ONLY: "the database is unavailable: it is read-only; nothing was saved",
    DatabaseProblem.DISK_FULL: "the database is unavailable: the server's disk is full; nothing was saved",
    DatabaseProblem.NO_SCHEMA: "the database is unavailable: it holds no chidao tables (run `chidao migrate`)",
}


async def _database_error(request: Request, error: Exception) -> JSONResponse:
    """503 with what is wrong for a database failure (logged without the statement or its
    values, which may hold document text); 500 for anything else the driver raised."""
    assert isinstance(error, DBAPIError)
    problem = database_problem(error)
    if problem is None:
        return await _unexpected(request, error)
    log.error("database %s on %s %s: %s", problem.value, request.method, request.url.path, quiet(error))
    return _json(status.HTTP_503_SERVICE_UNAVAILABLE, DATABASE_PROBLEMS[problem])


async def _unexpected(request: Request, error: Exception) -> JSONResponse:
    quiet(error)  # a statement's parameters stay out of the traceback too
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=error)
    return _json(status.HTTP_500_INTERNAL_SERVER_ERROR, "internal error")


def install(app: FastAPI) -> None:
    app.add_exception_handler(OperationError, _operation)
    app.add_exception_handler(StaleDataError, _stale)
    app.add_exception_handler(IntegrityError, _integrity)
    app.add_exception_handler(DataError, _data_error)
    app.add_exception_handler(ReadError, _read_error)
    app.add_exception_handler(DBAPIError, _database_error)
    app.add_exception_handler(Exception, _unexpected)
