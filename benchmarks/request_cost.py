"""What a request costs against a static file of the same server (issue 10, item 10).

    python benchmarks/request_cost.py [--tasks 10000] [--workers 2] [--seconds 15]
                                      [--connections 50] [--many 200] [--url DATABASE_URL]

Fills a database with ``--tasks`` synthetic tasks (``generate.py``; SQLite in a temporary folder
unless ``--url``), adds an agency officer for a department carrying a typical share of them,
starts ``chidao serve --workers N`` on a free loopback port and loads it with Debian's ``wrk``
(a C load generator, so the client does not eat the server's CPU as a Python one would):

1. throughput at ``--connections``: the stylesheet ``/static/chidao.css`` (the static baseline,
   served through the same middleware), the officer's task list in the API
   (``/api/v1/tasks?per_page=50``, bearer token) and as a page (``/tasks``, session cookie);
   each one's cost is printed as a multiple of the static file's (static req/s ÷ its req/s);
2. latency at ``--many`` connections (default 200): p50, p95, p99 of the same three.

Beside each rate: the server's CPU time per request (its processes' user and system time over
the run, from ``/proc``), which other work on a shared machine does not change as it changes
the rates, and the load average, which says how much it did.

Targets (issue 10): the task list API at most 4× the static cost, the page at most 6×, and p95
at 200 connections at most 1 s on a 2-core machine. The figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
CHIDAO = [sys.executable, "-m", "chidao.cli"]
PASSWORD = "tai-thu-nghiem-2026-12"
LUA = """
done = function(summary, latency, requests)
  io.write(string.format("P50 %d\\nP95 %d\\nP99 %d\\n", latency:percentile(50), latency:percentile(95),
    latency:percentile(99)))
  io.write(string.format("BAD %d\\n", summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout))
