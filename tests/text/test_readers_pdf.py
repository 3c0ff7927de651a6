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


NOTICE_LINES = [
    "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh về chuyển đổi số",
    "1. Giao Sở Tài chính bố trí kinh phí trước ngày 30/6/2026.",
    "2. Giao Sở Nội vụ rà soát biên chế trong tháng 7/2026.",
]


def _draw_lines(pdf, font, lines=NOTICE_LINES, x=72, top=500, size=12):
    pdf.setFont(font, size)
    for index, line in enumerate(lines):
        pdf.drawString(x, top - 1.5 * size * index, line)


@pytest.mark.parametrize("angle", [90, 180, 270])
def test_text_turned_on_the_page_is_read_in_its_own_direction(tmp_path, pdf_font, angle):
    pdf = canvas.Canvas(str(tmp_path / "tb.pdf"))
    pdf.translate(300, 420)
    pdf.rotate(angle)
    pdf.translate(-300, -420)
    _draw_lines(pdf, pdf_font)
    pdf.save()
    assert read_text(tmp_path / "tb.pdf").split("\n") == NOTICE_LINES


def test_a_page_turned_by_its_rotate_entry_is_read(tmp_path, pdf_font):
    from pypdf import PdfReader, PdfWriter

    pdf = canvas.Canvas(str(tmp_path / "plain.pdf"))
    _draw_lines(pdf, pdf_font)
    pdf.save()
    writer = PdfWriter(clone_from=PdfReader(tmp_path / "plain.pdf"))
    writer.pages[0].rotate(90)
    with (tmp_path / "tb.pdf").open("wb") as handle:
        writer.write(handle)
    assert read_text(tmp_path / "tb.pdf").split("\n") == NOTICE_LINES


def test_a_slanted_stamp_is_left_out(tmp_path, pdf_font):
    pdf = canvas.Canvas(str(tmp_path / "tb.pdf"))
    _draw_lines(pdf, pdf_font)
    pdf.translate(200, 300)
    pdf.rotate(45)
    pdf.setFont(pdf_font, 30)
    pdf.drawString(0, 0, "BẢN SAO")
    pdf.save()
    assert read_text(tmp_path / "tb.pdf").split("\n") == NOTICE_LINES


