"""``chidao serve`` as a user starts it: one process, or several worker processes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_answers_pages_and_api(tmp_path, workers):
    env = {**os.environ, "CHIDAO_DATA_DIR": str(tmp_path)}
    env.pop("CHIDAO_DATABASE_URL", None)
    init = subprocess.run([sys.executable, "-m", "chidao.cli", "init"], env=env, capture_output=True, text=True)
    assert init.returncode == 0, init.stderr
    port = _free_port()
    command = [sys.executable, "-m", "chidao.cli", "serve", "--port", str(port), "--workers", str(workers)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
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
        assert (tmp_path / "chidao.sqlite3").exists()
    finally:
        process.terminate()
        process.wait(timeout=15)


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
