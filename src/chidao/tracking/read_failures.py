"""What a reader's failure means for a clerk, in Vietnamese: its kind (how the upload pages file
it: "empty", "unreadable", "unsupported", "too_large", "failed") and message, by the reader's
code. Shared by the upload pages and the upload queue, whose failed jobs keep the message."""

from __future__ import annotations

from chidao.text import ReadError
from chidao.text.readers.errors import Failure

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


def read_reason(error: ReadError) -> tuple[str, str]:
    """The kind ("empty", "unreadable", "unsupported", "too_large") and Vietnamese message of a
    read failure, by its code."""
    return READ_FAILURES.get(error.code, ("unreadable", UNREADABLE))
