"""Sending queued webhook deliveries: signed POSTs, retries with backoff, never twice.

A delivery is taken by a conditional UPDATE that sets a lease (``lease_until``) only if no live
lease is held, so of several senders (threads, worker processes, hosts, ``chidao webhooks
flush``) exactly one sends it; the POST happens outside any transaction, then the outcome is
recorded. A sender killed between the POST and the record leaves the lease to expire and the
delivery is sent again: receivers deduplicate on ``X-Chidao-Delivery`` (docs/webhooks.md).

Only a 2xx answer counts as delivered. Redirects are not followed (a 3xx is a failure), the
connection and the answer are bounded by ``timeout``; a failed try is retried after 30 s, 1, 2,
4 … minutes (at most an hour apart), and after ``attempts`` tries the delivery is marked failed.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from chidao import __version__
from chidao.store.feeds import Webhook, WebhookDelivery
from chidao.vocab import DeliveryStatus

LOG = logging.getLogger("chidao.webhooks")
SIGNATURE = "X-Chidao-Signature"
TIMESTAMP = "X-Chidao-Timestamp"
FIRST_RETRY = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=1)


@dataclass(frozen=True)
class SendPolicy:
    timeout: float = 10.0  # seconds, for connecting and for each read of the answer
    attempts: int = 8  # tries before a delivery is marked failed
    batch: int = 100  # deliveries looked at per pass
    workers: int = 4  # deliveries sent at once (a slow receiver does not hold the others up)

    @property
    def lease(self) -> timedelta:
        return timedelta(seconds=self.timeout * 3 + 30)


@dataclass
class Outcome:
    delivered: int = 0
    retrying: int = 0
    failed: int = 0


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The signature header's value: ``sha256=`` and the hex HMAC-SHA256 of ``<timestamp>.<body>``."""
    digest = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def backoff(attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th failed try."""
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_WAIT)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *_args, **_kwargs):
        return None  # a 3xx becomes an HTTPError: the endpoint registered is the one that must answer


_OPENER = urllib.request.build_opener(_NoRedirect)


def post(url: str, secret: str, delivery_id: int, kind: str, body: str, timeout: float) -> tuple[int | None, str]:
    """POST one delivery: the receiver's status (None when it could not be reached) and an error."""
    data = body.encode("utf-8")
    stamp = int(datetime.now(UTC).timestamp())
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": f"chidao-webhooks/{__version__}",
        "X-Chidao-Event": kind,
        "X-Chidao-Delivery": str(delivery_id),
        TIMESTAMP: str(stamp),
        SIGNATURE: sign(secret, stamp, data),
    }
    request = urllib.request.Request(url, data=data, headers=headers, method="POST")
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            response.read(65536)
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, f"HTTP {error.code}"
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return None, f"{type(error).__name__}: {reason}"[:300]


def _claim(sessions: sessionmaker[Session], delivery_id: int, policy: SendPolicy) -> tuple | None:
    """Take one due delivery for this sender (None: another sender has it, or it is done)."""
    now = datetime.now(UTC)
    with sessions.begin() as session:
        taken = session.execute(
            update(WebhookDelivery)
            .where(
                WebhookDelivery.id == delivery_id,
                WebhookDelivery.status == DeliveryStatus.PENDING,
                or_(WebhookDelivery.lease_until.is_(None), WebhookDelivery.lease_until < now),
            )
            .values(lease_until=now + policy.lease)
            .execution_options(synchronize_session=False)
        )
        if taken.rowcount != 1:
            return None
        query = (
            select(Webhook.url, Webhook.secret, WebhookDelivery.kind, WebhookDelivery.body, WebhookDelivery.attempts)
            .join(Webhook, Webhook.id == WebhookDelivery.webhook_id)
            .where(WebhookDelivery.id == delivery_id)
        )
        return tuple(session.execute(query).one())


def _record(sessions: sessionmaker[Session], delivery_id: int, attempts: int, status: int | None, error: str, policy):
    now = datetime.now(UTC)
    values: dict = {"attempts": attempts, "last_attempt_at": now, "last_status": status, "lease_until": None}
    if status is not None and 200 <= status < 300:
        values.update(status=DeliveryStatus.DELIVERED, delivered_at=now, last_error="")
    elif attempts >= policy.attempts:
        values.update(status=DeliveryStatus.FAILED, last_error=error)
    else:
        values.update(next_attempt_at=now + backoff(attempts), last_error=error)
    with sessions.begin() as session:
        session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.id == delivery_id)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
    return values.get("status", DeliveryStatus.PENDING)


def due_ids(sessions: sessionmaker[Session], limit: int) -> list[int]:
    """Deliveries whose time has come and that no sender holds, oldest first."""
    now = datetime.now(UTC)
    with sessions() as session:
        query = (
            select(WebhookDelivery.id)
            .where(
                WebhookDelivery.status == DeliveryStatus.PENDING,
                WebhookDelivery.next_attempt_at <= now,
                or_(WebhookDelivery.lease_until.is_(None), WebhookDelivery.lease_until < now),
            )
            .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id)
            .limit(limit)
        )
        return list(session.scalars(query))


def _send_one(sessions: sessionmaker[Session], delivery_id: int, policy: SendPolicy) -> str | None:
    """Claim, POST and record one delivery: its new status, or None when another sender had it."""
    claimed = _claim(sessions, delivery_id, policy)
    if claimed is None:
        return None
    url, secret, kind, body, attempts = claimed
    status, error = post(url, secret, delivery_id, kind, body, policy.timeout)
    return _record(sessions, delivery_id, attempts + 1, status, error, policy)


def send_due(sessions: sessionmaker[Session], policy: SendPolicy | None = None) -> Outcome:
    """One pass: send every delivery due now (up to ``policy.batch``), ``policy.workers`` at a
    time, each by one sender only."""
    policy = policy or SendPolicy()
    outcome = Outcome()
    due = due_ids(sessions, policy.batch)
    if not due:
        return outcome
    with ThreadPoolExecutor(max_workers=max(1, min(policy.workers, len(due)))) as pool:
        results = list(pool.map(lambda delivery_id: _send_one(sessions, delivery_id, policy), due))
    for result in results:
        if result == DeliveryStatus.DELIVERED:
            outcome.delivered += 1
        elif result == DeliveryStatus.FAILED:
            outcome.failed += 1
        elif result is not None:
            outcome.retrying += 1
    return outcome


def retry_delivery(session: Session, delivery: WebhookDelivery) -> None:
    """Send a failed (or waiting) delivery again at the next pass, with a fresh count of tries."""
    delivery.status, delivery.attempts = DeliveryStatus.PENDING, 0
    delivery.next_attempt_at, delivery.lease_until = datetime.now(UTC), None
    session.flush()


class SenderThread:
    """``send_due`` every ``interval`` seconds in a daemon thread (``chidao serve``); stops on ``stop``."""

    def __init__(self, sessions: sessionmaker[Session], policy: SendPolicy, interval: float = 5.0) -> None:
        self.sessions, self.policy, self.interval = sessions, policy, interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="chidao-webhooks", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=self.policy.timeout + 5)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                send_due(self.sessions, self.policy)
            except Exception:  # the database away, a bug: logged, tried again at the next pass
                LOG.exception("webhook delivery pass failed")
            self._stop.wait(self.interval)