def test_glyphs_drawn_out_of_order_are_put_back_where_they_were_printed(tmp_path, pdf_font):
    """What word processors do with letters their font lacks: drawn later, by a fallback font, in place."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pdf = canvas.Canvas(str(tmp_path / "tb.pdf"))
    pdf.setFont(pdf_font, 12)
    for index, line in enumerate(NOTICE_LINES):
        y = 500 - 18 * index
        later = []
        for position, char in enumerate(line):
            x = 72 + stringWidth(line[:position], pdf_font, 12)
            (later if not char.isascii() else []).append((x, char))
            if char.isascii():
                pdf.drawString(x, y, char)
        for x, char in later:  # the "fallback font" pass, after the line
            pdf.drawString(x, y, char)
    pdf.save()
    assert read_text(tmp_path / "tb.pdf").split("\n") == NOTICE_LINES


def test_header_and_signature_columns_are_read_one_after_the_other(tmp_path, pdf_font):
    header = [
        ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("TỈNH LÂM ĐỒNG", "Độc lập - Tự do - Hạnh phúc"),
        ("Số: 125/TB-UBND", "Lâm Đồng, ngày 15 tháng 5 năm 2026"),
    ]
    signature = [("Nơi nhận:", "TL. CHỦ TỊCH"), ("- Như trên;", "CHÁNH VĂN PHÒNG"), ("- Lưu: VT.", "")]
    pdf = canvas.Canvas(str(tmp_path / "tb.pdf"))
    pdf.setFont(pdf_font, 12)
    for index, (left, right) in enumerate(header):
        pdf.drawCentredString(150, 780 - 16 * index, left)
        pdf.drawCentredString(400, 780 - 16 * index, right)
    _draw_lines(pdf, pdf_font, x=72, top=700)
    for index, (left, right) in enumerate(signature):
        pdf.drawString(72, 560 - 16 * index, left)
        pdf.drawCentredString(400, 560 - 16 * index, right)
    pdf.drawCentredString(400, 480, "Trần Thị Bình")  # below the space for the signature
    pdf.save()
    columns = [*(left for left, _ in header), *(right for _, right in header), *NOTICE_LINES]
    columns += [left for left, _ in signature] + [right for _, right in signature if right] + ["Trần Thị Bình"]
    assert read_text(tmp_path / "tb.pdf").split("\n") == columns


def test_footnotes_and_their_calls_are_left_out_like_the_docx_reader_does(tmp_path, pdf_font):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pdf = canvas.Canvas(str(tmp_path / "tb.pdf"))
    _draw_lines(pdf, pdf_font, lines=NOTICE_LINES[:2])
    line = "Ngày 10/5/2026, Chủ tịch UBND tỉnh làm việc với các sở"
    pdf.drawString(72, 464, line)
    pdf.setFont(pdf_font, 7)
    pdf.drawString(72 + stringWidth(line, pdf_font, 12), 468, "1")
    pdf.setFont(pdf_font, 12)
    pdf.drawString(72, 446, NOTICE_LINES[2])
    pdf.setFont(pdf_font, 9)
    pdf.drawString(72, 60, "1 Tham dự có lãnh đạo các sở: Tài chính, Nội vụ.")
    pdf.save()
    assert read_text(tmp_path / "tb.pdf").split("\n") == [*NOTICE_LINES[:2], line, NOTICE_LINES[2]]


def test_an_exponent_without_a_footnote_stays(tmp_path, pdf_font):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pdf = canvas.Canvas(str(tmp_path / "tb.pdf"))
    _draw_lines(pdf, pdf_font, lines=[*NOTICE_LINES[:2], "Diện tích 75 m"])
    pdf.setFont(pdf_font, 7)
    pdf.drawString(72 + stringWidth("Diện tích 75 m", pdf_font, 12), 464 + 7, "2")  # raised more than the
    pdf.save()  # baseline tolerance: a row of its own, put back into its line
    assert read_text(tmp_path / "tb.pdf").split("\n")[-1] == "Diện tích 75 m2"


def test_too_many_pages_are_refused_before_any_is_read(tmp_path, pdf_font, monkeypatch):
    from chidao.text.readers import pdf as reader

    monkeypatch.setattr(reader, "MAX_PAGES", 2)
    assert _reason(make_pdf(tmp_path / "tb.pdf", PAGES, pdf_font)) == "PDF too long (3 pages > 2)"


def test_a_page_with_too_much_text_is_refused(tmp_path, pdf_font, monkeypatch):
    from chidao.text.readers import pdf as reader

    monkeypatch.setattr(reader, "MAX_PAGE_GLYPHS", 100)
    assert _reason(make_pdf(tmp_path / "tb.pdf", PAGES, pdf_font)).startswith("PDF page 1 has too much text (")


@pytest.mark.parametrize(("user", "readable"), [("", True), ("mat-khau", False)])
def test_aes_encrypted_pdfs(tmp_path, pdf_font, user, readable):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(make_pdf(tmp_path / "plain.pdf", PAGES, pdf_font)))
    writer.encrypt(user_password=user, owner_password="chu-so-huu", algorithm="AES-256")
    with (tmp_path / "tb.pdf").open("wb") as handle:
        writer.write(handle)
    if readable:
        assert read_text(tmp_path / "tb.pdf").split("\n") == EXPECTED
    else:
        assert _reason(tmp_path / "tb.pdf") == "encrypted PDF"


def test_pdfs_read_in_several_threads_at_once(tmp_path, pdf_font):
    """PDFium is not thread-safe; the reader's lock lets a web server's threads share it."""
    from concurrent.futures import ThreadPoolExecutor

    paths = [make_pdf(tmp_path / f"tb{n}.pdf", PAGES, pdf_font) for n in range(4)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        texts = list(pool.map(read_text, paths * 5))
    assert all(text.split("\n") == EXPECTED for text in texts)
