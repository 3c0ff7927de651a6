"""The administration pages: the hub, users (list, create with a one-time password shown once,
role and agency, deactivation, reset, tokens, audit) and agencies (create, rename, aliases,
merge after a preview); admins only, CSRF checked; a user holding a one-time password is held on
the password form (pages) and refused by the API until they choose their own."""

from __future__ import annotations

import re

import pytest
from siteclient import csrf_of
from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.store.models import Agency, AuditEntry, User

ONE_TIME = re.compile(r'<code id="one-time-password" class="secret">([^<]+)</code>')
OWN_PASSWORD = "mật-khẩu-của-riêng-tôi 2026"


def _user(site, username: str) -> User:
    with Session(site.engine) as session:
        user = session.scalar(select(User).where(User.username == username))
        assert user is not None
        session.expunge(user)
        return user


def _create(browser, username: str, role: str = "agency", agency: str = "so noi vu"):
    browser.get("/admin/users")
    return browser.post("/admin/users", {"username": username, "role": role, "agency": agency})


def _log_in(site, username: str, password: str):
    browser = site.anonymous()
    page = browser.get("/login")
    answer = browser.client.post(
        "/login", data={"username": username, "password": password, "csrf_token": csrf_of(page.text), "next": "/"}
    )
    return browser, answer


@pytest.mark.parametrize("path", ["/admin", "/admin/users", "/admin/agencies"])
def test_admin_pages_are_for_admins(site, path):
    for who in ("clerk", "viewer", "officer"):
        assert site.login(who).get(path).status_code == 403, who
    assert site.anonymous().get(path).status_code == 303
    assert site.login("admin").get(path).status_code == 200


def test_the_guessed_users_address_leads_to_the_list(site):
    moved = site.login("admin").get("/users")
    assert moved.status_code == 303 and moved.headers["location"] == "/admin/users"
    assert site.login("clerk").get("/users").status_code == 403


def test_the_nav_has_one_admin_entry_leading_to_the_hub(site):
    home = site.login("admin").get("/").text
    assert 'href="/admin"' in home and 'href="/admin/webhooks"' not in home
    hub = site.login("admin").get("/admin").text
    for link in ("/admin/users", "/admin/agencies", "/agencies/reorganizations", "/admin/reminders", "/admin/webhooks"):
        assert f'href="{link}"' in hub
    assert 'href="/account?all=1"' in hub
    assert 'href="/admin"' not in site.login("clerk").get("/").text


def test_the_user_list_searches_folded_and_filters_by_role(site):
    browser = site.login("admin")
    page = browser.get("/admin/users")
    assert "Quản trị" in page.text and "Cán bộ cơ quan" in page.text and 'id="user-table"' in page.text
    for name in ("officer", "finance", "health", "clerk"):
        assert f">{name}</a>" in page.text
    agency_only = browser.get("/admin/users?role=agency").text
    assert ">officer</a>" in agency_only and ">clerk</a>" not in agency_only
    _create(browser, "Nguyễn_Lan", role="viewer")
    assert ">Nguyễn_Lan</a>" in browser.get("/admin/users?q=nguyen").text
    assert ">Nguyễn_Lan</a>" not in browser.get("/admin/users?q=tran").text


