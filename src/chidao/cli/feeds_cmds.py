"""``chidao notify``: the daily overdue check; ``chidao webhooks flush``: send what waits.

Both are what ``chidao serve`` does by itself (its webhook sender runs every few seconds; the
overdue check is called by its scheduler), for cron or for an operator in a hurry. Both may run
any number of times, at once, on any host: nothing is told or sent twice.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import click

from chidao.cli.context import fail, load_settings, open_store
from chidao.tracking.database import open_sessions
from chidao.tracking.overdue import check_overdue
from chidao.tracking.webhook_sender import SendPolicy, send_due

VIETNAM = timezone(timedelta(hours=7))


@click.command("notify")
@click.option("--date", "on", metavar="YYYY-MM-DD", help="Check as of this day (default: today in Vietnam).")
def notify_command(on: str | None) -> None:
    """Tell (bell and webhooks) of every deadline or round that passed unfinished; once each."""
    today = _day(on) if on else datetime.now(VIETNAM).date()
    engine = open_store(load_settings())
    with open_sessions(engine).begin() as session:
        run = check_overdue(session=session, today=today)
    click.echo(f"{today.isoformat()}: {run.emitted} overdue events emitted, {run.already} already emitted before")


def _day(raw: str) -> date:
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        fail(f"--date must be a date written YYYY-MM-DD, got {raw!r}")
        raise  # unreachable


@click.group("webhooks")
def webhooks_group() -> None:
    """Webhooks: send the deliveries that wait."""


@webhooks_group.command("flush")
@click.option("--rounds", default=1, show_default=True, type=click.IntRange(1, 1000), help="passes, while any is due")
def flush_command(rounds: int) -> None:
    """Send every webhook delivery that is due now (retries included), each by one sender only."""
    settings = load_settings()
    sessions = open_sessions(open_store(settings))
    policy = SendPolicy(timeout=settings.webhook_timeout, attempts=settings.webhook_attempts)
    delivered = retrying = failed = 0
    for _ in range(rounds):
        outcome = send_due(sessions, policy)
        delivered, retrying, failed = (
            delivered + outcome.delivered,
            retrying + outcome.retrying,
            failed + outcome.failed,
        )
        if not (outcome.delivered or outcome.retrying or outcome.failed):
            break
    click.echo(f"webhooks: {delivered} delivered, {retrying} to retry later, {failed} given up")
