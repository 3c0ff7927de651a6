"""``chidao ingest --watch DIR --move`` (issue 15, item 5) in a process of its own: files dropped
into the folder are ingested once stable and moved to ``.done`` (``.failed`` for one that cannot
be read; a copy of a stored file to ``.done``, not stored again), and Ctrl-C stops it cleanly
with the summary."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from chidao.store.engine import open_engine, session_factory
from chidao.store.models import Document

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.txt"))


def _until(condition, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the watch did not get there in time"
        time.sleep(0.2)


def test_files_dropped_into_the_folder_are_ingested_and_moved(tmp_path: Path):
    env = {**os.environ, "CHIDAO_DATA_DIR": str(tmp_path / "data")}
    env.pop("CHIDAO_DATABASE_URL", None)
    command = [sys.executable, "-m", "chidao.cli"]
    assert subprocess.run([*command, "init"], env=env, capture_output=True, timeout=120).returncode == 0
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    watch = subprocess.Popen(
        [*command, "ingest", "--watch", str(inbox), "--move", "--interval", "0.2", "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for path in EXAMPLES[:2]:
            shutil.copy(path, inbox / path.name)
        (inbox / "hong.docx").write_bytes(b"PK\x03\x04 not really a docx")
        done, failed = inbox / ".done", inbox / ".failed"
        _until(lambda: {p.name for p in done.glob("*")} >= {p.name for p in EXAMPLES[:2]})
        _until(lambda: (failed / "hong.docx").exists())
        # a later file, and a copy of one already in (moved to .done, not stored twice)
        shutil.copy(EXAMPLES[2], inbox / "moi.txt")
        shutil.copy(EXAMPLES[0], inbox / "ban-sao.txt")
        _until(lambda: (done / "moi.txt").exists() and (done / "ban-sao.txt").exists())
        assert sorted(p.name for p in inbox.iterdir()) == [".done", ".failed"]
    finally:
        watch.send_signal(signal.SIGINT)
        out, err = watch.communicate(timeout=60)
    assert watch.returncode == 0 and "Traceback" not in err, err
    assert out.startswith("3 documents added (") and "1 already stored, 1 failed" in out
    assert f"chidao: {inbox / 'hong.docx'}: " in err
    engine = open_engine(f"sqlite:///{tmp_path / 'data' / 'chidao.sqlite3'}")
    with session_factory(engine)() as session:
        names = sorted(session.scalars(select(Document.filename)))
    engine.dispose()
    assert names == sorted([*(p.name for p in EXAMPLES[:2]), "moi.txt"])
