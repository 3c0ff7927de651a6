"""Quản trị người dùng: the admin's pages for accounts — the list (search, role filter, pages),
a new account, and one account's page (role, agency, deactivation, password reset, its API
tokens, its recent audit entries). Every change goes through ``tracking.accounts`` (the audit log
says who did what); every form posts and redirects (Post/Redirect/Get).

A new account, or a reset, gets a one-time password (``tracking.user_admin``): derived from a
label under the admin's session token, the label kept a few minutes in a cookie of the admin's
browser only (path ``/admin/users``). The next page shows the password once and drops the
cookie, so a reload shows nothing; the user must choose their own password at first login.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from chidao.messages import msg
from chidao.store.models import User
from chidao.tracking import accounts, tokens, user_admin
from chidao.tracking.accounts import LastAdmin, UserError
from chidao.tracking.agencies import live_agency_names
from chidao.tracking.agency_match import AgencyNotMatched, vietnamese
from chidao.tracking.errors import Conflict
from chidao.vocab import UserRole
from chidao.web.deps import CsrfChecked, Id, PageAdmin, PageNo, SessionDep, not_found
from chidao.web.pages.history import entry_summary
from chidao.web.pages.listing import pager
from chidao.web.pages.respond import respond
from chidao.web.security import COOKIE

router = APIRouter()
PER_PAGE = 50
ONE_TIME_COOKIE = "chidao_one_time"
ONE_TIME_SECONDS = 300
USERS = "/admin/users"
RoleQuery = Annotated[str, Query(max_length=20)]


def _error_text(error: Exception) -> str:
    """A use case's refusal in Vietnamese."""
    cause = error.__cause__
    if isinstance(cause, AgencyNotMatched):
        return vietnamese(cause)
    if isinstance(error, LastAdmin):
        return msg("admin_users.last_admin")
    if isinstance(error, Conflict):
        return msg("admin_users.username_taken")
    text = str(error)
    known = {
        "yourself": msg("admin_users.lock_yourself"),
        "own admin role": msg("admin_users.own_admin_role"),
        "needs": msg("admin_users.needs_agency"),
        "username must": msg("admin_users.bad_username"),
        "already exists": msg("admin_users.username_taken"),
    }
    return next((v for k, v in known.items() if k in text), msg("admin_users.not_done"))


def _back(path: str, message: str) -> RedirectResponse:
    return RedirectResponse(f"{path}?msg={quote(message)}", status_code=303)


def _with_one_time(response: Response, request: Request, value: str) -> Response:
    secure = request.url.scheme == "https"
    response.set_cookie(
        ONE_TIME_COOKIE, value, max_age=ONE_TIME_SECONDS, path=USERS, httponly=True, samesite="strict", secure=secure
    )
    return response


def _users_page(request: Request, session: Session, *, q: str, role: str, page: int, error: str = "", code=200):
    rows, total = user_admin.search_users(session=session, q=q, role=role, page=page, per_page=PER_PAGE)
    context = {
        "title": msg("admin_users.title"),
        "nav": "admin",
        "rows": rows,
        "q": q,
        "role": role,
        "roles": UserRole.labels(),
        "pager": pager(request, page=page, per_page=PER_PAGE, total=total),
        "agency_names": live_agency_names(session),
        "error": error,
    }
    return respond(request, "admin_users.html", context, status_code=code)


@router.get("/users")
def users_moved(admin: PageAdmin) -> RedirectResponse:
    """The address people guess: the list is an administration page."""
    return RedirectResponse(USERS, status_code=303)


@router.get(USERS)
def users_index(
    request: Request,
    session: SessionDep,
    admin: PageAdmin,
    q: Annotated[str, Query(max_length=100)] = "",
    role: RoleQuery = "",
    page: PageNo = 1,
) -> Response:
    """Every account: username, role, agency, active, created; search and role filter."""
    chosen = role if role in UserRole.values() else ""
    return _users_page(request, session, q=q, role=chosen, page=page)


@router.post(USERS, dependencies=[CsrfChecked])
def create_user(
    request: Request,
    session: SessionDep,
    admin: PageAdmin,
    username: Annotated[str, Form(max_length=200)] = "",
    role: Annotated[str, Form(max_length=20)] = "",
    agency: Annotated[str, Form(max_length=300)] = "",
) -> Response:
    """A new account with a one-time password, shown on the account's page that follows."""
    if role not in UserRole.values():
        return _users_page(request, session, q="", role="", page=1, error=msg("admin_users.choose_role"), code=422)
    nonce = user_admin.new_nonce()
    try:
        user = accounts.create_user(
            session=session,
            admin=admin,
            username=username,
            role=role,
            password=None,
            agency=agency.strip() if role == UserRole.AGENCY else None,
            one_time_password=user_admin.derive(request.cookies.get(COOKIE, ""), nonce),
        )
    except (UserError, Conflict) as error:
        session.rollback()
        return _users_page(request, session, q="", role="", page=1, error=_error_text(error), code=422)
    session.commit()
    response = _back(f"{USERS}/{user.id}", msg("admin_users.account_created", username=user.username))
    return _with_one_time(response, request, user_admin.label(user.id, nonce))


