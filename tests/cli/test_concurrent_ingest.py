"""Two ``chidao ingest`` runs on the same files at the same moment (two clerks, a cron job and a
clerk): every file ends up stored once, and neither run fails or prints a traceback."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from db import scratch_postgres_database

EXAMPLES = sorted(str(p) for p in (Path(__file__).resolve().parents[2] / "examples").glob("*.txt"))


def _run(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "chidao.cli", *args]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _race(env: dict[str, str]) -> None:
    """Two ingest runs of the same files at once on a new database: each file stored by exactly
    one of them, neither failing nor printing a traceback."""
    assert _run(env, "init").wait(timeout=120) == 0
    runs = [_run(env, "ingest", *EXAMPLES) for _ in range(2)]
    outputs = [run.communicate(timeout=180) for run in runs]
    for run, (_out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0 and "Traceback" not in err, err
    added = [int(re.match(r"(\d+) documents added", out).group(1)) for out, _ in outputs]
    assert sum(added) == len(EXAMPLES)  # each file added by exactly one of the two runs
    stats = _run(env, "stats", "extraction", "--json", "--include-drafts").communicate(timeout=120)[0]
    assert json.loads(stats)["documents"] == len(EXAMPLES)


def test_the_same_files_ingested_twice_at_once_are_stored_once(tmp_path):
    for attempt in range(3):
        env = {**os.environ, "CHIDAO_DATA_DIR": str(tmp_path / f"data{attempt}")}
        env.pop("CHIDAO_DATABASE_URL", None)
        _race(env)


def test_the_same_files_ingested_twice_at_once_on_postgresql_are_stored_once(tmp_path):
    # The same race on PostgreSQL (issue 10, item 9): one copy of each file, no traceback.
    with scratch_postgres_database() as url:
        _race({**os.environ, "CHIDAO_DATA_DIR": str(tmp_path / "data"), "CHIDAO_DATABASE_URL": url})
