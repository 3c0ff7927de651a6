"""Webhooks for integrators: an admin registers endpoints and reads their delivery log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from chidao.tracking import webhooks
from chidao.tracking.webhook_sender import retry_delivery
from chidao.vocab import DeliveryStatus, EventKind
from chidao.web.deps import AdminUser, Id, SessionDep, not_found
from chidao.web.schemas.feeds import DeliveryPublic, NewWebhook, WebhookCreate, WebhookPublic, WebhookUpdate

router = APIRouter(tags=["webhooks"])


def webhook_public(row) -> WebhookPublic:
    return WebhookPublic(
        id=row.id,
        url=row.url,
        kinds=[EventKind(k) for k in row.kinds],
        description=row.description,
        active=row.active,
        created_at=row.created_at,
    )


def delivery_public(row) -> DeliveryPublic:
    return DeliveryPublic(
        id=row.id,
        webhook_id=row.webhook_id,
        event_id=row.event_id,
        kind=EventKind(row.kind),
        status=DeliveryStatus(row.status),
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        last_attempt_at=row.last_attempt_at,
        last_status=row.last_status,
        last_error=row.last_error,
        delivered_at=row.delivered_at,
        created_at=row.created_at,
    )


def _webhook(session, webhook_id: int):
    row = webhooks.get_webhook(session, webhook_id)
    if row is None:
        raise not_found("webhook", webhook_id)
    return row


@router.get("/webhooks")
def list_webhooks(session: SessionDep, _admin: AdminUser) -> list[WebhookPublic]:
    """Every registered endpoint (never its secret)."""
    return [webhook_public(r) for r in webhooks.list_webhooks(session)]


@router.post("/webhooks", status_code=status.HTTP_201_CREATED, responses={422: {"description": "not an http(s) URL"}})
def create_webhook(body: WebhookCreate, session: SessionDep, admin: AdminUser) -> NewWebhook:
    """Register an endpoint; its signing secret is shown this once."""
    row = webhooks.add_webhook(
        session=session,
        user=admin,
        url=body.url,
        kinds=[str(k) for k in body.kinds] if body.kinds is not None else None,
        secret=body.secret,
        description=body.description,
    )
    session.commit()
    return NewWebhook(secret=row.secret, item=webhook_public(row))


@router.get("/webhooks/{webhook_id}")
def get_webhook(webhook_id: Id, session: SessionDep, _admin: AdminUser) -> WebhookPublic:
    return webhook_public(_webhook(session, webhook_id))


@router.patch("/webhooks/{webhook_id}", responses={422: {"description": "not an http(s) URL"}})
def update_webhook(webhook_id: Id, body: WebhookUpdate, session: SessionDep, admin: AdminUser) -> WebhookPublic:
    """Change the URL, kinds, secret, description, or pause it (``active: false``)."""
    changes = body.changes()
    if "kinds" in changes:
        changes["kinds"] = [str(k) for k in changes["kinds"]]
    row = webhooks.update_webhook(session=session, user=admin, webhook=_webhook(session, webhook_id), changes=changes)
    session.commit()
    return webhook_public(row)


@router.delete("/webhooks/{webhook_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_webhook(webhook_id: Id, session: SessionDep, admin: AdminUser) -> None:
    """Remove the endpoint and its delivery log."""
    webhooks.delete_webhook(session=session, user=admin, webhook=_webhook(session, webhook_id))
    session.commit()


@router.get("/webhooks/{webhook_id}/deliveries")
def list_deliveries(
    webhook_id: Id,
    session: SessionDep,
    _admin: AdminUser,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[DeliveryPublic]:
    """The endpoint's delivery log, newest first."""
    _webhook(session, webhook_id)
    return [delivery_public(r) for r in webhooks.deliveries(session, webhook_id, limit)]


@router.post("/webhooks/{webhook_id}/deliveries/{delivery_id}/retry")
def retry(webhook_id: Id, delivery_id: Id, session: SessionDep, _admin: AdminUser) -> DeliveryPublic:
    """Send a delivery again (a failed one, typically) at the sender's next pass."""
    row = webhooks.delivery_of(session, webhook_id, delivery_id)
    if row is None:
        raise not_found("delivery", delivery_id)
    retry_delivery(session, row)
    session.commit()
    return delivery_public(row)
