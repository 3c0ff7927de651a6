"""The report pages ("Báo cáo"), the API's ``/reports`` and their agreement: for one period the
dashboard, the report page, the API, the workbook and the Word file give the database's figures
(``support.report_scenario``: 2024-Q2, today 20/06/2024)."""

from __future__ import annotations

import io

import openpyxl
import pytest
from docx import Document as open_docx
from sqlalchemy import select

from chidao.reports.classes import ReportClass
from chidao.store.models import Agency, User
from support.report_scenario import FINANCE, PERIOD, TODAY, build, expected

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATED = [str(code) for code in ReportClass.dated()]


@pytest.fixture
def quarter(site):
    site.today = TODAY
    with site.session() as session:
        build(session, {u.username: u for u in session.scalars(select(User))})
        finance = session.scalar(select(Agency.id).where(Agency.name == FINANCE))
        return {"want": expected(session), "finance": expected(session, agency=FINANCE), "finance_id": finance}


def test_dashboard_report_api_workbook_and_word_file_agree(site, quarter):
    want = {code: quarter["want"][code] for code in DATED}
    viewer = site.login("viewer")
    dashboard = viewer.get("/", params={"period": PERIOD, "format": "json"}).json()["period"]["totals"]
    page = viewer.get("/reports", params={"period": PERIOD, "format": "json"}).json()["totals"]
    api = site.api("GET", "/reports", who="viewer", params={"period": PERIOD}).json()["totals"]
    book = openpyxl.load_workbook(io.BytesIO(viewer.get("/reports/bao-cao.xlsx", params={"period": PERIOD}).content))
    workbook = {
        str(code): row[1]
        for code, row in zip(
            ReportClass.dated(), book["Tổng hợp"].iter_rows(min_row=2, max_row=5, values_only=True), strict=True
        )
    }
    word = open_docx(
        io.BytesIO(site.api("GET", "/reports", who="viewer", params={"period": PERIOD, "format": "docx"}).content)
    )
    table = next(t for t in word.tables if t.rows[0].cells[0].text == "Phân loại")
    document = {
        str(code): int(row.cells[1].text.replace(".", ""))
        for code, row in zip(ReportClass.dated(), table.rows[1:5], strict=True)
    }
    for shown in (dashboard, page, api):
        assert {code: shown[code] for code in DATED} == want
    assert workbook == want and document == want
    html = viewer.get("/", params={"period": PERIOD}).text
    assert f'data-class="overdue">{want["overdue"]}</span>' in html


def test_the_report_page_its_menu_item_and_print_view(site, quarter):
    viewer = site.login("viewer")
    page = viewer.get("/reports", params={"period": PERIOD})
    assert page.status_code == 200
    assert '<a href="/reports" aria-current="page">Báo cáo</a>' in page.text
    assert "Tình hình thực hiện nhiệm vụ quý II năm 2024" in page.text and '<svg class="trend-chart"' in page.text
    assert 'href="/reports/bao-cao.docx?period=2024-Q2"' in page.text and "/static/report.css" in page.text
    assert f'data-class="overdue">{quarter["want"]["overdue"]}</td>' in page.text
    assert "chưa đủ dữ liệu" in page.text
    printed = viewer.get("/reports/print", params={"period": PERIOD})
    assert printed.status_code == 200 and "site-header" not in printed.text and "@page" not in printed.text
    assert '<link rel="stylesheet" href="/static/report.css">' in printed.text
    assert "@page { size: A4" in viewer.get("/static/report.css").text
    word = viewer.get("/reports/bao-cao.docx", params={"period": PERIOD})
    assert word.headers["content-type"] == DOCX and "bao-cao-2024-Q2.docx" in word.headers["content-disposition"]
    this_month = viewer.get("/reports")  # today 20/06: from the 15th the cut-off counts July
    assert "tháng 7 năm 2024" in this_month.text


@pytest.mark.parametrize("period", ["2024-13", "quý hai", "2024-Q4"])
def test_a_bad_or_future_period_is_said_in_vietnamese(site, quarter, period):
    page = site.login("viewer").get("/reports", params={"period": period})
    assert page.status_code == 422 and "Kỳ báo cáo không hợp lệ hoặc chưa bắt đầu" in page.text
    api = site.api("GET", "/reports", who="viewer", params={"period": period})
    assert api.status_code == 422 and api.json()["detail"][0]["loc"] == ["query", "period"]
    assert site.api("GET", "/reports", who="viewer", params={"agency": "Sở Không Có"}).status_code == 422


