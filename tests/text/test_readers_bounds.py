"""Hostile files cost the readers little (issue 10, "Bounded parsing"): each cap is checked before
the work it bounds, and each refusal has its own code and a one-line reason."""

from __future__ import annotations

import io
import os
import re
import time

import pytest

from bombs import (
    MB,
    XML_RUN,
    Repeat,
    docx_parts,
    docx_with,
    nested_html,
    page_tree_bomb,
    pdf_bytes,
    zip_bytes,
)
from chidao.text.readers import archive, read_bytes
from chidao.text.readers import html_tree as html_tree_module
from chidao.text.readers import pdf as pdf_module
from chidao.text.readers.errors import Failure, ReadError

FAST = 10.0  # seconds: generous, only to catch a reader that does the work before the check


def refused(data: bytes, name: str) -> ReadError:
    started = time.monotonic()
    with pytest.raises(ReadError) as caught:
        read_bytes(data, name)
    assert time.monotonic() - started < FAST
    assert "\n" not in caught.value.reason
    return caught.value


def test_a_document_xml_that_inflates_to_300_mb_is_refused_from_its_header():
    bomb = docx_with(document=Repeat(XML_RUN * 16_000, 300))
    assert len(bomb) < MB
    error = refused(bomb, "tb.docx")
    assert error.code == Failure.DOCX_TOO_LARGE
    assert error.reason == "DOCX file too large once uncompressed (word/document.xml: 288 MB > 64 MB)"


def test_a_one_gigabyte_styles_xml_is_refused():
    bomb = docx_with(styles=Repeat(b" " * MB, 1024))
    assert len(bomb) < 1.1 * MB
    assert refused(bomb, "tb.docx").code == Failure.DOCX_TOO_LARGE


def test_parts_within_their_cap_but_too_large_together_are_refused(monkeypatch):
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 2 * MB)
    bomb = zip_bytes({**docx_parts(), **{f"word/media/image{i}.bin": os.urandom(MB) for i in range(3)}})
    error = refused(bomb, "tb.docx")
    assert error.code == Failure.DOCX_TOO_LARGE and "all parts together" in error.reason


def test_a_header_that_understates_the_size_is_caught_when_inflating():
    # The header says 1 MB, the stream holds 200 MB: zipfile stops at 1 MB and the CRC fails.
    bomb = docx_with(document=Repeat(XML_RUN * 16_000, 200, declared=MB))
    assert refused(bomb, "tb.docx").code == Failure.CORRUPT


def test_a_part_packed_tighter_than_any_document_is_refused():
    bomb = docx_with(document=Repeat(b" " * MB, 40))  # 40 MB, under the part's cap, packed 1000 to 1
    error = refused(bomb, "tb.docx")
    assert error.code == Failure.DOCX_COMPRESSION and "ZIP bomb" in error.reason


@pytest.mark.parametrize("name", ["tb.docx", "tb"])
def test_an_archive_of_thousands_of_members_is_refused_before_it_is_opened(name):
    members = {**docx_parts(), **{f"word/media/{i}.png": b"x" for i in range(5_000)}}
    error = refused(zip_bytes(members), name)
    assert error.code == Failure.DOCX_TOO_MANY_PARTS
    assert archive.declared_parts(zip_bytes(members)) == len(members)


def test_a_dtd_with_entities_is_refused_before_any_parser_sees_it():
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    document = f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY l0 "lol">{laughs}]><w:document>&l9;</w:document>'
    error = refused(docx_with(document=document.encode()), "tb.docx")
    assert error.code == Failure.DOCX_UNSAFE_XML
    assert error.reason == "DOCX part word/document.xml declares a DTD or entities, which Word never writes"


def test_xml_nested_past_the_parser_limit_is_refused_with_its_code():
    parts = docx_parts()
    body = b"<w:sdt><w:sdtContent>" * 200 + b"</w:sdtContent></w:sdt>" * 200
    parts["word/document.xml"] = re.sub(rb"<w:body>", b"<w:body>" + body, parts["word/document.xml"])
    error = refused(zip_bytes(parts), "tb.docx")
    assert error.code == Failure.DOCX_XML_LIMIT and "Excessive depth" in error.reason


def test_a_real_docx_still_reads():
    assert read_bytes(zip_bytes(docx_parts()), "tb.docx") == "Giao Sở Y tế chủ trì thực hiện."


def test_a_page_tree_that_repeats_one_page_90000_times_is_refused_at_once():
    bomb = page_tree_bomb()
    assert len(bomb) < 1600
    error = refused(bomb, "tb.pdf")
    assert error.code == Failure.PDF_TOO_LONG and error.reason == "PDF too long (90000 pages > 300)"


@pytest.mark.parametrize(
    "kids",
    [
        "2 0 R 3 0 R",  # the root lists itself
        " ".join(["3 0 R"] * 20_000),  # one page 20,000 times, the count says 5
    ],
)
def test_a_looping_or_lying_page_tree_costs_nothing(kids):
    page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"
    bomb = pdf_bytes(
        {1: "<< /Type /Catalog /Pages 2 0 R >>", 2: f"<< /Type /Pages /Kids [{kids}] /Count 5 >>", 3: page}
    )
    assert refused(bomb, "tb.pdf").code == Failure.NO_TEXT_LAYER


def test_the_whole_text_of_a_pdf_is_capped(pdf_font, monkeypatch):
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer)
    for _ in range(3):
        drawing.setFont(pdf_font, 11)
        drawing.drawString(72, 720, "Giao Sở Y tế chủ trì thực hiện kế hoạch tiêm chủng mở rộng năm 2026.")
        drawing.showPage()
    drawing.save()
    monkeypatch.setattr(pdf_module, "MAX_GLYPHS", 100)
    error = refused(buffer.getvalue(), "tb.pdf")
    assert error.code == Failure.PDF_TOO_MUCH_TEXT
    assert error.reason == "PDF has too much text (over 100 characters by page 2)"


def test_an_html_page_over_its_size_is_refused_unparsed():
    error = refused(nested_html(11 * MB), "tb.html")
    assert error.code == Failure.HTML_TOO_LARGE and error.reason == "HTML page too large (11.0 MB > 10 MB)"


def test_a_deeply_nested_page_is_refused_by_its_number_of_tags(monkeypatch):
    monkeypatch.setattr(html_tree_module, "MAX_TAGS", 20_000)
    error = refused(nested_html(200_000), "tb.html")
    assert error.code == Failure.HTML_TOO_COMPLEX and error.reason == "HTML page too complex (over 20,000 tags)"


def test_tags_left_open_at_the_end_of_a_page_cost_linear_time():
    page = "<html><body><p>Thông báo kết luận</p>" + "<a" * 100_000  # html.parser alone: about 20 s
    started = time.monotonic()
    text = read_bytes(page.encode(), "tb.html")
    assert time.monotonic() - started < FAST
    assert text.startswith("Thông báo kết luận\n<a<a")
