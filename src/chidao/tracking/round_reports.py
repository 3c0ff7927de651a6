"""Recurring duties tracked round by round (issue 11): each round has its own report, its own
progress and its own lateness, and the task's timing state is that of its current round.

The current round is the earliest round, from the document's date on, that has not been
reported done. A tracked recurring task keeps that round's due date as its ``deadline``: the
lists, filters, dashboard tiles and figures (and the counts the database triggers keep from
``tasks.deadline``) then count each recurring task by its current round, with nothing to
compute per request. A completion report closes the current round (the task stays open, its
deadline moves to the next round); the task is done when its last round is, when the text gave
an end (``recurrence_until``). A round reported late stays late; a round nobody reported keeps
the task overdue until someone does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from chidao.extract.workdays import WorkCalendar, default_calendar
from chidao.store.models import Assignment, Occurrence, ProgressReport, Task
from chidao.tracking.rounds import day_of, first_day, occurrences, parse_day, schedule
from chidao.tracking.task_state import set_status
from chidao.tracking.timing import timing_state
from chidao.vocab import TaskStatus, TimingState

_LOOKAHEAD_DAYS = 400  # rounds are looked for a year and a bit at a time
_HORIZON_YEARS = 30  # a task with no end has a next round well within this


@dataclass(frozen=True)
class Round:
    """One round of a recurring task (a one-off task: its deadline), as lists and the API show it."""

    due_on: date
    done_on: date | None
    progress: int
    timing_state: TimingState
    current: bool

    @property
    def late(self) -> bool:
        return self.timing_state in (TimingState.OVERDUE, TimingState.DONE_LATE)


def recurs(task: Task) -> bool:
    """Whether the task is tracked round by round."""
    return schedule(task) is not None


def _done(session: Session, task: Task) -> set[date]:
    if task.id is None:
        return set()
    rows = select(Occurrence.due_on).where(Occurrence.task_id == task.id, Occurrence.done_on.is_not(None))
    return set(session.scalars(rows))


def current_round(session: Session, task: Task, calendar: WorkCalendar | None = None) -> date | None:
    """The due date of the task's earliest round not reported done; None when every round is
    (a task whose rounds end) or the task does not recur."""
    opens = first_day(task)
    if schedule(task) is None or opens is None:
        return None
    done = _done(session, task)
    start, horizon = opens, opens.replace(year=opens.year + _HORIZON_YEARS, day=min(opens.day, 28))
    while start <= horizon and (task.recurrence_until is None or start <= task.recurrence_until):
        end = start + timedelta(days=_LOOKAHEAD_DAYS)
        due = next((d for d in occurrences(task, start, end, calendar) if d not in done), None)
        if due is not None:
            return due
        start = end + timedelta(days=1)
    return None


def start_rounds(session: Session, tasks: Iterable[Task], calendar: WorkCalendar | None = None) -> None:
    """Tracking begins: each recurring task's deadline becomes its current round's due date.
    A day the text gave as a date ("trước ngày 15/12/2026, hằng năm") is kept as the rounds' day
    first, so that rounds keep falling on it."""
    work = calendar or default_calendar()
    for task in tasks:
        if task.deleted or not task.recurrence:
            continue
        if task.recurrence_day is None and task.recurrence != "daily":
            task.recurrence_day = _pinned_day(task)
        if recurs(task):
            task.deadline = current_round(session, task, work)
    session.flush()


def _pinned_day(task: Task) -> str | None:
    """The day code rounds keep falling on once the deadline moves: the deadline's day (unless the
    deadline is the end of the rounds), else the end of each period, Friday for a week."""
    if task.deadline and task.deadline != task.recurrence_until:
        code = day_of(task.recurrence, task.deadline)
        if parse_day(task.recurrence, code):
            return code
    return "fri" if task.recurrence == "weekly" else ("end" if parse_day(task.recurrence, "end") else None)


def _occurrence(session: Session, task: Task, due: date) -> Occurrence:
    found = session.scalar(select(Occurrence).where(Occurrence.task_id == task.id, Occurrence.due_on == due))
    if found is None:
        found = Occurrence(task_id=task.id, due_on=due, progress=0)
        session.add(found)
    return found


def report_round(
    session: Session, task: Task, report: ProgressReport, today: date, calendar: WorkCalendar | None = None
) -> None:
    """Apply a report on a recurring task to its current round (the caller has locked the task):
    progress is the round's; a completion closes the round and moves the task to the next one,
    or marks it done after its last round."""
    work = calendar or default_calendar()
    due = current_round(session, task, work)
    if due is None:
        return
    report.round_on = due
    if report.kind == "contribution":
        return
    occurrence = _occurrence(session, task, due)
    if report.kind == "progress":
        if report.percent is not None:
            occurrence.progress = task.progress = report.percent
        if task.status == TaskStatus.ASSIGNED:
            task.status = TaskStatus.IN_PROGRESS.value
        return
    occurrence.done_on, occurrence.progress = today, 100
    session.flush()
    following = current_round(session, task, work)
    if following is None:
        set_status(task, TaskStatus.DONE.value, today)
        return
    task.deadline = following
    stored = select(Occurrence.progress).where(Occurrence.task_id == task.id, Occurrence.due_on == following)
    task.progress = session.scalar(stored) or 0  # the next round's own progress, if reported ahead
    task.status = TaskStatus.IN_PROGRESS.value


def round_list(
    *,
    session: Session,
    task: Task,
    start: date,
    end: date,
    today: date,
    soon_until: date,
    calendar: WorkCalendar | None = None,
) -> list[Round]:
    """The task's rounds from ``start`` to ``end``, each with its own timing state and progress."""
    stored = session.execute(
        select(Occurrence.due_on, Occurrence.done_on, Occurrence.progress).where(
            Occurrence.task_id == task.id, Occurrence.due_on >= start, Occurrence.due_on <= end
        )
    )
    recorded = {due: (done, progress) for due, done, progress in stored}
    current = current_round(session, task, calendar) if recurs(task) else None
    rounds = []
    for due in sorted(set(occurrences(task, start, end, calendar)) | set(recorded)):
        done, progress = recorded.get(due, (None, 0))
        if not recurs(task):
            done, progress = task.completed_on, task.progress  # the one round is the task
        status = TaskStatus.DONE if done else task.status
        deadline = task.deadline if due == current and task.deadline else due  # an extension moves it
        state = timing_state(status=status, deadline=deadline, completed_on=done, today=today, soon_until=soon_until)
        rounds.append(Round(due, done, progress or 0, state, due == current))
    return rounds


