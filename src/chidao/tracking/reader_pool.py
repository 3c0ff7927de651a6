"""A pool of long-lived reading workers for bulk ingest (``chidao ingest DIR``): the sandbox's
limits without its process per file.

``sandbox`` forks a child for every file, which is right for an upload now and then; for
thousands of files the fork, the pipe and the child's first allocations cost as much as the
reading. Here each worker is forked once from the same warmed fork server and reads file after
file, under the same ``Limits``: its address space is capped once (``RLIMIT_AS``), its CPU time
per file by moving the soft ``RLIMIT_CPU`` to what it has used plus the allowance before each
file, and the parent kills it past the wall-clock limit. A worker that dies, runs out of memory
or time, or sends too large a result fails the file it was reading, with the sandbox's own
codes, and is replaced; the files queued behind it are read by the others.

With ``prepare`` (a module-level function, run in the worker), the parent is sent what it makes
of the extraction rather than the extraction itself: bulk ingest's rows to store
(``store.document_rows.prepare_document``), smaller to pickle and unpickle, built off the
parent's core.

The parent keeps ``depth`` files in flight per worker so that a worker never waits while the
parent stores; results come back as they are ready (``collect``), in any order.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import queue
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Hashable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from chidao.extract import Extraction
from chidao.text.readers import Failure, ReadError
from chidao.tracking.sandbox import LIMITS, Limits, Prepare, WorkerError, attempt, died, outcome, worker_context

log = logging.getLogger(__name__)
_STOP = b""
_RECYCLE_AFTER = 1000  # files: a worker that read a huge one gives its memory back now and then


@dataclass(frozen=True)
class Job:
    key: Hashable
    filename: str
    data: bytes


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    jobs: deque[Job] = field(default_factory=deque)
    since: float = 0.0  # when the oldest job began (monotonic)
    done: int = 0


Result = tuple[Job, Extraction | object | ReadError]  # what ``prepare`` makes of it, with one


class ReaderPool:
    """``workers`` reading processes under ``limits``; ``put`` jobs, ``collect`` what is read."""

    def __init__(self, workers: int, limits: Limits = LIMITS, depth: int = 2, prepare: Prepare | None = None) -> None:
        self.limits = limits
        self.prepare = prepare
        self.depth = depth
        self.size = max(1, workers)
        self.backlog: deque[Job] = deque()
        self.workers: list[_Worker] = []  # started with the first job: a run with nothing to read forks none

    def __enter__(self) -> ReaderPool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def pending(self) -> int:
        """Jobs put and not yet collected."""
        return len(self.backlog) + sum(len(worker.jobs) for worker in self.workers)

    def room(self) -> int:
        """How many more jobs keep every worker busy (the caller reads that many files more)."""
        return max(0, self.size * (self.depth + 1) - self.pending())

    def put(self, job: Job) -> None:
        self.backlog.append(job)
        self._dispatch()

    def collect(self, timeout: float) -> list[Result]:
        """What the workers have finished, waiting at most ``timeout`` seconds for the first."""
        busy = {worker.conn: worker for worker in self.workers if worker.jobs}
        if not busy:
            return []
        now = time.monotonic()
        first_deadline = min(worker.since + self.limits.wall_seconds for worker in busy.values())
        results: list[Result] = []
        for conn in wait(list(busy), timeout=max(0.0, min(timeout, first_deadline - now))):
            results.extend(self._receive(busy[conn]))  # type: ignore[index]
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.jobs and now - worker.since > self.limits.wall_seconds:
                results.append(self._lost(worker, ReadError(worker.jobs[0].filename, "", Failure.NEEDS_TIME)))
        self._dispatch()
        return results

    def close(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(OSError):
                worker.conn.send_bytes(_STOP)
        for worker in self.workers:
            worker.process.join(timeout=2)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self.workers = []

    def _start(self) -> _Worker:
        parent, child = worker_context().Pipe(duplex=True)
        process = worker_context().Process(
            target=_serve, args=(child, self.limits, self.prepare), name="chidao-reader", daemon=True
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def _dispatch(self) -> None:
        if self.backlog and not self.workers:
            self.workers = [self._start() for _ in range(self.size)]
        for index, worker in enumerate(self.workers):
            if not worker.jobs and worker.done >= _RECYCLE_AFTER:
                self._stop(worker)
                worker = self.workers[index] = self._start()
            while self.backlog and len(worker.jobs) < self.depth:
                job = self.backlog.popleft()
                if not worker.jobs:
                    worker.since = time.monotonic()
                worker.jobs.append(job)
                try:
                    worker.conn.send_bytes(pickle.dumps((job.filename, job.data), pickle.HIGHEST_PROTOCOL))
                except OSError:  # it died while idle (killed from outside): its files go to a new one
                    self._replace(worker)
                    worker = self.workers[index]

    def _receive(self, worker: _Worker) -> list[Result]:
        job = worker.jobs[0]
        try:
            message = pickle.loads(worker.conn.recv_bytes(self.limits.result_bytes))
        except (EOFError, OSError) as error:  # it died; or (alive) its result is longer than result_bytes
            worker.process.join(timeout=1 if isinstance(error, OSError) else 5)
            if isinstance(error, OSError) and worker.process.is_alive():
                return [self._lost(worker, ReadError(job.filename, "", Failure.NEEDS_MEMORY))]
            return [self._lost(worker, died(job.filename, worker.process.exitcode, self.limits))]
        worker.jobs.popleft()
        worker.since = time.monotonic()
        worker.done += 1
        try:
            found: Extraction | object | ReadError = outcome(job.filename, message, self.limits)
        except ReadError as error:
            found = error
        except WorkerError as error:  # a bug in a reader: this file fails with it, the others go on
            log.error("%s", error)
            found = ReadError(job.filename, "the reader failed on this file (a bug)", Failure.READER_CRASHED)
        if message[0] == "memory":  # its heap may be in pieces: a new worker for the next file
            self._replace(worker)
        return [(job, found)]

    def _lost(self, worker: _Worker, error: ReadError) -> Result:
        """The worker's current file failed with ``error`` (a bare code gets the sandbox's text);
        the worker is replaced and its other files go back to the queue."""
        job = worker.jobs.popleft()
        if not error.reason:
            error = _with_reason(job.filename, error.code, self.limits)
        self.backlog.extendleft(reversed(worker.jobs))
        worker.jobs.clear()
        self._replace(worker)
        return job, error

    def _replace(self, worker: _Worker) -> None:
        self.backlog.extendleft(reversed(worker.jobs))
        worker.jobs.clear()
        self._stop(worker, kill=True)
        self.workers[self.workers.index(worker)] = self._start()

    @staticmethod
    def _stop(worker: _Worker, kill: bool = False) -> None:
        if kill and worker.process.is_alive():
            worker.process.kill()
        else:
            with contextlib.suppress(OSError):
                worker.conn.send_bytes(_STOP)
        worker.process.join(timeout=5)
        worker.conn.close()


def _with_reason(filename: str, code: Failure, limits: Limits) -> ReadError:
    if code == Failure.NEEDS_TIME:
        return died(filename, -signal.SIGKILL, limits)
    try:
        outcome(filename, ("memory",), limits)
    except ReadError as error:
        return error
    raise AssertionError("unreachable")


def _serve(conn: Connection, limits: Limits, prepare: Prepare | None = None) -> None:
    """A worker: cap its memory once, then read file after file until told to stop; each file
    may use ``limits.cpu_seconds`` of CPU more than the worker had used before it.

    A thread takes the parent's messages as they come, so that the parent, sending the next
    file while this one's result is on its way back, never waits on a full pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
    inbox: queue.SimpleQueue[bytes] = queue.SimpleQueue()
    threading.Thread(target=_pump, args=(conn, inbox), daemon=True).start()
    while (message := inbox.get()) != _STOP:
        filename, data = pickle.loads(message)
        del message
        soft = int(sum(os.times()[:2])) + limits.cpu_seconds + 1
        resource.setrlimit(resource.RLIMIT_CPU, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))
        payload = attempt(data, filename, prepare)
        del data
        conn.send_bytes(payload)


def _pump(conn: Connection, inbox: queue.SimpleQueue[bytes]) -> None:
    while True:
        try:
            message = conn.recv_bytes()
        except (EOFError, OSError):
            message = _STOP
        inbox.put(message)
        if message == _STOP:
            return
