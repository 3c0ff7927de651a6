"""The browser reaches the real server: the login page, a wrong password, a login, offline assets."""

from __future__ import annotations

from conftest import PASSWORD, screenshot


def test_login_page_then_dashboard_with_nothing_from_other_hosts(browser, server):
    context = browser.new_context()
    page = context.new_page()
    foreign = []
    page.on("request", lambda r: None if r.url.startswith(server.url) else foreign.append(r.url))
    page.goto(f"{server.url}/tasks")
    assert page.url.startswith(f"{server.url}/login")
    assert page.locator("html").get_attribute("lang") == "vi"
    screenshot(page, "01-login")
    page.get_by_label("Tên đăng nhập").fill("clerk")
    page.get_by_label("Mật khẩu").fill("sai mật khẩu")
    page.get_by_role("button", name="Đăng nhập").click()
    assert page.get_by_role("alert").inner_text().startswith("Tên đăng nhập hoặc mật khẩu không đúng")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{server.url}/tasks")
    assert foreign == []
    context.close()
