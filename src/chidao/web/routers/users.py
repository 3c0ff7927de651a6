"""User accounts (admin only). Password hashes never leave the server."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chidao.store.agencies import agency_key
from chidao.store.audit import record
from chidao.store.models import Agency, User
from chidao.store.users import UserError, add_user, hash_password
from chidao.web import schemas
from chidao.web.deps import AdminUser, Id, PageNo, SessionDep, not_found
from chidao.web.security import close_user_sessions
from chidao.web.views import user_public

router = APIRouter(prefix="/users", tags=["users"])


def _invalid(message: str) -> HTTPException:
    return HTTPException(422, message)


def _agency(session: Session, name: str | None, agency_id: int | None) -> Agency | None:
    if agency_id is not None:
        agency = session.get(Agency, agency_id)
        if agency is None:
            raise _invalid(f"unknown agency id {agency_id}")
        return agency
    if name:
        agency = session.scalar(select(Agency).where(Agency.key == agency_key(name)))
        if agency is None:
            raise _invalid(f"unknown agency {name!r}")
        return agency
    return None


def _state(user: User) -> dict:
    return {"role": user.role, "agency_id": user.agency_id, "is_active": user.is_active}


@router.get("")
def list_users(
    session: SessionDep,
    _admin: AdminUser,
    page: PageNo = 1,
    per_page: Annotated[int, Query(ge=1, le=500)] = 100,
) -> schemas.Page[schemas.UserPublic]:
    total = session.scalar(select(func.count(User.id))) or 0
    rows = session.scalars(select(User).order_by(User.username).offset((page - 1) * per_page).limit(per_page))
    return schemas.Page(items=[user_public(u) for u in rows], total=total, page=page, per_page=per_page)


@router.post("", status_code=status.HTTP_201_CREATED, responses={409: {"description": "username taken"}})
def create_user(body: schemas.UserCreate, session: SessionDep, admin: AdminUser) -> schemas.UserPublic:
    """A new user; an agency officer (role agency) needs its agency."""
    agency = _agency(session, body.agency, body.agency_id)
    if session.scalar(select(User.id).where(User.username == body.username)) is not None:
        raise HTTPException(status.HTTP_409_CONFLICT, f"user {body.username!r} already exists")
    try:
        user = add_user(
            session=session,
            username=body.username,
            role=body.role,
            password=body.password,
            agency=agency.name if agency and body.role == "agency" else None,
        )
    except UserError as error:
        raise _invalid(str(error)) from None
    record(session=session, user_id=admin.id, entity="user", entity_id=user.id, action="create", after=_state(user))
    session.commit()
    session.refresh(user)
    return user_public(user)


def _apply(session: Session, user: User, body: schemas.UserUpdate, admin: User) -> None:
    if "role" in body.model_fields_set:
        if user.id == admin.id and body.role != "admin":
            raise _invalid("you cannot take away your own admin role")
        user.role = body.role
    if {"agency", "agency_id"} & body.model_fields_set:
        agency = _agency(session, body.agency, body.agency_id)
        user.agency_id = agency.id if agency else None
    if user.role == "agency" and user.agency_id is None:
        raise _invalid("an agency officer needs an agency")
    if user.role != "agency":
        user.agency_id = None
    if body.password is not None:
        user.password_hash = hash_password(body.password)
    if body.is_active is not None:
        if user.id == admin.id and not body.is_active:
            raise _invalid("you cannot deactivate yourself")
        user.is_active = body.is_active


@router.patch("/{user_id}", responses={404: {"description": "no such user"}})
def update_user(user_id: Id, body: schemas.UserUpdate, session: SessionDep, admin: AdminUser) -> schemas.UserPublic:
    """Change a user's role, agency, password or whether it may log in."""
    user = session.get(User, user_id)
    if user is None:
        raise not_found("user", user_id)
    before = _state(user)
    _apply(session, user, body, admin)
    if body.password is not None or not user.is_active:
        close_user_sessions(session=session, user_id=user.id)
    after = _state(user)
    if body.password is not None:
        after["password"] = "changed"
    if after != before:
        record(
            session=session,
            user_id=admin.id,
            entity="user",
            entity_id=user.id,
            action="update",
            before=before,
            after=after,
        )
    session.commit()
    session.refresh(user)
    return user_public(user)
