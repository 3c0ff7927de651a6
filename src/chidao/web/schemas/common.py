"""Shared pieces of the request and response bodies: value types, strictness, pages.

``*Create`` and ``*Update`` are what clients send, ``*Public`` what they get back. Updates
tell "not sent" from "sent as null" through pydantic's ``model_fields_set``.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, ClassVar, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from chidao.tracking.numbers import FIRST_DAY, LAST_DAY, in_calendar
from chidao.vocab import Recurrence, TaskStatus, TimingState, UserRole

__all__ = ["Recurrence", "Role", "TaskStatus", "TimingState"]

# The vocabularies are chidao.vocab's enums: pydantic reads and writes their codes, and the
# OpenAPI document lists the same values (as named schemas).
Role = UserRole
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=10_000)]
Names = Annotated[list[Name], Field(max_length=50)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]


def _calendar_day(day: date) -> date:
    if not in_calendar(day):
        raise ValueError(f"must be between {FIRST_DAY} and {LAST_DAY}")
    return day


Day = Annotated[date, AfterValidator(_calendar_day)]  # a date a person may mean (1900 … 2199)
Key = Annotated[int, Field(ge=1, le=2**31 - 1)]  # a row id
Version = Annotated[int, Field(ge=0, le=2**31 - 1, description="the version you read; another one answers 409")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NotNull(Strict):
    """Fields listed in ``not_null`` may be left out, but not sent as null."""

    not_null: ClassVar[tuple[str, ...]] = ()

    @model_validator(mode="after")
    def _check_nulls(self) -> Any:
        for name in self.not_null:
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self

    def changes(self, *exclude: str) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.model_fields_set if k not in exclude}


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="How many items match; a lower bound when total_exact is false")
    total_exact: bool = Field(
        True, description="False when a search matched more than 10,000 tasks and was counted only that far"
    )
    page: int
    per_page: int
