"""The HTTP side of login sessions: the cookie that carries a session's token, the CSRF header
that every change made with it must send. The sessions themselves, the password check and the
throttling are ``chidao.tracking.auth``."""

from __future__ import annotations

import secrets

from starlette.requests import Request
from starlette.responses import Response

from chidao.settings import Settings
from chidao.store.models import LoginSession
from chidao.tracking.auth import NewSession

COOKIE = "chidao_session"
CSRF_HEADER = "X-CSRF-Token"


def client_address(request: Request) -> str:
    """The client's address, as login throttling counts it."""
    return request.client.host if request.client else ""


def csrf_ok(login: LoginSession, sent: str | None) -> bool:
    return bool(sent) and secrets.compare_digest(sent.encode(), login.csrf_token.encode())


def set_session_cookie(response: Response, settings: Settings, new: NewSession) -> None:
    """The session cookie as every login sets it: HttpOnly, SameSite=Lax, Secure behind HTTPS."""
    response.set_cookie(
        COOKIE,
        new.token,
        max_age=settings.session_hours * 3600,
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
        path="/",
    )


def clear_session_cookie(response: Response, settings: Settings) -> None:
    response.delete_cookie(COOKIE, path="/", secure=settings.secure_cookies, httponly=True, samesite="lax")
