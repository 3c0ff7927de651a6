"""End-to-end tests: the real ``chidao serve`` in a subprocess, driven by Debian's Chromium
(/usr/bin/chromium, headless, --no-sandbox) through Playwright; Playwright's own browser
download is never used. Screenshots go to ``test-artifacts/screenshots/``.

Without /usr/bin/chromium (a laptop without root) the tests are skipped with the reason;
``make test`` installs it first (scripts/ensure-chromium), and with CHIDAO_REQUIRE_BROWSER=1
(set by .ci/run) a missing browser fails instead.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from chidao.store.engine import session_factory
from chidao.tracking.database import create_database
from support.users import PASSWORD, add_users

__all__ = ["PASSWORD", "log_in", "screenshot"]

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}
# Flags from the machine's own check: no background connections to Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _add_users(data_dir: Path) -> None:
    """The users of ``support.users`` in the store ``chidao serve`` will open in ``data_dir``
    (created as ``chidao init`` does; ``chidao user add`` itself is tested in tests/cli)."""
    engine = create_database(f"sqlite:///{data_dir / 'chidao.sqlite3'}")
    try:
        with session_factory(engine).begin() as session:
            add_users(session)
    finally:
        engine.dispose()


@dataclass
class Server:
    url: str
    data_dir: Path
    env: dict[str, str]


@contextmanager
def serving(data_dir: Path) -> Iterator[Server]:
    """``chidao serve`` on a free port over a new SQLite database in ``data_dir``, with the users
    of ``support.users`` (every role, password ``support.users.PASSWORD``)."""
    env = {**os.environ, "CHIDAO_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"}
    env.pop("CHIDAO_DATABASE_URL", None)
    _add_users(data_dir)
    port = _free_port()
    log = (data_dir / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "chidao.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url, process)
        yield Server(url=url, data_dir=data_dir, env=env)
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The server the browser tests share (a test that changes what others rely on, such as a
    reorganization, starts its own with ``serving``)."""
    with serving(tmp_path_factory.mktemp("e2e-data")) as started:
        yield started


def _wait_for(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"chidao serve exited with {process.returncode}")
        try:
            if httpx.get(f"{url}/login", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("chidao serve did not answer within 30 s")


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium through Playwright."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: run scripts/ensure-chromium (make test does)"
        if os.environ.get("CHIDAO_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def log_in(browser, url: str, username: str, *, viewport: dict | None = None, locale: str = "vi-VN"):
    """A new browser context (own cookies) and its page, logged in through the form at ``url``;
    the caller closes the context."""
    context = browser.new_context(viewport=viewport or DESKTOP, locale=locale, timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{url}/login")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{url}/")
    return context, page


@pytest.fixture
def open_as(browser, server):
    """``open_as(username)``: a new browser context (own cookies), logged in through the form
    (``locale="en-US"``: a browser set to English, to prove the pages do not follow it)."""
    contexts = []

    def login(username: str, *, viewport: dict | None = None, locale: str = "vi-VN"):
        context, page = log_in(browser, server.url, username, viewport=viewport, locale=locale)
        contexts.append(context)
        return page

    yield login
    for context in contexts:
        context.close()


def screenshot(page, name: str) -> list[Path]:
    """The page at desktop and at phone width, full length, into test-artifacts/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    saved = []
    original = page.viewport_size
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        path = SCREENSHOTS / f"{name}-{label}.png"
        page.screenshot(path=str(path), full_page=True)
        saved.append(path)
    if original:
        page.set_viewport_size(original)
    return saved
