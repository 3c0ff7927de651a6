"""The account page: one's own password and API tokens (create, shown once, revoke), and an
admin's view of everyone's tokens — the page side of what the API's /auth/password and /tokens do."""

from __future__ import annotations

import re

from siteclient import PASSWORD, csrf_of

NEW_PASSWORD = "đổi-mật-khẩu-2026-tháng-12"
_SECRET = re.compile(r'<code id="new-token" class="secret">(chd_[^<]+)</code>')


def api_status(site, token: str, path: str = "/tasks") -> int:
    client = site.anonymous().client
    return client.get(f"/api/v1{path}", headers={"Authorization": f"Bearer {token}"}).status_code


def token_ids(site, who: str) -> dict[int, str]:
    rows = site.api("GET", "/tokens", who=who).json()
    return {row["id"]: row["state"] for row in rows}


def test_the_page_lists_ones_tokens_without_their_secret(site):
    browser = site.login("officer")
    page = browser.get("/account")
    assert page.status_code == 200 and "Tài khoản" in page.text and "Đổi mật khẩu" in page.text
    assert site.tokens["officer"] not in page.text
    (own,) = token_ids(site, "officer")
    assert f'id="token-{own}"' in page.text and "Đang dùng" in page.text
    assert 'href="/account"' in browser.get("/").text  # the user's name in the header leads here


def test_a_new_token_is_shown_once_works_and_can_be_revoked(site):
    browser = site.login("officer")
    browser.get("/account")
    made = browser.post("/account/tokens", {"name": "eOffice", "days": "30"})
    assert made.status_code == 200
    secret = _SECRET.search(made.text).group(1)
    assert api_status(site, secret) == 200
    again = browser.get("/account")
    assert secret not in again.text and "eOffice" in again.text
    new_id = max(token_ids(site, "officer"))
    row = next(r for r in site.api("GET", "/tokens", who="officer").json() if r["id"] == new_id)
    assert row["name"] == "eOffice" and row["expires_at"] is not None
    revoked = browser.post(f"/account/tokens/{new_id}/revoke")
    assert revoked.status_code == 303 and "thu%20h%E1%BB%93i" in revoked.headers["location"]
    assert api_status(site, secret) == 401
    assert token_ids(site, "officer")[new_id] == "revoked"
    assert api_status(site, site.tokens["officer"]) == 200  # the other token is untouched


def test_wrong_token_lifetimes_are_refused_in_vietnamese_and_create_nothing(site):
    browser = site.login("clerk")
    browser.get("/account")
    before = token_ids(site, "clerk")
    for days in ("0", "3651", "abc", "٣", "²", "1.5", "-3"):
        answer = browser.post("/account/tokens", {"name": "x", "days": days})
        assert answer.status_code == 422 and "số ngày từ 1 đến 3650" in answer.text, days
    assert browser.post("/account/tokens", {"name": "x" * 101, "days": ""}).status_code in (400, 422)
    assert token_ids(site, "clerk") == before


def test_an_officer_cannot_revoke_someone_elses_token(site):
    (clerks,) = token_ids(site, "clerk")
    browser = site.login("officer")
    browser.get("/account")
    assert browser.post(f"/account/tokens/{clerks}/revoke").status_code == 404
    assert browser.post("/account/tokens/99999/revoke").status_code == 404
    assert api_status(site, site.tokens["clerk"]) == 200
    assert "Mã API của mọi người dùng" not in browser.get("/account?all=1").text  # admins only


def test_an_admin_sees_and_revokes_everyones_tokens(site):
    (clerks,) = token_ids(site, "clerk")
    browser = site.login("admin")
    page = browser.get("/account?all=1")
    assert "Mã API của mọi người dùng" in page.text and f'id="token-{clerks}"' in page.text
    revoked = browser.post(f"/account/tokens/{clerks}/revoke", {"all": "1"})
    assert revoked.status_code == 303 and revoked.headers["location"].endswith("&all=1")
    assert api_status(site, site.tokens["clerk"]) == 401
    assert any(row[0] == clerks for row in site.session().execute(_audit_of_token()).all())


def _audit_of_token():
    from sqlalchemy import select

    from chidao.store.models import AuditEntry

    return select(AuditEntry.entity_id).where(AuditEntry.entity == "token", AuditEntry.action == "revoke")


def test_changing_the_password_keeps_this_browser_and_ends_the_rest(site):
    elsewhere = site.login("officer")
    browser = site.login("officer")
    browser.get("/account")
    changed = browser.post(
        "/account/password",
        {"current_password": PASSWORD, "new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD},
    )
    assert changed.status_code == 303 and changed.headers["location"].startswith("/account?msg=")
    assert browser.get("/account").status_code == 200  # a new session for this browser
    assert elsewhere.get("/").status_code == 303  # the other browser is logged out
    assert api_status(site, site.tokens["officer"]) == 401  # tokens end with a password change
    fresh = site.anonymous()
    form = {"username": "officer", "password": NEW_PASSWORD, "csrf_token": csrf_of(fresh.get("/login").text)}
    assert fresh.client.post("/login", data=form).status_code == 303


def test_wrong_password_changes_say_why_in_vietnamese_and_change_nothing(site):
    browser = site.login("clerk")
    browser.get("/account")
    cases = (
        ({"current_password": "sai-mat-khau-roi", "new_password": NEW_PASSWORD}, "Mật khẩu hiện tại không đúng"),
        ({"current_password": PASSWORD, "new_password": "ngắn"}, "ít nhất 12 ký tự"),
        ({"current_password": PASSWORD, "new_password": "123456789012"}, "quá phổ biến"),
        ({"current_password": PASSWORD, "new_password": " " * 14}, "khoảng trắng"),
    )
    for form, message in cases:
        answer = browser.post("/account/password", {**form, "new_password_again": form["new_password"]})
        assert answer.status_code == 422 and message in answer.text, message
    mismatch = {"current_password": PASSWORD, "new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD + "x"}
    answer = browser.post("/account/password", mismatch)
    assert answer.status_code == 422 and "không khớp" in answer.text
    assert api_status(site, site.tokens["clerk"]) == 200
    assert browser.get("/account").status_code == 200


def test_account_forms_need_the_csrf_token(site):
    browser = site.login("clerk")
    browser.get("/account")
    form = {"current_password": PASSWORD, "new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD}
    assert browser.post("/account/password", {**form, "csrf_token": "forged"}).status_code == 403
    assert browser.post("/account/tokens", {"name": "x", "csrf_token": "forged"}).status_code == 403
    assert api_status(site, site.tokens["clerk"]) == 200
