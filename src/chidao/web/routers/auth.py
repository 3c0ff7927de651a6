"""Logging in and out with a session cookie; who am I."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response, status

from chidao.tracking.auth import close_session, log_in
from chidao.web import schemas
from chidao.web.deps import PrincipalDep, SessionDep, SettingsDep
from chidao.web.security import clear_session_cookie, client_address, set_session_cookie
from chidao.web.views import user_public

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post(
    "/login",
    responses={401: {"description": "wrong username or password"}, 429: {"description": "too many failed logins"}},
)
def login(
    body: schemas.LoginRequest, request: Request, response: Response, session: SessionDep, settings: SettingsDep
) -> schemas.LoginResponse:
    """Check the password and set the ``chidao_session`` cookie; send the returned csrf_token
    as the X-CSRF-Token header with every request that changes something."""
    attempt = log_in(
        session=session,
        settings=settings,
        username=body.username,
        password=body.password,
        address=client_address(request),
    )
    if attempt.throttled:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            "too many failed logins; try again later",
            headers={"Retry-After": str(attempt.retry_after or settings.login_window_seconds)},
        )
    session.commit()
    if attempt.user is None or attempt.new is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong username or password")
    user, new = attempt.user, attempt.new
    set_session_cookie(response, request, settings, new)
    return schemas.LoginResponse(user=user_public(user), csrf_token=new.csrf_token)


@router.post("/logout")
def logout(
    principal: PrincipalDep, request: Request, response: Response, session: SessionDep, settings: SettingsDep
) -> dict[str, bool]:
    """End the cookie session (a bearer token stays valid: revoke it with the CLI)."""
    if principal.login is not None:
        close_session(session=session, login=principal.login)
        session.commit()
    clear_session_cookie(response, request, settings)
    return {"logged_out": True}


@router.get("/me")
def me(principal: PrincipalDep) -> schemas.Me:
    login = principal.login
    return schemas.Me(
        user=user_public(principal.user),
        auth="session" if login else "token",
        csrf_token=login.csrf_token if login else None,
    )
