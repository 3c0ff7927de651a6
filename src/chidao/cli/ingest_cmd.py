"""``chidao ingest``: load notices into the tracking store, from files, folders, or a folder
watched for new files (``--watch``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from chidao.cli.context import fail, load_settings, open_store
from chidao.cli.ingest_run import BulkRun, Outcome, find_files, reader_pool
from chidao.cli.ingest_watch import watch
from chidao.messages import msg
from chidao.tracking.database import open_sessions


@click.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--confirm", is_flag=True, help="Mark the documents reviewed at once (notices already checked).")
@click.option("-r", "--recursive", is_flag=True, help="Take the files of each DIR's sub-folders too.")
@click.option(
    "-w", "--workers", type=click.IntRange(1, 64), default=None, help="Reading processes (default: one per core)."
)
@click.option("--watch", "watched", type=click.Path(path_type=Path), help="Watch this folder for new files.")
@click.option("--move", is_flag=True, help="With --watch: move each file to DIR/.done or DIR/.failed.")
@click.option("--interval", type=click.FloatRange(0.1, 3600), default=2.0, help="With --watch: seconds between looks.")
@click.option("--table", is_flag=True, help="Print the summary table even when the output is not a terminal.")
def ingest_command(
    paths: tuple[Path, ...],
    confirm: bool,
    recursive: bool,
    workers: int | None,
    watched: Path | None,
    move: bool,
    interval: float,
    table: bool,
) -> None:
    """Read, extract and store each FILE, or the files of each DIR, with their tasks (drafts
    unless --confirm).

    A file already stored (the same bytes) is skipped without being read; a file with the same
    words as a stored document (the DOCX and its PDF) is linked to it, not stored twice. Files
    are read by --workers processes with memory and time limits; one that cannot be read is
    reported with its reason and nothing is written for it; the others still go in, and the exit
    code is then 2. Run it again to retry the failures. With --watch DIR, new files dropped in DIR
    are ingested once their size stops changing, until Ctrl-C.
    """
    _check(paths, watched, move)
    settings = load_settings()
    sessions = open_sessions(open_store(settings))
    console = Console(stderr=True)
    files = find_files(paths, recursive)
    interrupted = False
    with reader_pool(workers or os.cpu_count() or 1) as pool:
        run = BulkRun(sessions, pool, confirm=confirm)
        if watched is not None:
            watch(run, watched, interval=interval, move=move, recursive=recursive, console=console)
        else:
            interrupted = _once(run, files, console)
    _report(run, files, table)
    if interrupted:
        click.echo("chidao: interrupted; what was stored stays: run the same command again to go on", err=True)
        raise SystemExit(130)
    if run.tally.failures and watched is None:
        raise SystemExit(2)


def _check(paths: tuple[Path, ...], watched: Path | None, move: bool) -> None:
    """Refuse, in one line, what the options cannot mean together."""
    if not paths and watched is None:  # click cannot require PATHS only without --watch
        fail("give FILES or DIRs to ingest, or --watch DIR")
    if paths and watched is not None:
        fail("--watch DIR takes no other FILES or DIRs")
    if move and watched is None:
        fail("--move goes with --watch DIR")
    if watched is not None and not watched.is_dir():
        fail(f"--watch {watched}: not a folder")


def _report(run: BulkRun, files: list[Path], table: bool) -> None:
    """The failures on stderr (one line each, in the order of the files), the line for scripts,
    and the table on a terminal or when asked for."""
    order = {path: index for index, path in enumerate(files)}
    for path, reason in sorted(run.tally.failures, key=lambda failure: order.get(failure[0], len(order))):
        click.echo(f"chidao: {path}: {reason}", err=True)
    click.echo(run.tally.line())
    if table or sys.stdout.isatty():
        Console(soft_wrap=True).print(run.tally.table())


def _once(run: BulkRun, files: list[Path], console: Console) -> bool:
    """Ingest ``files`` with a progress bar; True when Ctrl-C stopped it (the batch being stored
    rolled back, the ones before it kept)."""
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True, disable=len(files) < 5) as progress:
        bar = progress.add_task(msg("cli.ingest.progress"), total=len(files))

        def advance(_path: Path, _outcome: Outcome) -> None:
            progress.advance(bar)

        run.on_done = advance
        try:
            run.ingest(files)
        except KeyboardInterrupt:
            return True
    return False
