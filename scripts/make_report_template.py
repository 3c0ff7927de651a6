"""Build the packaged Word template of the periodic report (src/chidao/reports/templates/bao-cao.docx).

    python scripts/make_report_template.py [OUT.docx]

The layout of an administrative report under Nghị định 30/2020/NĐ-CP (Phụ lục I): A4, margins
top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 14 (13 for the issuer's name,
12 for "Nơi nhận", 11 for its list); the issuer over "Số: …/BC-…" on the left, quốc hiệu and
tiêu ngữ over the place and date on the right; "BÁO CÁO" and the trích yếu centred; the body;
"Nơi nhận" on the left and the signer's title on the right. An office copies this file, puts in
its own name, number, recipients and signer, and points CHIDAO_REPORT_TEMPLATE at it; chidao
fills {{ky_bao_cao}}, {{pham_vi}}, {{tu_ngay}}, {{den_ngay}} and puts the body at {{noi_dung}}.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

OUT = Path(__file__).resolve().parents[1] / "src/chidao/reports/templates/bao-cao.docx"
FONT = "Times New Roman"


def _font(style, size: float) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)


def _line(cell_or_doc, text: str, size: float, *, bold=False, italic=False, center=True, first=False, underline=False):
    paragraph = cell_or_doc.paragraphs[0] if first else cell_or_doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.first_line_indent = Cm(0)
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.size = Pt(size)
    return paragraph


def _borderless(table) -> None:
    borders = table._tbl.tblPr.first_child_found_in("w:tblBorders")
    if borders is not None:
        table._tbl.tblPr.remove(borders)
    table.style = None
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER


def _widths(table, *widths) -> None:
    """Column widths in the grid (what LibreOffice reads) and in each cell (what Word reads)."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _header(document) -> None:
    table = document.add_table(rows=1, cols=2)
    _borderless(table)
    left, right = table.rows[0].cells
    _widths(table, Cm(6.0), Cm(10.5))
    _line(left, "ỦY BAN NHÂN DÂN", 13, first=True)
    _line(left, "TỈNH ……………", 13)
    _line(left, "VĂN PHÒNG", 13, bold=True, underline=True)
    _line(left, "Số:       /BC-VP", 13)
    _line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True, first=True)
    _line(right, "Độc lập - Tự do - Hạnh phúc", 14, bold=True, underline=True)
    _line(right, "……, ngày …  tháng …  năm 20…", 14, italic=True)


def _signature(document) -> None:
    _line(document, "", 14)
    table = document.add_table(rows=1, cols=2)
    _borderless(table)
    left, right = table.rows[0].cells
    _widths(table, Cm(8.0), Cm(8.5))
    _line(left, "Nơi nhận:", 12, bold=True, italic=True, center=False, first=True)
    for recipient in ("- Chủ tịch, các Phó Chủ tịch UBND tỉnh;", "- Các sở, ban, ngành tỉnh;", "- Lưu: VT, TH."):
        _line(left, recipient, 11, center=False)
    _line(right, "CHÁNH VĂN PHÒNG", 14, bold=True, first=True)
    for _ in range(4):
        _line(right, "", 14)
    _line(right, "……………………", 14, bold=True)


def build(out: Path) -> None:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    _font(document.styles["Normal"], 14)
    document.styles["Normal"].paragraph_format.space_after = Pt(6)
    document.styles["Normal"].paragraph_format.line_spacing = 1.1
    _header(document)
    _line(document, "", 14)
    _line(document, "BÁO CÁO", 14, bold=True)
    _line(document, "Tình hình thực hiện nhiệm vụ {{ky_bao_cao}}", 14, bold=True)
    _line(document, "({{pham_vi}}; số liệu từ ngày {{tu_ngay}} đến ngày {{den_ngay}})", 14, italic=True)
    _line(document, "_______________", 14)
    body = document.add_paragraph("{{noi_dung}}")
    body.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _signature(document)
    document.core_properties.title = "Báo cáo tình hình thực hiện nhiệm vụ"
    document.core_properties.author = "chidao"
    out.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(out))


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
