"""The daily digest of each agency, sent to its contact addresses: what the reminder policy says
today about the tasks it leads or helps with (due soon, due today, overdue, a recurring round
waiting for its report) and the office's decisions on its extension requests.

Built for every agency at once from the agency rows' copies of their task's state
(``task_agencies.task_open`` / ``task_deadline``, kept by triggers): one indexed range read
of the open tasks due up to the policy's horizon, classified in Python with the day-distance of
each distinct due day computed once. A recurring task with a deadline (its current round's,
where rounds are tracked) is reminded by it, late meaning its round's report is awaited; one
without a deadline by the rounds ``chidao.tracking.rounds.occurrences`` gives it, a round done
when its ``occurrences`` row says so.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from types import SimpleNamespace

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from chidao.messages import msg
from chidao.store.mail import AgencyContact
from chidao.store.models import Agency, Assignment, Document, Extension, Occurrence, Task, User
from chidao.tracking.reminders.model import AGENCY, Digest, Line, Section, cut
from chidao.tracking.reminders.schedule import DUE_SOON, DUE_TODAY, OVERDUE, Schedule
from chidao.tracking.reminders.window import Window
from chidao.tracking.rounds import occurrences
from chidao.vocab import AgencyRole, ExtensionStatus, TaskStatus

# How far back the latest round is looked for: a little over one period. Only the latest round
# not done is chased; an older one missed is behind it.
LOOKBACK = {
    "daily": timedelta(days=10),
    "weekly": timedelta(days=16),
    "monthly": timedelta(days=40),
    "quarterly": timedelta(days=100),
    "yearly": timedelta(days=370),
}
LOOKBACK_MOST = LOOKBACK["yearly"]
TASK_BATCH = 1000
HEAVY_COLUMNS = frozenset({"text", "search_text", "proposed", "doubts"})  # never needed for a date
ORDER = (DUE_SOON, DUE_TODAY, OVERDUE, "awaiting_report", "decisions")


def _note(reminder_days: int, role: str) -> str:
    if reminder_days > 0:
        text = msg("reminders.notes.days_left", days=reminder_days)
    elif reminder_days == 0:
        text = msg("reminders.notes.due_today")
    else:
        text = msg("reminders.notes.days_late", days=-reminder_days)
    return text + (" · " + msg("reminders.notes.coordinator") if role == AgencyRole.COORDINATOR else "")


def _round_note(reminder_days: int, role: str) -> str:
    return msg("reminders.notes.round", note=_note(reminder_days, role))


class _Collector:
    """Lines per agency and section, and each agency's count of overdue tasks."""

    def __init__(self) -> None:
        self.lines: dict[int, dict[str, list[Line]]] = defaultdict(lambda: defaultdict(list))
        self.overdue: dict[int, int] = defaultdict(int)

    def add(self, agency_id: int, section: str, line: Line) -> None:
        self.lines[agency_id][section].append(line)


def _recurring_ids(session: Session) -> tuple[set[int], set[int]]:
    """Open recurring tasks: those with a deadline (their current round's, once rounds are
    tracked) and those without one (whose rounds are computed here)."""
    rows = session.execute(
        select(Task.id, Task.deadline.is_(None)).where(
            Task.tracked, ~Task.deleted, Task.status.in_(TaskStatus.open()), Task.recurrence.is_not(None)
        )
    )
    dated, undated = set(), set()
    for task_id, no_deadline in rows:
        (undated if no_deadline else dated).add(task_id)
    return dated, undated


def _dated_tasks(
    session: Session, schedule: Schedule, agencies: set[int], recurring: set[int], into: _Collector
) -> None:
    """Open tasks with a deadline up to the horizon: which due days are reminded today is decided
    once per distinct day, then only the rows of those days are read (a third of the overdue
    ones, at the default policy); each agency's overdue count is counted by the database. A
    recurring task late is a round waiting for its report."""
    # "= true" spelled out: SQLite then ranges over the index's task_open column
    live = Assignment.task_open == True  # noqa: E712
    days = session.scalars(
        select(Assignment.task_deadline).where(live, Assignment.task_deadline <= schedule.horizon).distinct()
    )
    reminders = {day: found for day in days if (found := schedule.reminder(day)) is not None}
    late = select(Assignment.agency_id, func.count()).where(live, Assignment.task_deadline < schedule.today)
    for agency_id, count in session.execute(late.group_by(Assignment.agency_id)):
        into.overdue[agency_id] = count
    if not reminders:
        return
    rows = session.execute(
        select(Assignment.agency_id, Assignment.task_id, Assignment.role, Assignment.task_deadline).where(
            live, Assignment.task_deadline.in_(list(reminders))
        )
    )
    for agency_id, task_id, role, due in rows:
        if agency_id not in agencies:
            continue
        reminder = reminders[due]
        if task_id in recurring:
            section = "awaiting_report" if reminder.section == OVERDUE else reminder.section
            into.add(agency_id, section, Line(task_id, due, _round_note(reminder.days, role)))
        else:
            into.add(agency_id, reminder.section, Line(task_id, due, _note(reminder.days, role)))


