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
from chidao.text.readers.errors import Failure
from chidao.web.review_actions import ingest
from chidao.web.uploads import clean_filename, unsupported

log = logging.getLogger("chidao.web.pages")
ACCEPTED = ".docx,.doc,.odt,.rtf,.pdf,.html,.htm,.txt,.md,.png,.jpg,.jpeg,.tif,.tiff"
UNREADABLE = "Không đọc được nội dung tệp."
# What a reader's failure means for the clerk: its kind (how the result page files it) and
# message, by the reader's code. Codes not listed (a file too large for the reader, which the
# size check before it already refuses; the path errors of the command line) get UNREADABLE.
READ_FAILURES: dict[Failure, tuple[str, str]] = {
    Failure.EMPTY: ("empty", "Tệp rỗng, không có nội dung."),
    Failure.NO_TEXT: ("empty", "Tệp không có nội dung chữ."),
    Failure.NO_TEXT_LAYER: (
        "unreadable",
        "Tệp PDF không có lớp chữ, và nhận dạng chữ (OCR) không tìm thấy nội dung đọc được.",
    ),
    Failure.GARBLED: (
        "unreadable",
        "Lớp chữ của tệp PDF bị lỗi phông nên không đọc đúng tiếng Việt; hãy xuất lại PDF từ tệp gốc"
        " hoặc nhận dạng chữ (OCR).",
    ),
    Failure.PDF_TOO_LONG: ("too_large", "Tệp PDF quá dài (quá nhiều trang) để đọc."),
    Failure.PDF_PAGE_TOO_DENSE: ("too_large", "Tệp PDF có trang chứa quá nhiều chữ để đọc."),
    Failure.ENCRYPTED: ("unreadable", "Tệp đã được mã hóa (đặt mật khẩu) nên không đọc được."),
    Failure.LEGACY_ENCODING: ("unreadable", "Tệp dùng bảng mã tiếng Việt cũ; hãy chuyển sang Unicode trước."),
    Failure.UNSUPPORTED_TYPE: ("unsupported", "Định dạng tệp không được hỗ trợ."),
    Failure.UNKNOWN_ENCODING: ("unreadable", "Tệp văn bản không dùng bảng mã UTF-8 hay bảng mã nào đọc được."),
    Failure.DOCX_TOO_LARGE: ("too_large", "Tệp DOCX quá lớn sau khi giải nén."),
    Failure.DOCX_TOO_MANY_PARTS: ("too_large", "Tệp DOCX chứa quá nhiều thành phần để đọc."),
    Failure.DOCX_COMPRESSION: ("unreadable", "Tệp DOCX được nén bất thường (nghi là tệp độc hại) nên không đọc."),
    Failure.DOCX_UNSAFE_XML: (
        "unreadable",
        "Tệp DOCX chứa khai báo XML (DTD, thực thể) mà Word không tạo ra nên không đọc.",
    ),
    Failure.DOCX_XML_LIMIT: ("unreadable", "Cấu trúc XML của tệp DOCX lồng quá sâu hoặc quá dài để đọc."),
    Failure.PDF_TOO_MUCH_TEXT: ("too_large", "Tệp PDF có quá nhiều chữ để đọc."),
    Failure.HTML_TOO_LARGE: ("too_large", "Trang HTML quá lớn để đọc."),
    Failure.HTML_TOO_COMPLEX: ("too_large", "Trang HTML có quá nhiều thẻ để đọc."),
    Failure.NEEDS_MEMORY: ("too_large", "Đọc tệp này cần nhiều bộ nhớ hơn mức cho phép."),
    Failure.NEEDS_TIME: ("too_large", "Đọc tệp này mất nhiều thời gian hơn mức cho phép."),
    Failure.READER_CRASHED: ("unreadable", "Bộ đọc tệp dừng đột ngột khi đọc tệp này; tệp có thể bị hỏng."),
    Failure.BUSY: ("failed", "Máy chủ đang đọc nhiều tệp khác; hãy thử lại sau ít phút."),
    Failure.NO_CONVERTER: (
        "unsupported",
        "Máy chủ chưa cài LibreOffice nên chưa đọc được tệp Word 97 (.doc), ODT hoặc RTF; hãy lưu tệp thành DOCX.",
    ),
    Failure.CONVERSION_FAILED: (
        "unreadable",
        "Không chuyển đổi được tệp Word 97 (.doc), ODT hoặc RTF này (tệp hỏng?); hãy mở và lưu lại thành DOCX.",
    ),
    Failure.NO_OCR: (
        "unsupported",
        "Tệp là bản quét hoặc ảnh, cần nhận dạng chữ (OCR), nhưng máy chủ chưa cài Tesseract tiếng Việt.",
    ),
    Failure.TOO_MANY_TASKS: ("too_large", "Văn bản giao quá nhiều nhiệm vụ; hãy tách thành nhiều văn bản."),
    Failure.WRONG_TYPE: ("unreadable", "Nội dung tệp không đúng với định dạng theo tên tệp (tệp đã bị đổi đuôi?)."),
    Failure.BINARY: ("unreadable", "Nội dung tệp không phải văn bản."),
    Failure.INVALID_TEXT: ("unreadable", "Tệp văn bản bị lỗi mã hóa ký tự."),
    Failure.CORRUPT: ("unreadable", "Tệp bị hỏng, không đọc được."),
}


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


def read_reason(error: ReadError) -> tuple[str, str]:
    """The kind ("empty", "unreadable", "unsupported", "too_large") and Vietnamese message of a
    read failure, by its code."""
    return READ_FAILURES.get(error.code, ("unreadable", UNREADABLE))


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