def test_a_new_user_gets_a_one_time_password_shown_once_and_must_change_it(site):
    admin = site.login("admin")
    made = _create(admin, "lan", agency="Sở Nội Vụ tỉnh Lâm Đồng")
    assert made.status_code == 303
    location = made.headers["location"]
    assert location.startswith("/admin/users/")
    page = admin.get(location)
    password = ONE_TIME.search(page.text).group(1)
    assert password not in location and password not in str(made.headers)
    assert "Sở Nội vụ" in page.text and "Chưa đổi mật khẩu dùng một lần" in page.text
    assert ONE_TIME.search(admin.get(location).text) is None  # a reload shows nothing
    user = _user(site, "lan")
    assert user.must_change_password and user.agency_id is not None and password not in (user.password_hash or "")
    with Session(site.engine) as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "user", AuditEntry.entity_id == user.id)
        )
        assert [e.after.get("password") for e in entries] == ["one-time"]

    lan, answer = _log_in(site, "lan", password)
    assert answer.status_code == 303
    for path in ("/", "/tasks", "/documents", "/admin/users"):
        held = lan.get(path)
        assert held.status_code == 303 and held.headers["location"] == "/account", path
    form = lan.get("/account")
    assert form.status_code == 200 and "mật khẩu dùng một lần" in form.text and "Tạo mã API" not in form.text
    assert lan.client.get("/api/v1/tasks", headers={"X-CSRF-Token": lan.csrf}).status_code == 403
    assert "one-time password" in lan.client.get("/api/v1/tasks").json()["detail"]
    assert lan.client.get("/api/v1/auth/me").status_code == 200
    same = lan.post(
        "/account/password", {"current_password": password, "new_password": password, "new_password_again": password}
    )
    assert same.status_code == 422 and "phải khác" in same.text
    changed = lan.post(
        "/account/password",
        {"current_password": password, "new_password": OWN_PASSWORD, "new_password_again": OWN_PASSWORD},
    )
    assert changed.status_code == 303 and changed.headers["location"].startswith("/?msg=")
    assert lan.get("/").status_code == 200
    assert not _user(site, "lan").must_change_password


def test_create_errors_are_vietnamese_and_create_nothing(site):
    admin = site.login("admin")
    unknown = _create(admin, "an", agency="Sở Nội vụu")
    assert unknown.status_code == 422 and "Có phải: Sở Nội vụ" in unknown.text
    ambiguous = _create(admin, "an", agency="SNV")
    assert ambiguous.status_code == 422 and "Sở Ngoại vụ" in ambiguous.text
    taken = _create(admin, "OFFICER", role="viewer")
    assert taken.status_code == 422 and "đã có người dùng" in taken.text
    assert ">an</a>" not in admin.get("/admin/users").text
    spaces = _create(admin, "co dau cach", role="viewer")
    assert spaces.status_code == 422 and "không có khoảng trắng" in spaces.text
    no_agency = _create(admin, "an", role="agency", agency="")
    assert no_agency.status_code == 422 and "Cán bộ cơ quan cần thuộc một cơ quan" in no_agency.text
    no_csrf = admin.client.post("/admin/users", data={"username": "x", "role": "viewer"})
    assert no_csrf.status_code == 403
    assert site.login("clerk").post("/admin/users", {"username": "x", "role": "viewer"}).status_code == 403


def test_role_agency_deactivation_and_the_last_admin(site):
    admin = site.login("admin")
    officer = site.user_ids["officer"]
    admin.get(f"/admin/users/{officer}")
    moved = admin.post(f"/admin/users/{officer}", {"role": "agency", "agency": "Sở TC"})
    assert moved.status_code == 303
    assert "Sở Tài chính" in admin.get(f"/admin/users/{officer}").text
    off = admin.post(f"/admin/users/{officer}/active", {"active": "0"})
    assert off.status_code == 303 and not _user(site, "officer").is_active
    assert site.api("GET", "/tasks", who="officer").status_code == 401  # tokens revoked
    assert admin.post(f"/admin/users/{officer}/active", {"active": "1"}).status_code == 303
    assert _user(site, "officer").is_active
    me = site.user_ids["admin"]
    admin.get(f"/admin/users/{me}")
    self_off = admin.post(f"/admin/users/{me}/active", {"active": "0"})
    assert self_off.status_code == 422 and "tự khóa" in self_off.text
    clerk = site.user_ids["clerk"]
    admin.post(f"/admin/users/{clerk}", {"role": "admin"})
    demoted = admin.post(f"/admin/users/{me}", {"role": "viewer"})
    assert demoted.status_code == 422 and "tự bỏ quyền" in demoted.text


def test_a_reset_ends_sessions_and_tokens_and_shows_a_new_password_once(site):
    admin = site.login("admin")
    finance = site.login("finance")
    user_id = site.user_ids["finance"]
    page = admin.get(f"/admin/users/{user_id}")
    assert 'id="token-' in page.text
    reset = admin.post(f"/admin/users/{user_id}/password")
    assert reset.status_code == 303
    shown = admin.get(reset.headers["location"])
    password = ONE_TIME.search(shown.text).group(1)
    assert ONE_TIME.search(admin.get(f"/admin/users/{user_id}").text) is None
    assert finance.get("/").status_code == 303  # logged out
    assert site.api("GET", "/tasks", who="finance").status_code == 401
    assert "Đã thu hồi" in shown.text or "Thu hồi" not in shown.text
    _, answer = _log_in(site, "finance", password)
    assert answer.status_code == 303
    assert site.login("clerk").post(f"/admin/users/{user_id}/password").status_code == 403


