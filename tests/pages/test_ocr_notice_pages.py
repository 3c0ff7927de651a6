"""A document read by OCR says so on its review and document pages, with each page's
confidence and the doubtful pages flagged; a document that had its text says nothing of OCR.
(How a scan comes to carry its pages is tested in tests/tracking/test_ocr_documents.py.)"""

from __future__ import annotations

import re

from siteclient import CONVERSION
from sqlalchemy.orm.attributes import flag_modified

from chidao.store.engine import session_factory
from chidao.store.models import Document

NOTICE = 'id="ocr-notice"'


def read_by_ocr(site, document_id: int, pages: list[dict]) -> None:
    """Give the stored document the particulars a scan's reading leaves."""
    with session_factory(site.engine)() as session:
        document = session.get(Document, document_id)
        document.meta = {**document.meta, "ocr": pages}
        flag_modified(document, "meta")
        session.commit()


def notice(page: str) -> str:
    return re.sub(r"\s+", " ", page.split(NOTICE)[1].split("</div>")[0])


def test_the_review_page_marks_ocr_text_and_flags_doubtful_pages(site):
    draft = site.document(CONVERSION, confirm=False)
    read_by_ocr(site, draft["id"], [{"page": 1, "confidence": 91.4}, {"page": 2, "confidence": 62.0}])
    page = site.login("clerk").get(f"/documents/{draft['id']}/review").text
    shown = notice(page)
    assert "Nhận dạng chữ (OCR)" in shown and "đối chiếu" in shown
    assert "trang 1: 91%</span>" in shown
    assert '<span class="ocr-page ocr-low">trang 2: 62% (thấp, cần kiểm tra kỹ)</span>' in shown
    assert f'href="/documents/{draft["id"]}/original"' in shown


def test_the_document_page_marks_it_too_and_the_api_returns_the_pages(site):
    document = site.document(CONVERSION, confirm=True)
    read_by_ocr(site, document["id"], [{"page": 1, "confidence": 88.0}])
    page = site.login("clerk").get(f"/documents/{document['id']}").text
    assert "trang 1: 88%" in notice(page) and "ocr-low" not in notice(page)
    detail = site.api("GET", f"/documents/{document['id']}").json()
    assert detail["meta"]["ocr"] == [{"page": 1, "confidence": 88.0}]


def test_a_document_with_its_own_text_has_no_ocr_notice(site):
    draft = site.document(CONVERSION, confirm=False)
    browser = site.login("clerk")
    assert NOTICE not in browser.get(f"/documents/{draft['id']}/review").text
    assert NOTICE not in browser.get(f"/documents/{draft['id']}").text
