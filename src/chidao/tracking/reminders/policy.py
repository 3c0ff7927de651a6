"""The reminder policy: defaults in ``data/vi/reminders.toml``, an admin's changes stored in
the database (``mail_settings`` row ``policy``), merged into one ``Policy``."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from chidao.data import load_toml
from chidao.store.audit import record
from chidao.store.mail import MailSetting
from chidao.tracking.errors import Invalid

POLICY_ROW = "policy"


@dataclass(frozen=True)
class Policy:
    before: tuple[int, ...]
    on_due_day: bool
    overdue_every: int
    escalate_after: int
    send_hour: int
    max_items: int
    weekly_summary: bool

    def as_dict(self) -> dict[str, Any]:
        values = asdict(self)
        values["before"] = list(self.before)
        return values


def defaults() -> Policy:
    """The shipped policy, as the data file says."""
    return checked(load_toml("reminders.toml")["policy"])


def bounds() -> dict[str, tuple[int, int]]:
    return {name: (low, high) for name, (low, high) in load_toml("reminders.toml")["bounds"].items()}


def checked(values: dict[str, Any]) -> Policy:
    """A ``Policy`` from plain values, each within the data file's bounds (else ``Invalid``)."""
    limits = bounds()

    def number(name: str, value: Any) -> int:
        low, high = limits[name]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise Invalid(f"{name} must be a whole number from {low} to {high}")
        return value

    before = values.get("before")
    if not isinstance(before, list | tuple) or len(before) > 5:
        raise Invalid("before must be a list of at most 5 numbers of working days")
    return Policy(
        before=tuple(sorted({number("before", n) for n in before}, reverse=True)),
        on_due_day=bool(values.get("on_due_day")),
        overdue_every=number("overdue_every", values.get("overdue_every")),
        escalate_after=number("escalate_after", values.get("escalate_after")),
        send_hour=number("send_hour", values.get("send_hour")),
        max_items=number("max_items", values.get("max_items")),
        weekly_summary=bool(values.get("weekly_summary")),
    )


def current_policy(session: Session) -> Policy:
    """The policy in force: the defaults with the admin's changes over them."""
    row = session.get(MailSetting, POLICY_ROW)
    if row is None:
        return defaults()
    try:
        return checked({**defaults().as_dict(), **row.value})
    except Invalid:  # a stored change the data file's new bounds no longer allow
        return defaults()


def save_policy(*, session: Session, values: dict[str, Any], user_id: int | None) -> Policy:
    """Store the admin's policy (checked first; nothing is stored if a value is refused)."""
    policy = checked(values)
    before = current_policy(session)
    row = session.get(MailSetting, POLICY_ROW)
    if row is None:
        row = MailSetting(name=POLICY_ROW, value={})
        session.add(row)
    row.value, row.updated_by_id, row.updated_at = policy.as_dict(), user_id, datetime.now(UTC)
    record(
        session=session,
        user_id=user_id,
        entity="reminder_policy",
        entity_id=0,
        action="update",
        before=before.as_dict(),
        after=policy.as_dict(),
    )
    session.flush()
    return policy


def reset_policy(*, session: Session, user_id: int | None) -> Policy:
    """Back to the data file's defaults."""
    row = session.get(MailSetting, POLICY_ROW)
    if row is not None:
        session.delete(row)
        record(session=session, user_id=user_id, entity="reminder_policy", entity_id=0, action="reset")
        session.flush()
    return defaults()
