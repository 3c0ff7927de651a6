"""``chidao serve`` believes X-Forwarded-For only from CHIDAO_TRUSTED_PROXIES (issue 10: uvicorn
believed it from loopback, so a client next to the server, or any client behind a local proxy
that passes the header on, chose a new address for each login attempt and was never throttled)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest

PASSWORD = "mat-khau-rat-dai-2026"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _chidao(env: dict[str, str], *args: str, stdin: str | None = None) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "chidao.cli", *args], env=env, input=stdin, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def _serve(env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    command = [sys.executable, "-m", "chidao.cli", "serve", "--port", str(port)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read()
        try:
            httpx.get(f"{base}/login", timeout=2)
            return process, base
        except httpx.HTTPError:
            time.sleep(0.2)
    process.terminate()
    pytest.fail("chidao serve did not answer")


def _login(base: str, username: str, password: str, forwarded: str) -> httpx.Response:
    body = {"username": username, "password": password}
    return httpx.post(f"{base}/api/v1/auth/login", json=body, headers={"X-Forwarded-For": forwarded}, timeout=10)


@pytest.mark.parametrize("trusted", [None, "127.0.0.1"])
def test_forwarded_for_only_from_trusted_proxies(tmp_path, trusted):
    env = {**os.environ, "CHIDAO_DATA_DIR": str(tmp_path)}
    env.pop("CHIDAO_DATABASE_URL", None)
    env.pop("CHIDAO_TRUSTED_PROXIES", None)
    _chidao(env, "init")
    _chidao(env, "user", "add", "vanthu", "--role", "clerk", "--password-stdin", stdin=PASSWORD + "\n")
    if trusted:
        env["CHIDAO_TRUSTED_PROXIES"] = trusted
    process, base = _serve(env)
    try:
        for n in range(5):  # the default budget of failures per address
            assert _login(base, f"nobody{n}", "wrong-password-x", f"198.51.100.{n}").status_code == 401
        third_party = _login(base, "vanthu", PASSWORD, "203.0.113.7")
        if trusted:  # each forwarded address has its own budget; the real user gets in
            assert third_party.status_code == 200, third_party.text
        else:  # every attempt came from 127.0.0.1, whatever the header said
            assert third_party.status_code == 429, third_party.text
    finally:
        process.terminate()
        process.wait(timeout=15)
