"""One run of ``chidao ingest``: files found, hashed, read by a pool of limited workers, stored
by this process in short transactions, and counted.

The files are hashed first (read and dropped, nothing kept in memory): those the database
already holds (their bytes, or a copy linked to a document) are counted as stored without being
read again, so a second run over the same folder costs a hash per file and retries only what
failed. The rest go to the worker pool (``chidao.tracking.reader_pool``), a few at a time; the
workers send back the rows to store (``reader_pool``), which are stored in batches, one
transaction each (``store_batch``: a batch that fails is stored again file by file, so one
file's trouble costs no other its place).
"""

from __future__ import annotations

import hashlib
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from rich.table import Table
from sqlalchemy.orm import Session, sessionmaker

from chidao.extract import Extraction
from chidao.store.document_rows import Prepared, prepare_document
from chidao.store.models import Agency
from chidao.text.readers import DEFAULT_MAX_BYTES, SUPPORTED_EXTENSIONS, Failure, ReadError
from chidao.tracking.ingest import check_size, stored_hashes
from chidao.tracking.ingest_batch import Read, store_batch
from chidao.tracking.reader_pool import Job, ReaderPool

BATCH = 50  # documents per transaction at most: short enough that other writers wait milliseconds
FEW = 8  # documents: a batch smaller waits a few milliseconds for the next before it is stored


def _wait(batch: int) -> float:
    """How long to wait for the workers' next result: a while when there is nothing to store; a
    few milliseconds for a small batch, since each batch costs a commit and a few statements
    whatever its size (a batch of 4 cost the parent 12% more a document than one of 50); none
    for a batch big enough, stored while the workers read the next files."""
    return 0.5 if not batch else 0.005 if batch < FEW else 0.0


class Outcome(StrEnum):
    ADDED = "added"
    STORED = "stored"  # the same bytes were already in
    TEXT = "text"  # another file with the same words was already in: linked to it
    FAILED = "failed"


@dataclass
class Tally:
    """What a run (or a watch, so far) did."""

    added: int = 0
    stored: int = 0
    text: int = 0
    tasks: int = 0
    read: int = 0  # files sent to the workers (the others were known by their hash, or unreadable)
    failures: list[tuple[Path, str]] = field(default_factory=list)  # the file and why, one line
    started: float = field(default_factory=time.monotonic)

    @property
    def files(self) -> int:
        return self.added + self.stored + self.text + len(self.failures)

    def line(self) -> str:
        """The one line for scripts (its first four figures as before text duplicates were told apart)."""
        text = f", {self.text} duplicates by text" if self.text else ""
        return (
            f"{self.added} documents added ({self.tasks} tasks), {self.stored} already stored, "
            f"{len(self.failures)} failed{text}"
        )

    def table(self) -> Table:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        table = Table(title="chidao ingest", show_header=False)
        table.add_column("", style="bold")
        table.add_column("", justify="right")
        rows = [
            ("added", f"{self.added:,}"),
            ("already stored (same file)", f"{self.stored:,}"),
            ("duplicates by text (linked)", f"{self.text:,}"),
            ("failed", f"{len(self.failures):,}"),
            ("tasks", f"{self.tasks:,}"),
            ("files read and extracted", f"{self.read:,}"),
            ("time", f"{elapsed:.1f} s"),
            ("documents/s", f"{self.files / elapsed:.0f}"),
        ]
        for name, value in rows:
            table.add_row(name, value)
        return table


def find_files(paths: Iterable[Path], recursive: bool) -> list[Path]:
    """The files to ingest: each FILE as given; in each DIR, the files of a kind chidao reads
    (its sub-folders too with ``recursive``), hidden ones (".done", ".git") left out."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(supported_in(path, recursive)))
        else:
            found.append(path)
    return found


def supported_in(folder: Path, recursive: bool) -> Iterator[Path]:
    candidates = folder.rglob("*") if recursive else folder.iterdir()
    for path in candidates:
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if not hidden and path.suffix.lower() in SUPPORTED_EXTENSIONS and path.is_file():
            yield path


def _load(path: Path) -> bytes:
    """The file's bytes, or ReadError (too large, cannot open) without reading a byte too many."""
    try:
        if path.is_file() and path.stat().st_size > DEFAULT_MAX_BYTES:
            raise ReadError(path, "file too large", Failure.TOO_LARGE)
        return path.read_bytes()
    except OSError as error:
        raise ReadError(path, error.strerror or "cannot open", Failure.CANNOT_OPEN) from None


