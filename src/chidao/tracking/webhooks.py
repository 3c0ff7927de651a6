"""Webhooks for integrators (e-office systems, an IOC dashboard): the endpoints an admin
registers, and the channel that queues each event for each endpoint that wants its kind.

Queuing writes a ``webhook_deliveries`` row in the transaction of the change (the body is built
then, so what is signed and sent is what happened); ``chidao.tracking.webhook_sender`` POSTs
it later, outside any request, and retries with backoff.
"""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.store.feeds import Webhook, WebhookDelivery
from chidao.store.models import User
from chidao.tracking.errors import Invalid
from chidao.tracking.event import Event
from chidao.tracking.task_state import log
from chidao.vocab import EventKind

MAX_URL = 2000
MIN_SECRET, MAX_SECRET = 16, 200
LOG_ROWS = 100


def check_url(url: str) -> str:
    """An absolute http(s) URL with a host, else ``Invalid`` (no file:, ftp:, javascript:...)."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise Invalid("a webhook URL must be an absolute http:// or https:// URL")
    if len(url) > MAX_URL or any(c.isspace() or ord(c) < 32 for c in url):
        raise Invalid(f"a webhook URL must be at most {MAX_URL} characters, without spaces")
    if parts.username or parts.password:
        raise Invalid("a webhook URL must not carry a user name or password; the signature authenticates chidao")
    return url


def check_kinds(kinds: list[str] | None) -> list[str]:
    """The event kinds asked for, each known, in declaration order; none given = every kind."""
    if kinds is None:
        return list(EventKind.values())
    unknown = sorted(set(kinds) - set(EventKind.values()))
    if unknown:
        raise Invalid(f"unknown event kinds: {', '.join(unknown)} (known: {', '.join(EventKind.values())})")
    if not kinds:
        raise Invalid("a webhook needs at least one event kind")
    return [k for k in EventKind.values() if k in kinds]


def _check_secret(secret: str | None) -> str:
    if secret is None:
        return secrets.token_urlsafe(32)
    if not MIN_SECRET <= len(secret) <= MAX_SECRET or not secret.isprintable():
        raise Invalid(f"a webhook secret has {MIN_SECRET} to {MAX_SECRET} printable characters")
    return secret


def add_webhook(
    *,
    session: Session,
    user: User,
    url: str,
    kinds: list[str] | None = None,
    secret: str | None = None,
    description: str = "",
) -> Webhook:
    """Register an endpoint (an admin's act; the caller checks the role). Without a secret one is
    made; either way the caller shows it once."""
    webhook = Webhook(
        url=check_url(url),
        kinds=check_kinds(kinds),
        secret=_check_secret(secret),
        description=description.strip()[:300],
        active=True,
        created_by_id=user.id,
    )
    session.add(webhook)
    session.flush()
    log(session, user.id, "webhook", webhook.id, "add", after=_state(webhook))
    return webhook


def _state(webhook: Webhook) -> dict[str, Any]:
    return {"url": webhook.url, "kinds": webhook.kinds, "active": webhook.active, "description": webhook.description}


def update_webhook(*, session: Session, user: User, webhook: Webhook, changes: dict[str, Any]) -> Webhook:
    """Change an endpoint's URL, kinds, description, secret or whether it is active."""
    before = _state(webhook)
    if "url" in changes:
        webhook.url = check_url(changes["url"])
    if "kinds" in changes:
        webhook.kinds = check_kinds(changes["kinds"])
    if "secret" in changes:
        webhook.secret = _check_secret(changes["secret"])
    if "description" in changes:
        webhook.description = (changes["description"] or "").strip()[:300]
    if "active" in changes:
        webhook.active = bool(changes["active"])
    session.flush()
    log(session, user.id, "webhook", webhook.id, "update", before, _state(webhook))
    return webhook


def delete_webhook(*, session: Session, user: User, webhook: Webhook) -> None:
    """Remove an endpoint and its delivery log (what was waiting is not sent)."""
    log(session, user.id, "webhook", webhook.id, "delete", before=_state(webhook))
    session.delete(webhook)
    session.flush()


def list_webhooks(session: Session) -> list[Webhook]:
    return list(session.scalars(select(Webhook).order_by(Webhook.id)))


def get_webhook(session: Session, webhook_id: int) -> Webhook | None:
    return session.get(Webhook, webhook_id)


def deliveries(session: Session, webhook_id: int | None = None, limit: int = LOG_ROWS) -> list[WebhookDelivery]:
    """The delivery log, newest first (of one endpoint, or of all)."""
    query = select(WebhookDelivery).order_by(WebhookDelivery.id.desc()).limit(limit)
    if webhook_id is not None:
        query = query.where(WebhookDelivery.webhook_id == webhook_id)
    return list(session.scalars(query))


def encode(payload: dict[str, Any]) -> str:
    """The body as sent and signed: compact JSON, UTF-8 (Vietnamese unescaped)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


class WebhookChannel:
    """The channel that queues one delivery per active endpoint subscribed to the event's kind."""

    name = "webhooks"

    def accept(self, session: Session, events: list[Event]) -> None:
        endpoints = list(session.execute(select(Webhook.id, Webhook.kinds).where(Webhook.active.is_(True))))
        if not endpoints:
            return
        now = datetime.now(UTC)
        for event in events:
            body = None
            for webhook_id, kinds in endpoints:
                if str(event.kind) in (kinds or []):
                    body = body or encode(event.payload())
                    session.add(
                        WebhookDelivery(
                            webhook_id=webhook_id,
                            event_id=event.id,
                            kind=str(event.kind),
                            body=body,
                            next_attempt_at=now,
                        )
                    )
        session.flush()


WEBHOOKS = WebhookChannel()


def delivery_of(session: Session, webhook_id: int, delivery_id: int) -> WebhookDelivery | None:
    row = session.get(WebhookDelivery, delivery_id)
    return row if row is not None and row.webhook_id == webhook_id else None
