"""``chidao remind``: build and send one day's digests (from cron, or by hand); and
``chidao agencies import-contacts FILE.csv``: agencies' contact addresses from a file."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import click

from chidao.cli.context import fail, load_settings, open_store
from chidao.extract.workdays import WorkCalendar
from chidao.tracking.database import open_sessions
from chidao.tracking.errors import Invalid
from chidao.tracking.reminders.contacts import import_contacts
from chidao.tracking.reminders.delivery import CONNECTIONS, Backoff
from chidao.tracking.reminders.lease import acquire, holder_name, release
from chidao.tracking.reminders.run import remind
from chidao.tracking.reminders.smtp import SmtpConfig, connections
from chidao.tracking.reminders.window import VIETNAM

LEASE_WAIT = 60  # seconds to wait for a scheduler or another run to finish sending
# Within one run the server gets a few tries a little apart; what is still unsent waits for the
# next run (cron) or the scheduler, whose backoff goes on.
RUN_BACKOFF = Backoff(first=5, most=20, tries=4)


@click.command("remind")
@click.option("--date", "on", type=click.DateTime(["%Y-%m-%d"]), help="The day to remind for (default: today).")
@click.option("--dry-run", is_flag=True, help="Only count the mails that would be built; queue and send nothing.")
def remind_command(on, dry_run: bool) -> None:
    """Build the day's digests (one per recipient) and send them over SMTP; a second run for
    the same day builds nothing and sends only what is still unsent."""
    settings = load_settings()
    day = on.date() if on else datetime.now(VIETNAM).date()
    config = SmtpConfig.from_settings(settings)
    if config is None and not dry_run:
        fail("no mail server: set CHIDAO_SMTP_HOST (or use --dry-run)")
    sessions = open_sessions(open_store(settings))
    calendar, base_url = WorkCalendar(), settings.base_url
    if dry_run:
        _report(remind(sessions, None, day=day, calendar=calendar, base_url=base_url, dry_run=True), True)
        return
    holder = holder_name()
    _wait_for_lease(sessions, holder)
    try:
        with connections(config, CONNECTIONS) as sender:
            result = remind(sessions, sender, day=day, calendar=calendar, base_url=base_url, backoff=RUN_BACKOFF)
            for attempt in range(1, RUN_BACKOFF.tries):
                if not result.sent.deferred:
                    break
                time.sleep(RUN_BACKOFF.delay(attempt).total_seconds())
                with sessions() as session:  # keep the lease while waiting
                    acquire(session=session, holder=holder, seconds=600)
                result.sent = remind(
                    sessions, sender, day=day, calendar=calendar, base_url=base_url, backoff=RUN_BACKOFF
                ).sent
    finally:
        with sessions() as session:
            release(session=session, holder=holder)
    _report(result, False)


def _wait_for_lease(sessions, holder: str) -> None:
    deadline = time.monotonic() + LEASE_WAIT
    while True:
        with sessions() as session:
            if acquire(session=session, holder=holder, seconds=600):
                return
        if time.monotonic() > deadline:
            fail("another chidao process is sending reminders (the mail lease is held); try again later")
        time.sleep(1)


def _report(result, dry_run: bool) -> None:
    day = f"{result.day:%Y-%m-%d}"
    if not result.working_day:
        click.echo(f"{day}: not a working day, no reminders")
        return
    if dry_run:
        kinds: dict[str, int] = {}
        for kind, _ in result.mails:
            kinds[kind] = kinds.get(kind, 0) + 1
        detail = ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items())) or "none"
        click.echo(f"{day}: would send {len(result.mails)} mails ({detail})")
        return
    built = "already built" if result.already_built else f"built {len(result.mails)} mails, queued {result.queued}"
    sent = result.sent
    click.echo(f"{day}: {built}; sent {sent.sent}, failed {sent.failed}, waiting {sent.deferred}")
    if sent.deferred:
        fail(f"the mail server did not take {sent.deferred} mails ({sent.error}); the next run sends them")


@click.command("import-contacts")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def import_contacts_command(file: Path) -> None:
    """Add agencies' contact e-mail addresses from a CSV with the columns agency,email (one row
    per address); an unknown agency or a bad address refuses the whole file."""
    try:
        data = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"cannot read {file}: {getattr(error, 'strerror', None) or error.__class__.__name__}")
        return
    engine = open_store(load_settings())
    try:
        with open_sessions(engine).begin() as session:
            result = import_contacts(session=session, data=data, user_id=None)
    except Invalid as error:
        fail(f"{file}: {error}; nothing imported")
        return
    click.echo(f"added {result.added} addresses ({result.already} already there)")
