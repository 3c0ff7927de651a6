"""The SQL of a report: which tasks a period holds and what class each falls in, counted by the
database (GROUP BY), so that a province of a million tasks is a few scans, not a million objects.

A period's tasks, at its cut-off day ``through`` (the period's end, or today if sooner): tracked,
not deleted, not cancelled, assigned on or before ``through`` (the notice's date; else the day
it was confirmed or stored), and not completed before the period began. A task done after the
cut-off was not done at it. "Overdue at the cut-off" means what the dashboard means on that day:
unfinished and its deadline before it. Recurring tasks are counted by their rounds instead
(``rounds.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone

from sqlalchemy import Date, and_, case, cast, exists, false, func, literal, or_, select, text, true
from sqlalchemy.orm import Session, aliased

from chidao.store.models import Assignment, Document, Extension, ProgressReport, Task
from chidao.vocab import ExtensionStatus, TaskStatus

VIETNAM = timezone(timedelta(hours=7))  # a report's days are Vietnam's days
_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Window:
    """The report's period ``start`` … ``through`` (its cut-off), and the one agency it is about
    (its tasks as lead), or None for the whole province."""

    start: date
    through: date
    agency_id: int | None = None


# What PostgreSQL may give each sort or hash of a report's scans (its default is 4 MB): it guesses
# the groups of a report by the million (there are a few thousand) and, at 4 MB, sorted 600,000
# rows on disk and merged them from its workers (2.8 s at 1,000,000 tasks) where one hash in
# memory (7 MB) takes 1.9 s.
REPORT_WORK_MEM = "64MB"


def allow_memory(session: Session) -> None:
    """Let PostgreSQL hash a report's groups in memory, for this transaction only."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"SET LOCAL work_mem = '{REPORT_WORK_MEM}'"))


def moment(day: date) -> datetime:
    """Midnight at the start of ``day`` in Vietnam, in UTC as timestamps are stored (SQLite keeps
    no offset: the text compared must be UTC's)."""
    return datetime.combine(day, time(0), tzinfo=VIETNAM).astimezone(UTC)


def _day_of(session: Session, column):
    """The date of a stored timestamp, in SQL both databases understand."""
    if session.get_bind().dialect.name == "sqlite":
        return func.date(column)
    return cast(column, Date)


def assigned_on(session: Session):
    """The day a task was assigned: its notice's date, else the day the notice was confirmed or stored."""
    return func.coalesce(
        Document.doc_date, _day_of(session, Document.confirmed_at), _day_of(session, Document.created_at)
    )


def done_by(through: date):
    """The task was completed on or before ``through``."""
    return and_(Task.status == TaskStatus.DONE, Task.completed_on <= through)


def class_of(window: Window):
    """The task's ``ReportClass`` code at the cut-off, as SQL."""
    done = done_by(window.through)
    return case(
        (and_(done, Task.deadline.is_(None)), literal("no_deadline_done")),
        (and_(done, Task.completed_on <= Task.deadline), literal("done_on_time")),
        (done, literal("done_late")),
        (Task.deadline.is_(None), literal("no_deadline_open")),
        (Task.deadline < window.through, literal("overdue")),
        else_=literal("in_time"),
    )


def live(session: Session, through: date) -> list:
    """Tracked, not deleted, not cancelled, assigned by ``through`` (the query joins documents)."""
    return [
        Task.tracked.is_(True),
        Task.deleted.is_(False),
        Task.status != TaskStatus.CANCELLED,
        assigned_on(session) <= through,
    ]


def held(session: Session, window: Window, *, recurring: bool = False) -> list:
    """The conditions of the period's tasks (joined with their documents)."""
    not_done_before = or_(Task.status != TaskStatus.DONE, Task.completed_on >= window.start)
    kind = Task.recurrence.is_not(None) if recurring else Task.recurrence.is_(None)
    where = [*live(session, window.through), kind, not_done_before]
    if window.agency_id is not None:
        where.append(leads(window.agency_id))
    return where


