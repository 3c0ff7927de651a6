"""Helpers of the page tests: a browser-like client per user (its own cookie jar), logged in
through the real login form as one of the users of ``support.users``, and the form CSRF token of
the page it last read; the app is built by the shared factory ``support.served``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from chidao.settings import Settings
from support.served import Served
from support.served import make_settings as served_settings
from support.users import PASSWORD
from support.users import seed as seed_users

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CONVERSION = "tb-ket-luan-chuyen-doi-so.txt"  # Sở Thông tin và Truyền thông leads three tasks
HEALTH = "cv-giao-nhiem-vu-y-te.txt"  # Sở Y tế leads one
MAX_UPLOAD = 256 * 1024
__all__ = ["CONVERSION", "EXAMPLES", "HEALTH", "MAX_UPLOAD", "PASSWORD", "Browser", "Site", "csrf_of", "make_settings"]

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


class Site(Served):
    """The pages' application; ``login(name)`` gives a browser logged in through the form."""

    def anonymous(self) -> Browser:
        return Browser(self.open_client(follow_redirects=False))

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
        client = self.clients[0] if self.clients else self.anonymous().client
        return client.request(method, f"/api/v1{path}", headers=self.bearer(who), **kwargs)

    def document(self, name: str, confirm: bool = True) -> dict:
        """Upload an example notice through the API (confirmed unless told otherwise)."""
        content = (EXAMPLES / name).read_bytes()
        form = {"confirm": "true"} if confirm else {}
        response = self.api("POST", "/documents?wait=60", files={"file": (name, content)}, data=form)
        assert response.status_code == 201, response.text
        return response.json()


def seed(engine: Engine) -> tuple[dict[str, str], dict[str, int]]:
    """Registry agencies, and every user of ``support.users.USERS``, each with an API token."""
    seeded = seed_users(engine)
    return seeded.tokens, seeded.user_ids


def make_settings(tmp_path: Path, **changes: Any) -> Settings:
    return served_settings(tmp_path, **{"max_upload_bytes": MAX_UPLOAD, "login_attempts": 5, **changes})