@contextmanager
def _interrupt_after() -> Iterator[None]:
    """Hold Ctrl-C until the block is over, then raise it: a batch's commit and its count in the
    tally are one step, so the summary an interrupted run prints says what the database holds."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, _frame: caught.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def reader_pool(workers: int) -> ReaderPool:
    """The pool ``BulkRun`` reads with: its workers send back the rows to store, not the extraction."""
    return ReaderPool(workers, prepare=prepare_document)


class BulkRun:
    """Ingest files with a pool of workers; ``ingest`` may be called again (``--watch``)."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        pool: ReaderPool,
        *,
        confirm: bool = False,
        on_done: Callable[[Path, Outcome], None] | None = None,
    ) -> None:
        self.sessions = sessions
        self.pool = pool
        self.confirm = confirm
        self.on_done = on_done or (lambda _path, _outcome: None)
        self.tally = Tally()
        self.cache: dict[str, Agency] = {}

    def ingest(self, paths: list[Path]) -> dict[Path, Outcome]:
        """Store ``paths``; the outcome of each."""
        self.outcomes: dict[Path, Outcome] = {}
        todo = self._unknown(paths)
        batch: list[tuple[Path, Read]] = []
        while todo or self.pool.pending() or batch:
            while todo and self.pool.room():
                path = todo.pop()
                try:
                    self.pool.put(Job(path, path.name, _load(path)))
                    self.tally.read += 1
                except ReadError as error:
                    self._fail(path, error.reason)
            ready = self.pool.collect(_wait(len(batch)))
            for job, found in ready:
                self._read(job, found, batch)
            if batch and (not ready or len(batch) >= BATCH):  # stored while the workers read the next
                self._store(batch)
                batch = []
        return self.outcomes

    def _unknown(self, paths: list[Path]) -> list[Path]:
        """The paths whose bytes are not stored yet (last first, for ``pop``); the others are
        counted as stored now, unread. A second file with the same bytes as one of this run
        counts as stored too (the first is read)."""
        digests: list[tuple[Path, str]] = []
        for path in paths:
            try:
                digests.append((path, hashlib.sha256(_load(path)).hexdigest()))
            except ReadError as error:
                self._fail(path, error.reason)
        with self.sessions() as session:
            known = stored_hashes(session=session, digests=list({digest for _, digest in digests}))
        todo, seen = [], set()
        for path, digest in digests:
            if digest in known or digest in seen:
                self._done(path, Outcome.STORED)
            else:
                seen.add(digest)
                todo.append(path)
        return todo[::-1]

    def _read(self, job: Job, found: Prepared | Extraction | ReadError, batch: list[tuple[Path, Read]]) -> None:
        path = Path(str(job.key))
        if isinstance(found, ReadError):
            self._fail(path, found.reason)
            return
        if isinstance(found, Extraction):  # a pool without ``prepare``: the rows are built here
            found = prepare_document(found, job.filename, job.data)
        try:
            check_size(job.filename, found)
        except ReadError as error:
            self._fail(path, error.reason)
            return
        batch.append((path, Read(job.filename, job.data, found)))

    def _store(self, batch: list[tuple[Path, Read]]) -> None:
        with _interrupt_after():  # committed and counted together, or neither
            self._store_and_count(batch)

    def _store_and_count(self, batch: list[tuple[Path, Read]]) -> None:
        outcomes = store_batch(self.sessions, [read for _, read in batch], confirm=self.confirm, cache=self.cache)
        for (path, _), result in zip(batch, outcomes, strict=True):
            if isinstance(result, ReadError):
                self._fail(path, result.reason)
                continue
            ingested, tasks = result
            if ingested.created:
                self.tally.added += 1
                self.tally.tasks += tasks
                self._done(path, Outcome.ADDED)
            else:
                self._done(path, Outcome.TEXT if ingested.duplicate == "text" else Outcome.STORED)

    def _fail(self, path: Path, reason: str) -> None:
        self.tally.failures.append((path, reason))
        self._done(path, Outcome.FAILED, count=False)

    def _done(self, path: Path, outcome: Outcome, *, count: bool = True) -> None:
        if count and outcome == Outcome.STORED:
            self.tally.stored += 1
        elif count and outcome == Outcome.TEXT:
            self.tally.text += 1
        self.outcomes[path] = outcome
        self.on_done(path, outcome)