def test_an_admin_revokes_a_users_token_on_their_page(site):
    admin = site.login("admin")
    user_id = site.user_ids["health"]
    page = admin.get(f"/admin/users/{user_id}")
    token_id = int(re.search(r'id="token-(\d+)"', page.text).group(1))
    assert admin.post(f"/admin/users/{user_id}/tokens/{token_id}/revoke").status_code == 303
    assert site.api("GET", "/tasks", who="health").status_code == 401
    assert admin.post(f"/admin/users/{site.user_ids['clerk']}/tokens/{token_id}/revoke").status_code == 404
    audit = admin.get(f"/admin/users/{user_id}").text
    assert 'id="audit"' in audit


def test_agencies_create_rename_aliases(site):
    admin = site.login("admin")
    admin.get("/admin/agencies")
    made = admin.post("/admin/agencies", {"name": "Ban Quản lý khu kinh tế", "aliases": "BQL KKT\n\nBan KKT\n"})
    assert made.status_code == 303
    page = admin.get(made.headers["location"])
    assert "BQL KKT\nBan KKT" in page.text and "/contacts" in page.text
    again = admin.post("/admin/agencies", {"name": "ban quan ly khu kinh te"})
    assert again.status_code == 409 and "Đã có cơ quan" in again.text
    agency_id = int(made.headers["location"].split("/")[-1].split("?")[0])
    renamed = admin.post(f"/admin/agencies/{agency_id}", {"name": "Ban Quản lý các khu kinh tế", "aliases": "BQL"})
    assert renamed.status_code == 303
    with Session(site.engine) as session:
        agency = session.get(Agency, agency_id)
        assert (agency.name, agency.aliases) == ("Ban Quản lý các khu kinh tế", ["BQL"])
    clash = admin.post(f"/admin/agencies/{agency_id}", {"name": "Sở Y tế", "aliases": ""})
    assert clash.status_code == 409


def test_merging_previews_then_moves_open_tasks_and_officers(site):
    from siteclient import CONVERSION

    site.document(CONVERSION)  # Sở Thông tin và Truyền thông leads open tasks
    admin = site.login("admin")
    with Session(site.engine) as session:
        source = session.scalar(select(Agency).where(Agency.name == "Sở Thông tin và Truyền thông"))
        target = session.scalar(select(Agency).where(Agency.name == "Sở Khoa học và Công nghệ"))
        source_id, target_id = source.id, target.id
    itself = admin.get(f"/admin/agencies/{source_id}?into=Sở TT%26TT")
    assert itself.status_code == 422 and "chính nó" in itself.text
    preview = admin.get(f"/admin/agencies/{source_id}?into=so khcn")
    assert preview.status_code == 200 and 'id="merge-preview"' in preview.text
    assert "tài khoản cán bộ" in preview.text and "Sở Khoa học và Công nghệ" in preview.text
    assert re.search(r"[1-9]\d* nhiệm vụ đang mở", preview.text)
    done = admin.post(f"/admin/agencies/{source_id}/merge", {"successor_id": str(target_id)})
    assert done.status_code == 303
    with Session(site.engine) as session:
        source = session.get(Agency, source_id)
        assert source.successor_id == target_id and source.ended_on is not None
        officer = session.get(User, site.user_ids["officer"])
        assert officer.agency_id == target_id
        assert session.scalar(select(AuditEntry).where(AuditEntry.entity == "agency", AuditEntry.action == "merge"))
    ended_into = admin.get(f"/admin/agencies/{target_id}?into=Sở Thông tin và Truyền thông")
    assert ended_into.status_code == 422 and "kết thúc" in ended_into.text
    twice = admin.post(f"/admin/agencies/{source_id}/merge", {"successor_id": str(target_id)})
    assert twice.status_code == 422
    assert site.login("clerk").post(f"/admin/agencies/{target_id}/merge", {"successor_id": "1"}).status_code == 403
