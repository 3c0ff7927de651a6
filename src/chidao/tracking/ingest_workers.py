"""The upload queue's workers inside ``chidao serve``: a few daemon threads (``CHIDAO_INGEST_WORKERS``,
one per core by default) that each claim a job, run it (the file read in a sandboxed child
process, ``ingest_queue.run_job``) and take the next, so that one clerk's long scan occupies one
worker while the others go on with the other uploads.

An upload in this process wakes them at once (``wake``); jobs queued by another process or host
sharing the database, and jobs whose worker died (an expired lease), are found by a look at the
queue every ``poll`` seconds. Every worker of every process may claim: the claim itself decides
who runs what (``store.jobs``), as for the reminder lease.
"""

from __future__ import annotations

import logging
import threading
import time

from sqlalchemy.orm import Session, sessionmaker

from chidao.tracking.ingest_queue import give_up_abandoned, run_next, worker_name

LOG = logging.getLogger("chidao.ingest")
POLL = 3.0
SWEEP = 60.0  # how often the jobs abandoned too many times are failed


class IngestWorkers:
    def __init__(self, sessions: sessionmaker[Session], count: int, *, poll: float = POLL) -> None:
        self.sessions, self.count, self.poll = sessions, max(1, count), poll
        self.owner = worker_name()
        self._stop = threading.Event()
        self._wake = threading.Condition()
        self._pending = 0
        self._swept = 0.0
        self._threads = [
            threading.Thread(target=self._loop, args=(n,), name=f"chidao-ingest-{n}", daemon=True)
            for n in range(self.count)
        ]

    def start(self) -> IngestWorkers:
        for thread in self._threads:
            thread.start()
        return self

    def stop(self, grace: float = 10.0) -> None:
        """Stop taking jobs, and give a job being read ``grace`` seconds to finish; one still
        being read then is left to its lease (another worker takes it again once it expires)."""
        self._stop.set()
        with self._wake:
            self._wake.notify_all()
        deadline = time.monotonic() + grace
        for thread in self._threads:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))

    def wake(self) -> None:
        """A job was queued: one idle worker takes it now rather than at its next look."""
        with self._wake:
            self._pending += 1
            self._wake.notify()

    def _idle(self) -> None:
        with self._wake:
            if self._pending == 0 and not self._stop.is_set():
                self._wake.wait(self.poll)
            self._pending = max(0, self._pending - 1)

    def _sweep(self) -> None:
        now = time.monotonic()
        if now - self._swept >= SWEEP:
            self._swept = now
            give_up_abandoned(self.sessions)

    def _loop(self, number: int) -> None:
        owner = f"{self.owner}:{number}"
        while not self._stop.is_set():
            try:
                if number == 0:
                    self._sweep()
                if run_next(self.sessions, owner) is not None:
                    continue
            except Exception:  # the database away, a bug: logged, tried again after a pause
                LOG.exception("ingest worker %s: taking a job failed", owner)
                self._stop.wait(self.poll)
                continue
            self._idle()
