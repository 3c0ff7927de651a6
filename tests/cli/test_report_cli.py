"""``chidao report`` on a real SQLite store holding the quarter of ``support.report_scenario``:
the workbook, the Word file and the print page written, their figures the database's; a bad
period, agency or output is one line on stderr and exit code 2."""

from __future__ import annotations

import io

import openpyxl
import pytest
from click.testing import CliRunner
from docx import Document as open_docx
from sqlalchemy import select

from chidao.cli import cli
from chidao.reports.classes import ReportClass
from chidao.store.engine import open_engine, session_factory
from chidao.store.models import User
from support.report_scenario import FINANCE, build, expected
from support.users import seed

QUARTER = ("--period", "2024-Q2", "--today", "2024-06-20")


@pytest.fixture
def store(tmp_path):
    """A data folder made by ``chidao init``, holding the scenario; the expected figures."""
    env = {"CHIDAO_DATA_DIR": str(tmp_path / "data"), "CHIDAO_DATABASE_URL": ""}
    runner = CliRunner(env=env)
    assert runner.invoke(cli, ["init"]).exit_code == 0
    engine = open_engine(f"sqlite:///{tmp_path / 'data' / 'chidao.sqlite3'}")
    seed(engine)
    with session_factory(engine)() as session:
        build(session, {u.username: u for u in session.scalars(select(User))})
        want = {"all": expected(session), "finance": expected(session, agency=FINANCE)}
    engine.dispose()

    def run(*args: str):
        return runner.invoke(cli, ["report", *args])

    return run, want


def test_the_workbook_word_file_and_print_page(store, tmp_path):
    run, want = store
    done = run(*QUARTER, "--format", "xlsx", "-o", str(tmp_path / "q2.xlsx"))
    assert done.exit_code == 0, done.output
    assert "Báo cáo tình hình thực hiện nhiệm vụ quý II năm 2024 (toàn tỉnh)" in done.output
    book = openpyxl.load_workbook(tmp_path / "q2.xlsx")
    rows = book["Tổng hợp"].iter_rows(min_row=2, max_row=5, values_only=True)
    assert {str(code): row[1] for code, row in zip(ReportClass.dated(), rows, strict=True)} == {
        str(code): want["all"][code] for code in ReportClass.dated()
    }
    assert run(*QUARTER, "--agency", FINANCE, "--format", "docx", "-o", str(tmp_path / "tc.docx")).exit_code == 0
    word = open_docx(io.BytesIO((tmp_path / "tc.docx").read_bytes()))
    assert any(f"({FINANCE}; số liệu từ ngày 15/03/2024 đến ngày 14/06/2024)" == p.text for p in word.paragraphs)
    table = next(t for t in word.tables if t.rows[0].cells[0].text == "Phân loại")
    assert int(table.rows[4].cells[1].text) == want["finance"]["overdue"]
    assert run(*QUARTER, "--mode", "calendar", "--format", "html", "-o", str(tmp_path / "q2.html")).exit_code == 0
    page = (tmp_path / "q2.html").read_text(encoding="utf-8")
    assert "<style>" in page and "@page { size: A4" in page and "/static/" not in page  # stands alone
    assert "số liệu từ ngày 01/04/2024 đến ngày 20/06/2024" in page  # whole months, up to today


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--period", "2024-Q5", "--format", "docx"), "not a period"),
        (("--period", "2030-Q1", "--format", "docx"), "begins after today"),
        (("--period", "2024-Q2", "--agency", "Sở Không Có", "--format", "docx"), "no agency"),
        (("--period", "2024-Q2", "--today", "20/06/2024", "--format", "docx"), "--today must be a date"),
    ],
)
def test_bad_input_is_one_line_and_exit_code_2(store, tmp_path, args, words):
    run, _ = store
    result = run(*args, "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 2 and words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.docx").exists()


def test_an_output_that_cannot_be_written(store, tmp_path):
    run, _ = store
    result = run(*QUARTER, "--format", "xlsx", "-o", str(tmp_path / "no" / "such" / "q2.xlsx"))
    assert result.exit_code == 2 and "cannot write" in result.stderr
