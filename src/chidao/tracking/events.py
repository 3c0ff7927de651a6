"""The one entry point of the event layer: ``emit`` (issue 11).

The use cases call it when a task is created (its document confirmed), updated, completed,
reported on, when an extension is asked for or decided; the daily check of
``chidao.tracking.overdue`` calls it when a deadline has passed. Each channel of ``CHANNELS``
receives the events in the caller's transaction (see ``chidao.tracking.event``); adding a
channel is adding a row here (docs/notifications.md says how).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from chidao.store.models import Task, User
from chidao.tracking.event import Channel, Event
from chidao.tracking.notifications import NOTIFICATIONS
from chidao.tracking.webhooks import WEBHOOKS
from chidao.vocab import EventKind

CHANNELS: tuple[Channel, ...] = (NOTIFICATIONS, WEBHOOKS)


def emit(
    session: Session,
    kind: EventKind,
    task: Task,
    *,
    actor: User | None = None,
    data: dict[str, Any] | None = None,
) -> Event:
    """Tell every channel that ``kind`` happened to ``task`` (``actor``: who did it)."""
    return emit_many(session, kind, [task], actor=actor, data=data)[0]


def emit_many(
    session: Session,
    kind: EventKind,
    tasks: Iterable[Task],
    *,
    actor: User | None = None,
    data: dict[str, Any] | None = None,
) -> list[Event]:
    """``emit`` for several tasks at once (a confirmed document's tasks): one pass per channel."""
    actor_id, agency_id = (actor.id, actor.agency_id) if actor is not None else (None, None)
    return publish(session, [Event(kind, task, actor_id, agency_id, dict(data or {})) for task in tasks])


def publish(session: Session, events: list[Event]) -> list[Event]:
    """Hand events already built (each with its own data: the overdue check's due dates) to
    every channel, in one pass per channel."""
    if events:
        for channel in CHANNELS:
            channel.accept(session, events)
    return events
