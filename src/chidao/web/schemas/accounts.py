"""Bodies of users, login sessions and agencies."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from chidao.web.schemas.common import Key, Name, Names, NotNull, Role, Strict


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
    password: Annotated[str, StringConstraints(min_length=8, max_length=200)] | None = None
    agency: Name | None = Field(None, description="agency name (for role agency); or give agency_id")
    agency_id: Key | None = None


class UserUpdate(NotNull):
    not_null = ("role", "is_active")
    role: Role | None = None
    agency: Name | None = None
    agency_id: Key | None = None
    password: Annotated[str, StringConstraints(min_length=8, max_length=200)] | None = None
    is_active: bool | None = None


class LoginRequest(Strict):
    username: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=200)]


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
