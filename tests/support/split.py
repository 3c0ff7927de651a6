"""A notice of January 2025 whose tasks fall to Sở Thông tin và Truyền thông, for the split and
dissolution tests (use cases, CLI, pages, browser): one task on digital government (Khoa học và
Công nghệ's), one on press and publishing (Văn hóa, Thể thao và Du lịch's), one on data, one it
coordinates for Sở Nội vụ on a festival's propaganda, and one (about 2024) that the tests mark done."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.store.models import Document, Task
from chidao.tracking.ingest import add_document

NOTICE = Path(__file__).with_name("split_notice.txt")
OLD = "Sở Thông tin và Truyền thông"
SCIENCE = "Sở Khoa học và Công nghệ"
CULTURE = "Sở Văn hóa, Thể thao và Du lịch"
DIGITAL, PRESS, DATA, FESTIVAL, SUMMARY = (
    "Giao Sở Thông tin và Truyền thông chủ trì triển khai nền tảng",
    "Giao Sở Thông tin và Truyền thông chủ trì quản lý hoạt động báo chí",
    "Giao Sở Thông tin và Truyền thông chủ trì xây dựng kho dữ liệu",
    "Giao Sở Nội vụ chủ trì",
    "Giao Sở Thông tin và Truyền thông chủ trì tổng kết",
)


def store_notice(session: Session) -> Document:
    """The notice, confirmed, its 2024 summary task done on 25/01/2025."""
    document = add_document(session=session, filename=NOTICE.name, data=NOTICE.read_bytes(), confirm=True).document
    summary = task(session, SUMMARY)
    summary.status, summary.completed_on, summary.progress = "done", date(2025, 1, 25), 100
    session.flush()
    return document


def task(session: Session, start: str) -> Task:
    """The notice's one task whose text starts with ``start``."""
    found = [t for t in session.scalars(select(Task).order_by(Task.id)) if t.text.startswith(start)]
    assert len(found) == 1, (start, len(found))
    return found[0]
