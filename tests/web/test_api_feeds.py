"""The notification, calendar feed and webhook endpoints, over HTTP, on SQLite and PostgreSQL:
the bell's count and list, marking read; making, reading and ending a calendar address; an
admin registering webhooks (others 403, non-http URLs 422) and reading their delivery log."""

from __future__ import annotations

from apiclient import CONVERSION
from icalendar import Calendar

from chidao.store.engine import session_factory
from chidao.tracking.webhook_sender import SendPolicy, send_due
from support.receiver import Receiver, verify

FIRST = "Chủ trì, phối hợp với Sở Tài chính"


def ask_more_time(api) -> int:
    task = api.task(api.document(CONVERSION), FIRST)
    response = api.post(
        f"/tasks/{task['id']}/extensions", "officer", json={"requested_deadline": "2024-05-31", "reason": "Chờ vốn"}
    )
    assert response.status_code == 201, response.text
    return task["id"]


def test_the_bell_counts_lists_and_marks_read(api):
    assert api.get("/notifications/unread-count").json() == {"unread": 0}
    task_id = ask_more_time(api)
    assert api.get("/notifications/unread-count").json() == {"unread": 1}
    page = api.get("/notifications").json()
    assert page["total"] == 1 and page["unread"] == 1
    [item] = page["items"]
    assert item["kind"] == "extension.requested" and item["label"] == "Đề nghị gia hạn chờ quyết định"
    assert item["task_id"] == task_id and item["data"]["requested_deadline"] == "2024-05-31" and item["read_at"] is None
    assert api.post(f"/notifications/{item['id']}/read", "officer").status_code == 404  # not theirs
    read = api.post(f"/notifications/{item['id']}/read").json()
    assert read["read_at"] is not None
    assert api.get("/notifications", params={"unread": "true"}).json()["total"] == 0
    officer = api.get("/notifications", "officer").json()
    assert officer["unread"] == 4 and {i["kind"] for i in officer["items"]} == {"task.created"}
    assert api.post("/notifications/read-all", "officer").json() == {"marked": 4}
    assert api.get("/notifications/unread-count", "officer").json() == {"unread": 0}
    assert api.get("/notifications/unread-count", None).status_code == 401


def test_a_calendar_address_is_made_read_without_login_and_ended(api):
    api.document(CONVERSION)
    assert api.get("/calendar-feed", "officer").json() == {"exists": False, "created_at": None, "last_used_at": None}
    made = api.post("/calendar-feed", "officer")
    assert made.status_code == 201
    url = made.json()["url"]
    assert url.startswith("http://testserver/calendar/cal_") and url.endswith(".ics")
    feed = api.client.get(url.removeprefix("http://testserver"))  # no token, no cookie
    assert feed.status_code == 200 and feed.headers["content-type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(feed.content)
    assert len(calendar.walk("VEVENT")) >= 3 and str(calendar["X-WR-TIMEZONE"]) == "Asia/Ho_Chi_Minh"
    assert api.get("/calendar-feed", "officer").json()["last_used_at"] is not None
    assert api.delete("/calendar-feed", "officer").status_code == 204
    assert api.client.get(url.removeprefix("http://testserver")).status_code == 404
    assert api.delete("/calendar-feed", "officer").status_code == 404
    assert api.client.get("/calendar/not-a-token.ics").status_code == 404


def test_an_admin_registers_a_webhook_and_reads_its_log(api):
    receiver = Receiver().start()
    try:
        made = api.post("/webhooks", "admin", json={"url": receiver.url, "kinds": ["extension.requested"]})
        assert made.status_code == 201, made.text
        secret, hook = made.json()["secret"], made.json()["item"]
        assert len(secret) >= 32 and "secret" not in hook and hook["kinds"] == ["extension.requested"]
        assert api.get("/webhooks", "admin").json() == [hook]
        ask_more_time(api)
        assert receiver.received == []  # the request that caused it sent nothing
        send_due(session_factory(api.engine), SendPolicy(timeout=2))
        [got] = receiver.received
        assert verify(secret, got)
        [log] = api.get(f"/webhooks/{hook['id']}/deliveries", "admin").json()
        assert (log["status"], log["attempts"], log["last_status"], log["kind"]) == (
            "delivered", 1, 200, "extension.requested",
        )  # fmt: skip
        paused = api.patch(f"/webhooks/{hook['id']}", "admin", json={"active": False, "kinds": ["task.overdue"]})
        assert paused.json()["active"] is False and paused.json()["kinds"] == ["task.overdue"]
        retried = api.post(f"/webhooks/{hook['id']}/deliveries/{log['id']}/retry", "admin").json()
        assert retried["status"] == "pending" and retried["attempts"] == 0
        assert api.delete(f"/webhooks/{hook['id']}", "admin").status_code == 204
        assert api.get(f"/webhooks/{hook['id']}", "admin").status_code == 404
    finally:
        receiver.stop()


def test_webhooks_are_the_admins_and_take_only_http_urls(api):
    for who in ("clerk", "officer", "viewer"):
        assert api.get("/webhooks", who).status_code == 403
        assert api.post("/webhooks", who, json={"url": "https://e-office.example.gov.vn/hook"}).status_code == 403
    for url in ("ftp://example.com/x", "file:///etc/passwd", "javascript:alert(1)", "http://u:p@example.com/"):
        refused = api.post("/webhooks", "admin", json={"url": url})
        assert refused.status_code == 422 and "webhook URL" in refused.json()["detail"], url
    assert api.post("/webhooks", "admin", json={"url": "https://x.example/h", "kinds": ["nope"]}).status_code == 422
    assert api.post("/webhooks", "admin", json={"url": "https://x.example/h", "secret": "short"}).status_code == 422
    assert api.post("/webhooks", "admin", json={"url": "https://x.example/h", "kinds": []}).status_code == 422
    assert api.patch("/webhooks/99", "admin", json={"active": False}).status_code == 404
    assert api.get("/webhooks", "admin").json() == []
    made = api.post("/webhooks", "admin", json={"url": "https://x.example/h"}).json()["item"]
    assert len(made["kinds"]) == 7  # every kind when none is given
    assert api.patch(f"/webhooks/{made['id']}", "admin", json={"url": "gopher://x"}).status_code == 422
