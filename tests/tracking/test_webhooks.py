"""Webhooks against a real HTTP receiver started by the test (``support.receiver``), on SQLite
and PostgreSQL: queued in the transaction of the change and never sent from it, POSTed as
signed JSON, retried with backoff while the receiver is down, delivered once however many
senders run, given up after the last try, and only to http(s) endpoints that want the kind."""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, date, datetime

import pytest
from feedkit import sessions, store, users_of
from sqlalchemy import select, update
from usecases import CONVERSION, TODAY, task_of

from chidao.store.feeds import WebhookDelivery
from chidao.tracking.errors import Invalid
from chidao.tracking.extensions import request_extension
from chidao.tracking.webhook_sender import SendPolicy, backoff, retry_delivery, send_due
from chidao.tracking.webhooks import add_webhook, check_url, get_webhook, list_webhooks, update_webhook
from support.receiver import Receiver, free_port, verify

__all__ = ["sessions"]
FIRST = "Chủ trì, phối hợp với Sở Tài chính"  # officer leads; due 30/4/2024
SECRET = "một-khóa-bí-mật-đủ-dài-2024"
POLICY = SendPolicy(timeout=2, attempts=3)


@pytest.fixture
def receiver():
    running = Receiver().start()
    yield running
    running.stop()


def register(sessions, url: str, kinds: list[str] | None = None) -> int:
    with sessions.begin() as session:
        admin = users_of(session)["admin"]
        return add_webhook(session=session, user=admin, url=url, kinds=kinds, secret=SECRET).id


def ask_extension(sessions) -> int:
    """The officer asks for more time on the first task of the conversion notice; its id."""
    with sessions.begin() as session:
        task = task_of(store(session, CONVERSION), FIRST)
        officer = users_of(session)["officer"]
        request_extension(
            session=session, task=task, user=officer, requested_deadline=date(2024, 5, 31), reason="Chờ", today=TODAY
        )
        return task.id


def rows(sessions) -> list[WebhookDelivery]:
    with sessions() as session:
        return list(session.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id)))


def make_due(sessions) -> None:
    """As if the backoff had passed."""
    with sessions.begin() as session:
        session.execute(update(WebhookDelivery).values(next_attempt_at=datetime.now(UTC)))


def test_an_event_is_posted_signed_once_and_never_from_the_request(sessions, receiver):
    register(sessions, receiver.url, ["extension.requested"])
    task_id = ask_extension(sessions)
    assert receiver.received == []  # queued in the transaction, not sent from it
    [queued] = rows(sessions)
    assert (queued.status, queued.kind, queued.attempts) == ("pending", "extension.requested", 0)
    outcome = send_due(sessions, POLICY)
    assert (outcome.delivered, outcome.retrying, outcome.failed) == (1, 0, 0)
    [got] = receiver.received
    assert verify(SECRET, got)
    assert not verify("another secret of enough length", got)
    assert got.headers["Content-Type"] == "application/json; charset=utf-8"
    assert got.headers["X-Chidao-Event"] == "extension.requested"
    assert got.headers["X-Chidao-Delivery"] == str(queued.id)
    body = json.loads(got.body.decode("utf-8"))
    assert body["kind"] == "extension.requested" and body["task"]["id"] == task_id
    assert body["task"]["lead"] == ["Sở Thông tin và Truyền thông"] and body["task"]["deadline"] == "2024-04-30"
    assert body["data"]["requested_deadline"] == "2024-05-31" and body["task"]["path"] == f"/tasks/{task_id}"
    assert send_due(sessions, POLICY).delivered == 0 and len(receiver.received) == 1
    [sent] = rows(sessions)
    assert (sent.status, sent.attempts, sent.last_status) == ("delivered", 1, 200) and sent.delivered_at


def test_a_receiver_that_is_down_gets_the_event_once_when_it_is_back(sessions):
    port = free_port()
    register(sessions, f"http://127.0.0.1:{port}/hook")
    ask_extension(sessions)
    pending = len(rows(sessions))
    assert pending >= 1  # the confirmation's task.created events too
    first = send_due(sessions, POLICY)
    assert first.retrying == pending and first.delivered == 0
    waiting = rows(sessions)[0]
    assert waiting.status == "pending" and waiting.attempts == 1 and "Connection refused" in waiting.last_error
    assert send_due(sessions, POLICY).retrying == 0  # not due again before its backoff
    back = Receiver(port=port).start()
    try:
        make_due(sessions)
        assert send_due(sessions, POLICY).delivered == pending
        assert send_due(sessions, POLICY).delivered == 0
        ids = [r.headers["X-Chidao-Delivery"] for r in back.received]
        assert sorted(ids) == sorted(str(r.id) for r in rows(sessions)) and len(set(ids)) == pending
        assert all(r.status == "delivered" and r.attempts == 2 for r in rows(sessions))
    finally:
        back.stop()