end
"""


@dataclass(frozen=True)
class Run:
    rate: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    bad: int
    requests: int
    cpu_ms: float  # the server's CPU time per request


def _cpu_seconds(pid: int) -> float:
    """User and system time of ``pid`` and its descendants (uvicorn's workers) so far."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rpartition(")")[2].split()
        with open(f"/proc/{pid}/task/{pid}/children") as children:
            kids = [int(kid) for kid in children.read().split()]
    except OSError:  # not Linux, or gone meanwhile
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK") + sum(_cpu_seconds(kid) for kid in kids)


def _load() -> str:
    return "load average " + " ".join(f"{value:.1f}" for value in os.getloadavg())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _chidao(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    done = subprocess.run([*CHIDAO, *args], env=env, input=stdin, text=True, capture_output=True)
    if done.returncode:
        raise SystemExit(f"chidao {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


def _typical_agency(database: Path) -> str:
    """A department with a typical officer's load: the 4th busiest of the generated agencies."""
    with sqlite3.connect(database) as db:
        row = db.execute(
            "SELECT a.name, count(*) FROM task_agencies t JOIN agencies a ON a.id = t.agency_id "
            "GROUP BY a.id ORDER BY count(*) DESC LIMIT 1 OFFSET 3"
        ).fetchone()
    print(f"officer of {row[0]} ({row[1]} task rows)")
    return row[0]


def _prepare(env: dict[str, str], tasks: int, url: str | None, data: Path) -> tuple[str, str]:
    """The database, the officer and their API token; returns (agency, token)."""
    target = url or f"sqlite:///{data / 'chidao.sqlite3'}"
    documents = max(1, tasks // 20)
    generate = [sys.executable, str(ROOT / "benchmarks" / "generate.py"), target, "--documents", str(documents)]
    subprocess.run([*generate, "--agencies", "100"], env=env, check=True, capture_output=True)
    agency = _typical_agency(data / "chidao.sqlite3") if not url else "Sở Tài chính"
    _chidao(env, "user", "add", "officer", "--role", "agency", "--agency", agency, "--password-stdin", stdin=PASSWORD)
    token = _chidao(env, "token", "create", "officer").strip().splitlines()[-1]
    # The server's hourly overdue check starts a minute after it does: run today's first (and
    # heavy) one now, so that what is measured is the requests, not that burst of writes.
    _chidao(env, "notify")
    return agency, token


def _wait_ready(base: str, server: subprocess.Popen) -> None:
    for _ in range(150):
        if server.poll() is not None:
            raise SystemExit("chidao serve exited early")
        try:
            if httpx.get(base + "/static/chidao.css", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("chidao serve did not start")


def _session_cookie(base: str) -> str:
    response = httpx.post(base + "/api/v1/auth/login", json={"username": "officer", "password": PASSWORD})
    response.raise_for_status()
    return f"chidao_session={response.cookies['chidao_session']}"


def _wrk(url: str, header: str | None, connections: int, seconds: float, script: Path, server: int) -> Run:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds:.0f}s", "--timeout", "10s", "-s", str(script)]
    if header:
        command += ["-H", header]
    before = _cpu_seconds(server)
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    cpu = _cpu_seconds(server) - before
    value = lambda name: float(re.search(rf"^{name} (\d+)", out, re.M).group(1))  # noqa: E731
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    per_request = 1000 * cpu / max(requests, 1)
    latency = (value("P50") / 1000, value("P95") / 1000, value("P99") / 1000)
    return Run(rate, *latency, int(value("BAD")), requests, per_request)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--many", type=int, default=200, help="connections for the latency run")
    parser.add_argument("--url", help="a PostgreSQL URL (default: a new SQLite database)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk (Debian's package)")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        env = {**os.environ, "CHIDAO_DATA_DIR": tmp}
        if args.url:
            env["CHIDAO_DATABASE_URL"] = args.url
        _agency, token = _prepare(env, args.tasks, args.url, data)
        script = data / "percentiles.lua"
        script.write_text(LUA)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        serve = [*CHIDAO, "serve", "--port", str(port), "--workers", str(args.workers)]
        server = subprocess.Popen(serve, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_ready(base, server)
            targets = {
                "static file": (base + "/static/chidao.css", None),
                "task list API": (base + "/api/v1/tasks?per_page=50", f"Authorization: Bearer {token}"),
                "task list page": (base + "/tasks", f"Cookie: {_session_cookie(base)}"),
            }
            _report(targets, args, script, server.pid)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _report(targets: dict[str, tuple[str, str | None]], args: argparse.Namespace, script: Path, server: int) -> None:
    for url, header in targets.values():  # warm up: templates compiled, caches filled
        _wrk(url, header, 4, 2, script, server)
    threads = os.environ.get("CHIDAO_THREADS") or "default"
    print(f"\nthroughput, {args.connections} connections, {args.seconds:.0f} s each, ", end="")
    print(f"--workers {args.workers}, CHIDAO_THREADS {threads}, {_load()}:")
    rates, cpu = {}, {}
    for name, (url, header) in targets.items():
        run = _wrk(url, header, args.connections, args.seconds, script, server)
        rates[name], cpu[name] = run.rate, run.cpu_ms
        cost = rates["static file"] / run.rate
        print(
            f"  {name:15} {run.rate:8.0f} req/s  cost {cost:5.1f}× static  "
            f"cpu {run.cpu_ms:5.1f} ms/req ({run.cpu_ms / cpu['static file']:4.1f}×)  "
            f"p50 {run.p50_ms:6.0f} ms  p95 {run.p95_ms:6.0f} ms  ({run.requests} requests, {run.bad} bad)"
        )
    print(f"\nlatency, {args.many} connections, {args.seconds:.0f} s each, {_load()}:")
    for name, (url, header) in targets.items():
        run = _wrk(url, header, args.many, args.seconds, script, server)
        print(
            f"  {name:15} {run.rate:8.0f} req/s  cpu {run.cpu_ms:5.1f} ms/req  p50 {run.p50_ms:6.0f} ms  "
            f"p95 {run.p95_ms:6.0f} ms  p99 {run.p99_ms:6.0f} ms  ({run.requests} requests, {run.bad} bad)"
        )
    print(f"\n{_load()}")
    print("targets: API ≤ 4× static, page ≤ 6× static, p95 at 200 connections ≤ 1000 ms")


if __name__ == "__main__":
    main()
