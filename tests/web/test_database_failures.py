"""A database that vanishes, fills its disk or was never migrated answers 503 with what is
wrong, saves nothing anywhere else, and the service recovers by itself once it is back."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import event

from chidao.settings import Settings
from chidao.store.engine import session_factory
from chidao.tracking.accounts import add_user, create_token
from chidao.tracking.database import create_database, open_database
from chidao.web.app import create_app
from db import scratch_postgres_database

NOTICE = Path(__file__).resolve().parents[2] / "examples" / "tb-ket-luan-chuyen-doi-so.txt"


def _token(url: str) -> str:
    engine = create_database(url)
    with session_factory(engine).begin() as session:
        token = create_token(session=session, user=add_user(session=session, username="vanthu", role="clerk"))
    engine.dispose()
    return token


@contextmanager
def _service(url: str, folder: Path, **engine_options) -> Iterator[TestClient]:
    engine = open_database(url)
    for name, listener in engine_options.items():
        event.listen(engine, name, listener)
    settings = Settings(data_dir=folder, database_url=url)
    with TestClient(create_app(settings, engine=engine), follow_redirects=False) as client:
        yield client
    engine.dispose()


def _upload(client: TestClient, token: str, name: str = "tb.txt"):
    return client.post(
        "/api/v1/documents?wait=60",
        headers={"Authorization": f"Bearer {token}"},
        files={"file": (name, NOTICE.read_bytes())},
    )


def test_a_data_folder_moved_away_answers_503_writes_nowhere_and_recovers(tmp_path):
    data = tmp_path / "data"
    url = f"sqlite:///{data / 'chidao.sqlite3'}"
    token = _token(url)
    auth = {"Authorization": f"Bearer {token}"}
    with _service(url, data) as client:
        assert client.get("/api/v1/documents", headers=auth).status_code == 200
        data.rename(tmp_path / "moved")
        listing = client.get("/api/v1/documents", headers=auth)
        assert listing.status_code == 503 and "file is missing" in listing.json()["detail"]
        upload = _upload(client, token)
        assert upload.status_code == 503
        assert not data.exists()  # no new, empty database took the write
        client.cookies.set("chidao_session", "some-session")
        page = client.get("/tasks")
        assert page.status_code == 503 and "Không tìm thấy tệp cơ sở dữ liệu" in page.text
        client.cookies.clear()
        (tmp_path / "moved").rename(data)
        assert _upload(client, token).status_code == 201  # back: the service recovered by itself
        assert client.get("/api/v1/documents", headers=auth).json()["total"] == 1


def test_a_database_file_replaced_while_serving_is_the_one_read(tmp_path):
    data = tmp_path / "data"
    url = f"sqlite:///{data / 'chidao.sqlite3'}"
    token = _token(url)
    auth = {"Authorization": f"Bearer {token}"}
    with _service(url, data) as client:
        assert _upload(client, token).status_code == 201
        old = data / "chidao.sqlite3"
        old.rename(tmp_path / "old.sqlite3")
        for suffix in ("-wal", "-shm"):
            Path(f"{old}{suffix}").unlink(missing_ok=True)
        token = _token(url)  # a new, empty database in its place (a restore of an older backup)
        listing = client.get("/api/v1/documents", headers={"Authorization": f"Bearer {token}"})
        assert listing.status_code == 200 and listing.json()["total"] == 0
        assert client.get("/api/v1/documents", headers=auth).status_code == 401  # the old token was in the old file


def test_a_full_disk_says_so(tmp_path):
    data = tmp_path / "data"
    url = f"sqlite:///{data / 'chidao.sqlite3'}"
    token = _token(url)

    def no_room(dbapi_connection, _record) -> None:  # the file may not grow: SQLite's "disk is full"
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    with _service(url, data, connect=no_room) as client:
        upload = _upload(client, token)
        assert upload.status_code == 503 and "disk is full" in upload.json()["detail"]


def test_an_empty_postgresql_database_asks_for_migrate(tmp_path):
    with scratch_postgres_database() as url, _service(url, tmp_path) as client:
        api = client.get("/api/v1/documents", headers={"Authorization": "Bearer chd_x"})
        assert api.status_code == 503 and "chidao migrate" in api.json()["detail"]
        client.cookies.set("chidao_session", "some-session")
        page = client.get("/tasks")
        assert page.status_code == 503 and "chidao migrate" in page.text


def test_a_database_turned_read_only_answers_503_and_recovers_without_a_restart(tmp_path):
    # Issue 10, item 6: a read-only database (a remount, a permission change; here SQLite's
    # query_only, as the tests run as root) refuses writes with 503 and what is wrong; reads go on,
    # and once it is writable again the same running service saves.
    data = tmp_path / "data"
    url = f"sqlite:///{data / 'chidao.sqlite3'}"
    token = _token(url)
    auth = {"Authorization": f"Bearer {token}"}
    read_only = {"on": False}

    def checkout(dbapi_connection, _record, _proxy) -> None:
        dbapi_connection.execute(f"PRAGMA query_only = {'ON' if read_only['on'] else 'OFF'}")

    with _service(url, data, checkout=checkout) as client:
        assert _upload(client, token).status_code == 201
        read_only["on"] = True
        refused = _upload(client, token, name="tb-2.txt")
        assert refused.status_code == 503 and "read-only" in refused.json()["detail"]
        listing = client.get("/api/v1/documents", headers=auth)
        assert listing.status_code == 200 and listing.json()["total"] == 1  # nothing half-written
        read_only["on"] = False
        other = NOTICE.read_bytes().replace("chuyển đổi số".encode(), "chuyển đổi số, dữ liệu số".encode(), 1)
        saved = client.post("/api/v1/documents?wait=60", headers=auth, files={"file": ("tb-3.txt", other)})
        assert saved.status_code == 201, saved.text
        assert client.get("/api/v1/documents", headers=auth).json()["total"] == 2
