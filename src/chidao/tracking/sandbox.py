"""Reading and extracting an upload in a worker process with memory, CPU and wall-clock limits.

The readers check their caps before the work (``chidao.text.readers``), but a file can still find
a path no cap foresaw: a PDF whose content stream inflates to gigabytes inside PDFium, a
parser's quadratic corner. Such a file must cost a child process, never the server: the server
that read a 300 MB ``document.xml`` itself grew from 146 MB to 8 GB and never gave it back.

So the web upload and ``chidao ingest`` read and extract each file in a child process that
limits its own address space (``RLIMIT_AS``) and CPU time (``RLIMIT_CPU``) before it starts, and
the parent kills it past a wall-clock timeout. The child sends back the pickled ``Extraction``
(or the ``ReadError``'s reason and code) and exits, taking all its memory with it; the parent
only stores. A child that a limit stopped becomes a ``ReadError`` with its own code
(``needs_memory``, ``needs_time``; ``reader_crashed`` for any other death).

Children are forked from multiprocessing's fork server, which imports the readers and the
extraction once and warms them (``sandbox_preload``): a child starts in milliseconds instead of
the second a fresh interpreter takes, and never inherits the server's threads, locks or
database connections. At most ``WORKERS`` children run at once; a file that waits longer than its
wall-clock limit for a slot is refused as ``busy``.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import pickle
import resource
import signal
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection

from chidao.extract import Extraction, extract
from chidao.text.readers import Failure, ReadError, read_upload

MB = 1024 * 1024
WORKERS = max(2, os.cpu_count() or 1)
_SLOTS = threading.BoundedSemaphore(WORKERS)
Prepare = Callable[[Extraction, str, bytes], object]  # a file's extraction → what the parent is sent
# The fork server never learns the main script's path (CPython 3.11: ``forkserver.ensure_running``
# keeps a "main_path" key that ``spawn.get_preparation_data`` never sets), so each child runs the
# main script again before its work. chidao's is the ``chidao`` script, which imports chidao.cli:
# loaded in the fork server, that import costs a child nothing (2 s each under load otherwise).
_PRELOAD = ["__main__", "chidao.cli", "chidao.tracking.sandbox_preload"]
_OUT_OF_MEMORY = ("memory",)
_OUT_OF_MEMORY_BYTES = pickle.dumps(_OUT_OF_MEMORY)  # made before any limit: sending it allocates nothing


@dataclass(frozen=True)
class Limits:
    """What one file may cost its worker.

    ``memory_bytes`` is the child's whole address space, the interpreter and libraries included
    (about 150 MB of it); ``result_bytes`` bounds the pickled extraction the parent accepts.
    """

    memory_bytes: int = 1536 * MB
    cpu_seconds: int = 60
    wall_seconds: float = 90.0
    result_bytes: int = 256 * MB


LIMITS = Limits()


class WorkerError(RuntimeError):
    """The worker failed in a way that says nothing about the file: a bug, with its traceback."""


def read_document(data: bytes, filename: str) -> Extraction:
    """Read and extract in this process (what the worker runs; tests and benchmarks call it too).
    A scan keeps the pages OCR read, so that the review page can say to check them."""
    reading = read_upload(data, filename)
    extraction = extract(reading.text)
    extraction.ocr = reading.ocr
    return extraction


def read_and_extract(data: bytes, filename: str, limits: Limits | None = None) -> Extraction:
    """``read_document`` in a worker process under ``limits`` (``LIMITS`` by default); raises
    ``ReadError`` when the file cannot be read, or needs more memory or time than allowed, and
    nothing else but ``WorkerError``."""
    limits = limits or LIMITS
    if not _SLOTS.acquire(timeout=limits.wall_seconds):
        raise ReadError(filename, "the server is busy reading other files; try again in a minute", Failure.BUSY)
    try:
        return _run(data, filename, limits)
    finally:
        _SLOTS.release()


@functools.cache
def worker_context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return context


def _run(data: bytes, filename: str, limits: Limits) -> Extraction:
    context = worker_context()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, data, filename, limits), name="chidao-reader", daemon=True)
    try:
        child.start()
        sender.close()
        message = _receive(receiver, limits)
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    if message is None:
        raise died(filename, child.exitcode, limits)
    if message == "timeout":
        raise ReadError(filename, _needs_time(limits), Failure.NEEDS_TIME)
    return outcome(filename, message, limits)


def _receive(receiver: Connection, limits: Limits) -> tuple | str | None:
    """The child's message; "timeout" past the wall-clock limit; None when it died without one."""
    if not receiver.poll(limits.wall_seconds):
        return "timeout"
    try:
        return pickle.loads(receiver.recv_bytes(limits.result_bytes))
    except EOFError:
        return None
    except OSError:  # longer than result_bytes
        return ("memory",)


def outcome(filename: str, message: tuple, limits: Limits) -> Extraction:
    kind = message[0]
    if kind == "ok":
        return message[1]
    if kind == "refused":
        raise ReadError(filename, message[1], Failure(message[2]))
    if kind == "memory":
        raise ReadError(filename, _needs_memory(limits), Failure.NEEDS_MEMORY)
    raise WorkerError(f"reading {filename!r} failed in the worker:\n{message[1]}")


def died(filename: str, exitcode: int | None, limits: Limits) -> ReadError:
    """A child that exited without a message: the CPU limit's signals, or a crash."""
    if exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
        return ReadError(filename, _needs_time(limits), Failure.NEEDS_TIME)
    how = f"killed by {signal.Signals(-exitcode).name}" if exitcode and exitcode < 0 else f"exit code {exitcode}"
    return ReadError(filename, f"the reader stopped on this file ({how}): corrupt or hostile", Failure.READER_CRASHED)


def _needs_memory(limits: Limits) -> str:
    return f"the file needs more memory than allowed to read (over {limits.memory_bytes // MB} MB)"


def _needs_time(limits: Limits) -> str:
    return (
        f"the file takes longer than allowed to read (over {limits.cpu_seconds} s of CPU or {limits.wall_seconds:g} s)"
    )


def _child(sender: Connection, data: bytes, filename: str, limits: Limits) -> None:
    """The worker: limit itself, read and extract, send the outcome, exit."""
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 5))
    sender.send_bytes(attempt(data, filename))
    sender.close()


def attempt(data: bytes, filename: str, prepare: Prepare | None = None) -> bytes:
    """Read and extract in this (limited) process: the pickled outcome for ``outcome``; with
    ``prepare``, what it makes of the extraction (the rows to store: ``reader_pool``).

    The outcome is pickled after the ``try``: inside ``except MemoryError`` the traceback still
    holds every frame and what it built, and the smallest allocation would fail again."""
    outcome: tuple = _OUT_OF_MEMORY
    try:
        extraction = read_document(data, filename)
        outcome = ("ok", prepare(extraction, filename, data) if prepare else extraction)
        del extraction
    except ReadError as error:
        outcome = ("refused", error.reason, str(error.code))
    except MemoryError:
        pass
    except Exception:  # a bug: the parent raises it with this traceback
        outcome = ("error", traceback.format_exc(limit=-8))
    try:
        payload = pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        payload = _OUT_OF_MEMORY_BYTES
    del outcome
    return payload
