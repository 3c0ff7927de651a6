"""Bodies of users, login sessions and agencies."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from chidao.tracking.passwords import MAX_LENGTH, MIN_LENGTH
from chidao.web.schemas.common import Key, Name, Names, NotNull, Role, Strict

# The policy (chidao.tracking.passwords) says more: not common, not only spaces, not the username.
Password = Annotated[str, StringConstraints(min_length=MIN_LENGTH, max_length=MAX_LENGTH)]


class UserPublic(BaseModel):
    id: int
    username: str
    role: Role
    agency_id: int | None
    agency: str | None
    is_active: bool


class UserCreate(Strict):
    username: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    role: Role
    password: Password | None = None
    agency: Name | None = Field(None, description="agency name (for role agency); or give agency_id")
    agency_id: Key | None = None


class UserUpdate(NotNull):
    not_null = ("role", "is_active")
    role: Role | None = None
    agency: Name | None = None
    agency_id: Key | None = None
    password: Password | None = None
    is_active: bool | None = None


class LoginRequest(Strict):
    username: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=200)]


class PasswordChange(Strict):
    current_password: Annotated[str, StringConstraints(min_length=1, max_length=MAX_LENGTH)]
    new_password: Password


class TokenCreate(Strict):
    name: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] = ""
    expires_at: datetime | None = Field(None, description="when the token stops working (none: until revoked)")
    user_id: Key | None = Field(None, description="an admin may make one for another user")


class TokenPublic(BaseModel):
    id: int
    user_id: int
    username: str
    name: str
    state: Literal["active", "revoked", "expired"]
    created_at: datetime | None
    last_used_at: datetime | None
    expires_at: datetime | None
    revoked_at: datetime | None


class NewToken(BaseModel):
    token: str = Field(description="shown this once; only its hash is kept")
    item: TokenPublic


class LoginResponse(BaseModel):
    user: UserPublic
    csrf_token: str


class Me(BaseModel):
    user: UserPublic
    auth: Literal["token", "session"]
    csrf_token: str | None = None


# Agencies


class AgencyPublic(BaseModel):
    id: int
    name: str
    aliases: list[str]


class AgencyCounts(BaseModel):
    lead: int
    coordinator: int
    overdue_as_lead: int


class AgencyDetail(AgencyPublic):
    tasks: AgencyCounts


class AgencyUpdate(NotNull):
    not_null = ("name", "aliases")
    name: Name | None = None
    aliases: Names | None = None
