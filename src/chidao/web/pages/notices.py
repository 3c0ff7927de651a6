"""What a notification says under its headline, in Vietnamese, from its kind and data."""

from __future__ import annotations

from typing import Any

from chidao.vocab import EventKind, ExtensionStatus, ReportKind
from chidao.web.pages.formats import vn_date

FIELD_LABELS = {
    "text": "nội dung",
    "lead": "cơ quan chủ trì",
    "coordinators": "cơ quan phối hợp",
    "deadline": "thời hạn",
    "deadline_text": "thời hạn (văn bản)",
    "recurrence": "tính định kỳ",
    "status": "trạng thái",
    "progress": "tiến độ",
    "completed_on": "ngày hoàn thành",
}


def _note(data: dict[str, Any], key: str) -> str:
    text = " ".join(str(data.get(key) or "").split())
    return f": “{text[:160]}”" if text else ""


def describe(kind: str, data: dict[str, Any]) -> str:
    """One line of details (dates dd/mm/yyyy), empty when the headline says it all."""
    if kind == EventKind.EXTENSION_REQUESTED:
        return f"Đề nghị gia hạn đến {vn_date(data.get('requested_deadline'))}{_note(data, 'reason')}"
    if kind == EventKind.EXTENSION_DECIDED:
        status = ExtensionStatus.labels().get(data.get("status", ""), "")
        return f"{status} gia hạn đến {vn_date(data.get('requested_deadline'))}{_note(data, 'note')}"
    if kind == EventKind.TASK_OVERDUE:
        return f"Thời hạn {vn_date(data.get('due_on'))} đã qua mà chưa hoàn thành"
    if kind in (EventKind.TASK_COMPLETED, EventKind.PROGRESS_REPORTED):
        label = ReportKind.labels().get(data.get("kind", ""), "Cập nhật trạng thái")
        percent = f" ({data['percent']}%)" if data.get("percent") is not None else ""
        return f"{label}{percent}{_note(data, 'note')}"
    if kind == EventKind.TASK_UPDATED:
        changed = [FIELD_LABELS.get(f, f) for f in data.get("changed", [])]
        return "Thay đổi: " + ", ".join(changed) if changed else ""
    if kind == EventKind.TASK_CREATED:
        return "Cơ quan của bạn được giao nhiệm vụ này"
    return ""
