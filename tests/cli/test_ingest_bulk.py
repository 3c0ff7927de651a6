"""``chidao ingest DIR`` (issue 15, item 5): the supported files of a folder (its sub-folders
with --recursive, hidden ones left out), read by --workers processes; a second run skips what is
stored without reading it and retries only the failures; the summary; the exit codes."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from chidao.store.document_files import DocumentFile
from chidao.store.engine import open_engine, session_factory
from chidao.store.models import Document

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.txt"))


@pytest.fixture
def chidao(tmp_path: Path):
    env = {**os.environ, "CHIDAO_DATA_DIR": str(tmp_path / "data")}
    env.pop("CHIDAO_DATABASE_URL", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "chidao.cli", *args]
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)

    assert run("init").returncode == 0
    return run


def _documents(tmp_path: Path) -> list[str]:
    engine = open_engine(f"sqlite:///{tmp_path / 'data' / 'chidao.sqlite3'}")
    with session_factory(engine)() as session:
        names = sorted(session.scalars(select(Document.filename)))
    engine.dispose()
    return names


def _figure(output: str, name: str) -> int:
    return int(re.search(rf"│ {re.escape(name)}\s*│\s*([\d,]+) │", output).group(1).replace(",", ""))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two notices at the top, the others in a sub-folder, and what must be left out."""
    root = tmp_path / "inbox"
    (root / "2026" / "thang-3").mkdir(parents=True)
    (root / ".done").mkdir()
    for index, path in enumerate(EXAMPLES):
        target = root if index < 2 else root / "2026" / "thang-3"
        shutil.copy(path, target / path.name)
    (root / "ghi-chu.xyz").write_text("not a kind chidao reads")
    shutil.copy(EXAMPLES[0], root / ".done" / "da-xu-ly.txt")
    return root


def test_a_folder_gives_its_top_files_and_recursive_its_sub_folders_too(chidao, folder, tmp_path):
    top = chidao("ingest", str(folder), "--workers", "1")
    assert top.returncode == 0, top.stderr
    assert re.fullmatch(r"2 documents added \(\d+ tasks\), 0 already stored, 0 failed\n", top.stdout)
    assert _documents(tmp_path) == sorted(path.name for path in EXAMPLES[:2])
    every = chidao("ingest", str(folder), "--recursive", "--workers", "3", "--table")
    assert every.returncode == 0 and "Traceback" not in every.stderr, every.stderr
    assert every.stdout.startswith(f"{len(EXAMPLES) - 2} documents added (")
    assert _figure(every.stdout, "already stored (same file)") == 2
    assert _figure(every.stdout, "files read and extracted") == len(EXAMPLES) - 2
    assert _documents(tmp_path) == sorted(path.name for path in EXAMPLES)  # no .xyz, nothing from .done


def test_a_second_run_reads_nothing_stored_and_retries_only_the_failures(chidao, folder, tmp_path):
    broken = folder / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not really a docx")
    missing = tmp_path / "khong-co.txt"
    first = chidao("ingest", str(folder), str(missing), "-r", "--table")
    assert first.returncode == 2 and "Traceback" not in first.stderr
    failures = first.stderr.strip().splitlines()
    assert failures[0].startswith(f"chidao: {broken}: ") and failures[1].startswith(f"chidao: {missing}: ")
    assert len(failures) == 2
    assert first.stdout.startswith(f"{len(EXAMPLES)} documents added (")
    assert _figure(first.stdout, "failed") == 2
    # the broken file mended: the next run reads it alone
    broken.unlink()
    (folder / "hong.txt").write_text(EXAMPLES[0].read_text(encoding="utf-8").replace("Số:", "Số: 77", 1))
    second = chidao("ingest", str(folder), "-r", "--table")
    assert second.returncode == 0, second.stderr
    assert second.stdout.startswith(f"1 documents added (3 tasks), {len(EXAMPLES)} already stored, 0 failed\n")
    assert _figure(second.stdout, "files read and extracted") == 1
    third = chidao("ingest", str(folder), "-r", "--table")
    assert third.returncode == 0 and _figure(third.stdout, "files read and extracted") == 0
    assert _figure(third.stdout, "already stored (same file)") == len(EXAMPLES) + 1


def test_a_text_copy_is_counted_linked_and_not_read_again(chidao, tmp_path):
    folder = tmp_path / "copies"
    folder.mkdir()
    text = EXAMPLES[0].read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text)
    (folder / "b.md").write_text(text.replace("\n", "\r\n"))
    done = chidao("ingest", str(folder), "--workers", "1")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "1 documents added (3 tasks), 0 already stored, 0 failed, 1 duplicates by text\n"
    engine = open_engine(f"sqlite:///{tmp_path / 'data' / 'chidao.sqlite3'}")
    with session_factory(engine)() as session:
        assert session.scalar(select(func.count(DocumentFile.id))) == 1
    engine.dispose()
    again = chidao("ingest", str(folder), "--table")
    assert again.stdout.startswith("0 documents added (0 tasks), 2 already stored, 0 failed\n")
    assert _figure(again.stdout, "files read and extracted") == 0


def test_bad_arguments_are_one_line_and_exit_2(chidao, tmp_path):
    for args, message in [
        ((), "chidao: give FILES or DIRs to ingest, or --watch DIR"),
        (("--move", str(tmp_path)), "chidao: --move goes with --watch DIR"),
        (("--watch", str(tmp_path), str(tmp_path)), "chidao: --watch DIR takes no other FILES or DIRs"),
        (("--watch", str(tmp_path / "none")), f"chidao: --watch {tmp_path / 'none'}: not a folder"),
    ]:
        done = chidao("ingest", *args)
        assert (done.returncode, done.stderr.strip()) == (2, message)
    zero = chidao("ingest", "--workers", "0", str(tmp_path))
    assert zero.returncode == 2 and "Traceback" not in zero.stderr


def test_ctrl_c_keeps_what_was_stored_and_the_next_run_goes_on(chidao, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    text = EXAMPLES[0].read_text(encoding="utf-8")
    for number in range(300):
        (folder / f"{number:03d}.txt").write_text(text.replace("Số:", f"Số: {number + 1}", 1))
    env = {**os.environ, "CHIDAO_DATA_DIR": str(tmp_path / "data")}
    env.pop("CHIDAO_DATABASE_URL", None)
    command = [sys.executable, "-m", "chidao.cli", "ingest", str(folder), "--workers", "1"]
    run = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not _documents(tmp_path) and run.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    run.send_signal(signal.SIGINT)
    out, err = run.communicate(timeout=60)
    if run.returncode == 0:  # it was faster than the signal: nothing to resume
        return
    assert run.returncode == 130 and "Traceback" not in err, err
    assert "interrupted" in err
    stored = int(re.match(r"(\d+) documents added", out).group(1))
    assert stored == len(_documents(tmp_path))
    rest = chidao("ingest", str(folder))
    assert rest.returncode == 0
    assert rest.stdout.startswith(f"{300 - stored} documents added (")
    assert f", {stored} already stored, 0 failed" in rest.stdout