def _rounds(session: Session, schedule: Schedule, agencies: set[int], undated: set[int], into: _Collector) -> None:
    """Recurring tasks without a deadline: reminded by their rounds (``rounds.occurrences``),
    the latest past round not done, and the coming ones."""
    if not undated:
        return
    end = schedule.horizon
    done = set(
        session.execute(
            select(Occurrence.task_id, Occurrence.due_on).where(
                Occurrence.done_on.is_not(None), Occurrence.due_on >= end - LOOKBACK_MOST, Occurrence.due_on <= end
            )
        ).all()
    )
    ids = sorted(undated)
    for start in range(0, len(ids), TASK_BATCH):
        batch = ids[start : start + TASK_BATCH]
        roles: dict[int, list[tuple[int, str]]] = defaultdict(list)
        query = select(Assignment.agency_id, Assignment.task_id, Assignment.role).where(Assignment.task_id.in_(batch))
        for agency_id, task_id, role in session.execute(query):
            if agency_id in agencies:
                roles[task_id].append((agency_id, role))
        for task in _round_records(session, [task_id for task_id in batch if task_id in roles]):
            since = schedule.today - LOOKBACK.get(task.recurrence or "", LOOKBACK_MOST)
            due_days = occurrences(task, since, end, schedule.calendar)
            _round_lines(task, due_days, done, roles[task.id], schedule, into)


def _round_records(session: Session, ids: list[int]) -> list[SimpleNamespace]:
    """The tasks as plain records of their columns (whatever columns the schema has: rounds may
    read any of them) with their document's date, as ``occurrences`` reads them: building ORM
    objects for tens of thousands of tasks costs more than the rounds themselves."""
    columns = [column for column in Task.__table__.columns if column.name not in HEAVY_COLUMNS]
    query = select(*columns, Document.doc_date).join(Document, Document.id == Task.document_id)
    records = []
    for row in session.execute(query.where(Task.id.in_(ids))):
        values = dict(row._mapping)
        document = SimpleNamespace(doc_date=values.pop("doc_date"))
        records.append(SimpleNamespace(**values, document=document))
    return records


def _round_lines(task: Task, due_days, done, roles, schedule: Schedule, into: _Collector) -> None:
    undone = [d for d in due_days if (task.id, d) not in done]
    late = [d for d in undone if d < schedule.today]
    for due in [*late[-1:], *(d for d in undone if d >= schedule.today)]:
        reminder = schedule.reminder(due)
        if reminder is None:
            continue
        section = "awaiting_report" if reminder.section == OVERDUE else reminder.section
        for agency_id, role in roles:
            into.add(agency_id, section, Line(task.id, due, _round_note(reminder.days, role)))


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
                Line(task_id, requested, msg("reminders.notes.decision", verdict=verdict, day=f"{requested:%d/%m/%Y}")),
            )


def agency_digests(session: Session, schedule: Schedule, window: Window) -> list[Digest]:
    """Every agency's digest of ``schedule.today`` that has something to say and somewhere to go."""
    addresses: dict[int, list[str]] = defaultdict(list)
    for agency_id, email in session.execute(select(AgencyContact.agency_id, AgencyContact.email).order_by("email")):
        addresses[agency_id].append(email)
    found = _Collector()
    agencies = set(addresses)
    dated, undated = _recurring_ids(session)
    _dated_tasks(session, schedule, agencies, dated, found)
    _rounds(session, schedule, agencies, undated, found)
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
        section.remark = msg("reminders.remarks.overdue", count=found.overdue[agency_id])
        section.link = f"/tasks?agency={agency_id}&timing_state=overdue"
    return section
