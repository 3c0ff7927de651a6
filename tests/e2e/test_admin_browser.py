"""The administration pages in a real browser (issue 14): the admin creates an agency officer
from the "Quản trị" hub, typing the agency loosely; the one-time password is shown once; the new
user logs in with it in an English-locale browser, is held on the password form, chooses their
own password and lands on the dashboard. Then, on a server of its own, the admin merges an
agency into another after the preview."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import DESKTOP, EXAMPLES, PASSWORD, screenshot, serving

OWN_PASSWORD = "mật khẩu riêng của Lan 2026"


def _context(browser):
    context = browser.new_context(viewport=DESKTOP, locale="en-US", timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def _log_in(page, server, username: str, password: str) -> None:
    page.goto(f"{server.url}/login")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def test_a_new_user_replaces_the_one_time_password_then_reaches_the_dashboard(browser, server):
    context, admin = _context(browser)
    _log_in(admin, server, "admin", PASSWORD)
    admin.wait_for_url(f"{server.url}/")
    admin.get_by_role("link", name="Quản trị", exact=True).click()
    admin.wait_for_url(f"{server.url}/admin")
    admin.locator("#admin-hub").get_by_role("link", name="Người dùng").click()
    admin.wait_for_url(f"{server.url}/admin/users")
    admin.get_by_label("Tên đăng nhập", exact=True).fill("lan.e2e")
    admin.locator("#n-role").select_option("agency")
    admin.locator("#n-agency").fill("so noi vu tinh Lam Dong")
    screenshot(admin, "50-admin-users")
    admin.get_by_role("button", name="Tạo tài khoản").click()
    admin.wait_for_url(f"{server.url}/admin/users/*")
    password = admin.locator("#one-time-password").inner_text().strip()
    assert len(password) == 23 and "Sở Nội vụ" in admin.locator("main").inner_text()
    assert password not in admin.url
    screenshot(admin, "51-admin-one-time-password")
    admin.reload()
    assert admin.locator("#one-time-password").count() == 0  # shown once
    context.close()

    context, lan = _context(browser)
    _log_in(lan, server, "lan.e2e", password)
    lan.wait_for_url(f"{server.url}/account")
    assert "mật khẩu dùng một lần" in lan.locator("#must-change").inner_text()
    lan.goto(f"{server.url}/tasks")
    lan.wait_for_url(f"{server.url}/account")
    screenshot(lan, "52-forced-password-change")
    lan.get_by_label("Mật khẩu hiện tại").fill(password)
    lan.get_by_label("Mật khẩu mới", exact=True).fill(OWN_PASSWORD)
    lan.get_by_label("Nhập lại mật khẩu mới").fill(OWN_PASSWORD)
    lan.get_by_role("button", name="Đổi mật khẩu").click()
    lan.wait_for_url(f"{server.url}/?msg=*")
    assert "Đã đặt mật khẩu" in lan.get_by_role("status").first.inner_text()
    assert "Sở Nội vụ" in lan.locator(".user-name").inner_text()
    lan.goto(f"{server.url}/tasks")
    assert lan.url == f"{server.url}/tasks"
    screenshot(lan, "53-first-login-dashboard")
    context.close()


@pytest.fixture
def notice_server(tmp_path):
    """A server of its own: a merge re-points the shared officer account."""
    with serving(tmp_path) as server:
        notice = str(EXAMPLES / "tb-ket-luan-chuyen-doi-so.txt")
        command = [sys.executable, "-m", "chidao.cli", "ingest", "--confirm", notice]
        subprocess.run(command, env=server.env, check=True, capture_output=True)
        yield server


def test_the_admin_merges_an_agency_after_a_preview(browser, notice_server):
    server = notice_server
    context, admin = _context(browser)
    _log_in(admin, server, "admin", PASSWORD)
    admin.wait_for_url(f"{server.url}/")
    admin.goto(f"{server.url}/admin")
    admin.locator("#admin-hub").get_by_role("link", name="Cơ quan").click()
    admin.get_by_label("Tên cơ quan", exact=True).first.fill("thong tin truyen thong")
    admin.get_by_role("button", name="Tìm").click()
    admin.get_by_role("link", name="Sở Thông tin và Truyền thông", exact=True).click()
    admin.get_by_label("Cơ quan nhận").fill("Sở KH&CN tỉnh Gia Lai")
    admin.get_by_role("button", name="Xem trước").click()
    preview = admin.locator("#merge-preview").inner_text()
    assert "Sở Khoa học và Công nghệ" in preview and "1 tài khoản cán bộ" in preview
    screenshot(admin, "54-admin-agency-merge-preview")
    admin.locator("#confirm-merge").click()
    admin.wait_for_url(f"{server.url}/admin/agencies/*?msg=*")
    assert "Đã hợp nhất" in admin.get_by_role("status").inner_text()
    assert "Sở Khoa học và Công nghệ" in admin.locator("#ended").inner_text()
    screenshot(admin, "55-admin-agency-merged")
    context.close()
