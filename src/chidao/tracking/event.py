"""What an event is, and what a channel that delivers events must do (issue 11).

A use case that changes a task calls ``chidao.tracking.events.emit`` in its own transaction;
each channel of ``events.CHANNELS`` then records, in that same transaction, what it will tell
and to whom: a notification row per user (``notifications``), a delivery row per webhook
endpoint (``webhooks``). Nothing leaves the process there: a channel that talks to the outside
world (webhooks; SMS or Zalo tomorrow) is sent from its persistent queue by a sender that runs
outside any request, so an event is never lost to a rolled-back transaction, nor sent for one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy.orm import Session

from chidao.store.models import Task
from chidao.tracking.task_state import task_state
from chidao.vocab import EventKind

SUMMARY_CHARS = 200


@dataclass(frozen=True)
class Event:
    """Something that happened to ``task``: ``kind``, who did it (``actor_id``, None for chidao
    itself: the overdue check), its details (``data``, JSON-ready) and a unique ``id`` that a
    receiver may use to discard a second delivery."""

    kind: EventKind
    task: Task
    actor_id: int | None = None
    actor_agency_id: int | None = None
    data: dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def summary(self) -> str:
        """The task's text, shortened for a list or a headline."""
        text = " ".join(self.task.text.split())
        return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1].rstrip() + "…"

    def payload(self) -> dict[str, Any]:
        """The event as integrators receive it (see docs/webhooks.md)."""
        task = {"id": self.task.id, "document_id": self.task.document_id, **task_state(self.task)}
        task["path"] = f"/tasks/{self.task.id}"
        return {
            "id": self.id,
            "kind": str(self.kind),
            "occurred_at": self.at.isoformat(),
            "actor_id": self.actor_id,
            "task": task,
            "data": self.data,
        }


class Channel(Protocol):
    """A way events reach people or systems. ``accept`` is called inside the transaction of the
    change, with every event of that change; it writes rows (its outbox) and sends nothing."""

    name: str

    def accept(self, session: Session, events: list[Event]) -> None: ...
