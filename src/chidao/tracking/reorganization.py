"""Reorganizations: the bodies that merge into others pass on their open tasks and officers.

A reorganization is data (``data/vi/reorganizations.toml``): for each body that ends, its
successor, the date and the decision. Applying one, for each predecessor the store knows:

- its open tasks (not done, not cancelled, not deleted; drafts under review included) move to
  the successor, as lead or coordinator as before, each with an audit entry that says why
  ("chuyển từ Sở Thông tin và Truyền thông sang Sở Khoa học và Công nghệ theo Nghị định
  45/2025/NĐ-CP"); where the successor already has that role on the task the row is dropped;
- completed and cancelled tasks stay with the body that did them, so a report on 2024 still
  names it;
- its officers' accounts are re-pointed to the successor (they keep their logins);
- the predecessor's row stays, with ``successor_id`` and ``ended_on``, and one ``AgencyChange``
  records what moved: applying the same reorganization again finds it and does nothing.

``preview`` counts what ``apply`` would move, without writing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chidao.data import load_toml
from chidao.extract.succession import province_steps
from chidao.messages import msg
from chidao.store.agencies import agency_key, get_or_create_agency
from chidao.store.documents import search_text
from chidao.store.models import Agency, AgencyChange, Assignment, Task, User
from chidao.tracking.errors import Invalid
from chidao.tracking.task_state import OPEN_STATUSES, log, task_snapshot
from chidao.vocab import SuccessionState


@dataclass(frozen=True)
class Succession:
    """One predecessor's part in a reorganization, and what it moves (or moved)."""

    agency: str
    successor: str
    kind: str
    effective: date
    reference: str
    also_to: tuple[str, ...]
    moved: int = 0  # open tasks that pass (or passed) to the successor
    lead: int = 0  # of which it leads
    coordinator: int = 0  # of which it coordinates
    users: int = 0
    state: str = SuccessionState.PENDING  # or APPLIED (earlier), NOT_YET (effective after today), ABSENT


def reorganizations() -> dict[str, dict]:
    """The reorganizations chidao knows, by id."""
    return {entry["id"]: entry for entry in load_toml("reorganizations.toml")["reorganization"]}


@dataclass(frozen=True)
class Totals:
    """What a preview or an application adds up to, over the predecessors still pending."""

    agencies: int
    tasks: int
    users: int


def totals(steps: list[Succession]) -> Totals:
    pending = [s for s in steps if s.state == SuccessionState.PENDING]
    return Totals(len(pending), sum(s.moved for s in pending), sum(s.users for s in pending))


def preview(*, session: Session, reorganization: str, today: date) -> list[Succession]:
    """What applying ``reorganization`` would move, predecessor by predecessor."""
    return [_count(session, step, reorganization, today) for step in _steps(reorganization)]


def apply(*, session: Session, reorganization: str, today: date, user_id: int | None) -> list[Succession]:
    """Move the open tasks and officers of every pending predecessor (the caller commits)."""
    done = []
    for step in preview(session=session, reorganization=reorganization, today=today):
        if step.state == SuccessionState.PENDING:
            _move(session, step, reorganization, user_id)
        done.append(step)
    return done


def _steps(reorganization: str) -> list[Succession]:
    known = reorganizations()
    if reorganization not in known:
        raise Invalid(f"unknown reorganization {reorganization!r} (known: {', '.join(sorted(known))})")
    steps = [
        Succession(
            agency=name,
            successor=change["to"],
            kind=change["kind"],
            effective=change["effective"],
            reference=change["reference"],
            also_to=tuple(change.get("also_to", ())),
        )
        for change in known[reorganization]["change"]
        for name in change["from"]
    ]
    if known[reorganization].get("provinces"):  # the bodies of the provinces merged (provinces.toml)
        steps += [Succession(s.agency, s.successor, "merge", s.effective, s.reference, ()) for s in province_steps()]
    return steps


def _agency(session: Session, name: str) -> Agency | None:
    return session.scalar(select(Agency).where(Agency.key == agency_key(name)))


def _open_rows(agency_id: int):
    return (
        select(Assignment)
        .join(Task, Task.id == Assignment.task_id)
        .where(Assignment.agency_id == agency_id, Task.status.in_(OPEN_STATUSES), Task.deleted.is_(False))
    )


