"""The application as uvicorn's worker processes build it: from the environment, in each worker.

``chidao serve --workers N`` migrates once in the parent, then uvicorn imports
``chidao.web.server:app_from_env`` in every worker process (an application object cannot be
shared across processes).

Each worker ends with its parent: if the parent is killed outright (``kill -9``, the OOM killer)
uvicorn cannot stop its workers, and they would go on serving the port as orphans that no
service manager knows about. On Linux the kernel sends them SIGTERM when the parent dies
(``PR_SET_PDEATHSIG``); elsewhere a thread notices the parent is gone.

The garbage collector is tuned once the application is built (``tune_gc``): everything built so
far (modules, routes, models, templates' environment) is moved out of the collector's sight
with ``gc.freeze()``, and the youngest generation is collected after 50,000 allocations instead
of 700. A page's short-lived objects (rows, dicts, template output) used to set off about two
young collections each; every full collection walks the whole heap,
which grows with the requests in flight. In one process this saved no measurable CPU; it is
kept for the server under load (issue 10, item 10, README "Benchmarks").
"""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import sys
import threading
import time

from fastapi import FastAPI

from chidao.settings import Settings
from chidao.web.app import create_app

_PR_SET_PDEATHSIG = 1
GC_THRESHOLD = (50_000, 20, 100)  # the youngest generation's allocations, then how many of each


def app_from_env() -> FastAPI:
    exit_with_parent()
    app = create_app(Settings.from_env(), background=True)
    tune_gc()
    return app


def tune_gc() -> None:
    """Freeze what start-up built and collect less often (see the module's note)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


def exit_with_parent() -> None:
    """Make this process end when the process that started it ends."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM) == 0:
            if os.getppid() != parent:  # the parent died before the request was made
                os.kill(os.getpid(), signal.SIGTERM)
            return
    threading.Thread(target=_watch_parent, args=(parent,), name="parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os.kill(os.getpid(), signal.SIGTERM)
