"""Notices for the PDF tests: written as DOCX with python-docx, printed to PDF by LibreOffice.

A notice is laid out as Nghị định 30/2020/NĐ-CP has it: a borderless two-column table for the
header (issuer and number / national motto, place and date), the kind and subject centred, the
body justified with a first-line indent, and a two-column table for "Nơi nhận:" and the
signature. LibreOffice is the printer real offices use besides Word; running it once per test
module on all the module's files keeps the tests fast.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
FONTS = ["Liberation Serif", "DejaVu Sans", "Noto Serif", "Noto Sans"]


@dataclass
class Notice:
    """The parts of a notice; ``body`` lines starting with "#" are bold headings."""

    issuer: list[str]
    number: str
    place_date: str
    kind: str
    subject: list[str]
    body: list[str]
    recipients: list[str] = field(default_factory=lambda: ["Nơi nhận:", "- Như trên;", "- Lưu: VT."])
    signature: list[str] = field(default_factory=lambda: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Nguyễn Văn An"])

    def lines(self) -> list[str]:
        """The text as the DOCX reader gives it: cells one after the other, one paragraph per line."""
        header = [*self.issuer, self.number, *_MOTTO, self.place_date, self.kind, *self.subject]
        body = [line.removeprefix("#") for line in self.body]
        return [*header, *body, *self.recipients, *[line for line in self.signature if line]]


_MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def write_docx(path: Path, notice: Notice, font: str, *, size: float = 14) -> Path:
    """Write ``notice`` as a DOCX in ``font`` at ``size`` points."""
    document = Document()
    _set_font(document, font, size)
    section = document.sections[0]
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    _columns(document, [*notice.issuer, notice.number], [*_MOTTO, notice.place_date], bold_rows=2, size=12)
    _paragraph(document, notice.kind, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=12)
    for line in notice.subject:
        _paragraph(document, line, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for index, line in enumerate(notice.body):
        heading = line.startswith("#")
        _paragraph(
            document,
            line.removeprefix("#"),
            bold=heading,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
            indent=Cm(1.27),
            before=12 if index == 0 else 6,
        )
    _columns(document, notice.recipients, notice.signature, bold_rows=1, small_left=True)
    document.save(str(path))
    return path


def _set_font(document, font: str, size: float) -> None:
    style = document.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(size)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), font)
    style.paragraph_format.space_after = Pt(0)


def _paragraph(document, text: str, *, bold=False, align=None, indent=None, before=0, cell=None, size=None):
    paragraph = (cell or document).add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(0)
    if indent is not None:
        paragraph.paragraph_format.first_line_indent = indent
    run = paragraph.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    return paragraph


def _columns(document, left: list[str], right: list[str], *, bold_rows: int, small_left=False, size=None) -> None:
    """A borderless table of one row and two cells, each holding centred lines."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = (Cm(6), Cm(10)) if not small_left else (Cm(8), Cm(8))
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for cell, lines, width in zip(table.rows[0].cells, (left, right), widths, strict=True):
        cell.width = width
        cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
        for index, line in enumerate(lines):
            left_cell = cell is table.rows[0].cells[0]
            align = WD_ALIGN_PARAGRAPH.LEFT if small_left and left_cell else WD_ALIGN_PARAGRAPH.CENTER
            small = 11 if small_left and left_cell and index else size
            _paragraph(document, line, bold=index < bold_rows, align=align, cell=cell, size=small)


def require_soffice() -> str:
    """LibreOffice's ``soffice``: skip without it, unless CI says it must be there."""
    if SOFFICE:
        return SOFFICE
    if os.environ.get("CHIDAO_REQUIRE_LIBREOFFICE"):
        pytest.fail("soffice is missing but CHIDAO_REQUIRE_LIBREOFFICE is set (make test installs it)")
    pytest.skip("LibreOffice is not installed (make test installs libreoffice-writer-nogui)")


def convert_to_pdf(documents: list[Path], outdir: Path) -> list[Path]:
    """PDFs of ``documents`` by one LibreOffice run (with a profile of its own, so runs never collide)."""
    soffice = require_soffice()
    profile = outdir / "lo-profile"
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *map(str, documents),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    pdfs = [outdir / (path.stem + ".pdf") for path in documents]
    missing = [pdf.name for pdf in pdfs if not pdf.exists()]
    assert not missing, f"LibreOffice did not write {missing}"
    return pdfs


