"""Tài khoản: what every user manages for themselves — their password and their API tokens —
and, for an admin, every user's tokens (revoking one ends it at once).

The same use cases as the API's ``/auth/password`` and ``/tokens`` (``tracking.accounts``,
``tracking.tokens``): a password change ends every login session and revokes every token, then
opens a new session for this browser so the user is not thrown out by their own change. A new
token's secret is shown on the answer page once and never again (only its hash is kept).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from chidao.messages import msg
from chidao.store.models import User
from chidao.tracking import accounts, tokens
from chidao.tracking.accounts import SamePassword, UserError, WrongPassword
from chidao.tracking.auth import open_session
from chidao.tracking.passwords import MAX_LENGTH, PasswordError
from chidao.vocab import UserRole
from chidao.web.deps import CsrfChecked, Id, PageUser, SessionDep, SettingsDep, not_found
from chidao.web.pages.respond import respond
from chidao.web.security import set_session_cookie

router = APIRouter()
MAX_TOKEN_DAYS = 3650
TOKEN_NAME_LENGTH = tokens.MAX_NAME


def _token_rows(session: Session, user: User, everyone: bool) -> list[tuple[object, User]]:
    """(token, owner) pairs: the user's own tokens, or everyone's for an admin who asks."""
    rows = tokens.list_tokens(session=session, user=None if everyone else user)
    owners = accounts.users_by_id(session, [r.user_id for r in rows]) if everyone else {user.id: user}
    return [(row, owners[row.user_id]) for row in rows]


def _account_page(
    request: Request,
    session: Session,
    user: User,
    *,
    everyone: bool = False,
    error: str = "",
    new_token: str = "",
    code: int = 200,
) -> Response:
    everyone = everyone and user.role == UserRole.ADMIN
    context = {
        "title": msg("account.title"),
        "nav": "account",
        "error": error,
        "new_token": new_token,
        "everyone": everyone,
        "tokens": [
            {
                "id": row.id,
                "owner": owner.username,
                "name": row.name,
                "state": tokens.token_state(row),
                "created_at": tokens.aware(row.created_at),
                "last_used_at": tokens.aware(row.last_used_at),
                "expires_at": tokens.aware(row.expires_at),
            }
            for row, owner in _token_rows(session, user, everyone)
        ],
        "max_days": MAX_TOKEN_DAYS,
        "name_length": TOKEN_NAME_LENGTH,
        "password_length": MAX_LENGTH,
    }
    return respond(request, "account.html", context, status_code=code)


def _back(message: str, everyone: bool = False) -> RedirectResponse:
    suffix = "&all=1" if everyone else ""
    return RedirectResponse(f"/account?msg={quote(message)}{suffix}", status_code=303)


@router.get("/account")
def account(
    request: Request, session: SessionDep, user: PageUser, everyone: Annotated[int, Query(alias="all", ge=0, le=1)] = 0
) -> Response:
    """The user's password form and API tokens (``?all=1``: an admin sees everyone's tokens)."""
    return _account_page(request, session, user, everyone=everyone == 1)


@router.post("/account/password", dependencies=[CsrfChecked])
def change_password(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    user: PageUser,
    current_password: Annotated[str, Form(max_length=MAX_LENGTH)] = "",
    new_password: Annotated[str, Form(max_length=MAX_LENGTH + 1)] = "",
    new_password_again: Annotated[str, Form(max_length=MAX_LENGTH + 1)] = "",
) -> Response:
    """Change one's own password; other browsers and every API token are logged out. A user who
    held a one-time password goes on to the dashboard."""
    if new_password != new_password_again:
        return _account_page(request, session, user, error=msg("account.password_mismatch"), code=422)
    one_time = user.must_change_password
    try:
        accounts.change_own_password(session=session, user=user, current=current_password, new=new_password)
    except WrongPassword:
        return _account_page(request, session, user, error=msg("account.wrong_password"), code=422)
    except SamePassword:
        message = msg("account.same_password")
        return _account_page(request, session, user, error=message, code=422)
    except UserError as error:
        cause = error.__cause__
        message = cause.vietnamese if isinstance(cause, PasswordError) else msg("account.invalid_password")
        return _account_page(request, session, user, error=message, code=422)
    new = open_session(session=session, settings=settings, user=user)
    session.commit()
    if one_time:  # the one-time password replaced: on to the dashboard
        response = RedirectResponse(f"/?msg={quote(msg('account.welcome'))}", 303)
    else:
        response = _back(msg("account.password_changed"))
    set_session_cookie(response, request, settings, new)
    return response


def _days(raw: str) -> int | None:
    """Days until a token ends: blank = never; otherwise 1 to MAX_TOKEN_DAYS (ASCII digits only)."""
    raw = raw.strip()
    if not raw:
        return None
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= MAX_TOKEN_DAYS:
        raise ValueError(raw)
    return int(raw)


@router.post("/account/tokens", dependencies=[CsrfChecked])
def create_token(
    request: Request,
    session: SessionDep,
    user: PageUser,
    name: Annotated[str, Form(max_length=TOKEN_NAME_LENGTH)] = "",
    days: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    """A new token of one's own, its secret shown on this answer only."""
    try:
        valid_for = _days(days)
    except ValueError:
        message = msg("account.bad_token_days", max_days=MAX_TOKEN_DAYS)
        return _account_page(request, session, user, error=message, code=422)
    expires = tokens.now() + timedelta(days=valid_for) if valid_for else None
    secret = tokens.create_token(session=session, user=user, name=name.strip(), expires_at=expires)
    session.commit()
    return _account_page(request, session, user, new_token=secret)


@router.post("/account/tokens/{token_id:int}/revoke", dependencies=[CsrfChecked])
def revoke_token(
    token_id: Id,
    session: SessionDep,
    user: PageUser,
    everyone: Annotated[int, Form(alias="all", ge=0, le=1)] = 0,
) -> Response:
    """End one token: one's own, or anyone's for an admin (404 for any other)."""
    row = tokens.revoke_token(session=session, actor=user, token_id=token_id)
    if row is None:
        raise not_found("token", token_id)
    session.commit()
    return _back(msg("account.token_revoked", number=row.id), everyone=everyone == 1)
