"""API tokens: list, create, revoke (one's own; an admin anyone's); changing one's password."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status
from sqlalchemy.orm import Session

from chidao.store.models import ApiToken, User
from chidao.tracking import accounts, tokens
from chidao.tracking.accounts import UserError
from chidao.tracking.errors import Invalid
from chidao.web import schemas
from chidao.web.deps import CurrentUser, Id, PrincipalDep, SessionDep, not_found

router = APIRouter(tags=["tokens"])


def token_public(row: ApiToken, owner: User) -> schemas.TokenPublic:
    return schemas.TokenPublic(
        id=row.id,
        user_id=row.user_id,
        username=owner.username,
        name=row.name,
        state=tokens.token_state(row),
        created_at=row.created_at,
        last_used_at=row.last_used_at,
        expires_at=tokens.aware(row.expires_at),
        revoked_at=row.revoked_at,
    )


def _owner(session: Session, user: User, user_id: int | None) -> User:
    if user_id is None or user_id == user.id:
        return user
    tokens.require_owner_or_admin(user, user_id)
    owner = session.get(User, user_id)
    if owner is None:
        raise not_found("user", user_id)
    return owner


@router.get("/tokens")
def list_tokens(
    session: SessionDep,
    user: CurrentUser,
    user_id: Annotated[int | None, Query(ge=1, le=2**31 - 1, description="an admin: another user's")] = None,
    all_users: Annotated[bool, Query(description="an admin: everyone's")] = False,
) -> list[schemas.TokenPublic]:
    """Your API tokens (never their secret), newest first; an admin may ask for anyone's."""
    if all_users:
        tokens.require_owner_or_admin(user, -1)
        owners = accounts.users_by_id(session, [r.user_id for r in tokens.list_tokens(session=session)])
        return [token_public(r, owners[r.user_id]) for r in tokens.list_tokens(session=session)]
    owner = _owner(session, user, user_id)
    return [token_public(r, owner) for r in tokens.list_tokens(session=session, user=owner)]


@router.post("/tokens", status_code=status.HTTP_201_CREATED)
def create_token(body: schemas.TokenCreate, session: SessionDep, user: CurrentUser) -> schemas.NewToken:
    """A new token, shown this once; ``expires_at`` gives it an end."""
    owner = _owner(session, user, body.user_id)
    secret = tokens.create_token(session=session, user=owner, name=body.name, expires_at=body.expires_at, by=user)
    session.commit()
    row = tokens.list_tokens(session=session, user=owner)[0]
    return schemas.NewToken(token=secret, item=token_public(row, owner))


@router.post("/tokens/{token_id}/revoke", responses={404: {"description": "no such token of yours"}})
def revoke_token(token_id: Id, session: SessionDep, user: CurrentUser) -> schemas.TokenPublic:
    """The token stops working at once (revoking a revoked one changes nothing)."""
    row = tokens.revoke_token(session=session, actor=user, token_id=token_id)
    if row is None:
        raise not_found("token", token_id)
    session.commit()
    owner = session.get(User, row.user_id)
    assert owner is not None
    return token_public(row, owner)


@router.post("/auth/password", responses={422: {"description": "wrong current password, or a weak new one"}})
def change_password(body: schemas.PasswordChange, principal: PrincipalDep, session: SessionDep) -> dict[str, bool]:
    """Change your own password: your login sessions end and your API tokens are revoked."""
    try:
        accounts.change_own_password(
            session=session, user=principal.user, current=body.current_password, new=body.new_password
        )
    except UserError as error:
        raise HTTPException(422, str(error)) from None
    except Invalid as error:
        raise HTTPException(422, str(error)) from None
    session.commit()
    return {"changed": True}
