"""The dashboard: counts by timing state as tiles linking to the list, overdue tasks per lead
agency as an inline SVG chart with its table, this week's deadlines and the last completions,
all within an agency officer's scope."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pagekit import PLAN, POLICE, conversion, main, task_id, task_version, words
from siteclient import HEALTH

from chidao.extract.workdays import WorkCalendar
from chidao.tracking.dashboard import end_of_work_week
from chidao.web.pages.dashboard import routes as dashboard
from chidao.web.pages.reports.charts import BAR_AREA, bar_chart, shorten

MONTHLY = "Báo cáo hằng tháng"  # the notice's monthly report, "trước ngày 25 hằng tháng"


@pytest.fixture
def notices(site):
    document, _ = conversion(site)
    return document, site.document(HEALTH)


def tile(page: str, state: str) -> tuple[str, int]:
    """(tone class, count) of a state's tile."""
    link = rf'<a class="tile tone-([\w-]+)" href="/tasks\?timing_state={state}">'
    found = re.search(link + r'\s*<span class="tile-count">([\d.]+)</span>', page)
    assert found, state
    return found.group(1), int(found.group(2).replace(".", ""))


def test_tiles_count_tasks_by_timing_state_and_link_to_the_list(site, notices):
    page = site.login("clerk").get("/")
    assert page.status_code == 200 and 'aria-current="page">Tổng quan</a>' in page.text
    # recurring duties count by their current round (issue 11): the notice of 15/3's monthly (25/3)
    # and quarterly (31/3) reports are overdue, the health letter's weekly and daily ones not due
    assert tile(page.text, "overdue") == ("late", 3)
    assert tile(page.text, "due_soon") == ("warn", 0)
    assert tile(page.text, "not_due") == ("ok", 7)
    assert tile(page.text, "no_deadline") == ("none", 2)
    assert tile(page.text, "done_on_time") == ("done", 0)
    assert tile(page.text, "done_late") == ("done-late", 0)
    text = words(page.text)
    for label in ("Quá hạn", "Sắp đến hạn", "Chưa đến hạn", "Không có thời hạn", "Hoàn thành đúng hạn"):
        assert label in text
    assert "Ngày 01/04/2024 · 12 nhiệm vụ đang theo dõi" in text
    listed = site.login("clerk").get("/tasks?timing_state=overdue")
    assert "3 nhiệm vụ" in words(listed.text)


def test_the_overdue_chart_is_an_accessible_inline_svg_with_a_table(site, notices):
    page = site.login("viewer").get("/")
    body = main(page.text)
    assert '<svg class="bar-chart"' in body and 'role="img"' in body
    assert 'aria-labelledby="chart-title chart-desc"' in body
    assert '<title id="chart-title">Nhiệm vụ quá hạn theo cơ quan chủ trì</title>' in body
    desc = re.search(
        r'<desc id="chart-desc">Số nhiệm vụ quá hạn theo cơ quan chủ trì, nhiều nhất trước\. (.*?)</desc>', body
    )
    assert desc and sorted(re.findall(r"(\w[^.:;]*): (\d+)", desc.group(1))) == [
        ("Công an tỉnh", "1"),
        ("Sở Thông tin và Truyền thông", "1"),
        ("Văn phòng Ủy ban nhân dân tỉnh", "1"),
    ]
    assert body.count('<rect class="bar-fill"') == 3
    assert '<td data-label="Cơ quan chủ trì">Công an tỉnh</td>' in body
    assert 'href="/tasks?agency=C%C3%B4ng+an+t%E1%BB%89nh&amp;role=lead&amp;timing_state=overdue"' in body
    assert "http://" not in body.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing from another host
    assert "<script" not in body


def test_the_chart_says_so_when_nothing_is_overdue(site, notices):
    site.today = date(2024, 3, 1)
    page = site.login("viewer").get("/")
    assert "Không có nhiệm vụ quá hạn." in page.text and 'class="bar-chart"' not in main(page.text)


