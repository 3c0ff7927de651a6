"""Page forms and query strings with what once answered 500 or dropped the connection (issue
10, "Measured"): Unicode digits (``²``: ``isdigit()`` yes, ``int()`` no), ids beyond the
database's integer range, NUL and newlines in values and in attachment names."""

from __future__ import annotations

import re

from pagekit import conversion
from siteclient import CONVERSION

HOSTILE = ["\u00b2", "\u0663", "99999999999999999999", "1\x00", "1\n2", "-1", " ", "1e3"]
DATES = [
    *HOSTILE,
    "9999-06-01",
    "9999-99-99",
    "31/12/99999",
    "01/01/0001",
    "\u0661\u0662/\u0660\u0661/\u0662\u0660\u0662\u0664",
]
CONTROL = frozenset("\x00\r\n")
FIELDS = ["agency", "document_id", "page", "per_page", "role", "q", "sort", "status", "timing_state"]


def test_task_list_query_strings(site):
    browser = site.login("clerk")
    for name in FIELDS:
        for value in HOSTILE:
            response = browser.get("/tasks", params={name: value})
            assert response.status_code in (200, 422), (name, value, response.text[:300])
    for name in ("deadline_from", "deadline_to"):
        for value in DATES:
            response = browser.get("/tasks", params={name: value})
            assert response.status_code in (200, 422), (name, value, response.text[:300])
            assert browser.get("/tasks.csv", params={name: value}).status_code in (200, 422)


def test_unicode_digits_are_no_ids(site):
    browser = site.login("clerk")
    assert browser.get("/tasks", params={"agency": "\u00b2"}).status_code == 200
    assert browser.get("/tasks", params={"document_id": "\u00b2"}).status_code == 422
    assert browser.get("/tasks", params={"document_id": "\u0663"}).status_code == 422
    assert browser.get("/tasks", params={"agency": "99999999999999999999"}).status_code == 200


def test_task_forms_version_percent_and_dates(site):
    _, plan = conversion(site)
    browser = site.login("officer")
    browser.get(f"/tasks/{plan}")
    for value in HOSTILE:
        for form in ({"version": value, "percent": "10"}, {"version": "1", "percent": value}):
            response = browser.post(f"/tasks/{plan}/progress", {"kind": "progress", "note": "x", **form})
            assert response.status_code in (303, 409, 422), (form, response.text[:300])
        form = {"version": value, "requested_deadline": "2024-06-01", "reason": "x"}
        assert browser.post(f"/tasks/{plan}/extensions", form).status_code in (303, 403, 409, 422)
    for value in DATES:
        form = {"version": "1", "requested_deadline": value, "reason": "x"}
        response = browser.post(f"/tasks/{plan}/extensions", form)
        assert response.status_code in (303, 409, 422), (value, response.text[:300])


def test_a_hostile_percent_with_the_current_version_is_refused(site):
    # With the task's current version the form gets past the version check to the percent itself.
    _, plan = conversion(site)
    browser = site.login("officer")
    for value in ["\u00b2", "\u0663", "99999999999999999999", "1\x00", "1e3", "-1", "101"]:
        version = re.search(r'name="version" value="(\d+)"', browser.get(f"/tasks/{plan}").text)
        assert version, "the task page carries its version"
        form = {"kind": "progress", "note": "x", "version": version.group(1), "percent": value}
        response = browser.post(f"/tasks/{plan}/progress", form)
        assert response.status_code == 422, (value, response.status_code, response.text[:300])


def test_report_pages_take_no_unicode_digit_for_an_agency(site):
    browser = site.login("clerk")
    for path in ("/reports", "/reports/print"):
        for value in ["\u00b2", "\u0663", "99999999999999999999"]:
            response = browser.get(path, params={"agency": value})
            assert response.status_code in (200, 422), (path, value, response.status_code)


def test_review_forms(site):
    draft = site.document(CONVERSION, confirm=False)
    browser = site.login("clerk")
    browser.get(f"/documents/{draft['id']}/review")
    task = draft["tasks"][0]
    for value in HOSTILE:
        response = browser.post(f"/documents/{draft['id']}/review/merge", {"task_ids": [str(task["id"]), value]})
        assert response.status_code in (303, 422), response.text[:300]
        form = {"text": task["text"], "lead": "", "coordinators": "", "deadline": "", "version": value}
        response = browser.post(f"/documents/{draft['id']}/review/tasks/{task['id']}", form)
        assert response.status_code in (303, 409, 422), response.text[:300]
    for value in DATES:
        form = {"text": task["text"], "lead": "", "coordinators": "", "deadline": value, "version": "0"}
        response = browser.post(f"/documents/{draft['id']}/review/tasks/{task['id']}", form)
        assert response.status_code in (303, 409, 422), (value, response.text[:300])


def test_ids_in_paths_beyond_the_integer_range(site):
    browser = site.login("clerk")
    for path in ("/tasks/99999999999999999999", "/documents/99999999999999999999", "/agencies/99999999999999999999"):
        assert browser.get(path).status_code in (404, 422)


def test_attachment_names_with_nul_or_newline(site):
    _, plan = conversion(site)
    browser = site.login("officer")
    for number, name in enumerate(["bao\x00cao.pdf", "bao\ncao.pdf", 'bao"cao\r\n.pdf'], start=1):
        browser.get(f"/tasks/{plan}")
        fields = {"csrf_token": browser.csrf, "kind": "progress", "percent": str(10 * number), "note": "x"}
        response = browser.client.post(
            f"/tasks/{plan}/progress",
            data={**fields, "version": str(site.api("GET", f"/tasks/{plan}").json()["version"])},
            files=[("attachments", (name, b"%PDF-1.4 evidence", "text/html"))],
        )
        assert response.status_code == 303, response.text[:500]
        detail = site.api("GET", f"/tasks/{plan}").json()
        attachment = detail["progress_reports"][-1]["attachments"][0]
        download = browser.get(f"/tasks/{plan}/attachments/{attachment['id']}")
        assert download.status_code == 200 and download.content == b"%PDF-1.4 evidence"
        for header, value in download.headers.items():
            assert not CONTROL & set(value), (header, value)
        assert download.headers["content-disposition"].startswith("attachment;")
        assert download.headers["content-type"] == "application/pdf"  # ours, not the uploader's text/html
