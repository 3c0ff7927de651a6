"""``chidao jobs run``: read every upload waiting in the queue, without the server (``chidao
serve`` does it by itself, in its workers): for a store whose server is stopped, or from cron.
Any number may run at once, on any host: each job is claimed once (``store.jobs``)."""

from __future__ import annotations

import click

from chidao.cli.context import load_settings, open_store
from chidao.tracking.database import open_sessions
from chidao.tracking.ingest_queue import drain, get_job


@click.group("jobs")
def jobs_group() -> None:
    """The queue of uploads waiting to be read."""


@jobs_group.command("run")
def run_command() -> None:
    """Read, extract and store every upload waiting in the queue, then stop."""
    engine = open_store(load_settings())
    sessions = open_sessions(engine)
    ran = drain(sessions)
    with sessions() as session:
        for job in filter(None, (get_job(session, job_id) for job_id in ran)):
            click.echo(f"{job.id}\t{job.label}\t{job.filename}" + (f"\t{job.error}" if job.error else ""))
    click.echo(f"{len(ran)} jobs run")
