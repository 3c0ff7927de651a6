"""Logging in and out through the pages: redirects, wrong passwords, CSRF, throttling, no open redirect."""

from __future__ import annotations

from siteclient import PASSWORD, csrf_of


def test_pages_redirect_to_login_with_the_page_to_come_back_to(site):
    browser = site.anonymous()
    response = browser.get("/tasks?status=done")
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Ftasks%3Fstatus%3Ddone"


def test_login_sets_an_httponly_cookie_and_returns_to_next(site):
    browser = site.anonymous()
    page = browser.get("/login?next=/agencies")
    assert page.status_code == 200 and "Đăng nhập" in page.text
    form = {"username": "clerk", "password": PASSWORD, "csrf_token": csrf_of(page.text), "next": "/agencies"}
    response = browser.client.post("/login", data=form)
    assert response.status_code == 303 and response.headers["location"] == "/agencies"
    cookie = next(h for h in response.headers.get_list("set-cookie") if h.startswith("chidao_session="))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert browser.get("/").status_code == 200


def test_a_wrong_password_says_so_in_vietnamese(site):
    browser = site.anonymous()
    page = browser.get("/login")
    form = {"username": "clerk", "password": "wrong", "csrf_token": csrf_of(page.text)}
    response = browser.client.post("/login", data=form)
    assert response.status_code == 401
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.text
    assert "chidao_session" not in response.headers.get("set-cookie", "")


def test_the_login_form_needs_its_csrf_token(site):
    browser = site.anonymous()
    browser.get("/login")
    response = browser.client.post("/login", data={"username": "clerk", "password": PASSWORD, "csrf_token": "forged"})
    assert response.status_code == 403
    assert "chidao_session" not in response.headers.get("set-cookie", "")


def test_repeated_failures_are_throttled(site):
    browser = site.anonymous()
    token = csrf_of(browser.get("/login").text)
    codes = [
        browser.client.post("/login", data={"username": "clerk", "password": "x", "csrf_token": token}).status_code
        for _ in range(site.settings.login_attempts + 1)
    ]
    assert codes[-1] == 429
    right = browser.client.post("/login", data={"username": "clerk", "password": PASSWORD, "csrf_token": token})
    assert right.status_code == 429  # even the right password waits


def test_next_never_leaves_the_site(site):
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        browser = site.anonymous()
        token = csrf_of(browser.get("/login").text)
        form = {"username": "viewer", "password": PASSWORD, "csrf_token": token, "next": target}
        response = browser.client.post("/login", data=form)
        assert response.headers["location"] == "/", target


def test_logout_needs_the_csrf_token_and_ends_the_session(site):
    browser = site.login("viewer")
    assert browser.client.post("/logout", data={"csrf_token": "forged"}).status_code == 403
    assert browser.get("/").status_code == 200
    assert browser.post("/logout").status_code == 303
    assert browser.get("/").status_code == 303


def test_unknown_pages_answer_a_vietnamese_404_and_the_api_keeps_json(site):
    browser = site.login("viewer")
    page = browser.get("/khong-co")
    assert page.status_code == 404 and "Không tìm thấy" in page.text
    api = browser.get("/api/v1/khong-co")
    assert api.status_code == 404 and api.json() == {"detail": "Not Found"}
