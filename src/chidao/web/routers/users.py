"""User accounts (admin only). Password hashes never leave the server."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status

from chidao.store.models import User
from chidao.tracking import accounts
from chidao.tracking.accounts import UserError
from chidao.web import schemas
from chidao.web.deps import AdminUser, Id, PageNo, SessionDep, not_found
from chidao.web.views import user_public

router = APIRouter(prefix="/users", tags=["users"])


def _invalid(message: str) -> HTTPException:
    return HTTPException(422, message)


@router.get("")
def list_users(
    session: SessionDep,
    _admin: AdminUser,
    page: PageNo = 1,
    per_page: Annotated[int, Query(ge=1, le=500)] = 100,
) -> schemas.Page[schemas.UserPublic]:
    rows, total = accounts.list_users(session=session, page=page, per_page=per_page)
    return schemas.Page(items=[user_public(u) for u in rows], total=total, page=page, per_page=per_page)


@router.post("", status_code=status.HTTP_201_CREATED, responses={409: {"description": "username taken"}})
def create_user(body: schemas.UserCreate, session: SessionDep, admin: AdminUser) -> schemas.UserPublic:
    """A new user; an agency officer (role agency) needs its agency."""
    try:
        user = accounts.create_user(
            session=session,
            admin=admin,
            username=body.username,
            role=body.role,
            password=body.password,
            agency=body.agency,
            agency_id=body.agency_id,
        )
    except UserError as error:
        raise _invalid(str(error)) from None
    session.commit()
    session.refresh(user)
    return user_public(user)


@router.patch("/{user_id}", responses={404: {"description": "no such user"}})
def update_user(user_id: Id, body: schemas.UserUpdate, session: SessionDep, admin: AdminUser) -> schemas.UserPublic:
    """Change a user's role, agency, password or whether it may log in."""
    user = session.get(User, user_id)
    if user is None:
        raise not_found("user", user_id)
    try:
        accounts.update_user(session=session, admin=admin, user=user, changes=body.changes())
    except UserError as error:
        raise _invalid(str(error)) from None
    session.commit()
    session.refresh(user)
    return user_public(user)
