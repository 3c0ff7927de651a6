"""A task's audit entries told in Vietnamese: who did what, when, and each field before → after.

The audit log stores English action codes and JSON snapshots (ISO dates, status codes); people
reading a task's history want "Thời hạn: 30/04/2024 → 31/05/2024" and "Trạng thái: Mới giao →
Đang thực hiện".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from chidao.messages import msg
from chidao.store.models import AuditEntry, User
from chidao.vocab import ExtensionStatus, Recurrence, TaskStatus, UserRole
from chidao.web.pages.formats import vn_date

ACTIONS = {
    "add": msg("task_history.actions.add"),
    "update": msg("task_history.actions.update"),
    "review_edit": msg("task_history.actions.review_edit"),
    "delete": msg("task_history.actions.delete"),
    "split": msg("task_history.actions.split"),
    "merge": msg("task_history.actions.merge"),
    "report_progress": msg("task_history.actions.report_progress"),
    "report_contribution": msg("task_history.actions.report_contribution"),
    "report_completion": msg("task_history.actions.report_completion"),
    "extension_request": msg("task_history.actions.extension_request"),
    "extension_approved": msg("task_history.actions.extension_approved"),
    "agency_succession": msg("task_history.actions.agency_succession"),
    "agency_dissolved": msg("task_history.actions.agency_dissolved"),
}
FIELDS = {
    "text": msg("task_history.fields.text"),
    "lead": msg("task_history.fields.lead"),
    "coordinators": msg("task_history.fields.coordinators"),
    "deadline": msg("task_history.fields.deadline"),
    "deadline_text": msg("task_history.fields.deadline_text"),
    "recurrence": msg("task_history.fields.recurrence"),
    "status": msg("task_history.fields.status"),
    "progress": msg("task_history.fields.progress"),
    "completed_on": msg("task_history.fields.completed_on"),
    "requested_deadline": msg("task_history.fields.requested_deadline"),
    "original_deadline": msg("task_history.fields.original_deadline"),
    "reason": msg("task_history.fields.reason"),
    "note": msg("task_history.fields.note"),
    "deleted": msg("task_history.fields.deleted"),
    "tracked": msg("task_history.fields.tracked"),
}
# Fields whose meaning depends on the action: an approved extension's "status" is the decision's
# (and its original deadline is already the "before" of the deadline).
ACTION_FIELDS = {
    "extension_approved": {
        "status": msg("task_history.decision_fields.status"),
        "note": msg("task_history.decision_fields.note"),
    }
}
ACTION_SKIPS = {"extension_approved": frozenset({"original_deadline"})}
DATES = frozenset({"deadline", "completed_on", "requested_deadline", "original_deadline"})
EMPTY = "—"


@dataclass(frozen=True)
class Change:
    field: str
    before: str | None  # None: the field had no "before" (a new value only)
    after: str


@dataclass(frozen=True)
class HistoryItem:
    at: datetime | None
    who: str
    action: str
    changes: list[Change]


def show_value(name: str, value: Any) -> str:
    """One stored value as people read it."""
    if value is None or value == "" or value == []:
        return EMPTY
    if name in DATES and isinstance(value, str):
        return vn_date(value)
    if name == "status":
        return TaskStatus.labels().get(value) or ExtensionStatus.labels().get(value) or str(value)
    if name == "recurrence":
        return Recurrence.labels().get(value, str(value))
    if name == "progress":
        return f"{value}%"
    if isinstance(value, bool):
        return msg("task_history.yes") if value else msg("task_history.no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def changes_of(entry: AuditEntry) -> list[Change]:
    """The known fields the entry touched, in a fixed order; internal keys (ids) are left out, and
    so are new values that are empty (an empty decision note says nothing)."""
    before, after = entry.before or {}, entry.after or {}
    skipped = ACTION_SKIPS.get(entry.action, frozenset())
    names = [
        f for f in FIELDS if f not in skipped and (f in before or (f in after and show_value(f, after[f]) != EMPTY))
    ]
    labels = {**FIELDS, **ACTION_FIELDS.get(entry.action, {})}
    return [
        Change(
            field=labels[name],
            before=show_value(name, before.get(name)) if name in before else None,
            after=show_value(name, after.get(name)) if name in after else EMPTY,
        )
        for name in names
    ]


def who(user: User | None) -> str:
    """Who made a change: the user and their agency, or the system (imports, migrations)."""
    if user is None:
        return msg("task_history.system")
    return f"{user.username} ({user.agency.name})" if user.agency else user.username


def history(entries: list[AuditEntry], users: dict[int, User]) -> list[HistoryItem]:
    """The entries, oldest first, ready for the template."""
    return [
        HistoryItem(
            at=entry.at,
            who=who(users.get(entry.user_id) if entry.user_id else None),
            action=ACTIONS.get(entry.action, entry.action),
            changes=changes_of(entry),
        )
        for entry in entries
    ]


# Entries of accounts, tokens, agencies and documents, told in one line for the admin pages.
ENTITY_ACTIONS = {
    "create": msg("entity_history.actions.create"),
    "update": msg("entity_history.actions.update"),
    "reset_password": msg("entity_history.actions.reset_password"),
    "revoke": msg("entity_history.actions.revoke"),
    "revoke_tokens": msg("entity_history.actions.revoke_tokens"),
    "merge": msg("entity_history.actions.merge"),
    "split": msg("entity_history.actions.split"),
    "dissolve": msg("entity_history.actions.dissolve"),
    "edit_details": msg("entity_history.actions.edit_details"),
    "ingest": msg("entity_history.actions.ingest"),
    "confirm": msg("entity_history.actions.confirm"),
}
ENTITIES = {
    "user": msg("entity_history.entities.user"),
    "token": msg("entity_history.entities.token"),
    "agency": msg("entity_history.entities.agency"),
    "document": msg("entity_history.entities.document"),
}
ENTITY_FIELDS = {
    "role": msg("entity_history.fields.role"),
    "agency_id": msg("entity_history.fields.agency_id"),
    "is_active": msg("entity_history.fields.is_active"),
    "password": msg("entity_history.fields.password"),
    "tokens_revoked": msg("entity_history.fields.tokens_revoked"),
    "must_change_password": msg("entity_history.fields.must_change_password"),
    "name": msg("entity_history.fields.name"),
    "aliases": msg("entity_history.fields.aliases"),
    "expires_at": msg("entity_history.fields.expires_at"),
    "number": msg("entity_history.fields.number"),
    "doc_date": msg("entity_history.fields.doc_date"),
    "title": msg("entity_history.fields.title"),
}
ROLE_LABELS = {role.value: role.label for role in UserRole}


def _shown(name: str, value: Any) -> str:
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return msg("entity_history.yes") if value else msg("entity_history.no")
    if name == "role":
        return ROLE_LABELS.get(str(value), str(value))
    if name == "password":
        return msg("entity_history.changed")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def entry_summary(entry: AuditEntry) -> str:
    """ "Cập nhật tài khoản #4: Vai trò: Lãnh đạo; Được đăng nhập: không" — what an entry did, in
    Vietnamese, the fields it names labelled (others counted, never shown by their code)."""
    action = ENTITY_ACTIONS.get(entry.action, msg("entity_history.other_action"))
    entity = ENTITIES.get(entry.entity, msg("entity_history.other_entity"))
    what = msg("entity_history.what", action=action, entity=entity, id=entry.entity_id)
    after = entry.after if isinstance(entry.after, dict) else {}
    parts = [f"{ENTITY_FIELDS[k]}: {_shown(k, v)}" for k, v in after.items() if k in ENTITY_FIELDS]
    others = sum(k not in ENTITY_FIELDS for k in after)
    if others:
        parts.append(msg("entity_history.others", count=others))
    return what + (": " + "; ".join(parts) if parts else "")
