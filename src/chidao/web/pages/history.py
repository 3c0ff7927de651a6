"""A task's audit entries told in Vietnamese: who did what, when, and each field before → after.

The audit log stores English action codes and JSON snapshots (ISO dates, status codes); people
reading a task's history want "Thời hạn: 30/04/2024 → 31/05/2024" and "Trạng thái: Mới giao →
Đang thực hiện".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from chidao.store.models import AuditEntry, User
from chidao.vocab import ExtensionStatus, Recurrence, TaskStatus, UserRole
from chidao.web.pages.formats import vn_date

ACTIONS = {
    "add": "Thêm nhiệm vụ",
    "update": "Cập nhật nhiệm vụ",
    "review_edit": "Sửa khi duyệt văn bản",
    "delete": "Xóa nhiệm vụ",
    "split": "Tách nhiệm vụ",
    "merge": "Gộp nhiệm vụ",
    "report_progress": "Báo cáo tiến độ",
    "report_contribution": "Báo cáo kết quả phối hợp",
    "report_completion": "Báo cáo hoàn thành",
    "extension_request": "Đề nghị gia hạn",
    "extension_approved": "Đồng ý gia hạn",
    "agency_succession": "Chuyển cơ quan (sắp xếp tổ chức)",
    "agency_dissolved": "Đóng nhiệm vụ (cơ quan giải thể)",
}
FIELDS = {
    "text": "Nội dung",
    "lead": "Chủ trì",
    "coordinators": "Phối hợp",
    "deadline": "Thời hạn",
    "deadline_text": "Thời hạn (nguyên văn)",
    "recurrence": "Định kỳ",
    "status": "Trạng thái",
    "progress": "Tiến độ",
    "completed_on": "Ngày hoàn thành",
    "requested_deadline": "Thời hạn đề nghị",
    "original_deadline": "Thời hạn ban đầu",
    "reason": "Lý do",
    "note": "Ghi chú",
    "deleted": "Đã xóa",
    "tracked": "Đang theo dõi",
}
# Fields whose meaning depends on the action: an approved extension's "status" is the decision's
# (and its original deadline is already the "before" of the deadline).
ACTION_FIELDS = {"extension_approved": {"status": "Quyết định", "note": "Ghi chú quyết định"}}
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
        return "Có" if value else "Không"
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
        return "Hệ thống"
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
    "create": "Tạo",
    "update": "Cập nhật",
    "reset_password": "Cấp lại mật khẩu dùng một lần",
    "revoke": "Thu hồi",
    "revoke_tokens": "Thu hồi mã truy cập API",
    "merge": "Sáp nhập",
    "split": "Chia tách",
    "dissolve": "Giải thể",
    "edit_details": "Sửa thông tin văn bản",
    "ingest": "Tải lên",
    "confirm": "Xác nhận",
}
ENTITIES = {"user": "tài khoản", "token": "mã truy cập API", "agency": "cơ quan", "document": "văn bản"}
ENTITY_FIELDS = {
    "role": "Vai trò",
    "agency_id": "Cơ quan (mã)",
    "is_active": "Được đăng nhập",
    "password": "Mật khẩu",
    "tokens_revoked": "Số mã API bị thu hồi",
    "must_change_password": "Phải đổi mật khẩu",
    "name": "Tên",
    "aliases": "Tên gọi khác",
    "expires_at": "Hết hạn",
    "number": "Số, ký hiệu",
    "doc_date": "Ngày ban hành",
    "title": "Trích yếu",
}
ROLE_LABELS = {role.value: role.label for role in UserRole}


def _shown(name: str, value: Any) -> str:
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return "có" if value else "không"
    if name == "role":
        return ROLE_LABELS.get(str(value), str(value))
    if name == "password":
        return "đã đổi"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def entry_summary(entry: AuditEntry) -> str:
    """"Cập nhật tài khoản #4: Vai trò: Lãnh đạo; Được đăng nhập: không" — what an entry did, in
    Vietnamese, the fields it names labelled (others counted, never shown by their code)."""
    action = ENTITY_ACTIONS.get(entry.action, "Thao tác khác")
    what = f"{action} {ENTITIES.get(entry.entity, 'mục')} #{entry.entity_id}"
    after = entry.after if isinstance(entry.after, dict) else {}
    parts = [f"{ENTITY_FIELDS[k]}: {_shown(k, v)}" for k, v in after.items() if k in ENTITY_FIELDS]
    others = sum(k not in ENTITY_FIELDS for k in after)
    if others:
        parts.append(f"{others} thông tin khác")
    return what + (": " + "; ".join(parts) if parts else "")