def strip_unicode_maps(source: Path, target: Path, *, only: str | None = None) -> Path:
    """Copy a PDF without the ToUnicode maps of its fonts (all, or those whose name contains ``only``).

    Without the map a reader has nothing but the font's internal codes: what broken PDFs in
    the wild give (subset fonts saved without a map, fonts converted by old tools).
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=PdfReader(source))
    stripped = 0
    for page in writer.pages:
        fonts = page["/Resources"].get_object().get("/Font")
        for reference in (fonts.get_object() if fonts else {}).values():
            font = reference.get_object()
            if "/ToUnicode" in font and (only is None or only in str(font.get("/BaseFont", ""))):
                del font[NameObject("/ToUnicode")]
                stripped += 1
    assert stripped, f"no font of {source.name} had a ToUnicode map to strip"
    with target.open("wb") as handle:
        writer.write(handle)
    return target


# Three short notices of the genre, written for these tests: a conclusion notice with numbered
# and lettered items, a letter with its subject under the number and "-"/"+" items, and a plan
# with Roman-numbered headings. Each has task sentences long enough to wrap.
NOTICES = {
    "tb-ket-luan": Notice(
        issuer=["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"],
        number="Số: 125/TB-UBND",
        place_date="Lâm Đồng, ngày 15 tháng 5 năm 2026",
        kind="THÔNG BÁO",
        subject=["Kết luận của Phó Chủ tịch UBND tỉnh Nguyễn Văn An tại buổi làm việc về chuyển đổi số"],
        body=[
            "Ngày 10/5/2026, Phó Chủ tịch UBND tỉnh Nguyễn Văn An chủ trì buổi làm việc với các sở, ngành về"
            " tình hình triển khai chuyển đổi số. Sau khi nghe báo cáo và ý kiến của các đại biểu, Phó Chủ tịch"
            " UBND tỉnh kết luận như sau:",
            "1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính và các cơ quan liên quan rà soát,"
            " hoàn thiện Kế hoạch chuyển đổi số năm 2026 của tỉnh, trình UBND tỉnh trước ngày 30/6/2026.",
            "2. Giao Sở Nội vụ:",
            "a) Chủ trì rà soát, đề xuất bổ sung biên chế cho bộ phận chuyển đổi số của các sở, ngành; báo cáo"
            " UBND tỉnh trong tháng 7/2026.",
            "b) Phối hợp với Sở Khoa học và Công nghệ tổ chức tập huấn kỹ năng số cho cán bộ, công chức cấp xã,"
            " hoàn thành trước ngày 15/8/2026.",
            "3. Giao Văn phòng UBND tỉnh theo dõi, đôn đốc các cơ quan, đơn vị thực hiện các nội dung trên.",
            "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.",
        ],
        signature=["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "", "", "Trần Thị Bình"],
    ),
    "cv-giao-nhiem-vu": Notice(
        issuer=["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"],
        number="Số: 2048/UBND-KT",
        place_date="Lào Cai, ngày 02 tháng 6 năm 2026",
        kind="Kính gửi: Các sở, ban, ngành thuộc tỉnh",
        subject=[],
        body=[
            "Để bảo đảm tiến độ giải ngân vốn đầu tư công năm 2026, Chủ tịch UBND tỉnh có ý kiến chỉ đạo như sau:",
            "- Sở Tài chính chủ trì, phối hợp với Kho bạc Nhà nước khu vực tổng hợp tình hình giải ngân của các"
            " chủ đầu tư, báo cáo UBND tỉnh trước ngày 20/6/2026.",
            "- Sở Xây dựng:",
            "+ Hướng dẫn các chủ đầu tư hoàn thiện hồ sơ thiết kế, dự toán các công trình khởi công mới, hoàn"
            " thành trong tháng 7/2026.",
            "+ Kiểm tra chất lượng các công trình giao thông trọng điểm trên địa bàn tỉnh trước ngày 31/8/2026.",
            "- Sở Nông nghiệp và Môi trường chủ trì, phối hợp với UBND các xã, phường đẩy nhanh công tác giải"
            " phóng mặt bằng các dự án trọng điểm.",
            "Yêu cầu các cơ quan, đơn vị triển khai thực hiện./.",
        ],
        signature=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Ngô Hạnh Phúc"],
    ),
    "kh-trien-khai": Notice(
        issuer=["ỦY BAN NHÂN DÂN", "TỈNH CAO BẰNG"],
        number="Số: 87/KH-UBND",
        place_date="Cao Bằng, ngày 20 tháng 3 năm 2026",
        kind="KẾ HOẠCH",
        subject=["Triển khai Đề án phát triển dữ liệu số năm 2026"],
        body=[
            "#I. MỤC ĐÍCH, YÊU CẦU",
            "Xây dựng cơ sở dữ liệu dùng chung của tỉnh, bảo đảm kết nối, chia sẻ dữ liệu giữa các cơ quan nhà nước.",
            "#II. NHIỆM VỤ",
            "1. Sở Khoa học và Công nghệ chủ trì xây dựng kho dữ liệu dùng chung của tỉnh, đưa vào vận hành trước"
            " ngày 30/9/2026.",
            "2. Công an tỉnh phối hợp với Sở Tư pháp làm sạch dữ liệu hộ tịch, dân cư trên địa bàn, hoàn thành"
            " trong quý III năm 2026.",
            "3. UBND các xã, phường định kỳ hằng tháng báo cáo kết quả cập nhật dữ liệu về Sở Khoa học và Công nghệ.",
        ],
    ),
}
