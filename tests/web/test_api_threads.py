"""``CHIDAO_THREADS`` (issue 10, item 10): the threads a server process runs sync endpoints on,
set when the application starts; an upload waiting for its job (``?wait=``) holds none of them,
so that with a single thread another request is answered while the upload waits."""

from __future__ import annotations

import threading
import time

import pytest
from anyio import to_thread
from apiclient import HEALTH, make_settings
from sqlalchemy import select

from chidao.store.jobs import RUNNING, IngestJob
from chidao.tracking import sandbox
from chidao.tracking.sandbox import Limits


@pytest.fixture
def settings(tmp_path):
    return make_settings(tmp_path, threads=1)


def test_the_setting_sizes_the_pool_of_each_event_loop(api):
    async def total() -> float:
        return to_thread.current_default_thread_limiter().total_tokens

    assert api.client.portal.call(total) == 1


def _until_running(api) -> None:
    """Until the upload's job is claimed (its reader then waits for a slot); read from the
    database, not the API, so that this wait needs no thread of the server."""
    for _ in range(300):
        with api.session() as session:
            if session.scalars(select(IngestJob.status)).all() == [RUNNING]:
                return
        time.sleep(0.1)
    raise AssertionError("the upload's job was never claimed")


def test_a_waiting_upload_holds_no_thread(api, monkeypatch):
    monkeypatch.setattr(sandbox, "_SLOTS", threading.BoundedSemaphore(1))
    monkeypatch.setattr(sandbox, "LIMITS", Limits(wall_seconds=30))
    sandbox._SLOTS.acquire()  # every reading slot busy: the job waits for one
    outcome = {}
    upload = threading.Thread(target=lambda: outcome.update(response=api.upload(HEALTH, wait=60)))
    upload.start()
    try:
        _until_running(api)
        listing = api.get("/documents", who="officer")
        still_waiting = upload.is_alive()
    finally:
        sandbox._SLOTS.release()
        upload.join(60)
    assert listing.status_code == 200 and still_waiting
    assert outcome["response"].status_code == 201, outcome["response"].text
