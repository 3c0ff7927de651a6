"""Several notices uploaded through the page form, stored one by one with the API's own steps
(same size limit, same type check, same reader, same dedupe by content hash).

Each file is its own transaction: a bad file is reported with a Vietnamese reason and leaves
nothing behind, while the files before and after it are stored as usual.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import PurePosixPath

from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile

from chidao.store.models import Document
from chidao.text import ReadError
from chidao.tracking.read_failures import READ_FAILURES as READ_FAILURES
from chidao.tracking.read_failures import UNREADABLE as UNREADABLE
from chidao.tracking.read_failures import read_reason
from chidao.web.review_actions import ingest
from chidao.web.uploads import clean_filename, unsupported

log = logging.getLogger("chidao.web.pages")
ACCEPTED = ".docx,.doc,.odt,.rtf,.pdf,.html,.htm,.txt,.md,.png,.jpg,.jpeg,.tif,.tiff"


@dataclass(frozen=True)
class UploadOutcome:
    """What became of one file: "created", "exists" or "error" (with ``reason`` and ``message``)."""

    filename: str
    status: str
    document: Document | None = None
    task_count: int = 0
    reason: str = ""
    message: str = ""
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.status != "error"


def size_label(size: int) -> str:
    """A size as people read it: "256 KB", "20 MB" (decimal comma, the Vietnamese way)."""
    if size >= 1024 * 1024:
        value, unit = size / (1024 * 1024), "MB"
    elif size >= 1024:
        value, unit = size / 1024, "KB"
    else:
        return f"{size} byte"
    text = f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} {unit}"


def chosen_files(values: list[object]) -> list[UploadFile]:
    """The files of the form field; a browser sends one nameless empty part when none was chosen."""
    return [v for v in values if isinstance(v, UploadFile) and (v.filename or v.size)]


def _refused(filename: str, reason: str, message: str, detail: str = "") -> UploadOutcome:
    return UploadOutcome(filename=filename, status="error", reason=reason, message=message, detail=detail)


def _precheck(filename: str, data: bytes, limit: int) -> UploadOutcome | None:
    """The checks that need no reader, in the API's order of importance: size, emptiness, type."""
    if len(data) > limit:
        return _refused(filename, "too_large", f"Tệp quá lớn: vượt quá giới hạn {size_label(limit)} mỗi tệp.")
    if not data.strip():
        return _refused(filename, "empty", "Tệp rỗng, không có nội dung.")
    if unsupported(filename, data):
        extension = PurePosixPath(filename).suffix.lower() or "(không có đuôi)"
        message = (
            f"Định dạng tệp {extension} không được hỗ trợ. Chỉ nhận tệp DOCX, DOC, ODT, RTF, PDF, HTML, TXT"
            " hoặc ảnh quét (PNG, JPEG, TIFF)."
        )
        return _refused(filename, "unsupported", message)
    return None


def store_one(session: Session, upload: UploadFile, limit: int, user_id: int, confirm: bool) -> UploadOutcome:
    """Check, read, extract and store one file (committed), or say why not (nothing written)."""
    filename = clean_filename(upload.filename)
    data = upload.file.read(limit + 1)
    refused = _precheck(filename, data, limit)
    if refused:
        return refused
    try:
        ingested = ingest(session, filename, data, user_id, confirm)
    except ReadError as error:
        session.rollback()
        kind, message = read_reason(error)
        return _refused(filename, kind, message, error.reason)
    except Exception:  # one file's surprise must not lose the others' results
        session.rollback()
        log.exception("storing the upload %r failed", filename)
        return _refused(filename, "failed", "Lỗi không mong đợi khi xử lý tệp này; hãy thử lại hoặc báo quản trị.")
    document = ingested.document
    count = sum(not t.deleted for t in document.tasks)
    status = "created" if ingested.created else "exists"
    return UploadOutcome(filename=filename, status=status, document=document, task_count=count)
