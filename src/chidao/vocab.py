"""The codes chidao stores — statuses, roles, kinds — each with the Vietnamese words people read.

Why one module: a task status used to be spelled out in the models, the API schemas, the use
cases, the CSV export and the pages, each with its own copy of the labels (issue 9). Each list
and each label now lives here once, as a ``StrEnum`` whose members carry their label (and the
colour tone the pages paint them in); the label's words are the message catalogue's
(``data/vi/messages.toml``, under ``[labels]``). It imports nothing of chidao but the catalogue, a
package data file always readable, so every layer — store, tracking, web, cli — may use it.

A member *is* its code (``TaskStatus.DONE == "done"``), so the database keeps plain strings and
the API's JSON is unchanged. The values are what the tables hold: changing one needs a migration.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Self

from chidao.messages import msg


class Coded(StrEnum):
    """A stored code with its Vietnamese ``label`` and the ``tone`` of its badge (``none``: plain).

    Members are written ``CODE = "code", "tone"`` (or ``CODE = "code"``: plain). The label is the
    catalogue's ``labels.<class_name>.<code>`` (``[labels.task_status] done = "Hoàn thành"``), the
    class name in snake case; the tone stays here, being a CSS class, not words."""

    tone: str

    def __new__(cls, value: str, tone: str = "none") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.tone = tone
        return member

    @property
    def label(self) -> str:
        """The Vietnamese words for the code, from the message catalogue."""
        return msg(f"labels.{_snake(type(self).__name__)}.{self.value}")

    @classmethod
    def values(cls) -> tuple[str, ...]:
        """The codes in declaration order, as plain strings."""
        return tuple(member.value for member in cls)

    @classmethod
    def labels(cls) -> dict[str, str]:
        """Code → Vietnamese label, for templates and exports."""
        return {member.value: member.label for member in cls}

    @classmethod
    def tones(cls) -> dict[str, str]:
        """Code → badge tone (a CSS class suffix: ``tone-ok``, ``tone-late``, ...)."""
        return {member.value: member.tone for member in cls}


def _snake(name: str) -> str:
    """``TaskStatus`` → ``task_status``: the catalogue table of a class's labels."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


class TaskStatus(Coded):
    """Where a tracked task stands, as the office sets it or a report moves it."""

    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    PAUSED = "paused"
    CANCELLED = "cancelled"

    @classmethod
    def open(cls) -> tuple[TaskStatus, ...]:
        """The statuses of unfinished work: they take reports, an extension, and may fall overdue
        (a cancelled task never does); an agency officer may move a task between them."""
        return cls.ASSIGNED, cls.IN_PROGRESS, cls.PAUSED

    @classmethod
    def form_order(cls) -> tuple[TaskStatus, ...]:
        """The order a status is chosen in on a form: the open ones, then the two that end a task."""
        return *cls.open(), cls.DONE, cls.CANCELLED


class TimingState(Coded):
    """A task against its deadline on a given day: computed, never stored. The tones are the
    colours users expect: green when done or not yet due, amber when due soon, red when late."""

    NOT_DUE = "not_due", "ok"
    DUE_SOON = "due_soon", "warn"
    OVERDUE = "overdue", "late"
    DONE_ON_TIME = "done_on_time", "done"
    DONE_LATE = "done_late", "done-late"
    NO_DEADLINE = "no_deadline", "none"
    CANCELLED = "cancelled", "none"


class ExtensionStatus(Coded):
    """A request for a later deadline, before and after the office decides."""

    PENDING = "pending", "warn"
    APPROVED = "approved", "ok"
    REFUSED = "refused", "late"


class TokenState(Coded):
    """Whether an API token still opens the API (derived from its row, never stored)."""

    ACTIVE = "active", "ok"
    REVOKED = "revoked", "none"
    EXPIRED = "expired", "warn"


class SuccessionState(Coded):
    """Where one predecessor of a reorganization stands in this database."""

    PENDING = "pending", "warn"
    APPLIED = "applied", "ok"
    NOT_YET = "not_yet", "none"
    ABSENT = "absent", "none"


class DocumentStatus(Coded):
    """A notice under review (its tasks not yet followed up) or confirmed (tracked)."""

    DRAFT = "draft", "warn"
    CONFIRMED = "confirmed", "ok"


class Recurrence(Coded):
    """How often a recurring task comes round ("báo cáo định kỳ hằng tháng")."""

    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"


class ReportKind(Coded):
    """What an agency reports on a task: progress (lead), its part (coordinator), or completion."""

    PROGRESS = "progress"
    CONTRIBUTION = "contribution"
    COMPLETION = "completion"


class TaskOrigin(Coded):
    """How a task came to be: proposed by extraction, or made by the clerk during review."""

    EXTRACTED = "extracted"
    ADDED = "added"
    SPLIT = "split"
    MERGED = "merged"
    PASSAGE = "passage"


class UserRole(Coded):
    """What a user may do: the office (admin, clerk), an agency's officer, or leadership (viewer)."""

    ADMIN = "admin"
    CLERK = "clerk"
    AGENCY = "agency"
    VIEWER = "viewer"

    @classmethod
    def staff(cls) -> tuple[UserRole, ...]:
        """The office: they upload and review notices, decide extensions and set any status."""
        return cls.ADMIN, cls.CLERK


class AgencyRole(Coded):
    """An agency's part in a task: it leads it (chủ trì) or helps (phối hợp)."""

    LEAD = "lead"
    COORDINATOR = "coordinator"


class EventKind(Coded):
    """What happened to a task, as notifications and webhooks tell it (issue 11). The code is the
    webhook's ``kind``; the label is the notification's headline."""

    TASK_CREATED = "task.created", "ok"
    TASK_UPDATED = "task.updated"
    TASK_OVERDUE = "task.overdue", "late"
    TASK_COMPLETED = "task.completed", "done"
    PROGRESS_REPORTED = "task.progress"
    EXTENSION_REQUESTED = "extension.requested", "warn"
    EXTENSION_DECIDED = "extension.decided"


class DeliveryStatus(Coded):
    """A webhook delivery: waiting (first try or a retry), delivered, or given up after its tries."""

    PENDING = "pending", "warn"
    DELIVERED = "delivered", "ok"
    FAILED = "failed", "late"
