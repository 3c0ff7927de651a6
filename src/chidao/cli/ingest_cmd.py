"""``chidao ingest``: load notices into the tracking store, one transaction per file."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress

from chidao.cli.context import load_settings, open_store
from chidao.store.models import Agency
from chidao.text import ReadError
from chidao.text.readers import DEFAULT_MAX_BYTES
from chidao.text.readers.errors import Failure
from chidao.tracking.database import open_sessions
from chidao.tracking.ingest import ingest_file


@click.command("ingest")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--confirm", is_flag=True, help="Mark the documents reviewed at once (notices already checked).")
def ingest_command(files: tuple[Path, ...], confirm: bool) -> None:
    """Read, extract and store each FILE with its tasks (drafts unless --confirm).

    The same file twice is stored once. A file that cannot be read is reported with its reason
    and nothing is written for it; the other files still go in; the exit code is then 2.
    """
    settings = load_settings()
    engine = open_store(settings)
    sessions = open_sessions(engine)
    console = Console(stderr=True)
    added = duplicates = tasks = 0
    failures: list[str] = []
    cache: dict[str, Agency] = {}
    with Progress(console=console, transient=True, disable=len(files) < 5) as progress:
        bar = progress.add_task("Đang nạp văn bản", total=len(files))
        for path in files:
            progress.advance(bar)
            try:
                if path.is_file() and path.stat().st_size > DEFAULT_MAX_BYTES:
                    raise ReadError(path, "file too large", Failure.TOO_LARGE)
                data = path.read_bytes()
            except ReadError as error:
                failures.append(f"{path}: {error.reason}")
                continue
            except OSError as error:
                failures.append(f"{path}: {error.strerror or 'cannot open'}")
                continue
            try:
                result, count = ingest_file(sessions, filename=path.name, data=data, confirm=confirm, cache=cache)
            except ReadError as error:
                cache.clear()  # rolled back: cached agencies may not exist
                failures.append(f"{path}: {error.reason}")
                continue
            if result.created:
                added += 1
                tasks += count
            else:
                duplicates += 1
    for failure in failures:
        click.echo(f"chidao: {failure}", err=True)
    click.echo(f"{added} documents added ({tasks} tasks), {duplicates} already stored, {len(failures)} failed")
    if failures:
        raise SystemExit(2)