def _one_time_shown(request: Request, user: User) -> str:
    """The one-time password this browser was just given for ``user``, if still theirs."""
    found = user_admin.read_label(request.cookies.get(ONE_TIME_COOKIE, ""))
    if found is None or found[0] != user.id:
        return ""
    password = user_admin.derive(request.cookies.get(COOKIE, ""), found[1])
    return password if user_admin.still_one_time(user, password) else ""


def _user_page(request: Request, session: Session, user: User, *, error: str = "", code: int = 200) -> Response:
    one_time = _one_time_shown(request, user)
    audit = user_admin.user_audit(session, user.id)
    context = {
        "title": msg("admin_user.page_title", username=user.username),
        "nav": "admin",
        "account": user,
        "one_time": one_time,
        "roles": UserRole.labels(),
        "agency_names": live_agency_names(session),
        "tokens": [(row, tokens.token_state(row)) for row in tokens.list_tokens(session=session, user=user)],
        "audit": [(entry, entry_summary(entry)) for entry in audit],
        "names": accounts.users_by_id(session, [e.user_id for e in audit]),
        "error": error,
    }
    response = respond(request, "admin_user.html", context, status_code=code)
    if request.cookies.get(ONE_TIME_COOKIE):
        response.delete_cookie(ONE_TIME_COOKIE, path=USERS, httponly=True, samesite="strict")
    return response


def _account(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise not_found("user", user_id)
    return user


@router.get(USERS + "/{user_id:int}")
def user_page(user_id: Id, request: Request, session: SessionDep, admin: PageAdmin) -> Response:
    """One account: what can be changed, its tokens, its recent audit entries."""
    return _user_page(request, session, _account(session, user_id))


@router.post(USERS + "/{user_id:int}", dependencies=[CsrfChecked])
def change_user(
    user_id: Id,
    request: Request,
    session: SessionDep,
    admin: PageAdmin,
    role: Annotated[str, Form(max_length=20)] = "",
    agency: Annotated[str, Form(max_length=300)] = "",
) -> Response:
    """Change the role and the agency (an agency officer's only)."""
    user = _account(session, user_id)
    if role not in UserRole.values():
        return _user_page(request, session, user, error=msg("admin_users.choose_role"), code=422)
    changes = {"role": role, "agency": agency.strip() if role == UserRole.AGENCY else None}
    if role == UserRole.AGENCY and not agency.strip():
        changes.pop("agency")
    return _update(request, session, admin, user, changes, msg("admin_users.saved"))


def _update(request: Request, session: Session, admin: User, user: User, changes: dict, done: str) -> Response:
    try:
        accounts.update_user(session=session, admin=admin, user=user, changes=changes)
    except UserError as error:
        session.rollback()
        return _user_page(request, session, _account(session, user.id), error=_error_text(error), code=422)
    session.commit()
    return _back(f"{USERS}/{user.id}", done)


@router.post(USERS + "/{user_id:int}/active", dependencies=[CsrfChecked])
def set_active(
    user_id: Id,
    request: Request,
    session: SessionDep,
    admin: PageAdmin,
    active: Annotated[int, Form(ge=0, le=1)] = 0,
) -> Response:
    """Deactivate (sessions end, tokens are revoked) or reactivate the account."""
    user = _account(session, user_id)
    done = msg("admin_users.reactivated") if active else msg("admin_users.deactivated")
    return _update(request, session, admin, user, {"is_active": bool(active)}, done)


@router.post(USERS + "/{user_id:int}/password", dependencies=[CsrfChecked])
def reset_password(user_id: Id, request: Request, session: SessionDep, admin: PageAdmin) -> Response:
    """A new one-time password for the account (shown on the next page only); its sessions end
    and its tokens are revoked."""
    user = _account(session, user_id)
    nonce = user_admin.new_nonce()
    password = user_admin.derive(request.cookies.get(COOKIE, ""), nonce)
    revoked = accounts.reset_password(session=session, admin=admin, user=user, one_time_password=password)
    session.commit()
    message = msg("admin_users.password_reset", revoked=revoked)
    return _with_one_time(_back(f"{USERS}/{user.id}", message), request, user_admin.label(user.id, nonce))


@router.post(USERS + "/{user_id:int}/tokens/{token_id:int}/revoke", dependencies=[CsrfChecked])
def revoke_token(user_id: Id, token_id: Id, session: SessionDep, admin: PageAdmin) -> Response:
    """End one of the account's API tokens."""
    row = tokens.revoke_token(session=session, actor=admin, token_id=token_id)
    if row is None or row.user_id != user_id:
        raise not_found("token", token_id)
    session.commit()
    return _back(f"{USERS}/{user_id}", msg("account.token_revoked", number=row.id))
