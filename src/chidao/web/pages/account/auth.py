"""The login form, logging out. The login form has its own CSRF token (a double-submit cookie),
since there is no session yet to hold one."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from chidao.messages import msg
from chidao.tracking.auth import close_session, log_in
from chidao.web.deps import CsrfChecked, PageLogin, SessionDep, SettingsDep
from chidao.web.pages.templating import render
from chidao.web.security import clear_session_cookie, client_address, secure, set_session_cookie

router = APIRouter()
LOGIN_CSRF_COOKIE = "chidao_login_csrf"


def safe_next(target: str | None) -> str:
    """Only a path of this site (never ``//host`` or a full URL): no open redirect after login."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _login_form(request: Request, *, next_url: str, error: str = "", username: str = "", code: int = 200) -> Response:
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(24)
    response = render(
        request,
        "login.html",
        {"next": next_url, "error": error, "username": username, "login_csrf": token},
        status_code=code,
    )
    secure_cookie = secure(request, request.app.state.settings)
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", path="/login", secure=secure_cookie)
    return response


@router.get("/login")
def login_page(request: Request, next: str = "/") -> Response:
    return _login_form(request, next_url=safe_next(next))


@router.post("/login")
def login_submit(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    username: Annotated[str, Form(max_length=100)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    csrf_token: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    next_url = safe_next(next)
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not secrets.compare_digest(expected.encode(), csrf_token.encode()):
        return _login_form(request, next_url=next_url, error=msg("login.expired"), code=403)
    username = username.strip()
    attempt = log_in(
        session=session, settings=settings, username=username, password=password, address=client_address(request)
    )
    if attempt.throttled:
        wait = attempt.retry_after or settings.login_window_seconds
        later = msg("login.wait_seconds", count=wait) if wait < 120 else msg("login.wait_minutes", count=wait // 60)
        message = msg("login.throttled", later=later)
        return _login_form(request, next_url=next_url, error=message, username=username, code=429)
    session.commit()
    if attempt.new is None:
        message = msg("login.wrong")
        return _login_form(request, next_url=next_url, error=message, username=username, code=401)
    new = attempt.new
    response = RedirectResponse(next_url, status_code=303)
    set_session_cookie(response, request, settings, new)
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/login")
    return response


@router.post("/logout", dependencies=[CsrfChecked])
def logout(request: Request, login: PageLogin, session: SessionDep, settings: SettingsDep) -> Response:
    close_session(session=session, login=login)
    session.commit()
    response = RedirectResponse("/login", status_code=303)
    clear_session_cookie(response, request, settings)
    return response