def test_an_officer_gets_their_own_agency_report(site, quarter):
    officer = site.login("finance")
    data = officer.get("/reports", params={"period": PERIOD, "format": "json"}).json()
    assert data["agency"]["name"] == FINANCE
    assert {code: data["totals"][code] for code in DATED} == {code: quarter["finance"][code] for code in DATED}
    assert 'name="agency"' not in officer.get("/reports", params={"period": PERIOD}).text
    other = site.api("GET", "/reports", who="officer", params={"period": PERIOD, "agency": FINANCE})
    assert other.status_code == 403
    mine = site.api("GET", "/reports", who="finance", params={"period": PERIOD, "format": "xlsx"})
    assert mine.status_code == 200 and mine.headers["content-type"] == XLSX
    assert f"co-quan-{quarter['finance_id']}" in mine.headers["content-disposition"]


def test_the_api_formats(site, quarter):
    html = site.api("GET", "/reports", who="clerk", params={"period": PERIOD, "format": "html"})
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "Tình hình thực hiện nhiệm vụ quý II năm 2024" in html.text
    data = site.api("GET", "/reports", who="clerk", params={"period": PERIOD, "agency": FINANCE}).json()
    assert [row["agency"] for row in data["agencies"]] == [FINANCE] and data["period"]["through"] == "2024-06-14"
    assert site.api("GET", "/reports", who=None).status_code == 401
    assert site.api("GET", "/reports", who="clerk", params={"format": "pdf"}).status_code == 422


def test_the_agency_page_shows_its_score_and_trend(site, quarter):
    site.today = TODAY.replace(day=14)  # the month 15/05–14/06: Sở Tài chính has enough tasks to rank
    page = site.login("viewer").get(f"/agencies/{quarter['finance_id']}")
    assert page.status_code == 200 and "Đánh giá kỳ tháng 6 năm 2024" in page.text
    assert '<svg class="trend-chart"' in page.text
    data = site.login("viewer").get(f"/agencies/{quarter['finance_id']}", params={"format": "json"}).json()
    assert data["period"]["key"] == "2024-06" and data["period"]["scope"] == FINANCE


def test_the_trend_chart_geometry():
    from chidao.web.pages.reports.charts import trend_chart

    chart = trend_chart(
        [
            ("T1/2026", {"assigned": 10, "completed": 5, "overdue": 0}),
            ("T2/2026", {"assigned": 1, "completed": 0, "overdue": 20}),
        ]
    )
    first, second = chart.months
    tallest = max((b for m in chart.months for b in m.bars), key=lambda b: b.height)
    assert tallest.value == 20 and tallest.y + tallest.height == chart.baseline
    assert [b.height for b in first.bars][2] == 0 and second.bars[0].height >= 2  # zero flat, small still seen
    assert second.bars[0].x > first.bars[-1].x and chart.width > second.bars[-1].x


def test_a_slow_dashboard_is_served_as_last_counted_while_it_is_counted_again(site, quarter, monkeypatch):
    """At a million tasks the figures take seconds: the dashboard shows the last ones (saying
    when they were counted) and counts again in the background; the report page never does."""
    import time

    from chidao.web import report_params

    monkeypatch.setattr(report_params, "SLOW_SECONDS", 0.0)  # every build counts as slow
    viewer = site.login("viewer")
    before = viewer.get("/", params={"period": PERIOD, "format": "json"}).json()["period"]
    assert before["built_at"]
    police = next(row["id"] for row in site.api("GET", "/tasks", params={"q": "lam sach du lieu"}).json()["items"])
    version = site.api("GET", f"/tasks/{police}").json()["version"]
    assert site.api("PATCH", f"/tasks/{police}", json={"status": "cancelled", "version": version}).status_code == 200
    stale = viewer.get("/", params={"period": PERIOD, "format": "json"}).json()["period"]
    assert stale["totals"] == before["totals"]  # served as counted, a recount started
    fresh = site.api("GET", "/reports", who="viewer", params={"period": PERIOD}).json()["totals"]
    assert fresh["overdue"] == before["totals"]["overdue"] - 1  # the report itself is exact
    cache = site.app.state.report_cache
    for _ in range(100):
        if not cache.running:
            break
        time.sleep(0.1)
    after = viewer.get("/", params={"period": PERIOD, "format": "json"}).json()["period"]
    assert after["totals"]["overdue"] == fresh["overdue"]
