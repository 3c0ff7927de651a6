"""Reading in a worker process (issue 10, "Bounded parsing"): what a file costs stays in a child
with memory, CPU and wall-clock limits; the parent gets the extraction, or a ReadError with the
code of the limit the child met, and its own memory does not move."""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path

import pytest

from bombs import MB, XML_RUN, Repeat, docx_parts, docx_with, nested_html, page_tree_bomb, zip_bytes
from chidao.text.readers.errors import Failure, ReadError
from chidao.tracking import sandbox
from chidao.tracking.sandbox import Limits, read_and_extract, read_document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NOTICE = (EXAMPLES / "cv-giao-nhiem-vu-y-te.txt").read_bytes()
HANG = 60.0  # seconds: generous, only to catch a hang
HEAVY_HTML = 9_000_000  # nested tags that cost the reader about 2.5 s of CPU and 250 MB


def memory() -> dict[str, int]:
    """This process's resident memory and its peak, in bytes."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return {key: int(fields[key].split()[0]) * 1024 for key in ("VmRSS", "VmHWM")}


def refused(data: bytes, name: str, limits: Limits | None = None) -> tuple[ReadError, float]:
    started = time.monotonic()
    with pytest.raises(ReadError) as caught:
        read_and_extract(data, name, limits)
    return caught.value, time.monotonic() - started


def test_the_worker_extracts_what_this_process_would():
    assert read_and_extract(NOTICE, "cv.txt").to_dict() == read_document(NOTICE, "cv.txt").to_dict()


def test_a_refusal_crosses_with_its_reason_and_code():
    error, _ = refused(b"\x00\x01\x02" * 400, "tb.txt")
    assert (error.code, error.path, error.reason) == (Failure.BINARY, "tb.txt", "binary file, not text")


BOMBS = [
    ("document-300mb.docx", lambda: docx_with(document=Repeat(XML_RUN * 16_000, 300)), Failure.DOCX_TOO_LARGE),
    ("styles-1gb.docx", lambda: docx_with(styles=Repeat(b" " * MB, 1024)), Failure.DOCX_TOO_LARGE),
    (
        "members.docx",
        lambda: zip_bytes({**docx_parts(), **{f"word/media/{i}.png": b"x" for i in range(5_000)}}),
        Failure.DOCX_TOO_MANY_PARTS,
    ),
    ("tree-90000.pdf", page_tree_bomb, Failure.PDF_TOO_LONG),
    ("nested.html", lambda: nested_html(HEAVY_HTML), Failure.HTML_TOO_COMPLEX),
]


@pytest.mark.parametrize(("name", "build", "code"), BOMBS, ids=[bomb[0] for bomb in BOMBS])
def test_each_bomb_is_refused_by_the_worker_and_costs_this_process_nothing(name, build, code):
    data = build()
    read_and_extract(NOTICE, "warm.txt")  # the fork server is running, this process's imports done
    before = memory()
    error, elapsed = refused(data, name)
    after = memory()
    assert error.code == code, error.reason
    assert elapsed < HANG
    assert after["VmRSS"] - before["VmRSS"] < 40 * MB
    assert after["VmHWM"] - before["VmHWM"] < 40 * MB


def test_a_file_that_needs_more_memory_than_allowed_is_refused():
    error, _ = refused(nested_html(HEAVY_HTML), "tb.html", Limits(memory_bytes=200 * MB))
    assert error.code == Failure.NEEDS_MEMORY
    assert error.reason == "the file needs more memory than allowed to read (over 200 MB)"


def test_a_file_that_needs_more_cpu_than_allowed_is_refused():
    error, elapsed = refused(nested_html(HEAVY_HTML), "tb.html", Limits(cpu_seconds=1))
    assert error.code == Failure.NEEDS_TIME
    assert error.reason == "the file takes longer than allowed to read (over 1 s of CPU or 90 s)"
    assert elapsed < HANG


def test_a_file_that_takes_longer_than_the_wall_clock_allows_is_refused():
    error, elapsed = refused(nested_html(HEAVY_HTML), "tb.html", Limits(wall_seconds=0.5))
    assert error.code == Failure.NEEDS_TIME
    assert elapsed < HANG


def test_a_file_waits_for_a_free_worker_then_is_refused_as_busy(monkeypatch):
    monkeypatch.setattr(sandbox, "_SLOTS", threading.BoundedSemaphore(1))
    sandbox._SLOTS.acquire()
    error, _ = refused(NOTICE, "cv.txt", Limits(wall_seconds=0.2))
    assert error.code == Failure.BUSY


@pytest.mark.parametrize(
    ("exitcode", "code", "reason"),
    [
        (-signal.SIGXCPU, Failure.NEEDS_TIME, "the file takes longer than allowed to read"),
        (-signal.SIGSEGV, Failure.READER_CRASHED, "the reader stopped on this file (killed by SIGSEGV)"),
        (1, Failure.READER_CRASHED, "the reader stopped on this file (exit code 1)"),
    ],
)
def test_a_child_that_dies_without_a_word_is_a_read_error(exitcode, code, reason):
    error = sandbox.died("tb.pdf", exitcode, sandbox.LIMITS)
    assert error.code == code and error.reason.startswith(reason)


def test_several_files_are_read_at_once():
    results: list[int] = []
    threads = [
        threading.Thread(target=lambda: results.append(len(read_and_extract(NOTICE, "cv.txt").tasks))) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(HANG)
    assert results == [3, 3, 3, 3]
