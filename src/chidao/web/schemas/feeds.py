"""Bodies of the notifications, calendar feed and webhook endpoints (issue 11)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, Field, StringConstraints

from chidao.vocab import DeliveryStatus, EventKind
from chidao.web.schemas.common import NotNull, ShortText, Strict

Url = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Secret = Annotated[str, StringConstraints(min_length=16, max_length=200)]
Kinds = Annotated[list[EventKind], Field(min_length=1, max_length=len(EventKind))]


class NotificationPublic(BaseModel):
    id: int
    kind: EventKind
    label: str = Field(description="the kind in Vietnamese, as the bell shows it")
    task_id: int | None
    summary: str
    data: dict[str, Any]
    created_at: datetime | None
    read_at: datetime | None


class NotificationPage(BaseModel):
    items: list[NotificationPublic]
    total: int
    unread: int
    page: int
    per_page: int


class UnreadCount(BaseModel):
    unread: int


class Marked(BaseModel):
    marked: int = Field(description="how many notifications were unread and are now read")


class CalendarFeedPublic(BaseModel):
    exists: bool
    created_at: datetime | None = None
    last_used_at: datetime | None = None


class NewCalendarFeed(BaseModel):
    url: str = Field(description="the secret iCalendar address, shown this once; only its hash is kept")
    token: str


class WebhookCreate(Strict):
    url: Url
    kinds: Kinds | None = Field(None, description="event kinds to receive; every kind when left out")
    secret: Secret | None = Field(None, description="the HMAC key; one is made (and shown once) when left out")
    description: ShortText = ""


class WebhookUpdate(NotNull):
    not_null = ("url", "kinds", "secret", "active", "description")
    url: Url | None = None
    kinds: Kinds | None = None
    secret: Secret | None = None
    active: bool | None = None
    description: ShortText | None = None


class WebhookPublic(BaseModel):
    id: int
    url: str
    kinds: list[EventKind]
    description: str
    active: bool
    created_at: datetime | None


class NewWebhook(BaseModel):
    secret: str = Field(description="the HMAC-SHA256 key; shown this once")
    item: WebhookPublic


class DeliveryPublic(BaseModel):
    id: int
    webhook_id: int
    event_id: str
    kind: EventKind
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime | None
    last_attempt_at: datetime | None
    last_status: int | None
    last_error: str
    delivered_at: datetime | None
    created_at: datetime | None
