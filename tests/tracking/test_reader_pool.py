"""The reading pool of ``chidao ingest DIR`` (issue 15): long-lived workers under the sandbox's
limits; a file that outlasts the wall-clock limit fails alone with ``needs_time``, its worker is
replaced, and the files queued behind it are read; a refusal comes back as the reader's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from bombs import nested_html
from chidao.extract import Extraction
from chidao.text.readers import Failure, ReadError
from chidao.tracking.reader_pool import Job, ReaderPool
from chidao.tracking.sandbox import Limits

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.txt"))


def _drain(pool: ReaderPool) -> dict[str, Extraction | ReadError]:
    found = {}
    while pool.pending():
        for job, outcome in pool.collect(1.0):
            found[job.filename] = outcome
    return found


@pytest.mark.parametrize("limits", [Limits(wall_seconds=2.0), Limits(cpu_seconds=1)], ids=["wall", "cpu"])
def test_a_slow_file_fails_alone_and_the_files_behind_it_are_read(limits: Limits):
    slow = nested_html(9_000_000)  # about 6 s of work before the HTML reader refuses it
    with ReaderPool(1, limits, depth=3) as pool:
        for path in EXAMPLES[:1]:  # a file read first: the CPU limit counts from each file's start
            pool.put(Job(path.name, path.name, path.read_bytes()))
        pool.put(Job("slow", "slow.html", slow))
        for path in EXAMPLES[1:3]:
            pool.put(Job(path.name, path.name, path.read_bytes()))
        pool.put(Job("broken", "hong.docx", b"PK\x03\x04 not really a docx"))
        found = _drain(pool)
    assert isinstance(found["slow.html"], ReadError) and found["slow.html"].code == Failure.NEEDS_TIME
    assert all(isinstance(found[path.name], Extraction) and found[path.name].tasks for path in EXAMPLES[:3])
    assert isinstance(found["hong.docx"], ReadError) and found["hong.docx"].code != Failure.NEEDS_TIME


def test_workers_are_reused_from_file_to_file():
    with ReaderPool(2) as pool:
        for path in EXAMPLES:
            pool.put(Job(path.name, path.name, path.read_bytes()))
        pids = {worker.process.pid for worker in pool.workers}
        found = _drain(pool)
        assert {worker.process.pid for worker in pool.workers} == pids  # no process per file
    assert sorted(found) == sorted(path.name for path in EXAMPLES)
    assert all(isinstance(outcome, Extraction) for outcome in found.values())


def test_a_worker_killed_while_idle_is_replaced_and_no_file_is_lost():
    with ReaderPool(1) as pool:
        pool.put(Job("a", EXAMPLES[0].name, EXAMPLES[0].read_bytes()))
        assert isinstance(_drain(pool)[EXAMPLES[0].name], Extraction)
        worker = pool.workers[0].process
        worker.kill()
        worker.join()
        pool.put(Job("b", EXAMPLES[1].name, EXAMPLES[1].read_bytes()))
        assert isinstance(_drain(pool)[EXAMPLES[1].name], Extraction)