def rounds_done(session: Session, agency_id: int | None = None) -> dict[str, int]:
    """How many rounds of tracked tasks were reported done on time and late (within one agency's
    tasks, lead or coordinator, when ``agency_id`` is given)."""
    late = Occurrence.done_on > Occurrence.due_on
    query = (
        select(late, func.count())
        .join(Task, Task.id == Occurrence.task_id)
        .where(Occurrence.done_on.is_not(None), Task.tracked.is_(True), Task.deleted.is_(False))
    )
    if agency_id is not None:
        theirs = select(Assignment.task_id).where(and_(Assignment.agency_id == agency_id))
        query = query.where(Task.id.in_(theirs))
    counts = {TimingState.DONE_ON_TIME.value: 0, TimingState.DONE_LATE.value: 0}
    for is_late, n in session.execute(query.group_by(late)):
        counts[TimingState.DONE_LATE.value if is_late else TimingState.DONE_ON_TIME.value] += n
    return counts


def recent_rounds(
    *, session: Session, task: Task, today: date, soon_until: date, calendar: WorkCalendar | None = None
) -> list[Round]:
    """What a task page shows of a recurring task's rounds: the last six up to the current one
    (or today), and the two after it. Empty for a task that does not recur."""
    if not recurs(task):
        return []
    current = current_round(session, task, calendar) or today
    start = min(current, today) - timedelta(days=400)
    end = max(current, today) + timedelta(days=120)
    found = round_list(
        session=session, task=task, start=start, end=end, today=today, soon_until=soon_until, calendar=calendar
    )
    upto = [r for r in found if r.due_on <= current]
    return upto[-6:] + [r for r in found if r.due_on > current][:2]
