"""``chidao ingest --watch DIR``: ingest the files a document-management system drops into a
folder, as they arrive, until Ctrl-C (or SIGTERM).

The folder is looked at every ``interval`` seconds (polling: portable, no dependency, fine for
a folder that receives files by the minute). A file is taken once its size and modification
time are the same at two looks in a row: a file still being copied in waits. With ``move``
each file goes, once handled, to ``DIR/.done`` or ``DIR/.failed`` (under its own name, a
number added if that is taken); without it the watch remembers what it handled (path, size,
time), and a restarted watch skips what is stored by its bytes' hash, unread.
"""

from __future__ import annotations

import contextlib
import signal
import time
from pathlib import Path
from types import FrameType

from rich.console import Console

from chidao.cli.ingest_run import BulkRun, Outcome, supported_in
from chidao.messages import msg

Stamp = tuple[int, int]  # size, modification time (ns)


class _Stop(Exception):
    pass


def watch(run: BulkRun, folder: Path, *, interval: float, move: bool, recursive: bool, console: Console) -> None:
    """Ingest what arrives in ``folder`` until interrupted; ``run.tally`` counts it all."""
    seen: dict[Path, Stamp] = {}  # at the last look
    handled: dict[Path, Stamp] = {}
    previous = signal.signal(signal.SIGTERM, _stop)
    console.print(msg("cli.watch.watching", folder=folder))
    try:
        while True:
            current = _look(folder, recursive)
            stable = [path for path, stamp in current.items() if seen.get(path) == stamp and handled.get(path) != stamp]
            seen = current
            if stable:
                outcomes = run.ingest(sorted(stable))
                for path, outcome in outcomes.items():
                    handled[path] = current[path]
                    if move:
                        _move(folder, path, outcome)
                    console.print(f"{path.name}: {_LABELS[outcome]}")
            time.sleep(interval)
    except (KeyboardInterrupt, _Stop):
        console.print(msg("cli.watch.stopped"))
    finally:
        signal.signal(signal.SIGTERM, previous)


_LABELS = {
    Outcome.ADDED: msg("cli.watch.added"),
    Outcome.STORED: msg("cli.watch.stored"),
    Outcome.TEXT: msg("cli.watch.same_text"),
    Outcome.FAILED: msg("cli.watch.failed"),
}


def _stop(_signum: int, _frame: FrameType | None) -> None:
    raise _Stop


def _look(folder: Path, recursive: bool) -> dict[Path, Stamp]:
    found: dict[Path, Stamp] = {}
    for path in supported_in(folder, recursive):
        try:
            info = path.stat()
        except OSError:  # gone between the listing and now
            continue
        found[path] = (info.st_size, info.st_mtime_ns)
    return found


def _move(folder: Path, path: Path, outcome: Outcome) -> None:
    """Move a handled file to ``.failed`` or ``.done`` (its folder below DIR kept)."""
    target_dir = folder / (".failed" if outcome == Outcome.FAILED else ".done") / path.parent.relative_to(folder)
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / path.name
    number = 1
    while target.exists():
        target = target_dir / f"{path.stem}.{number}{path.suffix}"
        number += 1
    with contextlib.suppress(OSError):  # gone or not ours to move: it stays, remembered
        path.rename(target)
