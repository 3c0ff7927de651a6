"""Load test: N concurrent API clients for S seconds against a real ``chidao serve``.

    python benchmarks/load.py [--clients 200] [--seconds 60] [--url DATABASE_URL] [--workers 1]

Starts ``chidao serve`` on a free loopback port (its own SQLite database with the bundled
examples unless --url is given), creates a viewer with an API token, then runs the clients with
asyncio + httpx: each loops over the task list (with filters and search), one task, and the
statistics endpoint. Prints requests, errors, throughput and latency percentiles. Traffic goes
to 127.0.0.1 only and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
CHIDAO = [sys.executable, "-m", "chidao.cli"]
PATHS = [
    "/api/v1/tasks?per_page=50",
    "/api/v1/tasks?timing_state=overdue&per_page=50",
    "/api/v1/tasks?q=chuyen+doi+so",
    "/api/v1/tasks?status=assigned&sort=-deadline",
    "/api/v1/stats",
    "/api/v1/agencies?q=so",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _prepare(env: dict[str, str]) -> str:
    examples = sorted(str(p) for p in (ROOT / "examples").glob("*.txt"))
    subprocess.run([*CHIDAO, "init"], env=env, check=True, capture_output=True)
    subprocess.run([*CHIDAO, "ingest", "--confirm", *examples], env=env, check=True, capture_output=True)
    subprocess.run(
        [*CHIDAO, "user", "add", "load-viewer", "--role", "viewer", "--password-stdin", "--if-missing"],
        env=env,
        input="xem-tai-tai-2026",
        text=True,
        check=True,
        capture_output=True,
    )
    out = subprocess.run(
        [*CHIDAO, "token", "create", "load-viewer"], env=env, check=True, capture_output=True, text=True
    ).stdout
    return out.strip().splitlines()[-1]


async def _client(
    client: httpx.AsyncClient, until: float, latencies: list[float], errors: list[str], seed: int
) -> None:
    """One simulated user: requests one after another until the time is up."""
    rng = random.Random(seed)
    while time.perf_counter() < until:
        path = rng.choice([*PATHS, f"/api/v1/tasks/{rng.randint(1, 20)}"])
        start = time.perf_counter()
        try:
            response = await client.get(path)
            if response.status_code >= 400:
                errors.append(f"{response.status_code} {path}")
        except httpx.HTTPError as error:
            errors.append(f"{type(error).__name__} {path}")
        latencies.append(time.perf_counter() - start)


async def _run(base: str, token: str, clients: int, seconds: float) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    errors: list[str] = []
    headers = {"Authorization": f"Bearer {token}"}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30, limits=limits) as client:
        start = time.perf_counter()
        until = start + seconds
        await asyncio.gather(*(_client(client, until, latencies, errors, i) for i in range(clients)))
        return latencies, errors, time.perf_counter() - start


def _wait_ready(base: str, process: subprocess.Popen) -> None:
    for _ in range(100):
        if process.poll() is not None:
            raise SystemExit("chidao serve exited early")
        try:
            if httpx.get(base + "/api/v1/openapi.json", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("chidao serve did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--url", help="database URL (default: a new SQLite database with the examples)")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "CHIDAO_DATA_DIR": tmp}
        if args.url:
            env["CHIDAO_DATABASE_URL"] = args.url
        token = _prepare(env)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [*CHIDAO, "serve", "--port", str(port), "--workers", str(args.workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_ready(base, server)
            latencies, errors, elapsed = asyncio.run(_run(base, token, args.clients, args.seconds))
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()  # still draining keep-alive connections: the measurement is done
                server.wait()
    ordered = sorted(latencies)
    p = lambda q: ordered[min(len(ordered) - 1, int(len(ordered) * q))] * 1000  # noqa: E731
    print(
        f"{args.clients} clients, {elapsed:.0f} s: {len(latencies)} requests, {len(errors)} errors, "
        f"{len(latencies) / elapsed:.0f} requests/s; latency p50 {p(0.5):.0f} ms, p95 {p(0.95):.0f} ms, "
        f"p99 {p(0.99):.0f} ms"
    )
    for error in errors[:10]:
        print("  error:", error)
    if errors:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
