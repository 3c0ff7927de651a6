"""The reorganization page (issue 13): an admin previews what the 2025 reorganization would move
in this database, applies it with one button, and a second application changes nothing."""

from __future__ import annotations

from datetime import date

from pagekit import main
from siteclient import CONVERSION

TTTT, KHCN = "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"
PAGE = "/agencies/reorganizations/2025"


def preview_json(browser) -> dict:
    response = browser.get(f"{PAGE}?format=json")
    assert response.status_code == 200, response.text[:300]
    return response.json()


def step_of(data: dict, agency: str) -> dict:
    return next(step for step in data["steps"] if step["agency"] == agency)


def test_the_admin_previews_applies_once_and_the_officer_follows(site):
    site.today = date(2026, 12, 6)
    site.document(CONVERSION)  # Sở TT&TT leads three tasks; Sở Kế hoạch và Đầu tư coordinates
    admin = site.login("admin")
    index = admin.get("/agencies/reorganizations")
    assert index.status_code == 200 and 'href="/agencies/reorganizations/2025"' in index.text
    assert 'href="/agencies/reorganizations"' in admin.get("/agencies").text
    page = admin.get(PAGE)
    assert page.status_code == 200 and "Áp dụng" in page.text
    assert f'<td data-label="Cơ quan cũ">{TTTT}</td>' in main(page.text)
    data = preview_json(admin)
    step = step_of(data, TTTT)
    assert (step["successor"], step["state"], step["lead"], step["users"]) == (KHCN, "pending", 3, 1)
    assert data["totals"]["tasks"] >= 3 and all(s["state"] != "absent" for s in data["steps"])
    everything = admin.get(f"{PAGE}?show=all&format=json").json()["steps"]
    assert len(everything) == len(data["steps"]) + data["absent"]
    seen = site.api("GET", "/tasks", who="officer").json()["total"]
    assert seen >= 3

    applied = admin.post(f"{PAGE}/apply")
    assert applied.status_code == 303 and applied.headers["location"].startswith(f"{PAGE}?msg=")
    after = admin.get(applied.headers["location"])
    assert "Đã chuyển" in after.text and 'id="apply-reorganization"' not in after.text
    assert step_of(preview_json(admin), TTTT)["state"] == "applied"
    tasks = site.api("GET", "/tasks", who="officer").json()
    assert tasks["total"] == seen and all(KHCN in t["lead"] + t["coordinators"] for t in tasks["items"])
    assert all(TTTT not in t["lead"] + t["coordinators"] for t in tasks["items"])
    assert site.api("GET", "/auth/me", who="officer").json()["user"]["agency"] == KHCN

    again = admin.post(f"{PAGE}/apply")
    assert again.status_code == 303 and "Kh%C3%B4ng%20c%C3%B2n" in again.headers["location"]
    assert site.api("GET", "/tasks", who="officer").json()["total"] == seen


def test_before_the_effective_date_nothing_is_pending(site):
    site.today = date(2024, 12, 31)
    site.document(CONVERSION)
    admin = site.login("admin")
    data = preview_json(admin)
    assert step_of(data, TTTT)["state"] == "not_yet" and data["totals"]["tasks"] == 0
    assert 'id="apply-reorganization"' not in admin.get(PAGE).text


def test_only_admins_and_known_reorganizations_and_the_csrf_token(site):
    site.today = date(2026, 12, 6)
    site.document(CONVERSION)
    for who in ("clerk", "viewer", "officer"):
        browser = site.login(who)
        assert browser.get(PAGE).status_code == 403, who
        assert browser.post(f"{PAGE}/apply").status_code == 403, who
    admin = site.login("admin")
    assert admin.get("/agencies/reorganizations/1999").status_code == 404
    assert admin.post("/agencies/reorganizations/1999/apply").status_code == 404
    assert admin.get("/agencies/reorganizations/" + "x" * 41).status_code in (404, 422)
    assert admin.post(f"{PAGE}/apply", {"csrf_token": "forged"}).status_code == 403
    assert step_of(preview_json(admin), TTTT)["state"] == "pending"
