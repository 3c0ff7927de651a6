"""``chidao agencies apply-reorganization ID``: hand the open tasks and officers of bodies that
were merged to their successors (the 2025 reorganization: ``2025``)."""

from __future__ import annotations

from datetime import date

import click

from chidao.cli.context import fail, load_settings, open_store
from chidao.messages import msg
from chidao.tracking.database import open_sessions
from chidao.tracking.errors import Invalid
from chidao.tracking.reorganization import Succession, apply, preview, totals
from chidao.vocab import SuccessionState


@click.group("agencies")
def agencies_group() -> None:
    """Agencies: reorganizations (merges, renames), splits, dissolutions, contacts."""


@agencies_group.command("apply-reorganization")
@click.argument("reorganization")
@click.option("--dry-run", is_flag=True, help="Only list what would move; change nothing.")
@click.option("--date", "on", type=click.DateTime(["%Y-%m-%d"]), help="Apply as of this day (default: today).")
def apply_command(reorganization: str, dry_run: bool, on) -> None:
    """Move the open tasks and officers of each merged body to its successor, in one transaction.

    Completed tasks stay with the body that did them; running it again changes nothing."""
    today = on.date() if on else date.today()
    engine = open_store(load_settings())
    try:
        with open_sessions(engine).begin() as session:
            if dry_run:
                steps = preview(session=session, reorganization=reorganization, today=today)
            else:
                steps = apply(session=session, reorganization=reorganization, today=today, user_id=None)
    except Invalid as error:
        fail(str(error))
        return
    for step in steps:
        click.echo(_line(step))
    summed = totals(steps)
    verb = "would move" if dry_run else "moved"
    click.echo(f"{verb}: {summed.tasks} open tasks and {summed.users} users of {summed.agencies} agencies")


def _line(step: Succession) -> str:
    counts = msg("cli.agencies.open_tasks", count=step.moved)
    if step.state == SuccessionState.PENDING:
        counts += " " + msg("cli.agencies.pending", lead=step.lead, coordinator=step.coordinator, users=step.users)
    else:
        counts += f" ({SuccessionState(step.state).label.lower()})"
    return msg(
        "cli.agencies.step",
        agency=step.agency,
        successor=step.successor,
        reference=step.reference,
        day=f"{step.effective:%d/%m/%Y}",
        counts=counts,
    )
