"""PDF: text of every page in order, running headers/footers and page numbers removed."""

from __future__ import annotations

import pytest

pytest.importorskip("reportlab")
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

from chidao.text import ReadError, read_text
from chidao.text.readers.pdf import join_hyphenated, strip_running_lines

HEADER = "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"
PAGES = [
    [
        "THÔNG BÁO",
        "Kết luận của Phó Chủ tịch UBND tỉnh về công tác chuyển đổi số",
        "1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các cơ quan kinh tế-",
        "xã hội triển khai nền tảng số.",
    ],
    [
        "2. Giao Sở Tài chính bố trí kinh phí thực hiện trong năm 2026.",
        "3. Giao Sở Nội vụ chia sẻ dữ liệu cán bộ (personnel infor-",
        "mation) với các ngành.",
    ],
    ["4. Văn phòng UBND tỉnh theo dõi, đôn đốc./."],
]


def make_pdf(path, pages, font, *, header=HEADER, footer="Trang {n}/{total}", encrypt=None):
    """Draw ``pages`` of lines with a running header and footer, like a printed notice."""
    pdf = canvas.Canvas(str(path), encrypt=encrypt)
    for number, lines in enumerate(pages, 1):
        pdf.setFont(font, 11)
        if header:
            pdf.drawString(72, 800, header)
        for index, line in enumerate(lines):
            pdf.drawString(72, 760 - 16 * index, line)
        if footer:
            pdf.drawCentredString(300, 40, footer.format(n=number, total=len(pages)))
        pdf.showPage()
    pdf.save()
    return path


def _reason(path) -> str:
    with pytest.raises(ReadError) as caught:
        read_text(path)
    return caught.value.reason


EXPECTED = [
    "THÔNG BÁO",
    "Kết luận của Phó Chủ tịch UBND tỉnh về công tác chuyển đổi số",
    "1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các cơ quan kinh tế-xã hội triển khai nền tảng số.",
    "2. Giao Sở Tài chính bố trí kinh phí thực hiện trong năm 2026.",
    "3. Giao Sở Nội vụ chia sẻ dữ liệu cán bộ (personnel information) với các ngành.",
    "4. Văn phòng UBND tỉnh theo dõi, đôn đốc./.",
]


def test_pages_in_order_without_running_header_and_footer(tmp_path, pdf_font):
    assert read_text(make_pdf(tmp_path / "tb.pdf", PAGES, pdf_font)).split("\n") == EXPECTED


@pytest.mark.parametrize("footer", ["- {n} -", "{n}", "Trang {n}", "Page {n} of {total}", "{n}/{total}", "Tr. {n}"])
def test_page_number_styles_are_removed(tmp_path, pdf_font, footer):
    text = read_text(make_pdf(tmp_path / "tb.pdf", PAGES, pdf_font, header=None, footer=footer))
    assert text.split("\n") == EXPECTED


def test_single_page_keeps_its_header_but_not_its_page_number(tmp_path, pdf_font):
    text = read_text(make_pdf(tmp_path / "tb.pdf", PAGES[:1], pdf_font))
    assert text.split("\n")[0] == HEADER
    assert "Trang" not in text


def test_owner_password_only_pdf_is_read(tmp_path, pdf_font):
    encrypt = pdfencrypt.StandardEncryption("", ownerPassword="chu-so-huu", canPrint=0)
    text = read_text(make_pdf(tmp_path / "tb.pdf", PAGES, pdf_font, encrypt=encrypt))
    assert text.startswith("THÔNG BÁO\n")


def test_password_protected_pdf(tmp_path, pdf_font):
    assert _reason(make_pdf(tmp_path / "tb.pdf", PAGES, pdf_font, encrypt="mat-khau")) == "encrypted PDF"


def test_pdf_encrypted_with_pypdf(tmp_path, pdf_font):
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", PAGES, pdf_font)
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt("mat-khau", algorithm="RC4-128")
    path = tmp_path / "tb.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    assert _reason(path) == "encrypted PDF"


def test_scanned_pdf_without_text_layer(tmp_path):
    pdf = canvas.Canvas(str(tmp_path / "scan.pdf"))
    for _ in range(2):
        pdf.rect(72, 400, 300, 200, fill=1)
        pdf.showPage()
    pdf.save()
    assert _reason(tmp_path / "scan.pdf") == "no text layer (scanned image?); OCR it first"


def test_pdf_with_only_page_numbers_has_no_text_layer(tmp_path, pdf_font):
    path = make_pdf(tmp_path / "tb.pdf", [[], []], pdf_font, header=None)
    assert _reason(path) == "no text layer (scanned image?); OCR it first"


def test_truncated_pdf(tmp_path, pdf_font):
    path = make_pdf(tmp_path / "tb.pdf", PAGES, pdf_font)
    path.write_bytes(path.read_bytes()[:400])
    assert "PDF" in _reason(path)


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        ([["Đầu trang", "A"], ["Đầu trang", "B"]], [["A"], ["B"]]),
        ([["Trang 1/3", "A"], ["Trang 2/3", "B"], ["Trang 3/3", "C"]], [["A"], ["B"], ["C"]]),
        ([["A", "- 1 -"], ["B", "- 2 -"]], [["A"], ["B"]]),
        ([["Chỉ một trang", "A"]], [["Chỉ một trang", "A"]]),
        ([["X", "1", "2", "3", "4", "5", "Y"]], [["X", "3", "Y"]]),
        ([["Giống", "A"], ["Khác", "B"], ["Lạ", "C"]], [["Giống", "A"], ["Khác", "B"], ["Lạ", "C"]]),
    ],
)
def test_strip_running_lines(pages, expected):
    assert strip_running_lines(pages) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["thông tin kinh tế-", "xã hội"], ["thông tin kinh tế-xã hội"]),
        (["the infor-", "mation flow"], ["the information flow"]),
        (["Bà Rịa-", "Vũng Tàu"], ["Bà Rịa-", "Vũng Tàu"]),
        (["Ủy viên -", "phó chủ tịch"], ["Ủy viên -", "phó chủ tịch"]),
        (["năm 2025-", "2026"], ["năm 2025-", "2026"]),
        (["a-", "b-", "c"], ["abc"]),
    ],
)
def test_join_hyphenated(lines, expected):
    assert join_hyphenated(lines) == expected
