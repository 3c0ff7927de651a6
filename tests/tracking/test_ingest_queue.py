"""The upload queue (issue 15, item 5) on SQLite and PostgreSQL: claiming (each job once, even
by concurrent claimers), a dead worker's job taken again once its lease expired, failed and
duplicate jobs, waiting for a job, and the worker threads of ``chidao serve`` — all with the real
sandboxed reader."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker
from usecases import CONVERSION, EXAMPLES, HEALTH

from chidao.store import jobs
from chidao.store.engine import session_factory
from chidao.store.jobs import IngestJob
from chidao.store.models import Document, User
from chidao.text.readers.errors import Failure
from chidao.tracking import ingest_queue
from chidao.tracking.ingest_queue import ABANDONED, drain, enqueue, get_job, run_job, run_next, wait_for
from chidao.tracking.ingest_workers import IngestWorkers
from chidao.tracking.read_failures import READ_FAILURES
from db import database_fixture
from support.users import seed

database = database_fixture()


@pytest.fixture
def sessions(database: Engine) -> Iterator[sessionmaker[Session]]:
    seed(database)
    yield session_factory(database)


def clerk_id(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return session.scalar(select(User.id).where(User.username == "clerk"))


def queue(sessions: sessionmaker[Session], name: str, data: bytes | None = None, confirm: bool = False) -> int:
    content = (EXAMPLES / name).read_bytes() if data is None else data
    with sessions.begin() as session:
        return enqueue(session, filename=name, data=content, user_id=clerk_id(sessions), confirm=confirm).id


def job_row(sessions: sessionmaker[Session], job_id: int) -> IngestJob:
    with sessions() as session:
        job = session.get(IngestJob, job_id)
        session.expunge(job)
        return job


def test_a_queued_upload_is_read_and_stored_by_the_sandboxed_reader(sessions):
    job_id = queue(sessions, HEALTH)
    queued = job_row(sessions, job_id)
    assert queued.status == "queued" and queued.content and queued.attempts == 0 and queued.lease_owner is None
    assert drain(sessions) == [job_id]
    done = job_row(sessions, job_id)
    assert done.status == "done" and done.content is None and done.attempts == 1
    assert done.started_at is not None and done.finished_at is not None and done.lease_owner is None
    with sessions() as session:
        document = session.get(Document, done.document_id)
        assert document.filename == HEALTH and document.status == "draft"
        assert document.uploaded_by_id == clerk_id(sessions) and len(document.tasks) >= 1
    assert drain(sessions) == []  # nothing left


def test_confirm_at_once_is_kept_with_the_job(sessions):
    job_id = queue(sessions, HEALTH, confirm=True)
    drain(sessions)
    with sessions() as session:
        assert session.get(Document, get_job(session, job_id).document_id).status == "confirmed"


def test_each_job_is_claimed_once(sessions):
    first, second = queue(sessions, HEALTH), queue(sessions, CONVERSION)
    with sessions() as session:
        assert jobs.claim_next(session, "a", 600) == first
        assert jobs.claim_next(session, "b", 600) == second
        assert jobs.claim_next(session, "c", 600) is None
        assert not jobs.claim(session, first, "c", 600)  # running under a live lease
    assert job_row(sessions, first).lease_owner == "a" and job_row(sessions, second).lease_owner == "b"


def test_concurrent_claimers_never_share_a_job(sessions):
    queued = {queue(sessions, f"tb-{n}.txt", f"Thông báo số {n}: giao Sở Y tế chủ trì.".encode()) for n in range(6)}
    claimed: list[int] = []
    lock = threading.Lock()

    def claimer(name: str) -> None:
        with sessions() as session:
            while (job_id := jobs.claim_next(session, name, 600)) is not None:
                with lock:
                    claimed.append(job_id)

    threads = [threading.Thread(target=claimer, args=(f"w{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(claimed) == sorted(queued)


def test_a_dead_workers_job_is_taken_again_once_its_lease_expired(sessions):
    job_id = queue(sessions, HEALTH)
    with sessions() as session:
        assert jobs.claim_next(session, "dead", -1) == job_id  # a lease already expired: its worker died
        assert jobs.claim_next(session, "alive", 600) == job_id
    taken = job_row(sessions, job_id)
    assert taken.lease_owner == "alive" and taken.attempts == 2 and taken.status == "running"
    with sessions.begin() as session:  # the dead worker, back to life, cannot end it any more
        assert not jobs.finish(session, job_id, "dead", "failed", error="x")
    run_job(sessions, job_id, "alive")
    assert job_row(sessions, job_id).status == "done"


def test_a_job_whose_worker_died_every_time_is_failed(sessions):
    job_id = queue(sessions, HEALTH)
    with sessions() as session:
        for _ in range(jobs.MAX_ATTEMPTS):
            assert jobs.claim_next(session, "dying", -1) == job_id
        assert jobs.claim_next(session, "next", 600) is None
    assert ingest_queue.give_up_abandoned(sessions) == 1
    failed = job_row(sessions, job_id)
    assert failed.status == "failed" and failed.error == ABANDONED and failed.content is None


def test_an_unreadable_file_fails_with_its_vietnamese_reason(sessions):
    job_id = queue(sessions, "hong.pdf", b"this is not a PDF at all")
    assert run_next(sessions, "w") == job_id
    failed = job_row(sessions, job_id)
    assert failed.status == "failed" and failed.document_id is None and failed.content is None
    assert failed.reason == Failure.WRONG_TYPE and failed.error == READ_FAILURES[Failure.WRONG_TYPE][1]
    assert failed.detail and "\n" not in failed.error
    with sessions() as session:
        assert session.scalar(select(Document.id)) is None
        error = ingest_queue.failure(get_job(session, job_id))
    assert error is not None and error.code == Failure.WRONG_TYPE


def test_the_same_bytes_make_a_duplicate_of_the_stored_document(sessions):
    first, again = queue(sessions, HEALTH), queue(sessions, "ban-sao.txt", (EXAMPLES / HEALTH).read_bytes())
    assert job_row(sessions, again).status == "queued"  # not stored yet when it was queued
    assert drain(sessions) == [first, again]
    stored = job_row(sessions, first)
    duplicate = job_row(sessions, again)
    assert stored.status == "done" and duplicate.status == "duplicate"
    assert duplicate.document_id == stored.document_id
    later = queue(sessions, "lan-ba.txt", (EXAMPLES / HEALTH).read_bytes())
    at_once = job_row(sessions, later)  # stored by then: a duplicate at once, never queued
    assert at_once.status == "duplicate" and at_once.document_id == stored.document_id and at_once.content is None
    with sessions() as session:
        assert len(session.scalars(select(Document)).all()) == 1


def test_waiting_runs_a_queued_job_and_returns_it_finished(sessions):
    job_id = queue(sessions, HEALTH)
    job = wait_for(sessions, job_id, 120)
    assert job.finished and job.status == "done" and job.label == "Xong"


def test_the_servers_workers_read_what_is_queued(sessions):
    workers = IngestWorkers(sessions, 2, poll=0.2).start()
    try:
        job_ids = [queue(sessions, HEALTH), queue(sessions, CONVERSION)]
        workers.wake()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with sessions() as session:
                found = [get_job(session, job_id) for job_id in job_ids]
            if all(job.finished for job in found):
                break
            time.sleep(0.2)
    finally:
        workers.stop()
    assert [job.status for job in found] == ["done", "done"]
