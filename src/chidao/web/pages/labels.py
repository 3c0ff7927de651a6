"""Vietnamese labels of the tracking pages, added to the shared Jinja2 environment.

The layout's environment (templating.py) already knows timing states, statuses and roles; the
task, agency and document pages also show recurrences, report kinds, extension states and file
sizes. Registering them here keeps templating.py untouched by this area of the site.
"""

from __future__ import annotations

from chidao.web.pages.templating import templates

RECURRENCE_LABELS = {
    "daily": "Hằng ngày",
    "weekly": "Hằng tuần",
    "monthly": "Hằng tháng",
    "quarterly": "Hằng quý",
    "yearly": "Hằng năm",
}
REPORT_KINDS = {"progress": "Báo cáo tiến độ", "contribution": "Kết quả phối hợp", "completion": "Báo cáo hoàn thành"}
EXTENSION_LABELS = {"pending": "Chờ quyết định", "approved": "Đã đồng ý", "refused": "Không đồng ý"}
EXTENSION_TONES = {"pending": "warn", "approved": "ok", "refused": "late"}
DOCUMENT_STATUS_LABELS = {"draft": "Bản nháp (đang duyệt)", "confirmed": "Đã xác nhận"}
DOCUMENT_STATUS_TONES = {"draft": "warn", "confirmed": "ok"}
ORIGIN_LABELS = {"extracted": "Trích xuất tự động", "added": "Thêm khi duyệt", "split": "Tách", "merged": "Gộp"}


def filesize(size: int | None) -> str:
    """A file size the way people read it (1,5 MB), with the Vietnamese decimal comma."""
    if size is None:
        return ""
    if size < 1024:
        return f"{size} B"
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            return f"{size:.1f} {unit}".replace(".", ",")
    return ""  # unreachable: the loop returns at GB


templates.env.filters.update(filesize=filesize)
templates.env.globals.update(
    RECURRENCE_LABELS=RECURRENCE_LABELS,
    REPORT_KINDS=REPORT_KINDS,
    EXTENSION_LABELS=EXTENSION_LABELS,
    EXTENSION_TONES=EXTENSION_TONES,
    DOCUMENT_STATUS_LABELS=DOCUMENT_STATUS_LABELS,
    DOCUMENT_STATUS_TONES=DOCUMENT_STATUS_TONES,
    ORIGIN_LABELS=ORIGIN_LABELS,
)
