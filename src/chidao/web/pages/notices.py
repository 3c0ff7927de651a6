"""What a notification says under its headline, in Vietnamese, from its kind and data."""

from __future__ import annotations

from typing import Any

from chidao.messages import msg
from chidao.vocab import EventKind, ExtensionStatus, ReportKind
from chidao.web.pages.formats import vn_date

FIELD_LABELS = {
    "text": msg("notifications.fields.text"),
    "lead": msg("notifications.fields.lead"),
    "coordinators": msg("notifications.fields.coordinators"),
    "deadline": msg("notifications.fields.deadline"),
    "deadline_text": msg("notifications.fields.deadline_text"),
    "recurrence": msg("notifications.fields.recurrence"),
    "status": msg("notifications.fields.status"),
    "progress": msg("notifications.fields.progress"),
    "completed_on": msg("notifications.fields.completed_on"),
}


def _note(data: dict[str, Any], key: str) -> str:
    text = " ".join(str(data.get(key) or "").split())
    return f": “{text[:160]}”" if text else ""


def describe(kind: str, data: dict[str, Any]) -> str:
    """One line of details (dates dd/mm/yyyy), empty when the headline says it all."""
    if kind == EventKind.EXTENSION_REQUESTED:
        requested = msg("notifications.details.extension_requested", date=vn_date(data.get("requested_deadline")))
        return requested + _note(data, "reason")
    if kind == EventKind.EXTENSION_DECIDED:
        status = ExtensionStatus.labels().get(data.get("status", ""), "")
        decided = msg(
            "notifications.details.extension_decided", status=status, date=vn_date(data.get("requested_deadline"))
        )
        return decided + _note(data, "note")
    if kind == EventKind.TASK_OVERDUE:
        return msg("notifications.details.overdue", date=vn_date(data.get("due_on")))
    if kind in (EventKind.TASK_COMPLETED, EventKind.PROGRESS_REPORTED):
        label = ReportKind.labels().get(data.get("kind", ""), msg("notifications.details.status_update"))
        percent = f" ({data['percent']}%)" if data.get("percent") is not None else ""
        return f"{label}{percent}{_note(data, 'note')}"
    if kind == EventKind.TASK_UPDATED:
        changed = [FIELD_LABELS.get(f, f) for f in data.get("changed", [])]
        return msg("notifications.details.changed", fields=", ".join(changed)) if changed else ""
    if kind == EventKind.TASK_CREATED:
        return msg("notifications.details.assigned")
    return ""
