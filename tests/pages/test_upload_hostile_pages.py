"""Hostile files through the upload page (issue 10, "Bounded parsing"): each refused with its
Vietnamese reason by its code, nothing stored for it, the good file beside them stored."""

from __future__ import annotations

from siteclient import EXAMPLES, HEALTH
from test_upload_pages import outcomes, upload

from bombs import docx_parts, docx_with, page_tree_bomb, zip_bytes

LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    "<w:document>&b;</w:document>"
)


def test_bombs_are_refused_in_vietnamese_and_the_good_file_is_stored(site):
    files = [
        ("cay-trang.pdf", page_tree_bomb()),
        ("thuc-the.docx", docx_with(document=LAUGHS.encode())),
        ("nhieu-phan.docx", zip_bytes({**docx_parts(), **{f"word/media/{i}.png": b"x" for i in range(1_500)}})),
        (HEALTH, (EXAMPLES / HEALTH).read_bytes()),
    ]
    response = upload(site.login("clerk"), *files)
    assert response.status_code == 200
    assert outcomes(response.text) == [
        ("error", "too_large", "cay-trang.pdf"),
        ("error", "unreadable", "thuc-the.docx"),
        ("error", "too_large", "nhieu-phan.docx"),
        ("created", "", HEALTH),
    ]
    assert "Tệp PDF quá dài (quá nhiều trang) để đọc." in response.text
    assert "Tệp DOCX chứa khai báo XML (DTD, thực thể) mà Word không tạo ra nên không đọc." in response.text
    assert "Tệp DOCX chứa quá nhiều thành phần để đọc." in response.text
