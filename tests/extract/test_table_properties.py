"""Task tables, whatever their rows: one task per row with that row's cells, the same tasks
whether the table is written " | "-separated, tab-separated or one cell per line (ANNOTATION
rule 17), and never a span that misses its text."""

from __future__ import annotations

import io
from datetime import date

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chidao import extract_text
from chidao.text import normalize
from chidao.text.readers import read_bytes

ACTIONS = [
    "Rà soát, cập nhật dữ liệu dân cư trên địa bàn",
    "Xây dựng Đề án phát triển các cụm công nghiệp",
    "Tổ chức tập huấn kỹ năng số cho cán bộ cấp xã",
    "Hoàn thiện hồ sơ đề nghị công nhận làng nghề truyền thống",
    "Kiểm tra an toàn thực phẩm tại các chợ đầu mối",
    "Triển khai bệnh án điện tử tại các bệnh viện công lập",
    "Nâng cấp hạ tầng mạng, máy chủ phục vụ chuyển đổi số",
]
AGENCIES = [
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Y tế",
    "Sở Xây dựng",
    "Sở Công Thương",
    "Công an tỉnh",
    "Sở Khoa học và Công nghệ",
    "Sở Nông nghiệp và Môi trường",
]
# (cell as written, the deadline it gives) for a notice dated 05/3/2026
TIMES = [
    ("Tháng 6/2026", date(2026, 6, 30)),
    ("Quý III/2026", date(2026, 9, 30)),
    ("Trước ngày 30/4/2026", date(2026, 4, 30)),
    ("Năm 2026", date(2026, 12, 31)),
]

HEADER = ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]

rows = st.lists(
    st.tuples(
        st.sampled_from(ACTIONS),
        st.sampled_from(AGENCIES),
        st.lists(st.sampled_from(AGENCIES), max_size=2, unique=True),
        st.sampled_from(TIMES),
    ),
    min_size=1,
    max_size=6,
    unique_by=lambda r: r[0],
).filter(lambda rs: all(r[1] not in r[2] for r in rs))


def _cells(number: int, row: tuple) -> list[str]:
    action, lead, partners, (time, _) = row
    return [str(number), action, lead, "; ".join(partners), time]


def _table(layout: str, table_rows: list[tuple]) -> str:
    lines = [HEADER, *(_cells(i, row) for i, row in enumerate(table_rows, 1))]
    if layout == "pipes":
        return "\n".join(" | ".join(cells) for cells in lines)
    if layout == "tabs":
        return "\n".join("\t".join(cells) for cells in lines)
    # One cell per line, as a table copied out of a PDF: an empty cell leaves no line.
    return "\n".join(cell for cells in lines for cell in cells if cell)


def _notice(table: str) -> str:
    return (
        "ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN\nSố: 35/TB-UBND\nHưng Yên, ngày 05 tháng 3 năm 2026\n"
        "THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh tại cuộc họp về chuyển đổi số\n"
        "Ngày 03/3/2026, Chủ tịch UBND tỉnh chủ trì cuộc họp về chuyển đổi số. Chủ tịch UBND tỉnh "
        "kết luận như sau:\n"
        "1. Các nhiệm vụ cụ thể được giao tại Phụ lục kèm theo Thông báo này.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nNguyễn Văn An\n\n"
        "Phụ lục\nDANH MỤC NHIỆM VỤ\n" + table + "\n"
    )


def _tasks(layout: str, table_rows: list[tuple]) -> list[tuple]:
    text = _notice(_table(layout, table_rows))
    result = extract_text(text)
    normalized = normalize(text).text
    for task in result["tasks"]:
        start, end = task["span"]
        assert normalized[start:end] == task["text"]
    return [(task["lead"], task["coordinators"], task["deadline"]) for task in result["tasks"]]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows)
def test_each_row_is_a_task_with_its_own_cells(table_rows):
    expected = [([lead], partners, when.isoformat()) for _, lead, partners, (_, when) in table_rows]
    assert _tasks("pipes", table_rows) == expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows)
def test_the_three_layouts_give_the_same_tasks(table_rows):
    pipes = _tasks("pipes", table_rows)
    assert _tasks("tabs", table_rows) == pipes
    assert _tasks("cells", [r for r in table_rows if r[2]]) == _tasks("pipes", [r for r in table_rows if r[2]])


def _docx_notice(table_rows: list[tuple]) -> str:
    """The same notice as a Word file whose appendix is a real table (Table Grid), read back."""
    head, _, _ = _notice("").partition("\n\nPhụ lục\n")
    document = docx.Document()
    for line in head.strip().split("\n"):
        document.add_paragraph(line)
    document.add_paragraph("Phụ lục")
    document.add_paragraph("DANH MỤC NHIỆM VỤ")
    lines = [HEADER, *(_cells(i, row) for i, row in enumerate(table_rows, 1))]
    table = document.add_table(rows=len(lines), cols=len(HEADER))
    table.style = "Table Grid"
    for r, cells in enumerate(lines):
        for c, cell in enumerate(cells):
            table.rows[r].cells[c].text = cell
    buffer = io.BytesIO()
    document.save(buffer)
    return read_bytes(buffer.getvalue(), "notice.docx")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows)
def test_a_word_table_is_read_cell_by_cell(table_rows):
    result = extract_text(_docx_notice(table_rows))
    got = [(task["lead"], task["coordinators"], task["deadline"]) for task in result["tasks"]]
    assert got == _tasks("pipes", table_rows)