def leads(agency_id: int):
    """The agency leads the task: an IN over the agency's own rows (an index range), which the
    databases read first, rather than a probe for each of the province's tasks."""
    mine = aliased(Assignment)  # the query may read the assignments itself
    return Task.id.in_(select(mine.task_id).where(mine.agency_id == agency_id, mine.role == "lead"))


def is_new(session: Session, window: Window):
    return case((assigned_on(session) >= window.start, true()), else_=false())


def columns(n: int) -> list:
    """GROUP BY the first ``n`` columns by position: an expression with bound values (a date, a
    code) is another expression to PostgreSQL each time it is written, so it cannot be repeated."""
    return [text(str(i)) for i in range(1, n + 1)]


def period_rows(session: Session, window: Window, heaviest: date | None = None) -> list[tuple]:
    """Everything the table per agency and the scores need, in one grouped scan of the period's
    tasks and their leads: (lead agency, class, assigned in the period, deadline if overdue,
    reminder: None / 0 unanswered / 1 answered, tasks). A task with two leads counts for both
    (the province's totals, each task once, are ``tally.py``'s). Deadlines before ``heaviest``
    are given as ``heaviest`` (they weigh the same, ``scores.heaviest_since``): a quarter's
    overdue tasks then fall in a few dozen groups per agency, not hundreds."""
    lead = aliased(Assignment)
    overdue = and_(Task.deadline < window.through, ~done_by(window.through))
    since = Task.deadline if heaviest is None else case((Task.deadline < heaviest, heaviest), else_=Task.deadline)
    reminder = case((_missed(window), case((or_(done_by(window.through), _reported(window)), 1), else_=0)), else_=None)
    keys = (
        lead.agency_id,
        class_of(window),
        is_new(session, window),
        case((overdue, since), else_=None),
        reminder,
    )
    query = (
        select(*keys, func.count())
        .select_from(Task)
        .join(Document, Document.id == Task.document_id)
        .join(lead, and_(lead.task_id == Task.id, _unindexed(session, lead.role) == "lead"))
        .where(*held(session, window))
        .group_by(*columns(len(keys)))
    )
    return [tuple(row) for row in session.execute(query)]


def _unindexed(session: Session, column):
    """``column``, on SQLite as an expression no index serves (``role || ''``). Offered an index on
    (agency, role), SQLite read the province's leads agency by agency and fetched each of a
    million tasks and notices at random (3.4 s of CPU at 1,000,000 tasks); without it, it reads
    the tasks in order and each task's few agency rows by its own index (2.0 s). PostgreSQL
    estimates such an expression as rare and would then probe instead of hashing: left alone."""
    if session.get_bind().dialect.name == "sqlite":
        return column.concat("")
    return column


def _missed(window: Window):
    """The task reached its deadline in the period unfinished (an office would remind its lead)."""
    return and_(
        Task.deadline >= window.start,
        Task.deadline < window.through,
        or_(Task.status != TaskStatus.DONE, Task.completed_on > Task.deadline),
    )


def _reported(window: Window):
    """A progress report from the task's deadline on, by the cut-off."""
    return exists(
        select(ProgressReport.id).where(
            ProgressReport.task_id == Task.id,
            ProgressReport.created_at >= Task.deadline,
            ProgressReport.created_at < moment(window.through + _DAY),
        )
    )


def extension_requests(session: Session, window: Window) -> dict[int, int]:
    """Extension requests made in the period, by the task's lead agency."""
    query = (
        select(Assignment.agency_id, func.count(func.distinct(Extension.id)))
        .select_from(Extension)
        .join(Assignment, and_(Assignment.task_id == Extension.task_id, Assignment.role == "lead"))
        .where(Extension.created_at >= moment(window.start), Extension.created_at < moment(window.through + _DAY))
        .group_by(Assignment.agency_id)
    )
    if window.agency_id is not None:
        query = query.where(Assignment.agency_id == window.agency_id)
    return {a: int(n) for a, n in session.execute(query)}


def approved_extensions(window: Window):
    """The condition of extensions approved in the period."""
    return and_(
        Extension.status == ExtensionStatus.APPROVED,
        Extension.decided_at >= moment(window.start),
        Extension.decided_at < moment(window.through + _DAY),
    )
