"""A reader's failure is told to the clerk by its code (issue 9): one row per code of
``chidao.text.readers.errors.Failure``, and real files that the readers refuse with that code."""

from __future__ import annotations

import pytest

from chidao.text import ReadError
from chidao.text.readers import read_bytes
from chidao.text.readers.errors import Failure
from chidao.web.pages.uploads.files import READ_FAILURES, UNREADABLE, read_reason

# Codes the upload page never sees: the size check before the reader refuses a large file, and
# the command line alone reads paths. They get the generic message.
GENERIC = {
    Failure.TOO_LARGE,
    Failure.NO_FILE,
    Failure.NOT_A_FILE,
    Failure.PERMISSION_DENIED,
    Failure.CANNOT_OPEN,
    Failure.INVALID_NAME,
}
MESSAGES = [
    (Failure.EMPTY, "empty", "Tệp rỗng, không có nội dung."),
    (Failure.NO_TEXT, "empty", "Tệp không có nội dung chữ."),
    (
        Failure.NO_TEXT_LAYER,
        "unreadable",
        "Tệp PDF không có lớp chữ, và nhận dạng chữ (OCR) không tìm thấy nội dung đọc được.",
    ),
    (
        Failure.GARBLED,
        "unreadable",
        "Lớp chữ của tệp PDF bị lỗi phông nên không đọc đúng tiếng Việt; hãy xuất lại PDF từ tệp gốc hoặc nhận dạng"
        " chữ (OCR).",
    ),
    (Failure.PDF_TOO_LONG, "too_large", "Tệp PDF quá dài (quá nhiều trang) để đọc."),
    (Failure.PDF_PAGE_TOO_DENSE, "too_large", "Tệp PDF có trang chứa quá nhiều chữ để đọc."),
    (Failure.ENCRYPTED, "unreadable", "Tệp đã được mã hóa (đặt mật khẩu) nên không đọc được."),
    (Failure.LEGACY_ENCODING, "unreadable", "Tệp dùng bảng mã tiếng Việt cũ; hãy chuyển sang Unicode trước."),
    (Failure.UNSUPPORTED_TYPE, "unsupported", "Định dạng tệp không được hỗ trợ."),
    (Failure.UNKNOWN_ENCODING, "unreadable", "Tệp văn bản không dùng bảng mã UTF-8 hay bảng mã nào đọc được."),
    (Failure.DOCX_TOO_LARGE, "too_large", "Tệp DOCX quá lớn sau khi giải nén."),
    (Failure.WRONG_TYPE, "unreadable", "Nội dung tệp không đúng với định dạng theo tên tệp (tệp đã bị đổi đuôi?)."),
    (Failure.BINARY, "unreadable", "Nội dung tệp không phải văn bản."),
    (Failure.INVALID_TEXT, "unreadable", "Tệp văn bản bị lỗi mã hóa ký tự."),
    (Failure.CORRUPT, "unreadable", "Tệp bị hỏng, không đọc được."),
    (Failure.TOO_MANY_TASKS, "too_large", "Văn bản giao quá nhiều nhiệm vụ; hãy tách thành nhiều văn bản."),
    (Failure.DOCX_TOO_MANY_PARTS, "too_large", "Tệp DOCX chứa quá nhiều thành phần để đọc."),
    (Failure.DOCX_COMPRESSION, "unreadable", "Tệp DOCX được nén bất thường (nghi là tệp độc hại) nên không đọc."),
    (
        Failure.DOCX_UNSAFE_XML,
        "unreadable",
        "Tệp DOCX chứa khai báo XML (DTD, thực thể) mà Word không tạo ra nên không đọc.",
    ),
    (Failure.DOCX_XML_LIMIT, "unreadable", "Cấu trúc XML của tệp DOCX lồng quá sâu hoặc quá dài để đọc."),
    (Failure.PDF_TOO_MUCH_TEXT, "too_large", "Tệp PDF có quá nhiều chữ để đọc."),
    (Failure.HTML_TOO_LARGE, "too_large", "Trang HTML quá lớn để đọc."),
    (Failure.HTML_TOO_COMPLEX, "too_large", "Trang HTML có quá nhiều thẻ để đọc."),
    (Failure.NEEDS_MEMORY, "too_large", "Đọc tệp này cần nhiều bộ nhớ hơn mức cho phép."),
    (Failure.NEEDS_TIME, "too_large", "Đọc tệp này mất nhiều thời gian hơn mức cho phép."),
    (Failure.READER_CRASHED, "unreadable", "Bộ đọc tệp dừng đột ngột khi đọc tệp này; tệp có thể bị hỏng."),
    (Failure.BUSY, "failed", "Máy chủ đang đọc nhiều tệp khác; hãy thử lại sau ít phút."),
    (
        Failure.NO_CONVERTER,
        "unsupported",
        "Máy chủ chưa cài LibreOffice nên chưa đọc được tệp Word 97 (.doc), ODT hoặc RTF; hãy lưu tệp thành DOCX.",
    ),
    (
        Failure.NO_OCR,
        "unsupported",
        "Tệp là bản quét hoặc ảnh, cần nhận dạng chữ (OCR), nhưng máy chủ chưa cài Tesseract tiếng Việt.",
    ),
    (
        Failure.CONVERSION_FAILED,
        "unreadable",
        "Không chuyển đổi được tệp Word 97 (.doc), ODT hoặc RTF này (tệp hỏng?); hãy mở và lưu lại thành DOCX.",
    ),
    *[(code, "unreadable", UNREADABLE) for code in sorted(GENERIC)],
]


@pytest.mark.parametrize(("code", "kind", "message"), MESSAGES)
def test_each_code_has_its_message(code, kind, message):
    assert read_reason(ReadError("tep.pdf", "any English reason", code)) == (kind, message)


def test_every_code_is_either_worded_or_knowingly_generic():
    assert set(READ_FAILURES) | GENERIC == set(Failure) and not set(READ_FAILURES) & GENERIC
    assert len(MESSAGES) == len(Failure)


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("a.txt", b"  \n\t ", Failure.EMPTY),
        ("a.html", b"<html><body><p>  </p></body></html>", Failure.NO_TEXT),
        ("a.txt", bytes(range(1, 32)) * 40, Failure.BINARY),
        ("a.pdf", "Thông báo kết luận".encode(), Failure.WRONG_TYPE),
        ("a.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, Failure.ENCRYPTED),  # an encrypted DOCX
        ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, Failure.ENCRYPTED),  # no Word stream
        ("a.docx", b"PK\x03\x04" + b"\x00" * 100, Failure.CORRUPT),
        ("a.exe", b"MZ\x90\x00\x03" + b"\x00" * 200, Failure.UNSUPPORTED_TYPE),
    ],
)
def test_the_readers_refuse_with_a_code(name, data, code):
    with pytest.raises(ReadError) as refused:
        read_bytes(data, name)
    assert refused.value.code == code, refused.value.reason
