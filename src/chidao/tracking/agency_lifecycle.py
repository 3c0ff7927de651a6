"""Agencies that are split in several or dissolved, on a date, by a decision.

A merge or a rename hands everything to one successor (``tracking.reorganization``,
``tracking.agency_admin``). A split and a dissolution cannot: the office decides, task by task.

**Split** (``split_preview``, ``split_agency``): every open task of the old body (lead or
coordinator; drafts under review included) comes with a suggested successor read from its text
(``tracking.successor_suggestion``); the clerk keeps the suggestion or picks another successor
per task. Applying moves, in the caller's one transaction, each task's rows of the old body to
the chosen successor, with one history entry per task ("chuyển từ Sở A sang Sở B theo Quyết
định ..."); completed and cancelled tasks stay with the old body (reports on past periods still
name it). The old body's officers are re-pointed to one successor (the first unless told), so
they lose the old body's tasks and see their new body's. The body ends on the effective day,
its ``successor_id`` the first successor: a notice stored later that still names it is routed
there, as the 2025 data routes a body split in several (``also_to``).

**Dissolve** (``dissolve_preview``, ``dissolve_agency``): the body ends without a successor.
Each open task must be given to another live agency or explicitly closed (status ``cancelled``,
"Hủy", with the reason "không còn thực hiện"): a task left undecided refuses the whole apply.
Its officers' accounts are deactivated (kept, for the admin to re-point).

Both refuse an agency already ended (so a second apply is refused, never doubled), an effective
date after today (the change is applied on or after its day), an empty reference. Refusals carry
a ``code`` the pages translate. Like every use case, these flush but never commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chidao.messages import msg
from chidao.store.audit import record
from chidao.store.models import Agency, AgencyChange, Assignment, User
from chidao.tracking.errors import Invalid
from chidao.tracking.reorganization import hand_over, move_officers, open_rows
from chidao.tracking.successor_suggestion import suggest
from chidao.tracking.task_state import log, set_status, task_snapshot
from chidao.vocab import TaskStatus, UserRole

MAX_REFERENCE = 300
CLOSE = None  # a dissolution's choice for a task that is no longer to be done
CLOSED_REASON = msg("tracking.history.closed")


class Refused(Invalid):
    """A split or dissolution that may not happen; ``code`` says why (the pages' key)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class OpenTask:
    """One open task of the body that ends, as the clerk decides it."""

    task_id: int
    text: str
    document: str  # the notice's number, or its file name
    roles: tuple[str, ...]  # the old body's part: "lead", "coordinator"
    deadline: date | None
    suggested: int | None  # the successor suggested (its agency id); None for a dissolution
    words: tuple[str, ...]  # the phrases behind the suggestion


@dataclass(frozen=True)
class Plan:
    """What a split or dissolution would do: the open tasks and how many officers."""

    agency: Agency
    successors: tuple[Agency, ...]
    effective: date
    reference: str
    tasks: tuple[OpenTask, ...]
    users: int


@dataclass(frozen=True)
class Done:
    """What a split or dissolution did: tasks per receiving agency (by name), closed, officers."""

    moved: dict[str, int]
    closed: int
    users: int


def ending(session: Session, agency: Agency) -> AgencyChange | None:
    """The change that ended ``agency`` (a merge, rename, split or dissolution), if any."""
    query = select(AgencyChange).where(AgencyChange.agency_id == agency.id).order_by(AgencyChange.id.desc())
    return session.scalars(query.limit(1)).first()


def _check(agency: Agency, effective: date, reference: str, today: date) -> str:
    if agency.successor_id is not None or agency.ended_on is not None:
        raise Refused("ended", f"{agency.name} has already ended (on {agency.ended_on}): nothing to do")
    if effective > today:
        raise Refused(
            "future", f"the effective date {effective:%d/%m/%Y} is after today: apply it on or after that day"
        )
    reference = " ".join(reference.split())
    if not reference or len(reference) > MAX_REFERENCE:
        raise Refused("reference", f"give the decision's reference (1-{MAX_REFERENCE} characters)")
    return reference


def _rows_by_task(session: Session, agency: Agency) -> dict[int, list[Assignment]]:
    rows: dict[int, list[Assignment]] = {}
    for row in open_rows(session, agency.id):
        rows.setdefault(row.task_id, []).append(row)
    return rows


def _users(session: Session, agency: Agency) -> int:
    return session.scalar(select(func.count()).select_from(User).where(User.agency_id == agency.id)) or 0


def _open_task(rows: list[Assignment], suggested: int | None, words: tuple[str, ...]) -> OpenTask:
    task = rows[0].task
    document = task.document.number or task.document.filename
    roles = tuple(dict.fromkeys(row.role for row in rows))
    return OpenTask(task.id, task.text, document, roles, task.deadline, suggested, words)


def split_preview(
    *, session: Session, agency: Agency, successors: list[Agency], effective: date, reference: str, today: date
) -> Plan:
    """The open tasks of ``agency``, each with its suggested successor; Refused when the split
    may not happen."""
    reference = _check(agency, effective, reference, today)
    if len({s.id for s in successors}) < 2 or len({s.id for s in successors}) != len(successors):
        raise Refused("successors", "a split names two or more different successors")
    for successor in successors:
        if successor.id == agency.id:
            raise Refused("itself", f"{agency.name} cannot be its own successor")
        if successor.successor_id is not None or successor.ended_on is not None:
            raise Refused("successor_ended", f"{successor.name} has ended: name a live successor")
    old_names = [agency.name, *(agency.aliases or [])]
    names = [s.name for s in successors]
    tasks = []
    for rows in _rows_by_task(session, agency).values():
        hint = suggest(rows[0].task.text, names, old_names)
        tasks.append(_open_task(rows, successors[hint.index].id, hint.words))
    return Plan(agency, tuple(successors), effective, reference, tuple(tasks), _users(session, agency))


def _chosen(plan: Plan, choices: dict[int, int | None]) -> dict[int, int | None]:
    """Each open task's receiving agency id (None: closed), the plan's suggestion where not chosen."""
    open_ids = {t.task_id for t in plan.tasks}
    stray = sorted(set(choices) - open_ids)
    if stray:
        raise Refused("task", f"task {stray[0]} is not an open task of {plan.agency.name}")
    return {t.task_id: choices.get(t.task_id, t.suggested) for t in plan.tasks}


def _end(
    session: Session, plan: Plan, kind: str, successor: Agency | None, counts: tuple[int, int], user_id: int | None
) -> None:
    agency = plan.agency
    agency.successor_id, agency.ended_on = (successor.id if successor else None), plan.effective
    session.add(
        AgencyChange(
            agency_id=agency.id,
            successor_id=successor.id if successor else None,
            kind=kind,
            effective=plan.effective,
            reference=plan.reference,
            reorganization=f"{kind}-{agency.id}",
            moved_tasks=counts[0],
            moved_users=counts[1],
            applied_by_id=user_id,
        )
    )


def _give(session: Session, plan: Plan, chosen: dict[int, int | None], user_id: int | None) -> dict[str, int]:
    """Each task's rows of the old body handed to its chosen agency, grouped by agency."""
    by_task = _rows_by_task(session, plan.agency)
    moved: dict[str, int] = {}
    for agency_id in dict.fromkeys(a for a in chosen.values() if a is not None):
        receiver = session.get(Agency, agency_id)
        assert receiver is not None
        rows = [row for task_id, to in chosen.items() if to == agency_id for row in by_task[task_id]]
        reason = msg(
            "tracking.history.moved", agency=plan.agency.name, successor=receiver.name, reference=plan.reference
        )
        moved[receiver.name] = hand_over(session, rows, receiver, reason, user_id)
    return moved


def split_agency(
    *,
    session: Session,
    user_id: int | None,
    agency: Agency,
    successors: list[Agency],
    effective: date,
    reference: str,
    today: date,
    choices: dict[int, int] | None = None,
    officers_to: Agency | None = None,
) -> Done:
    """Split ``agency`` (see the module): ``choices`` maps a task id to the successor chosen for
    it (the suggestion where absent); its officers go to ``officers_to`` (the first successor)."""
    plan = split_preview(
        session=session, agency=agency, successors=successors, effective=effective, reference=reference, today=today
    )
    allowed = {s.id for s in successors}
    if any(to not in allowed for to in (choices or {}).values()):
        raise Refused("choice", "each task goes to one of the successors named")
    officers_to = officers_to or successors[0]
    if officers_to.id not in allowed:
        raise Refused("officers", "officers go to one of the successors named")
    moved = _give(session, plan, _chosen(plan, dict(choices or {})), user_id)
    users = move_officers(session, agency, officers_to, user_id)
    _end(session, plan, "split", successors[0], (sum(moved.values()), users), user_id)
    after = {"successors": [s.name for s in successors], "reference": plan.reference, "tasks": moved, "users": users}
    record(session=session, user_id=user_id, entity="agency", entity_id=agency.id, action="split", after=after)
    session.flush()
    return Done(moved, 0, users)


def dissolve_preview(*, session: Session, agency: Agency, effective: date, reference: str, today: date) -> Plan:
    """The open tasks of ``agency`` that the clerk must give away or close."""
    reference = _check(agency, effective, reference, today)
    tasks = tuple(_open_task(rows, None, ()) for rows in _rows_by_task(session, agency).values())
    return Plan(agency, (), effective, reference, tasks, _users(session, agency))


def _close(session: Session, plan: Plan, task_ids: list[int], today: date, user_id: int | None) -> None:
    by_task = _rows_by_task(session, plan.agency)
    reason = msg("tracking.history.dissolved", closed=CLOSED_REASON, agency=plan.agency.name, reference=plan.reference)
    for task_id in task_ids:
        task = by_task[task_id][0].task
        before = {**task_snapshot(task), "status": task.status}
        set_status(task, TaskStatus.CANCELLED, today)
        log(session, user_id, "task", task_id, "agency_dissolved", before, {"status": task.status, "reason": reason})


def _deactivate(session: Session, agency: Agency, user_id: int | None) -> int:
    users = session.scalars(select(User).where(User.agency_id == agency.id, User.role == UserRole.AGENCY)).all()
    for user in users:
        if user.is_active:
            user.is_active = False
            log(session, user_id, "user", user.id, "agency_dissolved", {"is_active": True}, {"is_active": False})
    return len(users)


def dissolve_agency(
    *,
    session: Session,
    user_id: int | None,
    agency: Agency,
    effective: date,
    reference: str,
    today: date,
    choices: dict[int, int | None],
) -> Done:
    """Dissolve ``agency``: ``choices`` maps every open task to the live agency that takes it or
    to ``CLOSE``; a task missing is refused (code "undecided")."""
    plan = dissolve_preview(session=session, agency=agency, effective=effective, reference=reference, today=today)
    chosen = _chosen(plan, choices)
    undecided = [t.task_id for t in plan.tasks if t.task_id not in choices]
    if undecided:
        raise Refused("undecided", f"{len(undecided)} open task(s) have no decision (first: task {undecided[0]})")
    for to in {to for to in chosen.values() if to is not None}:
        receiver = session.get(Agency, to)
        if receiver is None or receiver.id == agency.id or receiver.successor_id or receiver.ended_on:
            raise Refused("receiver", "each task goes to another live agency")
    moved = _give(session, plan, chosen, user_id)
    closed = [task_id for task_id, to in chosen.items() if to is CLOSE]
    _close(session, plan, closed, today, user_id)
    users = _deactivate(session, agency, user_id)
    _end(session, plan, "dissolve", None, (sum(moved.values()), users), user_id)
    after = {"reference": plan.reference, "tasks": moved, "closed": len(closed), "users": users}
    record(session=session, user_id=user_id, entity="agency", entity_id=agency.id, action="dissolve", after=after)
    session.flush()
    return Done(moved, len(closed), users)
