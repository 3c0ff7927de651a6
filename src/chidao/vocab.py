"""The codes chidao stores — statuses, roles, kinds — each with the Vietnamese words people read.

Why one module: a task status used to be spelled out in the models, the API schemas, the use
cases, the CSV export and the pages, each with its own copy of the labels (issue 9). Each list
and each label now lives here once, as a ``StrEnum`` whose members carry their label (and the
colour tone the pages paint them in). It imports nothing of chidao, so every layer — store,
tracking, web, cli — may use it.

A member *is* its code (``TaskStatus.DONE == "done"``), so the database keeps plain strings and
the API's JSON is unchanged. The values are what the tables hold: changing one needs a migration.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class Coded(StrEnum):
    """A stored code with its Vietnamese ``label`` and the ``tone`` of its badge (``none``: plain).

    Members are written ``CODE = "code", "Nhãn", "tone"``."""

    label: str
    tone: str

    def __new__(cls, value: str, label: str, tone: str = "none") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member.tone = tone
        return member

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


class TaskStatus(Coded):
    """Where a tracked task stands, as the office sets it or a report moves it."""

    ASSIGNED = "assigned", "Mới giao"
    IN_PROGRESS = "in_progress", "Đang thực hiện"
    DONE = "done", "Hoàn thành"
    PAUSED = "paused", "Tạm dừng"
    CANCELLED = "cancelled", "Hủy"

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

    NOT_DUE = "not_due", "Chưa đến hạn", "ok"
    DUE_SOON = "due_soon", "Sắp đến hạn", "warn"
    OVERDUE = "overdue", "Quá hạn", "late"
    DONE_ON_TIME = "done_on_time", "Hoàn thành đúng hạn", "done"
    DONE_LATE = "done_late", "Hoàn thành quá hạn", "done-late"
    NO_DEADLINE = "no_deadline", "Không có thời hạn", "none"
    CANCELLED = "cancelled", "Đã hủy", "none"


class ExtensionStatus(Coded):
    """A request for a later deadline, before and after the office decides."""

    PENDING = "pending", "Chờ quyết định", "warn"
    APPROVED = "approved", "Đã đồng ý", "ok"
    REFUSED = "refused", "Không đồng ý", "late"


class TokenState(Coded):
    """Whether an API token still opens the API (derived from its row, never stored)."""

    ACTIVE = "active", "Đang dùng", "ok"
    REVOKED = "revoked", "Đã thu hồi", "none"
    EXPIRED = "expired", "Hết hạn", "warn"


class SuccessionState(Coded):
    """Where one predecessor of a reorganization stands in this database."""

    PENDING = "pending", "Sẽ chuyển khi áp dụng", "warn"
    APPLIED = "applied", "Đã áp dụng", "ok"
    NOT_YET = "not_yet", "Chưa đến ngày hiệu lực", "none"
    ABSENT = "absent", "Không có trong cơ sở dữ liệu", "none"


class DocumentStatus(Coded):
    """A notice under review (its tasks not yet followed up) or confirmed (tracked)."""

    DRAFT = "draft", "Bản nháp (đang duyệt)", "warn"
    CONFIRMED = "confirmed", "Đã xác nhận", "ok"


class Recurrence(Coded):
    """How often a recurring task comes round ("báo cáo định kỳ hằng tháng")."""

    DAILY = "daily", "Hằng ngày"
    WEEKLY = "weekly", "Hằng tuần"
    MONTHLY = "monthly", "Hằng tháng"
    QUARTERLY = "quarterly", "Hằng quý"
    YEARLY = "yearly", "Hằng năm"


class ReportKind(Coded):
    """What an agency reports on a task: progress (lead), its part (coordinator), or completion."""

    PROGRESS = "progress", "Báo cáo tiến độ"
    CONTRIBUTION = "contribution", "Kết quả phối hợp"
    COMPLETION = "completion", "Báo cáo hoàn thành"


class TaskOrigin(Coded):
    """How a task came to be: proposed by extraction, or made by the clerk during review."""

    EXTRACTED = "extracted", "Trích xuất tự động"
    ADDED = "added", "Thêm khi rà soát"
    SPLIT = "split", "Tách từ nhiệm vụ khác"
    MERGED = "merged", "Gộp từ nhiều nhiệm vụ"
    PASSAGE = "passage", "Tạo từ đoạn chưa thành nhiệm vụ"


class UserRole(Coded):
    """What a user may do: the office (admin, clerk), an agency's officer, or leadership (viewer)."""

    ADMIN = "admin", "Quản trị"
    CLERK = "clerk", "Chuyên viên Văn phòng"
    AGENCY = "agency", "Cán bộ cơ quan"
    VIEWER = "viewer", "Lãnh đạo"

    @classmethod
    def staff(cls) -> tuple[UserRole, ...]:
        """The office: they upload and review notices, decide extensions and set any status."""
        return cls.ADMIN, cls.CLERK


class AgencyRole(Coded):
    """An agency's part in a task: it leads it (chủ trì) or helps (phối hợp)."""

    LEAD = "lead", "Chủ trì"
    COORDINATOR = "coordinator", "Phối hợp"


class EventKind(Coded):
    """What happened to a task, as notifications and webhooks tell it (issue 11). The code is the
    webhook's ``kind``; the label is the notification's headline."""

    TASK_CREATED = "task.created", "Nhiệm vụ mới được giao", "ok"
    TASK_UPDATED = "task.updated", "Nhiệm vụ được cập nhật"
    TASK_OVERDUE = "task.overdue", "Nhiệm vụ quá hạn", "late"
    TASK_COMPLETED = "task.completed", "Nhiệm vụ được báo cáo hoàn thành", "done"
    PROGRESS_REPORTED = "task.progress", "Báo cáo tiến độ mới"
    EXTENSION_REQUESTED = "extension.requested", "Đề nghị gia hạn chờ quyết định", "warn"
    EXTENSION_DECIDED = "extension.decided", "Đã có quyết định về đề nghị gia hạn"


class DeliveryStatus(Coded):
    """A webhook delivery: waiting (first try or a retry), delivered, or given up after its tries."""

    PENDING = "pending", "Đang chờ gửi", "warn"
    DELIVERED = "delivered", "Đã gửi", "ok"
    FAILED = "failed", "Gửi không thành công", "late"
