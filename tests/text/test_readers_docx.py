"""DOCX: body paragraphs and tables in order, automatic numbering made visible, no page headers."""

from __future__ import annotations

import pytest

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

from chidao.text import ReadError, read_text  # noqa: E402
from chidao.text.readers.docx_numbering import format_number  # noqa: E402

W = nsdecls("w")


def add_list(document, levels: list[tuple[str, str]], list_id: int = 90, start: int = 1) -> int:
    """Define a multi-level list, each level ``(numFmt, lvlText)``; return its numId."""
    numbering = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    numbering.insert(0, parse_xml(f'<w:abstractNum {W} w:abstractNumId="{list_id}">{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="{list_id}"><w:abstractNumId w:val="{list_id}"/></w:num>'))
    return list_id


def numbered(document, text: str, num_id: int, level: int = 0):
    paragraph = document.add_paragraph(text)
    num_pr = f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    paragraph._p.get_or_add_pPr().append(parse_xml(num_pr))
    return paragraph


def append_xml(paragraph, xml: str) -> None:
    paragraph._p.append(parse_xml(xml.replace("<w:X", f"<w:X {W}").replace("w:X", "w:" + xml[3:6])))


def notice(tmp_path):
    """A conclusion notice shaped like real ones: layout header table, numbered tasks, data table."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "TIÊU ĐỀ TRANG LẶP LẠI"
    section.footer.paragraphs[0].text = "Trang 1"
    header = document.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    left.text = "ỦY BAN NHÂN DÂN"
    left.add_paragraph("TỈNH LÂM ĐỒNG")
    left.add_paragraph("Số: 12/TB-UBND")
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    document.add_paragraph().add_run("THÔNG BÁO").bold = True
    document.add_paragraph("")
    title = document.add_paragraph("Kết luận của Phó Chủ tịch UBND tỉnh")
    title.add_run().add_break()
    title.add_run("tại buổi làm việc với Sở Tài chính")
    tasks = add_list(
        document, [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"), ("bullet", "\uf0b7")]
    )
    numbered(document, "Đánh giá chung", tasks, 0)
    numbered(document, "Nhiệm vụ trọng tâm", tasks, 0)
    numbered(document, "Sở Tài chính:", tasks, 1)
    numbered(document, "Bố trí kinh phí;", tasks, 2)
    numbered(document, "Hướng dẫn quyết toán.", tasks, 2)
    numbered(document, "Báo cáo hằng tháng.", tasks, 3)
    numbered(document, "Sở Nội vụ:", tasks, 1)
    numbered(document, "Rà soát biên chế.", tasks, 2)
    document.add_paragraph("Giao Sở Xây dựng", style="List Number")
    document.add_paragraph("Giao Sở Y tế", style="List Number")
    document.add_paragraph("Văn phòng theo dõi", style="List Bullet")
    data = document.add_table(rows=3, cols=3, style="Table Grid")
    values_by_row = [("STT", "Nhiệm vụ", "Thời hạn"), ("1", "Báo cáo", "30/6/2026"), ("2", "", "")]
    for row, values in zip(data.rows, values_by_row, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    data.rows[1].cells[1].add_paragraph("kết quả")
    document.add_paragraph("Nơi nhận:\t- Như trên;")
    path = tmp_path / "tb.docx"
    document.save(path)
    return path


NOTICE_LINES = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH LÂM ĐỒNG",
    "Số: 12/TB-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "THÔNG BÁO",
    "Kết luận của Phó Chủ tịch UBND tỉnh",
    "tại buổi làm việc với Sở Tài chính",
    "I. Đánh giá chung",
    "II. Nhiệm vụ trọng tâm",
    "1. Sở Tài chính:",
    "a) Bố trí kinh phí;",
    "b) Hướng dẫn quyết toán.",
    "- Báo cáo hằng tháng.",
    "2. Sở Nội vụ:",
    "a) Rà soát biên chế.",
    "1. Giao Sở Xây dựng",
    "2. Giao Sở Y tế",
    "- Văn phòng theo dõi",
    "STT | Nhiệm vụ | Thời hạn",
    "1 | Báo cáo kết quả | 30/6/2026",
    "2 |  | ",
    "Nơi nhận:\t- Như trên;",
]


def test_notice_reads_in_document_order(tmp_path):
    assert read_text(notice(tmp_path)).split("\n") == NOTICE_LINES


def test_section_headers_and_footers_are_left_out(tmp_path):
    text = read_text(notice(tmp_path))
    assert "TIÊU ĐỀ TRANG" not in text and "Trang 1" not in text


def test_tracked_changes_hyperlinks_fields_and_content_controls(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("Giao Sở ")
    paragraph._p.append(parse_xml(f"<w:del {W}><w:r><w:delText>Nội vụ</w:delText></w:r></w:del>"))
    paragraph._p.append(parse_xml(f"<w:ins {W}><w:r><w:t>Tài chính</w:t></w:r></w:ins>"))
    paragraph._p.append(
        parse_xml(f'<w:hyperlink {W}><w:r><w:t xml:space="preserve"> (xem cổng)</w:t></w:r></w:hyperlink>')
    )
    paragraph._p.append(
        parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="begin"/></w:r>'),
    )
    paragraph._p.append(parse_xml(f'<w:r {W}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'))
    paragraph._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="separate"/></w:r>'))
    paragraph._p.append(parse_xml(f"<w:r {W}><w:t>7</w:t></w:r>"))
    paragraph._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>'))
    paragraph._p.append(parse_xml(f"<w:r {W}><w:t>-</w:t><w:noBreakHyphen/><w:t>ok</w:t></w:r>"))
    control = f"<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>Trong khung nhập liệu</w:t></w:r></w:p></w:sdtContent>"
    control += "</w:sdt>"
    document.element.body.insert(1, parse_xml(control))
    path = tmp_path / "tb.docx"
    document.save(path)
    assert read_text(path).split("\n") == ["Giao Sở Tài chính (xem cổng)7--ok", "Trong khung nhập liệu"]


def test_text_boxes_are_read_after_their_paragraph(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("Đoạn chứa khung")
    box = (
        f'<w:r {W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        "<w:txbxContent><w:p><w:r><w:t>Nơi nhận trong khung</w:t></w:r></w:p></w:txbxContent>"
        "</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r>"
        "<w:t>Nơi nhận trong khung</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )
    paragraph._p.append(parse_xml(box))
    path = tmp_path / "tb.docx"
    document.save(path)
    assert read_text(path).split("\n") == ["Đoạn chứa khung", "Nơi nhận trong khung"]


def test_numbering_restarts_and_overrides(tmp_path):
    document = docx.Document()
    first = add_list(document, [("decimal", "%1."), ("decimal", "%1.%2.")], list_id=91)
    numbered(document, "Một", first)
    numbered(document, "Một chấm một", first, 1)
    numbered(document, "Hai", first)
    numbering = document.part.numbering_part.element
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'
    numbering.append(parse_xml(f'<w:num {W} w:numId="92"><w:abstractNumId w:val="91"/>{restart}</w:num>'))
    numbered(document, "Năm", 92)
    numbered(document, "Ba", first)
    numbered(document, "Không đánh số", 0)
    path = tmp_path / "tb.docx"
    document.save(path)
    assert read_text(path).split("\n") == [
        "1. Một",
        "1.1. Một chấm một",
        "2. Hai",
        "5. Năm",
        "3. Ba",
        "Không đánh số",
    ]


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (3, "decimal", "3"),
        (3, "lowerLetter", "c"),
        (28, "lowerLetter", "bb"),
        (2, "upperLetter", "B"),
        (14, "upperRoman", "XIV"),
        (9, "lowerRoman", "ix"),
        (7, "decimalZero", "07"),
        (4, "ordinalText", "4"),
    ],
)
def test_number_formats(value, fmt, expected):
    assert format_number(value, fmt) == expected


def test_small_table_of_single_lines_stays_a_data_table(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Cơ quan", "Thời hạn"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Sở Tài chính", "Quý II/2026"
    path = tmp_path / "tb.docx"
    document.save(path)
    assert read_text(path).split("\n") == ["Cơ quan | Thời hạn", "Sở Tài chính | Quý II/2026"]


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (None, ["Sở Tài chính", "chủ trì", "Sở Nội vụ", "phối hợp", "Quý II"]),
        ("Table Grid", ["Sở Tài chính chủ trì | Sở Nội vụ phối hợp | Quý II"]),
    ],
)
def test_three_column_table_is_layout_only_without_borders(tmp_path, style, expected):
    document = docx.Document()
    cells = document.add_table(rows=1, cols=3, style=style).rows[0].cells
    cells[0].text, cells[1].text, cells[2].text = "Sở Tài chính", "Sở Nội vụ", "Quý II"
    cells[0].add_paragraph("chủ trì")
    cells[1].add_paragraph("phối hợp")
    path = tmp_path / "tb.docx"
    document.save(path)
    assert read_text(path).split("\n") == expected


def test_document_without_text(tmp_path):
    document = docx.Document()
    document.add_paragraph("")
    document.add_table(rows=2, cols=2)
    path = tmp_path / "empty.docx"
    document.save(path)
    with pytest.raises(ReadError) as caught:
        read_text(path)
    assert caught.value.reason == "the document has no text"


def test_docx_typed_in_tcvn3_without_its_font_name_is_converted(tmp_path):
    document = docx.Document()
    document.add_paragraph("Th«ng b¸o kÕt luËn cña Chñ tÞch UBND tØnh vÒ c«ng t¸c chuyÓn ®æi sè")
    path = tmp_path / "tb.docx"
    document.save(path)
    assert read_text(path) == "Thông báo kết luận của Chủ tịch UBND tỉnh về công tác chuyển đổi số"


def test_truncated_docx(tmp_path):
    path = notice(tmp_path)
    path.write_bytes(path.read_bytes()[:2000])
    with pytest.raises(ReadError) as caught:
        read_text(path)
    assert caught.value.reason == "corrupt DOCX file (bad ZIP archive)"