def test_due_this_week_and_recently_completed(site, notices):
    site.today = date(2024, 4, 29)  # Monday; 30/4 and 1/5 are holidays, the week ends on Friday 3/5
    plan = task_id(notices[0], PLAN)
    clerk = site.login("clerk")
    page = clerk.get("/")
    week = words(page.text).split("Đến hạn trong tuần này", 1)[1].split("Mới hoàn thành", 1)[0]
    assert "Từ 29/04/2024 đến 03/05/2024, chưa hoàn thành: 1 nhiệm vụ." in week
    assert PLAN in week and "30/04/2024" in week
    assert "Chưa có nhiệm vụ nào hoàn thành." in words(page.text)

    officer = site.login("officer")
    form = {"kind": "completion", "note": "Đã ban hành kế hoạch", "version": str(task_version(officer, plan))}
    assert officer.post(f"/tasks/{plan}/progress", form).status_code == 303
    page = clerk.get("/")
    text = words(page.text)
    assert "Không có nhiệm vụ nào đến hạn trong tuần này." in text
    recent = text.split("Mới hoàn thành", 1)[1]
    assert PLAN in recent and "29/04/2024" in recent and "Hoàn thành đúng hạn" in recent
    assert tile(page.text, "done_on_time") == ("done", 1)


def test_the_week_link_lists_everything_due_when_there_are_more_than_shown(site, notices, monkeypatch):
    site.today = date(2024, 3, 25)  # Công an tỉnh's task is due on Friday 29/3, the monthly report's round today
    plan = task_id(notices[0], PLAN)
    version = site.api("GET", f"/tasks/{plan}").json()["version"]
    site.api("PATCH", f"/tasks/{plan}", json={"version": version, "deadline": "2024-03-27"})
    monkeypatch.setattr(dashboard, "WEEK_ROWS", 1)
    page = site.login("clerk").get("/")
    text = words(page.text)
    assert "Từ 25/03/2024 đến 29/03/2024, chưa hoàn thành: 3 nhiệm vụ." in text
    assert MONTHLY in text and PLAN not in text and POLICE not in text  # the earliest deadline first, one row shown
    link = "/tasks?deadline_from=2024-03-25&amp;deadline_to=2024-03-29&amp;status=assigned&amp;status=in_progress"
    assert f'<a href="{link}&amp;status=paused">Xem tất cả 3 nhiệm vụ đến hạn trong tuần</a>' in page.text
    listed = site.login("clerk").get(link.replace("&amp;", "&") + "&status=paused")
    assert "3 nhiệm vụ" in words(listed.text)


def test_an_agency_officer_sees_only_their_scope(site, notices):
    page = site.login("officer").get("/")
    text = words(page.text)
    assert "4 nhiệm vụ đang theo dõi của Sở Thông tin và Truyền thông" in text
    assert tile(page.text, "overdue") == ("late", 1)  # the monthly report's round of 25/3
    assert tile(page.text, "not_due") == ("ok", 3)
    assert "Công an tỉnh" not in main(page.text)  # the overdue police task is not theirs
    health = site.login("health").get("/")
    assert tile(health.text, "not_due") == ("ok", 1) and tile(health.text, "no_deadline") == ("none", 0)


def test_the_working_week_ends_on_its_last_working_day():
    calendar = WorkCalendar()
    assert end_of_work_week(date(2024, 4, 1), calendar) == date(2024, 4, 5)  # Monday → Friday
    assert end_of_work_week(date(2024, 4, 5), calendar) == date(2024, 4, 5)  # Friday itself
    assert end_of_work_week(date(2024, 4, 6), calendar) == date(2024, 4, 12)  # Saturday → next week
    assert end_of_work_week(date(2024, 4, 7), calendar) == date(2024, 4, 12)  # Sunday → next week
    assert end_of_work_week(date(2024, 4, 15), calendar) == date(2024, 4, 19)  # Hùng Kings' day is a Thursday
    assert end_of_work_week(date(2025, 4, 28), calendar) == date(2025, 4, 29)  # 30/4 – 2/5/2025 are holidays


def test_bars_scale_to_the_largest_value_and_long_names_are_shortened():
    chart = bar_chart([("Sở Y tế", 40, "/a"), ("Công an tỉnh", 10, None), ("Sở Tư pháp", 0, None)])
    assert [b.width for b in chart.bars] == [BAR_AREA, BAR_AREA // 4, 0]
    assert [b.y for b in chart.bars] == sorted(b.y for b in chart.bars)
    assert chart.height > chart.bars[-1].y
    tiny = bar_chart([("A", 10_000, None), ("B", 1, None)])
    assert tiny.bars[1].width == 2 and tiny.bars[0].shown == "10.000"
    name = "Ủy ban nhân dân các huyện, thành phố trực thuộc tỉnh Hòa Bình Xanh"
    short = shorten(name)
    assert short.endswith("…") and len(short) <= 40 and name.startswith(short[:-1])
    assert bar_chart([]).bars == []
