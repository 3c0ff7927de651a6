"""Who is looking at a page. Pages use the API's session cookie; without a live session they
redirect to the login page. Every form carries the session's CSRF token in a hidden field
``csrf_token`` which ``check_csrf`` compares before anything changes."""

from __future__ import annotations

import secrets
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request, status
from sqlalchemy.orm import Session

from chidao.store.models import LoginSession, User
from chidao.tracking.auth import session_user
from chidao.web.deps import STAFF, SessionDep
from chidao.web.security import COOKIE


class LoginRequired(Exception):
    """Raised by page dependencies when there is no live session: answered by a redirect to /login."""

    def __init__(self, next_url: str) -> None:
        super().__init__(next_url)
        self.next_url = next_url


def login_url(request: Request) -> str:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return f"/login?next={quote(target, safe='')}"


def _login(request: Request, session: Session) -> tuple[User, LoginSession]:
    token = request.cookies.get(COOKIE)
    found = session_user(session=session, token=token) if token else None
    if found is None:
        raise LoginRequired(login_url(request))
    return found


def get_page_login(request: Request, session: SessionDep) -> LoginSession:
    user, login = _login(request, session)
    request.state.page_user = user
    request.state.csrf_token = login.csrf_token
    return login


PageLogin = Annotated[LoginSession, Depends(get_page_login)]


def get_page_user(request: Request, login: PageLogin) -> User:
    return request.state.page_user


PageUser = Annotated[User, Depends(get_page_user)]


def page_require(*roles: str):
    """A page dependency for users with one of ``roles``; others get the 403 page."""

    def guard(user: PageUser) -> User:
        if user.role not in roles:
            raise HTTPException(status.HTTP_403_FORBIDDEN, "Bạn không có quyền thực hiện thao tác này.")
        return user

    return guard


PageStaff = Annotated[User, Depends(page_require(*STAFF))]
PageAdmin = Annotated[User, Depends(page_require("admin"))]


async def check_csrf(request: Request, login: PageLogin) -> None:
    """403 unless the submitted form's ``csrf_token`` is the session's (forms of this site only)."""
    form = await request.form()  # Starlette caches the parsed form for the route's own Form fields
    sent = form.get("csrf_token")
    if not isinstance(sent, str) or not secrets.compare_digest(sent.encode(), login.csrf_token.encode()):
        message = "Phiên làm việc không hợp lệ (thiếu mã CSRF). Hãy tải lại trang."
        raise HTTPException(status.HTTP_403_FORBIDDEN, message)


CsrfChecked = Depends(check_csrf)
