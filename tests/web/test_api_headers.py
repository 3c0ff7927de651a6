"""Security headers on every response, downloads as attachments of our own type, the client's
address and scheme believed from configured proxies only (issue 10, items 3 and 4)."""

from __future__ import annotations

from apiclient import CONVERSION, PASSWORD, make_settings
from fastapi.testclient import TestClient

from chidao.web.app import create_app
from chidao.web.middleware import forwarded_client, networks

PATHS = ["/login", "/", "/tasks", "/static/chidao.css", "/no-such-page", "/api/v1/tasks", "/api/v1/nothing"]


def test_every_response_carries_the_security_headers(api):
    api.document(CONVERSION)
    for who in (None, "clerk"):
        for path in PATHS:
            response = api.client.get(path, headers=api.headers(who), follow_redirects=False)
            policy = response.headers.get("content-security-policy", "")
            assert "frame-ancestors 'none'" in policy, (path, response.headers)
            assert "script-src 'self'" in policy and "unsafe-inline" not in policy, path
            assert response.headers["x-content-type-options"] == "nosniff", path
            assert response.headers["referrer-policy"] == "same-origin", path


def test_the_pages_have_no_inline_script():
    from pathlib import Path

    import chidao.web

    templates = Path(chidao.web.__file__).parent / "templates"
    import re

    for template in templates.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        # A JSON data block (the scripts' words, partials/js_messages.html) is not run: CSP allows it.
        assert not re.search(r"<script(?![^>]*\b(?:src=|type=\"application/json\"))", text), template
        assert not re.search(r"\son[a-z]+\s*=", text), template
        assert "javascript:" not in text and "style=" not in text, template


def _report_with(api, name: str, content: bytes, claimed: str) -> dict:
    task = api.document(CONVERSION)["tasks"][0]
    response = api.post(
        f"/tasks/{task['id']}/progress",
        data={"percent": "10"},
        files=[("attachments", (name, content, claimed))],
    )
    assert response.status_code == 201, response.text
    return response.json()["report"]["attachments"][0]


def test_attachments_are_served_with_our_type_not_the_uploaders(api):
    attachment = _report_with(api, "trang.html", b"<html><script>alert(1)</script></html>", "text/html")
    assert attachment["media_type"] == "application/octet-stream"
    download = api.get(f"/attachments/{attachment['id']}")
    assert download.headers["content-type"] == "application/octet-stream"
    assert download.headers["content-disposition"].startswith("attachment;")
    assert download.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in download.headers["content-security-policy"]


def test_a_pdf_claimed_as_html_is_served_as_pdf(api):
    attachment = _report_with(api, "bao-cao.html", b"%PDF-1.4 evidence", "text/html")
    download = api.get(f"/attachments/{attachment['id']}")
    assert download.headers["content-type"] == "application/pdf"


def test_an_original_notice_is_downloaded_with_our_type(api):
    html = (
        b"<!doctype html><html><body><p>Giao S\xe1\xbb\x9f Y t\xe1\xba\xbf ch\xe1\xbb\xa7 tr\xc3\xac</p></body></html>"
    )
    response = api.post("/documents?wait=60", files={"file": ("trang.html", html, "text/html")})
    assert response.status_code == 201, response.text  # a page with one assignment is stored
    original = api.get(f"/documents/{response.json()['id']}/original")
    assert original.headers["content-type"] == "application/octet-stream"
    assert original.headers["content-disposition"] == "attachment; filename=\"trang.html\"; filename*=UTF-8''trang.html"
    text = api.get(f"/documents/{api.document(CONVERSION)['id']}/original")
    assert text.headers["content-type"] == "text/plain; charset=utf-8"


def test_forwarded_for_is_read_from_trusted_proxies_only():
    trusted = networks(["127.0.0.1", "10.0.0.0/8"])
    assert forwarded_client("203.0.113.9", "1.2.3.4", trusted) == "203.0.113.9"  # not a proxy: ignored
    assert forwarded_client("127.0.0.1", "1.2.3.4", trusted) == "1.2.3.4"
    assert forwarded_client("127.0.0.1", "6.6.6.6, 1.2.3.4, 10.0.0.7", trusted) == "1.2.3.4"  # spoofed left hop
    assert forwarded_client("127.0.0.1", "", trusted) == "127.0.0.1"
    assert forwarded_client("127.0.0.1", "1.2.3.4", ()) == "127.0.0.1"


def _client(database, tmp_path, peer: str, **settings) -> TestClient:
    app = create_app(make_settings(tmp_path, **settings), engine=database)
    return TestClient(app, client=(peer, 50000))


def test_login_throttle_counts_the_proxy_unless_trusted(api, database, tmp_path):
    """Without CHIDAO_TRUSTED_PROXIES a client behind loopback cannot pick a new address per
    attempt with X-Forwarded-For (issue 10: the throttle trusted it from loopback)."""
    with _client(database, tmp_path, "127.0.0.1") as client:
        for n in range(api.settings.login_attempts):
            body = {"username": f"someone{n}", "password": "wrong-password"}
            assert (
                client.post("/api/v1/auth/login", json=body, headers={"X-Forwarded-For": f"1.2.3.{n}"}).status_code
                == 401
            )
        refused = client.post(
            "/api/v1/auth/login",
            json={"username": "clerk", "password": PASSWORD},
            headers={"X-Forwarded-For": "9.9.9.9"},
        )
        assert refused.status_code == 429


def test_a_trusted_proxy_gives_the_client_address_and_scheme(api, database, tmp_path):
    with _client(database, tmp_path, "127.0.0.1", trusted_proxies=("127.0.0.1/32",)) as client:
        for n in range(api.settings.login_attempts):
            body = {"username": f"someone{n}", "password": "wrong-password"}
            assert (
                client.post("/api/v1/auth/login", json=body, headers={"X-Forwarded-For": "1.2.3.4"}).status_code == 401
            )
        assert (
            client.post(
                "/api/v1/auth/login", json={"username": "x", "password": "y"}, headers={"X-Forwarded-For": "1.2.3.4"}
            ).status_code
            == 429
        )
        other = client.post(
            "/api/v1/auth/login",
            json={"username": "clerk", "password": PASSWORD},
            headers={"X-Forwarded-For": "5.6.7.8", "X-Forwarded-Proto": "https"},
        )
        assert other.status_code == 200, other.text
        assert "Secure" in other.headers["set-cookie"]


def test_https_makes_the_cookie_secure_and_a_stranger_cannot_claim_it(api, database, tmp_path):
    with _client(database, tmp_path, "203.0.113.9") as client:
        plain = client.post(
            "/api/v1/auth/login",
            json={"username": "clerk", "password": PASSWORD},
            headers={"X-Forwarded-Proto": "https"},
        )
        assert plain.status_code == 200 and "Secure" not in plain.headers["set-cookie"]
    app = create_app(make_settings(tmp_path), engine=database)
    with TestClient(app, base_url="https://chidao.example") as client:
        direct = client.post("/api/v1/auth/login", json={"username": "clerk", "password": PASSWORD})
        assert direct.status_code == 200 and "Secure" in direct.headers["set-cookie"]


def test_the_api_docs_page_needs_no_inline_script_and_no_other_host(api):
    page = api.get("/docs", who=None)
    assert page.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page.text
    policy = page.headers["content-security-policy"]
    script = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert script.strip() == "script-src 'self'" and "http" not in policy
    assert "<script>" not in page.text  # only <script src=...>
    bundle = api.client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and "SwaggerUIBundle" in bundle.text
