"""The bell on every page, the notifications page, the calendar page and the admin's webhook
page, as a browser-like client uses them (forms with CSRF, Post/Redirect/Get, Vietnamese)."""

from __future__ import annotations

import re

from icalendar import Calendar
from pagekit import PLAN, conversion, main, words
from siteclient import Browser

BELL = re.compile(r'<a class="bell[^"]*" href="/notifications"[^>]*aria-label="Thông báo: (\d+) chưa đọc"')


def bell(page: str) -> int:
    found = BELL.search(page)
    assert found, "no bell in the page's header"
    return int(found.group(1))


def ask_more_time(site, plan: int) -> None:
    body = {"requested_deadline": "2024-05-31", "reason": "Chờ số liệu"}
    assert site.api("POST", f"/tasks/{plan}/extensions", who="officer", json=body).status_code == 201


PAGES = ("/", "/tasks/{plan}", "/agencies", "/notifications", "/calendar")  # one layout: base.html


def test_the_bell_and_its_count_are_on_every_page(site):
    _, plan = conversion(site)
    clerk = site.login("clerk")
    assert all(bell(clerk.get(path.format(plan=plan)).text) == 0 for path in PAGES)
    ask_more_time(site, plan)
    for path in PAGES:
        page = clerk.get(path.format(plan=plan))
        assert bell(page.text) == 1 and 'class="bell-count" data-unread="1">1<' in page.text, path
    assert bell(site.login("viewer").get("/").text) == 0  # leaders are not asked to decide


def test_the_notifications_page_marks_one_then_all_read(site):
    _, plan = conversion(site)
    ask_more_time(site, plan)
    officer: Browser = site.login("officer")
    page = officer.get("/notifications")
    assert bell(page.text) == 4 and "4 thông báo chưa đọc" in words(page.text)
    assert words(page.text).count("Nhiệm vụ mới được giao") == 4
    ids = re.findall(r'action="/notifications/(\d+)/read"', main(page.text))
    opened = officer.post(f"/notifications/{ids[0]}/read", {"open": "1"})
    assert opened.status_code == 303 and opened.headers["location"].startswith("/tasks/")
    assert bell(officer.get("/notifications").text) == 3
    refused = site.login("finance").post(f"/notifications/{ids[1]}/read")
    assert refused.status_code == 404  # not theirs
    assert officer.post(f"/notifications/{ids[1]}/read", {"csrf_token": "wrong"}).status_code == 403
    done = officer.post("/notifications/read-all")
    assert done.status_code == 303
    after = officer.get(done.headers["location"])
    assert bell(after.text) == 0 and "Đã đánh dấu 3 thông báo là đã đọc." in after.text
    clerk = site.login("clerk").get("/notifications?show=unread")
    assert "Đề nghị gia hạn chờ quyết định" in words(clerk.text) and "Đề nghị gia hạn đến 31/05/2024" in words(
        clerk.text
    )
    as_json = site.login("clerk").get("/notifications?format=json").json()
    assert as_json["unread_total"] == 1 and as_json["items"][0]["row"]["kind"] == "extension.requested"


def test_the_calendar_page_shows_the_address_once_and_ends_it(site):
    conversion(site)
    officer = site.login("officer")
    page = officer.get("/calendar")
    assert "Bạn chưa có địa chỉ lịch." in words(page.text)
    made = officer.post("/calendar/new")
    assert made.status_code == 200
    url = re.search(r'<p class="secret" id="calendar-url">([^<]+)</p>', made.text).group(1)
    assert url.startswith("http://testserver/calendar/cal_") and url.endswith(".ics")
    feed = site.anonymous().get(url.removeprefix("http://testserver"))
    assert feed.status_code == 200
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(feed.content).walk("VEVENT")]
    assert any(s.startswith(f"Hạn: {PLAN}") for s in summaries)
    again = officer.get("/calendar")
    assert url not in again.text and "Bạn đã có địa chỉ lịch" in words(again.text)
    ended = officer.post("/calendar/revoke")
    assert ended.status_code == 303 and site.anonymous().get(url.removeprefix("http://testserver")).status_code == 404


def test_the_admin_registers_a_webhook_on_its_page(site):
    admin = site.login("admin")
    assert site.login("clerk").get("/admin/webhooks").status_code == 403
    refused = admin.post("/admin/webhooks", {"url": "ftp://example.com/x", "kinds": ["task.overdue"]})
    assert refused.status_code == 422 and "bắt đầu bằng http:// hoặc https://" in refused.text
    assert 'value="ftp://example.com/x"' in refused.text  # what was typed stays
    none = admin.post("/admin/webhooks", {"url": "https://e-office.example.gov.vn/hook"})
    assert none.status_code == 422 and "Hãy chọn ít nhất một loại sự kiện." in none.text
    made = admin.post(
        "/admin/webhooks",
        {"url": "https://e-office.example.gov.vn/hook", "kinds": ["task.overdue", "extension.requested"]},
    )
    assert made.status_code == 200
    secret = re.search(r'<p class="secret" id="webhook-secret">([^<]+)</p>', made.text).group(1)
    assert len(secret) >= 32 and secret not in admin.get("/admin/webhooks").text
    _, plan = conversion(site)
    ask_more_time(site, plan)
    page = admin.get("/admin/webhooks")
    assert "extension.requested" in words(page.text) and "Đang chờ gửi" in words(page.text)
    paused = admin.post("/admin/webhooks/1/toggle")
    assert paused.status_code == 303 and "Tạm dừng" in words(admin.get("/admin/webhooks").text)
    gone = admin.post("/admin/webhooks/1/delete")
    assert gone.status_code == 303 and "Chưa có webhook nào." in words(admin.get("/admin/webhooks").text)