def _count(session: Session, step: Succession, reorganization: str, today: date) -> Succession:
    agency = _agency(session, step.agency)
    if agency is None:
        return _with(step, state=SuccessionState.ABSENT)
    change = session.scalar(
        select(AgencyChange).where(AgencyChange.agency_id == agency.id, AgencyChange.reorganization == reorganization)
    )
    if change is not None:
        return _with(step, moved=change.moved_tasks, users=change.moved_users, state=SuccessionState.APPLIED)
    moved, lead, coordinator, users = open_work(session, agency.id)
    state = SuccessionState.NOT_YET if step.effective > today else SuccessionState.PENDING
    return _with(step, moved=moved, lead=lead, coordinator=coordinator, users=users, state=state)


def _with(step: Succession, **changes) -> Succession:
    return Succession(**{**step.__dict__, **changes})


def _move(session: Session, step: Succession, reorganization: str, user_id: int | None) -> None:
    agency = _agency(session, step.agency)
    assert agency is not None
    successor = get_or_create_agency(session=session, name=step.successor)
    reason = msg("tracking.history.moved", agency=agency.name, successor=successor.name, reference=step.reference)
    tasks = move_open_tasks(session, agency, successor, reason, user_id)
    users = move_officers(session, agency, successor, user_id)
    agency.successor_id, agency.ended_on = successor.id, step.effective
    session.add(
        AgencyChange(
            agency_id=agency.id,
            successor_id=successor.id,
            kind=step.kind,
            effective=step.effective,
            reference=step.reference,
            reorganization=reorganization,
            moved_tasks=tasks,
            moved_users=users,
            applied_by_id=user_id,
        )
    )
    log(session, user_id, "agency", agency.id, "reorganize", None, {"successor": successor.name, "reason": reason})
    session.flush()


def move_officers(session: Session, agency: Agency, successor: Agency, user_id: int | None) -> int:
    """The accounts of ``agency``'s officers re-pointed to ``successor``; how many."""
    users = session.scalars(select(User).where(User.agency_id == agency.id)).all()
    for user in users:
        user.agency_id = successor.id
        log(session, user_id, "user", user.id, "agency_succession", {"agency": agency.name}, {"agency": successor.name})
    return len(users)


def open_work(session: Session, agency_id: int) -> tuple[int, int, int, int]:
    """What would pass to a successor: open tasks, of which led, of which coordinated, officers."""
    rows = session.scalars(_open_rows(agency_id)).all()
    users = session.scalar(select(func.count()).select_from(User).where(User.agency_id == agency_id)) or 0
    lead = sum(row.role == "lead" for row in rows)
    return len({row.task_id for row in rows}), lead, len(rows) - lead, users


def move_open_tasks(session: Session, agency: Agency, successor: Agency, reason: str, user_id: int | None) -> int:
    """Each open task's rows of ``agency`` become ``successor``'s; the task's search words follow."""
    return hand_over(session, list(session.scalars(_open_rows(agency.id))), successor, reason, user_id)


def open_rows(session: Session, agency_id: int) -> list[Assignment]:
    """The lead and coordinator rows of ``agency_id`` on open tasks (drafts included)."""
    return list(session.scalars(_open_rows(agency_id).order_by(Assignment.task_id, Assignment.id)))


def hand_over(session: Session, rows: list[Assignment], successor: Agency, reason: str, user_id: int | None) -> int:
    """These assignment rows become ``successor``'s (dropped where it already has that role on
    the task), each task's search words follow, and each task gets one history entry saying
    why; how many tasks."""
    tasks = {row.task_id: row.task for row in rows}
    before = {task_id: task_snapshot(task) for task_id, task in tasks.items()}
    for row in rows:
        taken = any(a.agency_id == successor.id and a.role == row.role for a in row.task.assignments)
        if taken:
            row.task.assignments.remove(row)
        else:
            row.agency = successor
    session.flush()
    for task_id, task in tasks.items():
        names = [a.agency.name for a in task.assignments]
        task.search_text = search_text(task.text, names)
        after = {**task_snapshot(task), "reason": reason}
        log(session, user_id, "task", task_id, "agency_succession", before[task_id], after)
    return len(tasks)
