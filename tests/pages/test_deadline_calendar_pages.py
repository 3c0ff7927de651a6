"""The deadline calendar page (issue 14): a month, Monday first, each day's count of open tasks
linking to the task list on that day (which lists as many), weekends and holidays shaded, the
timing tones; previous/next months; an officer sees their agency's tasks only, the office may
narrow to one agency; bad parameters answer a 422 page in Vietnamese."""

from __future__ import annotations

import html
import re

import pytest
from pagekit import ids_in, words
from siteclient import CONVERSION, HEALTH

# site.today is 1/4/2024. The conversion notice (15/3/2024) is due 25/3 (monthly), 29/3, 31/3
# (quarterly), 30/4, 31/5, 30/6, 30/9; the health notice (5/8/2024) 31/8, and rounds.


@pytest.fixture
def notices(site):
    return site.document(CONVERSION), site.document(HEALTH)


def cell(page: str, day: str) -> str:
    found = re.search(rf'<td class="([^"]*)" data-day="{day}">(.*?)</td>', page, re.S)
    assert found, day
    return found.group(1) + " " + found.group(2)


def day_link(page: str, day: str) -> str | None:
    found = re.search(r'<a class="day-count badge tone-(\w+)" href="([^"]+)"', cell(page, day))
    return found and html.unescape(found.group(2))


def test_a_month_shows_each_days_count_linking_to_its_tasks(site, notices):
    viewer = site.login("viewer")
    page = viewer.get("/deadlines", params={"month": "2024-03"})
    assert page.status_code == 200 and 'aria-current="page">Lịch thời hạn</a>' in page.text
    text = words(page.text)
    assert "Lịch thời hạn tháng 03/2024" in text and "3 nhiệm vụ đến hạn trong tháng" in text
    assert re.findall(r"<abbr[^>]*>(T\d|CN)</abbr>", page.text) == ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]
    assert page.text.count('<td class="other-month"') == 4  # 1/3/2024 is a Friday, 31/3 a Sunday
    for day in ("2024-03-25", "2024-03-29", "2024-03-31"):
        assert "tone-late" in cell(page.text, day), day  # before today (1/4)
        link = day_link(page.text, day)
        assert link and f"deadline_from={day}&deadline_to={day}" in link
        listed = viewer.get(link)
        assert listed.status_code == 200 and len(ids_in(listed.text)) == 1, day
    assert "day-off" in cell(page.text, "2024-03-30") and "day-off" not in cell(page.text, "2024-03-29")
    assert day_link(page.text, "2024-03-28") is None
    assert 'href="/deadlines?month=2024-02" rel="prev"' in page.text
    assert 'href="/deadlines?month=2024-04" rel="next"' in page.text
    assert 'href="/calendar"' in page.text


def test_holidays_rounds_and_the_tones_of_days_ahead(site, notices):
    site.today = site.today.replace(day=26)  # 26/4/2024: 30/4 is due soon
    page = site.login("clerk").get("/deadlines", params={"month": "2024-04"}).text
    holiday = cell(page, "2024-04-30")
    assert "holiday" in holiday and "Nghỉ lễ" in holiday and "tone-warn" in holiday
    assert "+1 kỳ định kỳ" in cell(page, "2024-04-25")  # the monthly report's next round
    assert "holiday" in cell(page, "2024-04-18")  # Giỗ Tổ Hùng Vương (10/3 âm lịch)
    june = site.login("clerk").get("/deadlines", params={"month": "2024-06"}).text
    assert "tone-ok" in cell(june, "2024-06-30")
    days = re.search(r'<section class="day-list".*?</section>', june, re.S).group(0)  # the list phones show
    assert "Chủ Nhật 30/06/2024" in html.unescape(days) and "/tasks?deadline_from=2024-06-30" in days


def test_an_officer_sees_their_agency_only_and_the_office_may_narrow(site, notices):
    officer = site.login("officer").get("/deadlines", params={"month": "2024-03", "agency": "Sở Y tế"}).text
    assert "1 nhiệm vụ đến hạn trong tháng" in words(officer)  # 25/3, led by Sở TTTT; the agency asked is ignored
    assert day_link(officer, "2024-03-29") is None and 'name="agency"' not in officer
    assert words(site.login("health").get("/deadlines", params={"month": "2024-03"}).text).count("0 nhiệm vụ") == 1
    clerk = site.login("clerk")
    narrowed = clerk.get("/deadlines", params={"month": "2024-03", "agency": "Công an tỉnh"}).text
    link = day_link(narrowed, "2024-03-29")
    assert "1 nhiệm vụ đến hạn trong tháng" in words(narrowed) and link and "agency=C%C3%B4ng" in link
    assert len(ids_in(clerk.get(link).text)) == 1
    assert 'href="/deadlines?month=2024-04&amp;agency=' in narrowed  # the months keep the agency


@pytest.mark.parametrize("month", ["2024-13", "13/2024", "abc", "1800-01", "2024-3-1", "03/24", "x" * 21])
def test_bad_months_answer_a_vietnamese_422_page(site, month):
    page = site.login("viewer").get("/deadlines", params={"month": month})
    assert page.status_code == 422 and page.headers["content-type"].startswith("text/html")
    assert "Tháng không hợp lệ" in page.text or "Dữ liệu không hợp lệ" in page.text


def test_a_month_typed_the_vietnamese_way_is_understood(site):
    page = site.login("viewer").get("/deadlines", params={"month": "3/2024"})
    assert page.status_code == 200 and "Lịch thời hạn tháng 03/2024" in words(page.text)
    assert 'id="c-month" name="month" value="03/2024"' in page.text


def test_the_month_defaults_to_this_one(site):
    page = site.login("viewer").get("/deadlines")
    assert page.status_code == 200 and "Lịch thời hạn tháng 04/2024" in words(page.text)
    assert "Không có nhiệm vụ nào đến hạn trong tháng này." in words(page.text)


def test_the_month_is_served_as_json_too(site, notices):
    body = site.login("officer").get("/deadlines", params={"month": "2024-03", "format": "json"}).json()
    assert body["month"] == "2024-03-01" and body["total"] == 1 and body["weekdays"][0] == "T2"
    (day,) = body["days"]
    assert day["day"] == "2024-03-25" and day["count"] == {"tasks": 1, "rounds": 0} and day["tone"] == "late"
    assert day["url"].startswith("/tasks?deadline_from=2024-03-25&deadline_to=2024-03-25")
