"""Helpers of the API tests: the example files, the users of every role, calling the API as one of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from chidao.settings import Settings
from chidao.store.agencies import seed_agencies
from chidao.store.engine import session_factory
from chidao.store.models import AuditEntry
from chidao.tracking.accounts import add_user, create_token

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CONVERSION = "tb-ket-luan-chuyen-doi-so.txt"  # Sở Thông tin và Truyền thông leads three tasks
HEALTH = "cv-giao-nhiem-vu-y-te.txt"  # Sở Y tế leads one
PASSWORD = "correct horse battery"
MAX_UPLOAD = 64 * 1024

# username → (role, agency)
USERS = {
    "admin": ("admin", None),
    "clerk": ("clerk", None),
    "viewer": ("viewer", None),
    "officer": ("agency", "Sở Thông tin và Truyền thông"),
    "finance": ("agency", "Sở Tài chính"),
    "health": ("agency", "Sở Y tế"),
}
WITH_PASSWORD = ("clerk", "officer")


@dataclass
class Api:
    client: TestClient
    engine: Engine
    settings: Settings
    today: date
    tokens: dict[str, str] = field(default_factory=dict)
    user_ids: dict[str, int] = field(default_factory=dict)

    def headers(self, who: str | None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"} if who else {}

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

    def upload(self, name: str, data: bytes | None = None, who: str = "clerk", confirm: bool = False) -> httpx.Response:
        content = (EXAMPLES / name).read_bytes() if data is None else data
        form = {"confirm": "true"} if confirm else {}
        return self.post("/documents", who, files={"file": (name, content)}, data=form)

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

    def session(self) -> Session:
        return session_factory(self.engine)()

    def audit(self, entity: str, entity_id: int) -> list[AuditEntry]:
        with self.session() as session:
            query = select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            return list(session.scalars(query.order_by(AuditEntry.id)))


def seed(engine: Engine) -> tuple[dict[str, str], dict[str, int]]:
    """Registry agencies, and one user per entry of USERS with an API token."""
    tokens, ids = {}, {}
    with session_factory(engine).begin() as session:
        seed_agencies(session=session)
        for username, (role, agency) in USERS.items():
            password = PASSWORD if username in WITH_PASSWORD else None
            user = add_user(session=session, username=username, role=role, agency=agency, password=password)
            tokens[username] = create_token(session=session, user=user, name="tests")
            ids[username] = user.id
    return tokens, ids


def make_settings(tmp_path: Path, **changes: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": tmp_path,
        "database_url": "sqlite://",  # unused: the test engine is handed over
        "max_upload_bytes": MAX_UPLOAD,
        "login_attempts": 3,
        "login_window_seconds": 300,
    }
    values.update(changes)
    return Settings(**values)
