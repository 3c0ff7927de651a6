"""The report's files opened with their own libraries, their figures checked against the database
(``scenario.expected``): the Word file (python-docx) and the workbook (openpyxl); once, the Word
file printed to PDF by LibreOffice (``soffice --headless``) and read back with ``pdftotext``."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date, datetime

import openpyxl
import pytest
from docx import Document as open_docx

from chidao.extract.workdays import default_calendar
from chidao.reports.build import build_report
from chidao.reports.classes import ReportClass
from chidao.reports.docx_report import TemplateError, packaged_template, write_docx
from chidao.reports.periods import parse_period
from chidao.reports.xlsx_report import write_xlsx
from support.report_scenario import END, FINANCE, PERIOD, TODAY, expected, overdue_ids


def built(session, rows=None):
    return build_report(
        session=session, period=parse_period(PERIOD), today=TODAY, calendar=default_calendar(), rows=rows
    )


def table_starting(document, title: str):
    return next(t for t in document.tables if t.rows[0].cells[0].text == title or t.rows[0].cells[1].text == title)


def integer(text: str) -> int:
    return int(text.replace(".", ""))


def test_the_word_report(session, quarter):
    document = open_docx(io.BytesIO(write_docx(built(session))))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "{{" not in text + cells
    assert "Tình hình thực hiện nhiệm vụ quý II năm 2024" in text
    assert "(toàn tỉnh; số liệu từ ngày 15/03/2024 đến ngày 14/06/2024)" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells and "Độc lập - Tự do - Hạnh phúc" in cells
    assert "Số:" in cells and "Nơi nhận:" in cells
    want = expected(session)
    totals = table_starting(document, "Phân loại")
    for code, row in zip(ReportClass.dated(), totals.rows[1:5], strict=True):
        assert (row.cells[0].text, integer(row.cells[1].text)) == (code.label, want[code])
    assert integer(totals.rows[5].cells[1].text) == sum(want[c] for c in ReportClass.dated())
    agencies = table_starting(document, "Cơ quan chủ trì")
    finance = next(r for r in agencies.rows if r.cells[1].text == FINANCE)
    finance_want = expected(session, agency=FINANCE)
    assert integer(finance.cells[5].text) == finance_want["overdue"]
    overdue = next(t for t in document.tables if "quá hạn" in t.rows[0].cells[-1].text)
    assert len(overdue.rows) - 1 == len(overdue_ids(session))
    calendar = default_calendar()
    for row in overdue.rows[1:]:
        deadline = datetime.strptime(row.cells[3].text, "%d/%m/%Y").date()
        assert integer(row.cells[4].text) == calendar.working_days_between(deadline, END)
    months = table_starting(document, "Tháng")
    assert [r.cells[0].text for r in months.rows[1:]][-1] == "T6/2024" and len(months.rows) == 13
    section = document.sections[0]
    sizes = (section.page_width, section.page_height, section.left_margin, section.right_margin, section.top_margin)
    assert [round(size.mm) for size in sizes] == [210, 297, 30, 15, 20]  # A4, Nghị định 30/2020's margins
    assert document.styles["Normal"].font.name == "Times New Roman" and document.styles["Normal"].font.size.pt == 14


def test_an_office_replaces_the_template(session, quarter, tmp_path):
    document = open_docx(str(packaged_template()))
    cell = document.tables[0].rows[0].cells[0]
    cell.paragraphs[1].runs[0].text = "SỞ NỘI VỤ"
    title = next(p for p in document.paragraphs if "{{ky_bao_cao}}" in p.text)
    title.runs[0].text = "Tình hình nhiệm vụ {{ky_"  # Word often splits a placeholder across runs
    title.add_run("bao_cao}}")
    own = tmp_path / "mau.docx"
    document.save(str(own))
    written = open_docx(io.BytesIO(write_docx(built(session), own)))
    assert written.tables[0].rows[0].cells[0].paragraphs[1].text == "SỞ NỘI VỤ"
    assert any(p.text == "Tình hình nhiệm vụ quý II năm 2024" for p in written.paragraphs)
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    with pytest.raises(TemplateError):
        write_docx(built(session), tmp_path / "bad.docx")


def test_the_workbook(session, quarter):
    book = openpyxl.load_workbook(io.BytesIO(write_xlsx(built(session, rows=1000))))
    assert book.sheetnames == [
        "Báo cáo",
        "Tổng hợp",
        "Theo cơ quan",
        "Xếp hạng",
        "Theo tháng",
        "Quá hạn",
        "Hoàn thành",
        "Gia hạn",
    ]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    want = expected(session)
    totals = book["Tổng hợp"]
    for code, row in zip(ReportClass.dated(), totals.iter_rows(min_row=2, max_row=5, values_only=True), strict=True):
        assert row[0] == code.label and row[1] == want[code] and isinstance(row[1], int)
        assert row[2] == pytest.approx(want[code] / sum(want[c] for c in ReportClass.dated()))
    assert totals["C2"].number_format == "0.0%"
    overdue = list(book["Quá hạn"].iter_rows(min_row=2, values_only=True))
    assert [row[1] for row in overdue] == overdue_ids(session)
    assert all(isinstance(row[5], datetime) and isinstance(row[6], int) for row in overdue)
    assert book["Quá hạn"]["F2"].number_format == "dd/mm/yyyy" and book["Quá hạn"].column_dimensions["C"].width > 60
    agencies = {row[1]: row for row in book["Theo cơ quan"].iter_rows(min_row=2, values_only=True)}
    finance = expected(session, agency=FINANCE)
    assert agencies[FINANCE][4:8] == tuple(finance[k] for k in ("done_on_time", "done_late", "in_time", "overdue"))
    assert agencies[FINANCE][3] == finance["new"] and agencies[FINANCE][9] == pytest.approx(2 / 3)
    ranking = {row[1]: row for row in book["Xếp hạng"].iter_rows(min_row=2, values_only=True)}
    assert ranking[FINANCE][0] == 1 and isinstance(ranking[FINANCE][7], float)
    assert ranking["Công an tỉnh"][7] == "chưa đủ dữ liệu"
    months = list(book["Theo tháng"].iter_rows(min_row=2, values_only=True))
    assert months[-1][0] == datetime(2024, 6, 1) and months[-1][3] == want["overdue"]
    extended = list(book["Gia hạn"].iter_rows(min_row=2, values_only=True))
    assert [(r[5].date(), r[6].date()) for r in extended] == [(date(2024, 3, 29), date(2024, 4, 15))]


def test_the_word_report_prints_with_libreoffice(session, quarter, tmp_path):
    """One conversion (LibreOffice takes seconds): SQLite only."""
    if session.get_bind().dialect.name != "sqlite":
        pytest.skip("printed once, from the SQLite database")
    for tool in ("soffice", "pdftotext", "pdfinfo"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: run scripts/ensure-libreoffice")
    source = tmp_path / "bao-cao.docx"
    source.write_bytes(write_docx(built(session)))
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    subprocess.run(
        ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "bao-cao.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    assert 2 <= pages <= 6
    text = " ".join(
        subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout.split()
    )
    for words in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BÁO CÁO",
        "Tình hình thực hiện nhiệm vụ quý II năm 2024",
        "I. KẾT QUẢ CHUNG",
        "Nơi nhận:",
        "CHÁNH VĂN PHÒNG",
        FINANCE,
    ):
        assert words in text, words
    want = expected(session)
    assert f"Chưa hoàn thành, quá hạn {want['overdue']}" in text
    first = subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "BÁO CÁO" in first and "Trong kỳ báo cáo" in " ".join(first.split())