def test_an_error_answer_is_retried_then_given_up_and_can_be_sent_again(sessions, receiver):
    receiver.status = 500
    register(sessions, receiver.url, ["extension.requested"])
    ask_extension(sessions)
    for _ in range(POLICY.attempts):
        make_due(sessions)
        send_due(sessions, POLICY)
    [failed] = rows(sessions)
    assert (failed.status, failed.attempts, failed.last_status, failed.last_error) == ("failed", 3, 500, "HTTP 500")
    make_due(sessions)
    assert send_due(sessions, POLICY).delivered == 0 and len(receiver.received) == 3
    receiver.status = 204
    with sessions.begin() as session:
        retry_delivery(session, session.get(WebhookDelivery, failed.id))
    assert send_due(sessions, POLICY).delivered == 1 and rows(sessions)[0].status == "delivered"
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 8, 20)] == [30, 60, 120, 3600, 3600]


def test_many_senders_at_once_deliver_each_event_once(sessions, receiver):
    register(sessions, receiver.url)  # every kind: the notice's nine task.created and the request
    ask_extension(sessions)
    queued = len(rows(sessions))
    errors: list[Exception] = []
    barrier = threading.Barrier(4)

    def sender() -> None:
        try:
            barrier.wait()
            send_due(sessions, POLICY)
        except Exception as error:  # surfaced below
            errors.append(error)

    threads = [threading.Thread(target=sender) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    ids = [r.headers["X-Chidao-Delivery"] for r in receiver.received]
    assert len(ids) == queued == len(set(ids)) == 10
    assert all(r.status == "delivered" and r.attempts == 1 for r in rows(sessions))


def test_a_slow_receiver_is_bounded_by_the_timeout_and_redirects_are_not_followed(sessions, receiver):
    receiver.delay = 5
    register(sessions, receiver.url, ["extension.requested"])
    ask_extension(sessions)
    started = time.monotonic()
    send_due(sessions, SendPolicy(timeout=1, attempts=3))
    assert time.monotonic() - started < 4
    assert "timed out" in rows(sessions)[0].last_error
    receiver.delay, receiver.redirect_to = 0, "http://127.0.0.1:9/elsewhere"
    make_due(sessions)
    send_due(sessions, POLICY)
    assert rows(sessions)[0].last_error == "HTTP 302" and rows(sessions)[0].status == "pending"


def test_only_active_endpoints_that_want_the_kind_get_it(sessions, receiver):
    overdue_only = register(sessions, receiver.url, ["task.overdue"])
    paused = register(sessions, receiver.url + "?paused")
    with sessions.begin() as session:
        admin = users_of(session)["admin"]
        update_webhook(session=session, user=admin, webhook=get_webhook(session, paused), changes={"active": False})
    ask_extension(sessions)
    assert rows(sessions) == []
    assert overdue_only != paused


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/hook",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "http://",
        "//example.com/hook",
        "http://user:secret@example.com/hook",
        "http://example.com/a b",
        "",
    ],
)
def test_only_http_urls_are_accepted(url):
    with pytest.raises(Invalid, match="webhook URL"):
        check_url(url)


def test_nothing_is_registered_from_a_wrong_url_kind_or_secret(sessions):
    with pytest.raises(Invalid, match="http"), sessions.begin() as session:
        add_webhook(session=session, user=users_of(session)["admin"], url="file:///etc/passwd")
    with pytest.raises(Invalid, match="unknown event kinds"), sessions.begin() as session:
        add_webhook(session=session, user=users_of(session)["admin"], url="https://x.example/h", kinds=["task.eaten"])
    with pytest.raises(Invalid, match="secret"), sessions.begin() as session:
        add_webhook(session=session, user=users_of(session)["admin"], url="https://x.example/h", secret="short")
    with sessions() as session:
        assert list_webhooks(session) == []
