"""``chidao serve`` as a user starts it: one process, or several worker processes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(tmp_path, workers: int) -> tuple[subprocess.Popen[str], int]:
    """``chidao init`` then ``chidao serve``, waited for until both pages and API answer."""
    env = {**os.environ, "CHIDAO_DATA_DIR": str(tmp_path)}
    env.pop("CHIDAO_DATABASE_URL", None)
    init = subprocess.run([sys.executable, "-m", "chidao.cli", "init"], env=env, capture_output=True, text=True)
    assert init.returncode == 0, init.stderr
    port = _free_port()
    command = [sys.executable, "-m", "chidao.cli", "serve", "--port", str(port), "--workers", str(workers)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    answers = set()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(answers) < 2:
        assert process.poll() is None, process.stderr.read()
        try:
            login = httpx.get(f"http://127.0.0.1:{port}/login", timeout=2)
            spec = httpx.get(f"http://127.0.0.1:{port}/api/v1/openapi.json", timeout=2)
            answers = {login.status_code, spec.status_code} if "Đăng nhập" in login.text else set()
            answers.add(spec.json()["info"]["title"])
        except httpx.HTTPError:
            time.sleep(0.2)
    assert answers == {200, "chidao"}
    return process, port


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_answers_pages_and_api(tmp_path, workers):
    process, _ = _serve(tmp_path, workers)
    try:
        assert (tmp_path / "chidao.sqlite3").exists()
    finally:
        process.terminate()
        process.wait(timeout=15)


def _children(parent: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == parent:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process tree from /proc")
def test_workers_end_with_their_parent(tmp_path):
    """The parent killed outright (kill -9, the OOM killer) cannot stop its workers: they must
    not go on serving the port as orphans nobody manages."""
    process, port = _serve(tmp_path, 2)
    workers = _children(process.pid)
    assert len(workers) >= 2
    process.kill()
    process.wait(timeout=15)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"http://127.0.0.1:{port}/login", timeout=2)


def test_serve_refuses_zero_workers(tmp_path):
    env = {**os.environ, "CHIDAO_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "chidao.cli", "serve", "--workers", "0"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 2 and "workers" in done.stderr.lower()


def test_serve_refuses_a_missing_database(tmp_path):
    """A mistyped data folder must not become a new empty database that takes writes."""
    env = {**os.environ, "CHIDAO_DATA_DIR": str(tmp_path / "typo")}
    env.pop("CHIDAO_DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-m", "chidao.cli", "serve"], env=env, capture_output=True, text=True)
    assert done.returncode == 2
    assert "chidao init" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "typo").exists()
