"""Hostile uploads through the API (issue 10, "Bounded parsing"): each bomb of the outside test
is refused with its reason, fast, nothing is stored, the server's memory does not move, and
other users' requests go on while a heavy file is being read."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from apiclient import make_settings
from sqlalchemy import func, select

from bombs import MB, XML_RUN, Repeat, docx_parts, docx_with, nested_html, page_tree_bomb, zip_bytes
from chidao.settings import Settings
from chidao.store.models import Document
from chidao.tracking import sandbox
from chidao.tracking.sandbox import Limits

HANG = 60.0  # seconds: generous, only to catch a hang
BOMBS = [
    (
        "document-300mb.docx",
        lambda: docx_with(document=Repeat(XML_RUN * 16_000, 300)),
        "DOCX file too large once uncompressed (word/document.xml: 288 MB > 64 MB)",
    ),
    (
        "styles-1gb.docx",
        lambda: docx_with(styles=Repeat(b" " * MB, 1024)),
        "DOCX file too large once uncompressed (word/styles.xml: 1,024 MB > 64 MB)",
    ),
    (
        "members.docx",
        lambda: zip_bytes({**docx_parts(), **{f"word/media/{i}.png": b"x" for i in range(5_000)}}),
        "DOCX archive has too many parts (5,0",  # 5,000 pictures and the template's parts
    ),
    ("tree-90000.pdf", page_tree_bomb, "PDF too long (90000 pages > 300)"),
    ("nested-20mb.html", lambda: nested_html(19 * MB), "HTML page too large (19.0 MB > 10 MB)"),
]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path, max_upload_bytes=20 * MB)


def memory() -> dict[str, int]:
    """This process's (the server's) resident memory and its peak, in bytes."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return {key: int(fields[key].split()[0]) * 1024 for key in ("VmRSS", "VmHWM")}


def documents(api) -> int:
    with api.session() as session:
        return session.scalar(select(func.count()).select_from(Document))


@pytest.mark.parametrize(("name", "build", "reason"), BOMBS, ids=[bomb[0] for bomb in BOMBS])
def test_each_bomb_is_refused_fast_and_the_server_stays_flat(api, name, build, reason):
    data = build()
    assert api.upload("cv-giao-nhiem-vu-y-te.txt").status_code == 201  # the worker's fork server is up
    before = memory()
    started = time.monotonic()
    response = api.upload(name, data)
    elapsed = time.monotonic() - started
    after = memory()
    assert response.status_code == 422, response.text
    assert response.json()["detail"].startswith(reason)
    assert elapsed < HANG
    # The request's own copies of the upload (the client's body, the server's, the form, the
    # queued job's row written and read back, the worker's arguments: about a dozen of a 20 MB
    # page, linear in its size) are all it costs, never the parsed bomb (gigabytes).
    assert after["VmRSS"] - before["VmRSS"] < 64 * MB + 12 * len(data), (before, after)
    assert after["VmHWM"] - before["VmHWM"] < 64 * MB + 12 * len(data), (before, after)
    assert documents(api) == 1


def test_other_users_are_served_while_a_heavy_file_is_read(api):
    heavy = nested_html(9_000_000)  # about 2.5 s of a worker's CPU before it is refused
    outcome: dict[str, float] = {}

    def upload_heavy() -> None:
        response = api.upload("nested.html", heavy)
        outcome["status"] = response.status_code
        outcome["done"] = time.monotonic()

    thread = threading.Thread(target=upload_heavy)
    thread.start()
    time.sleep(0.5)  # the heavy file is in its worker
    assert api.get("/documents", who="officer").status_code == 200
    light = api.upload("cv-giao-nhiem-vu-y-te.txt")  # a write: no lock is held while the worker reads
    served = time.monotonic()
    thread.join(HANG)
    assert light.status_code == 201, light.text
    assert outcome["status"] == 422
    assert served < outcome["done"]


def test_a_file_that_finds_every_worker_busy_is_answered_503(api, monkeypatch):
    monkeypatch.setattr(sandbox, "_SLOTS", threading.BoundedSemaphore(1))
    monkeypatch.setattr(sandbox, "LIMITS", Limits(wall_seconds=0.2))
    sandbox._SLOTS.acquire()
    response = api.upload("cv-giao-nhiem-vu-y-te.txt")
    assert response.status_code == 503 and response.headers["Retry-After"] == "60"
    assert response.json()["detail"] == "the server is busy reading other files; try again in a minute"
    assert documents(api) == 0
