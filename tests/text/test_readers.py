"""Readers: every file kind, and every way a file can be unreadable (one clear reason each)."""

import os
from pathlib import Path

import pytest

from chidao.text import ReadError, read_text

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
NOTICE = ["THÔNG BÁO", "Kết luận của Chủ tịch UBND tỉnh", "1. Giao Sở Nội vụ rà soát biên chế."]


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_plain_text_encodings(tmp_path, encoding):
    path = write(tmp_path, "tb.txt", "\n".join(NOTICE).encode(encoding))
    assert read_text(path).splitlines() == NOTICE


def test_markdown_is_text(tmp_path):
    assert "Kết luận" in read_text(write(tmp_path, "tb.md", "## **Kết luận**"))


def test_html_keeps_content_and_drops_navigation(tmp_path):
    page = """<html><head><meta charset="utf-8"><title>x</title><script>var a=1;</script></head><body>
    <div class="ribbon">Skip Ribbon Commands</div><nav><ul><li>Trang chủ</li></ul></nav>
    <div id="main-content"><h1>THÔNG BÁO</h1><p>Kết luận của Chủ tịch UBND tỉnh</p>
    <ul><li>Giao Sở Nội vụ rà soát</li></ul><table><tr><td>Số</td><td>12/TB</td></tr></table></div>
    <footer>Bản quyền</footer></body></html>"""
    text = read_text(write(tmp_path, "tb.html", page))
    assert text.splitlines() == [
        "THÔNG BÁO",
        "Kết luận của Chủ tịch UBND tỉnh",
        "- Giao Sở Nội vụ rà soát",
        "Số | 12/TB",
    ]


def test_docx_paragraphs_numbering_and_tables(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("THÔNG BÁO")
    document.add_paragraph("Giao Sở Nội vụ rà soát", style="List Number")
    document.add_paragraph("Giao Sở Tài chính bố trí kinh phí", style="List Number")
    document.add_paragraph("Tiếp tục theo dõi", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Nơi nhận"
    table.rows[0].cells[1].text = "KT. CHỦ TỊCH"
    path = tmp_path / "tb.docx"
    document.save(path)
    lines = read_text(path).splitlines()
    assert lines == [
        "THÔNG BÁO",
        "1. Giao Sở Nội vụ rà soát",
        "2. Giao Sở Tài chính bố trí kinh phí",
        "- Tiếp tục theo dõi",
        "Nơi nhận | KT. CHỦ TỊCH",
    ]


def _pdf(path, pages, *, encrypt=None, text=True):
    canvas_module = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if not FONT.exists():
        pytest.skip(f"font {FONT} not installed")
    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    canvas = canvas_module.Canvas(str(path), encrypt=encrypt)
    for number, lines in enumerate(pages, 1):
        canvas.setFont("DejaVu", 11)
        if text:
            canvas.drawString(72, 800, "ỦY BAN NHÂN DÂN TỈNH MẪU")
            y = 760
            for line in lines:
                canvas.drawString(72, y, line)
                y -= 16
            canvas.drawString(290, 40, f"Trang {number}")
        else:
            canvas.rect(72, 400, 300, 200, fill=1)
        canvas.showPage()
    canvas.save()
    return path


def test_pdf_pages_without_running_header_and_page_numbers(tmp_path):
    path = _pdf(tmp_path / "tb.pdf", [NOTICE, ["2. Giao Sở Tài chính bố trí kinh phí."]])
    lines = [ln.strip() for ln in read_text(path).splitlines() if ln.strip()]
    assert lines == [*NOTICE, "2. Giao Sở Tài chính bố trí kinh phí."]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\t ", "file is empty"),
        ("fake.pdf", "Thông báo".encode(), "not a PDF file"),
        ("fake.docx", "Thông báo".encode(), "not a DOCX file"),
        ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "encrypted or legacy .doc file"),
        ("broken.docx", b"PK\x03\x04" + b"\x00" * 64, "DOCX"),
        ("bin.txt", b"\x00\x01\x02\x03binary", "binary file"),
        ("tcvn3.txt", "Th«ng b¸o kÕt luËn cña Uû ban nh©n d©n tØnh".encode("latin-1"), "TCVN3"),
        ("latin.txt", b"\xe9t\xe9 \xe0 Paris \xff\xfe\xfd", "not UTF-8"),
        ("sheet.xlsx", b"\x01\x02 some bytes", "unsupported file type .xlsx"),
    ],
)
def test_unreadable_files(tmp_path, name, data, reason):
    with pytest.raises(ReadError) as error:
        read_text(write(tmp_path, name, data))
    assert reason in error.value.reason
    assert "\n" not in error.value.reason


def test_missing_directory_and_oversized(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read_text(tmp_path / "missing.txt")
    with pytest.raises(ReadError, match="is a directory"):
        read_text(tmp_path)
    path = write(tmp_path, "big.txt", "Thông báo " * 200)
    with pytest.raises(ReadError, match="file too large"):
        read_text(path, max_bytes=100)


def test_encrypted_and_image_only_pdf(tmp_path):
    encrypted = _pdf(tmp_path / "secret.pdf", [NOTICE], encrypt="mật khẩu")
    with pytest.raises(ReadError, match="encrypted PDF"):
        read_text(encrypted)
    scanned = _pdf(tmp_path / "scan.pdf", [NOTICE], text=False)
    with pytest.raises(ReadError, match="no text layer"):
        read_text(scanned)


def test_unknown_extension_is_sniffed(tmp_path):
    assert read_text(write(tmp_path, "notice.data", "<html><body><p>Thông báo</p></body></html>")) == "Thông báo"


def test_corpus_files_read(corpus):
    for path in sorted((corpus / "seeds").glob("*.txt")) + sorted((corpus / "dev").glob("*.txt")):
        text = read_text(path)
        assert any(c in text for c in "ăâđêôơư"), path


def test_permission_denied(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = write(tmp_path, "locked.txt", "x")
    path.chmod(0)
    with pytest.raises(ReadError, match="permission denied"):
        read_text(path)
