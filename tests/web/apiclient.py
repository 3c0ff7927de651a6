"""Helpers of the API tests: the example files, calling the API as one of the users of
``support.users`` (each has an API token), built by the shared factory ``support.served``."""

from __future__ import annotations

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
MAX_UPLOAD = 64 * 1024
__all__ = ["CONVERSION", "EXAMPLES", "HEALTH", "MAX_UPLOAD", "PASSWORD", "Api", "make_settings", "seed"]


class Api(Served):
    """The API as a client of it sees it; ``client`` is opened with the app."""

    client: TestClient

    def __post_init__(self) -> None:
        self.client = self.open_client()

    def headers(self, who: str | None) -> dict[str, str]:
        return self.bearer(who)

    def call(self, method: str, path: str, who: str | None = "clerk", **kwargs: Any) -> httpx.Response:
        headers = {**self.headers(who), **kwargs.pop("headers", {})}
        return self.client.request(method, f"/api/v1{path}", headers=headers, **kwargs)

    def get(self, path: str, who: str | None = "clerk", **kwargs: Any) -> httpx.Response:
        return self.call("GET", path, who, **kwargs)

    def post(self, path: str, who: str | None = "clerk", **kwargs: Any) -> httpx.Response:
        return self.call("POST", path, who, **kwargs)

    def patch(self, path: str, who: str | None = "clerk", **kwargs: Any) -> httpx.Response:
        return self.call("PATCH", path, who, **kwargs)

    def delete(self, path: str, who: str | None = "clerk", **kwargs: Any) -> httpx.Response:
        return self.call("DELETE", path, who, **kwargs)

    def upload(
        self, name: str, data: bytes | None = None, who: str = "clerk", confirm: bool = False, wait: int | None = 120
    ) -> httpx.Response:
        """POST the file; by default waiting for it to be read (``wait``), which answers as the
        upload did before the queue (201, 200, 4xx); ``wait=None`` gets the queued job (202)."""
        content = (EXAMPLES / name).read_bytes() if data is None else data
        form = {"confirm": "true"} if confirm else {}
        params = {"wait": wait} if wait else {}
        return self.post("/documents", who, files={"file": (name, content)}, data=form, params=params)

    def document(self, name: str, confirm: bool = True) -> dict:
        """Upload an example (confirmed unless told otherwise) and return the document."""
        response = self.upload(name, confirm=confirm)
        assert response.status_code == 201, response.text
        return response.json()

    def task(self, document: dict, start: str) -> dict:
        """The document's task whose text starts with ``start``."""
        found = [t for t in document["tasks"] if t["text"].startswith(start)]
        assert len(found) == 1, (start, [t["text"][:40] for t in document["tasks"]])
        return found[0]


def seed(engine: Engine) -> tuple[dict[str, str], dict[str, int]]:
    """Registry agencies, and every user of ``support.users.USERS`` with an API token."""
    seeded = seed_users(engine)
    return seeded.tokens, seeded.user_ids


def make_settings(tmp_path: Path, **changes: Any) -> Settings:
    return served_settings(tmp_path, **{"max_upload_bytes": MAX_UPLOAD, "login_attempts": 3, **changes})
