"""``chidao agencies split OLD --into A --into B`` and ``chidao agencies dissolve OLD``: an agency
split in several, or dissolved, on a date by a decision (``tracking.agency_lifecycle``).

``--dry-run`` lists every open task with the successor suggested for it (split) or the decision
it needs (dissolve); applying takes the suggestions, a choice file (``--choices``: one line per
task, ``TASK_ID,AGENCY`` — the agency's name, or ``close`` for a dissolution) overriding them;
everything happens in one transaction or not at all.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click
from sqlalchemy.orm import Session

from chidao.cli.context import fail, load_settings, open_store
from chidao.messages import msg
from chidao.store.models import Agency
from chidao.tracking.agency_lifecycle import (
    CLOSE,
    CLOSED_REASON,
    Plan,
    dissolve_agency,
    dissolve_preview,
    split_agency,
    split_preview,
)
from chidao.tracking.agency_match import AgencyNotMatched, match_agency
from chidao.tracking.database import open_sessions
from chidao.tracking.errors import Invalid
from chidao.vocab import AgencyRole, TaskStatus

CLOSE_WORDS = ("close", "đóng")
ROLES = {role.value: role.label.lower() for role in AgencyRole}


def _day(raw: str, option: str) -> date:
    for form in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(raw.strip(), form).date()
        except ValueError:
            continue
    fail(f"{option}: {raw!r} is not a date (dd/mm/yyyy)")
    raise AssertionError  # unreachable


def _agency(session: Session, typed: str) -> Agency:
    try:
        return match_agency(session, typed)
    except AgencyNotMatched as error:
        fail(str(error))
        raise


def _choices(session: Session, path: Path | None, allow_close: bool) -> dict[int, int | None]:
    """The choice file's lines: ``TASK_ID,AGENCY`` (``close`` where allowed)."""
    if path is None:
        return {}
    choices: dict[int, int | None] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        task, _, name = line.partition(",")
        if not task.strip().isdigit() or not name.strip():
            fail(f"{path}:{number}: expected TASK_ID,AGENCY")
        if allow_close and name.strip().lower() in CLOSE_WORDS:
            choices[int(task)] = CLOSE
        else:
            choices[int(task)] = _agency(session, name).id
    return choices


def _print_plan(plan: Plan, names: dict[int, str]) -> None:
    for task in plan.tasks:
        roles = ", ".join(ROLES[r] for r in task.roles)
        if task.suggested is None:
            target = msg("cli.agencies.undecided")
        else:
            why = f" ({', '.join(task.words) if task.words else msg('cli.agencies.by_default')})"
            target = names[task.suggested] + why
        text = " ".join(task.text.split())
        click.echo(f"#{task.task_id} [{roles}] → {target}: {text[:90]}{'…' if len(text) > 90 else ''}")


@click.command("split")
@click.argument("agency")
@click.option(
    "--into", "into", multiple=True, required=True, help="A successor (twice or more; the first is the main one)."
)
@click.option("--on", "on", required=True, help="The effective date, dd/mm/yyyy.")
@click.option("--ref", "reference", required=True, help=f'The decision, e.g. "{msg("cli.agencies.split_decision")}".')
@click.option(
    "--choices", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="TASK_ID,SUCCESSOR lines."
)
@click.option("--officers-to", help="The successor the old body's officers join (default: the first).")
@click.option("--dry-run", is_flag=True, help="Only list each open task and its suggested successor.")
@click.option("--date", "today", help="Apply as of this day, dd/mm/yyyy (default: today).")
def split_command(agency, into, on, reference, choices, officers_to, dry_run, today) -> None:
    """Split AGENCY into the --into agencies: each open task goes to the successor suggested by its
    text (or chosen in --choices); completed tasks stay; its officers join one successor."""
    effective, day = _day(on, "--on"), _day(today, "--date") if today else date.today()
    engine = open_store(load_settings())
    with open_sessions(engine).begin() as session:
        old = _agency(session, agency)
        successors = [_agency(session, name) for name in into]
        try:
            plan = split_preview(
                session=session, agency=old, successors=successors, effective=effective, reference=reference, today=day
            )
            _print_plan(plan, {s.id: s.name for s in successors})
            if dry_run:
                click.echo(f"would move: {len(plan.tasks)} open tasks and {plan.users} users of {old.name}")
                return
            done = split_agency(
                session=session,
                user_id=None,
                agency=old,
                successors=successors,
                effective=effective,
                reference=reference,
                today=day,
                choices=_choices(session, choices, allow_close=False),
                officers_to=_agency(session, officers_to) if officers_to else None,
            )
        except Invalid as error:
            fail(str(error))
    moved = ", ".join(f"{name} {count}" for name, count in done.moved.items()) or "none"
    click.echo(f"moved: {sum(done.moved.values())} open tasks ({moved}) and {done.users} users")


@click.command("dissolve")
@click.argument("agency")
@click.option("--on", "on", required=True, help="The effective date, dd/mm/yyyy.")
@click.option(
    "--ref", "reference", required=True, help=f'The decision, e.g. "{msg("cli.agencies.dissolve_decision")}".'
)
@click.option("--give-to", help="The agency that takes every open task not in --choices.")
@click.option(
    "--close",
    "close_rest",
    is_flag=True,
    help=f"Close ({TaskStatus.CANCELLED.label}: {CLOSED_REASON}) every task not in --choices.",
)
@click.option(
    "--choices", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="TASK_ID,AGENCY|close lines."
)
@click.option("--dry-run", is_flag=True, help="Only list the open tasks that need a decision.")
@click.option("--date", "today", help="Apply as of this day, dd/mm/yyyy (default: today).")
def dissolve_command(agency, on, reference, give_to, close_rest, choices, dry_run, today) -> None:
    """Dissolve AGENCY: each open task is given to another agency or closed; its officers' accounts
    are deactivated; completed tasks stay."""
    if give_to and close_rest:
        fail("--give-to and --close exclude each other")
    effective, day = _day(on, "--on"), _day(today, "--date") if today else date.today()
    engine = open_store(load_settings())
    with open_sessions(engine).begin() as session:
        old = _agency(session, agency)
        try:
            plan = dissolve_preview(session=session, agency=old, effective=effective, reference=reference, today=day)
            if dry_run:
                _print_plan(plan, {})
                click.echo(f"would decide: {len(plan.tasks)} open tasks and {plan.users} users of {old.name}")
                return
            chosen = _choices(session, choices, allow_close=True)
            if give_to or close_rest:
                rest = _agency(session, give_to).id if give_to else CLOSE
                chosen = {t.task_id: chosen.get(t.task_id, rest) for t in plan.tasks} | chosen
            done = dissolve_agency(
                session=session,
                user_id=None,
                agency=old,
                effective=effective,
                reference=reference,
                today=day,
                choices=chosen,
            )
        except Invalid as error:
            fail(str(error))
    click.echo(f"moved: {sum(done.moved.values())} open tasks, closed: {done.closed}, users deactivated: {done.users}")
