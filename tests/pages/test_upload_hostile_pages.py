"""Hostile files through the upload page (issue 10, "Bounded parsing"): each refused with its
Vietnamese reason by its code once the queue's worker read it, nothing stored for it, the good
file beside them stored."""

from __future__ import annotations

import re

from siteclient import EXAMPLES, HEALTH
from sqlalchemy import select
from test_upload_pages import upload

from bombs import docx_parts, docx_with, page_tree_bomb, zip_bytes
from chidao.store.engine import session_factory
from chidao.store.models import Document
from chidao.tracking.ingest_queue import drain

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
    browser = site.login("clerk")
    response = upload(browser, *files)
    assert response.status_code == 303 and response.headers["location"] == "/uploads"
    drain(session_factory(site.engine))  # the queue's worker reads them
    listing = browser.get("/uploads").text
    rows = re.findall(r'<tr data-status="(\w+)">\s*<td><a href="/uploads/\d+">([^<]*)</a>', listing)
    assert rows[::-1] == [
        ("failed", "cay-trang.pdf"),
        ("failed", "thuc-the.docx"),
        ("failed", "nhieu-phan.docx"),
        ("done", HEALTH),
    ]
    assert "Tệp PDF quá dài (quá nhiều trang) để đọc." in listing
    assert "Tệp DOCX chứa khai báo XML (DTD, thực thể) mà Word không tạo ra nên không đọc." in listing
    assert "Tệp DOCX chứa quá nhiều thành phần để đọc." in listing
    with session_factory(site.engine)() as session:
        assert session.scalars(select(Document.filename)).all() == [HEALTH]
