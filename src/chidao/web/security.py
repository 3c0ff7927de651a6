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
    """The client's address, as login throttling counts it (a trusted proxy's X-Forwarded-For
    is already applied by ``chidao.web.middleware.TrustedProxies``)."""
    return request.client.host if request.client else ""


def csrf_ok(login: LoginSession, sent: str | None) -> bool:
    return bool(sent) and secrets.compare_digest(sent.encode(), login.csrf_token.encode())


def secure(request: Request, settings: Settings) -> bool:
    """Whether cookies get ``Secure``: always when configured, else when the request came by
    HTTPS (its scheme, which a trusted proxy's X-Forwarded-Proto sets)."""
    return settings.secure_cookies or request.url.scheme == "https"


def set_session_cookie(response: Response, request: Request, settings: Settings, new: NewSession) -> None:
    """The session cookie as every login sets it: HttpOnly, SameSite=Lax, Secure behind HTTPS."""
    response.set_cookie(
        COOKIE,
        new.token,
        max_age=settings.session_hours * 3600,
        httponly=True,
        samesite="lax",
        secure=secure(request, settings),
        path="/",
    )


def clear_session_cookie(response: Response, request: Request, settings: Settings) -> None:
    response.delete_cookie(COOKIE, path="/", secure=secure(request, settings), httponly=True, samesite="lax")
