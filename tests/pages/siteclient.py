"""Helpers of the page tests: a browser-like client per user (its own cookie jar), logged in
through the real login form, and the form CSRF token of the page it last read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from chidao.settings import Settings
from chidao.store.agencies import seed_agencies
from chidao.store.engine import session_factory
from chidao.tracking.accounts import add_user, create_token

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CONVERSION = "tb-ket-luan-chuyen-doi-so.txt"  # Sở Thông tin và Truyền thông leads three tasks
HEALTH = "cv-giao-nhiem-vu-y-te.txt"  # Sở Y tế leads one
PASSWORD = "correct horse battery"
MAX_UPLOAD = 256 * 1024

# username → (role, agency)
USERS = {
    "admin": ("admin", None),
    "clerk": ("clerk", None),
    "viewer": ("viewer", None),
    "officer": ("agency", "Sở Thông tin và Truyền thông"),
    "finance": ("agency", "Sở Tài chính"),
    "health": ("agency", "Sở Y tế"),
}
_CSRF = re.compile(r'name="csrf_token" value="([^"]*)"')


def csrf_of(html: str) -> str:
    """The CSRF token of the first form in ``html``."""
    found = _CSRF.search(html)
    assert found, "no form with a csrf_token on this page"
    return found.group(1)


@dataclass
class Browser:
    """One user's client: cookies kept between requests, like a browser."""

    client: TestClient
    csrf: str = ""

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        response = self.client.get(path, **kwargs)
        if response.headers.get("content-type", "").startswith("text/html") and 'name="csrf_token"' in response.text:
            self.csrf = csrf_of(response.text)
        return response

    def post(self, path: str, data: dict | None = None, **kwargs: Any) -> httpx.Response:
        """Submit a form of this site (the CSRF token is added unless given)."""
        form = {"csrf_token": self.csrf, **(data or {})}
        return self.client.post(path, data=form, **kwargs)


@dataclass
class Site:
    app: FastAPI
    engine: Engine
    settings: Settings
    today: date
    tokens: dict[str, str] = field(default_factory=dict)
    user_ids: dict[str, int] = field(default_factory=dict)
    _clients: list[TestClient] = field(default_factory=list)

    def anonymous(self) -> Browser:
        client = TestClient(self.app, follow_redirects=False)
        client.__enter__()
        self._clients.append(client)
        return Browser(client)

    def login(self, username: str) -> Browser:
        """A browser logged in as ``username`` through the login form."""
        browser = self.anonymous()
        page = browser.get("/login")
        response = browser.client.post(
            "/login", data={"username": username, "password": PASSWORD, "csrf_token": csrf_of(page.text), "next": "/"}
        )
        assert response.status_code == 303, response.text
        browser.get("/")
        return browser

    def api(self, method: str, path: str, who: str = "clerk", **kwargs: Any) -> httpx.Response:
        """Call the JSON API as ``who`` (with an API token): to set up data for a page test."""
        client = self._clients[0] if self._clients else self.anonymous().client
        headers = {"Authorization": f"Bearer {self.tokens[who]}"}
        return client.request(method, f"/api/v1{path}", headers=headers, **kwargs)

    def document(self, name: str, confirm: bool = True) -> dict:
        """Upload an example notice through the API (confirmed unless told otherwise)."""
        content = (EXAMPLES / name).read_bytes()
        form = {"confirm": "true"} if confirm else {}
        response = self.api("POST", "/documents", files={"file": (name, content)}, data=form)
        assert response.status_code == 201, response.text
        return response.json()

    def close(self) -> None:
        for client in self._clients:
            client.__exit__(None, None, None)


def seed(engine: Engine) -> tuple[dict[str, str], dict[str, int]]:
    """Registry agencies, and one user per entry of USERS, each with PASSWORD and an API token."""
    tokens, ids = {}, {}
    with session_factory(engine).begin() as session:
        seed_agencies(session=session)
        for username, (role, agency) in USERS.items():
            user = add_user(session=session, username=username, role=role, agency=agency, password=PASSWORD)
            tokens[username] = create_token(session=session, user=user, name="tests")
            ids[username] = user.id
    return tokens, ids


def make_settings(tmp_path: Path, **changes: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": tmp_path,
        "database_url": "sqlite://",  # unused: the test engine is handed over
        "max_upload_bytes": MAX_UPLOAD,
        "login_attempts": 5,
        "login_window_seconds": 300,
    }
    values.update(changes)
    return Settings(**values)
