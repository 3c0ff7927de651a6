"""A scan stored through the ingest use case keeps how it was read: the pages OCR read and
Tesseract's confidence for each, in the document's particulars (``meta["ocr"]``), which the API
returns and the review and document pages show so that the clerk checks the text."""

from __future__ import annotations

from sqlalchemy.orm import Session
from usecases import EXAMPLES

from chidao.tracking.ingest import add_document
from chidao.tracking.sandbox import read_document
from support.scans import encoded, require_tesseract, scan


def test_a_scan_keeps_its_pages_and_their_confidence(session: Session):
    require_tesseract()
    data = encoded(scan(), "PNG")
    extraction = read_document(data, "tb-quet.png")
    (page,) = extraction.to_dict()["document"]["ocr"]
    assert page["page"] == 1 and 0 < page["confidence"] <= 100
    document = add_document(session=session, filename="tb-quet.png", data=data).document
    assert document.meta["ocr"] == [page]
    assert len(document.tasks) == 2


def test_a_document_with_its_own_text_says_nothing_of_ocr(session: Session):
    name = "cv-giao-nhiem-vu-y-te.txt"
    data = (EXAMPLES / name).read_bytes()
    assert "ocr" not in read_document(data, name).to_dict()["document"]
    document = add_document(session=session, filename=name, data=data).document
    assert "ocr" not in document.meta
