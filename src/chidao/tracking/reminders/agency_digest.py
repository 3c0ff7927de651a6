"""The daily digest of each agency, sent to its contact addresses: what the reminder policy says
today about the tasks it leads or helps with (due soon, due today, overdue, a recurring round
waiting for its report) and the office's decisions on its extension requests.

Built for every agency at once from the agency rows' copies of their task's state
(``task_agencies.task_open`` / ``task_deadline``, kept by triggers): one indexed range read
of the open tasks due up to the policy's horizon, classified in Python with the day-distance of
each distinct due day computed once. A recurring task is reminded by its rounds
(``chidao.tracking.rounds.occurrences``), a round done when its ``occurrences`` row says so.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, lazyload, load_only

from chidao.store.mail import AgencyContact
from chidao.store.models import Agency, Assignment, Extension, Occurrence, Task, User
from chidao.tracking.reminders.model import AGENCY, Digest, Line, Section, cut
from chidao.tracking.reminders.schedule import DUE_SOON, DUE_TODAY, OVERDUE, Schedule
from chidao.tracking.reminders.window import Window
from chidao.tracking.rounds import occurrences
from chidao.vocab import AgencyRole, ExtensionStatus, TaskStatus

ROUND_LOOKBACK = timedelta(days=400)  # a round missed longer ago than a year is no longer chased
ORDER = (DUE_SOON, DUE_TODAY, OVERDUE, "awaiting_report", "decisions")


def _note(reminder_days: int, role: str) -> str:
    if reminder_days > 0:
        text = f"còn {reminder_days} ngày làm việc"
    elif reminder_days == 0:
        text = "đến hạn hôm nay"
    else:
        text = f"quá hạn {-reminder_days} ngày làm việc"
    return text + (" · phối hợp" if role == AgencyRole.COORDINATOR else "")


class _Collector:
    """Lines per agency and section, and each agency's count of overdue tasks."""

    def __init__(self) -> None:
        self.lines: dict[int, dict[str, list[Line]]] = defaultdict(lambda: defaultdict(list))
        self.overdue: dict[int, int] = defaultdict(int)

    def add(self, agency_id: int, section: str, line: Line) -> None:
        self.lines[agency_id][section].append(line)


def _recurring_ids(session: Session) -> set[int]:
    return set(
        session.scalars(
            select(Task.id).where(
                Task.tracked, ~Task.deleted, Task.status.in_(TaskStatus.open()), Task.recurrence.is_not(None)
            )
        )
    )


def _dated_tasks(session: Session, schedule: Schedule, agencies: set[int], skip: set[int], into: _Collector) -> None:
    rows = session.execute(
        select(Assignment.agency_id, Assignment.task_id, Assignment.role, Assignment.task_deadline).where(
            Assignment.task_open, Assignment.task_deadline <= schedule.horizon
        )
    )
    today = schedule.today
    for agency_id, task_id, role, due in rows:
        if agency_id not in agencies or task_id in skip:
            continue
        if due < today:
            into.overdue[agency_id] += 1
        reminder = schedule.reminder(due)
        if reminder is not None:
            into.add(agency_id, reminder.section, Line(task_id, due, _note(reminder.days, role)))


def _rounds(session: Session, schedule: Schedule, agencies: set[int], recurring: set[int], into: _Collector) -> None:
    if not recurring:
        return
    start, end = schedule.today - ROUND_LOOKBACK, schedule.horizon
    done = set(
        session.execute(
            select(Occurrence.task_id, Occurrence.due_on).where(
                Occurrence.done_on.is_not(None), Occurrence.due_on >= start, Occurrence.due_on <= end
            )
        ).all()
    )
    roles: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for agency_id, task_id, role in session.execute(
        select(Assignment.agency_id, Assignment.task_id, Assignment.role)
        .join(Task, Task.id == Assignment.task_id)
        .where(Assignment.task_open, Task.recurrence.is_not(None))
    ):
        if task_id in recurring and agency_id in agencies:
            roles[task_id].append((agency_id, role))
    # The rounds need the task's own columns only: no agency rows loaded with each task.
    columns = (load_only(Task.id, Task.deadline, Task.deadline_text, Task.recurrence), lazyload(Task.assignments))
    for task in session.scalars(select(Task).options(*columns).where(Task.id.in_(list(roles)))):
        _round_lines(task, occurrences(task, start, end, schedule.calendar), done, roles[task.id], schedule, into)


def _round_lines(task: Task, due_days, done, roles, schedule: Schedule, into: _Collector) -> None:
    undone = [d for d in due_days if (task.id, d) not in done]
    late = [d for d in undone if d < schedule.today]
    for due in [*late[-1:], *(d for d in undone if d >= schedule.today)]:
        reminder = schedule.reminder(due)
        if reminder is None:
            continue
        section = "awaiting_report" if reminder.section == OVERDUE else reminder.section
        for agency_id, role in roles:
            into.add(agency_id, section, Line(task.id, due, "kỳ " + _note(reminder.days, role)))


def _decisions(session: Session, window: Window, agencies: set[int], into: _Collector) -> None:
    start, end = window.utc()
    rows = session.execute(
        select(User.agency_id, Extension.task_id, Extension.status, Extension.requested_deadline)
        .join(User, User.id == Extension.requested_by_id)
        .where(
            Extension.status != ExtensionStatus.PENDING, and_(Extension.decided_at >= start, Extension.decided_at < end)
        )
    )
    for agency_id, task_id, status, requested in rows:
        if agency_id in agencies:
            verdict = ExtensionStatus(status).label
            into.add(
                agency_id,
                "decisions",
                Line(task_id, requested, f"{verdict} (đề nghị gia hạn đến {requested:%d/%m/%Y})"),
            )


def agency_digests(session: Session, schedule: Schedule, window: Window) -> list[Digest]:
    """Every agency's digest of ``schedule.today`` that has something to say and somewhere to go."""
    addresses: dict[int, list[str]] = defaultdict(list)
    for agency_id, email in session.execute(select(AgencyContact.agency_id, AgencyContact.email).order_by("email")):
        addresses[agency_id].append(email)
    found = _Collector()
    agencies = set(addresses)
    recurring = _recurring_ids(session)
    _dated_tasks(session, schedule, agencies, recurring, found)
    _rounds(session, schedule, agencies, recurring, found)
    _decisions(session, window, agencies, found)
    names = dict(session.execute(select(Agency.id, Agency.name).where(Agency.id.in_(list(found.lines)))).all())
    limit, digests = schedule.policy.max_items, []
    for agency_id, by_section in sorted(found.lines.items()):
        sections = [_section(code, by_section.get(code, []), limit, agency_id, found) for code in ORDER]
        digest = Digest(AGENCY, schedule.today, names[agency_id], addresses[agency_id], sections)
        if not digest.empty:
            digests.append(digest)
    return digests


def _section(code: str, lines: list[Line], limit: int, agency_id: int, found: _Collector) -> Section:
    section = Section(code, len(lines), cut(lines, limit), link=f"/agencies/{agency_id}")
    if code == OVERDUE and found.overdue.get(agency_id):
        section.remark = f"Tổng số nhiệm vụ đang quá hạn: {found.overdue[agency_id]}"
        section.link = f"/tasks?agency={agency_id}&timing_state=overdue"
    return section
