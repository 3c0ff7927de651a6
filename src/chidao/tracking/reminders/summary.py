"""The office's daily queue (clerks and admins) and the leaders' weekly summary.

The clerks' digest: extension requests waiting for a decision, completion reports filed since
the last digest (to check their evidence), and overdue tasks without any report at all. The
leaders' summary, on the first working day of each week, covers the week before: tasks that
fell overdue, tasks that reached the policy's ``escalate_after`` working days late, overdue
tasks per lead agency, and tasks completed.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session

from chidao.messages import msg
from chidao.store.mail import UserContact
from chidao.store.models import Agency, Assignment, Extension, ProgressReport, Task, User
from chidao.tracking.reminders.model import CLERK, LEADER, Digest, Line, Section
from chidao.tracking.reminders.schedule import Schedule, first_working_day_of_week
from chidao.tracking.reminders.window import Window
from chidao.vocab import AgencyRole, ExtensionStatus, ReportKind, TaskStatus, UserRole

OPEN = TaskStatus.open()


def _open_tasks():
    return and_(Task.tracked, ~Task.deleted, Task.status.in_(OPEN))


def _addresses(session: Session, roles: tuple[str, ...]) -> list[str]:
    rows = session.scalars(
        select(UserContact.email)
        .join(User, User.id == UserContact.user_id)
        .where(User.role.in_(roles), User.is_active)
        .order_by(UserContact.email)
    )
    return list(dict.fromkeys(rows))


def _lines(session: Session, query, limit: int, note) -> list[Line]:
    return [Line(row.task_id, row.due, note(row)) for row in session.execute(query.limit(limit))]


def clerk_digest(session: Session, schedule: Schedule, window: Window) -> Digest | None:
    recipients = _addresses(session, UserRole.staff())
    if not recipients:
        return None
    limit, today = schedule.policy.max_items, schedule.today
    pending = Extension.status == ExtensionStatus.PENDING
    requests = select(Extension.task_id, Extension.requested_deadline.label("due")).where(pending)
    requests_section = Section(
        "pending_extensions",
        session.scalar(select(func.count()).where(pending)) or 0,
        _lines(
            session,
            requests.order_by(Extension.created_at),
            limit,
            lambda r: msg("reminders.notes.extension_requested", day=f"{r.due:%d/%m/%Y}"),
        ),
        link="/tasks",
    )
    start, end = window.utc()
    filed = and_(
        ProgressReport.kind == ReportKind.COMPLETION,
        ProgressReport.created_at >= start,
        ProgressReport.created_at < end,
    )
    done = select(ProgressReport.task_id, Task.completed_on.label("due")).join(Task, Task.id == ProgressReport.task_id)
    completions = Section(
        "completions",
        session.scalar(select(func.count()).select_from(ProgressReport).where(filed)) or 0,
        _lines(
            session,
            done.where(filed).order_by(ProgressReport.id),
            limit,
            lambda r: msg("reminders.notes.completion_reported"),
        ),
        link="/tasks?status=done",
    )
    silent = and_(_open_tasks(), Task.deadline < today, ~exists().where(ProgressReport.task_id == Task.id))
    unreported = Section(
        "overdue_unreported",
        session.scalar(select(func.count()).select_from(Task).where(silent)) or 0,
        _lines(
            session,
            select(Task.id.label("task_id"), Task.deadline.label("due")).where(silent).order_by(Task.deadline, Task.id),
            limit,
            lambda r: msg("reminders.notes.days_late", days=schedule.late_by(r.due)),
        ),
        link="/tasks?timing_state=overdue",
    )
    digest = Digest(CLERK, today, "", recipients, [requests_section, completions, unreported])
    return None if digest.empty else digest


def leader_digest(session: Session, schedule: Schedule) -> Digest | None:
    """The weekly summary, on the first working day of a week (None on other days)."""
    today, calendar, policy = schedule.today, schedule.calendar, schedule.policy
    if not policy.weekly_summary or first_working_day_of_week(calendar, today) != today:
        return None
    recipients = _addresses(session, (UserRole.VIEWER,))
    if not recipients:
        return None
    start = first_working_day_of_week(calendar, today - timedelta(days=7))
    dated = select(Task.id.label("task_id"), Task.deadline.label("due"))
    fell = and_(_open_tasks(), Task.deadline >= start - timedelta(days=1), Task.deadline < today - timedelta(days=1))
    new_overdue = Section(
        "new_overdue",
        session.scalar(select(func.count()).select_from(Task).where(fell)) or 0,
        _lines(
            session,
            dated.where(fell).order_by(Task.deadline, Task.id),
            policy.max_items,
            lambda r: msg("reminders.notes.deadline", day=f"{r.due:%d/%m/%Y}"),
        ),
        link="/tasks?timing_state=overdue",
    )
    sections = [new_overdue, _escalated(session, schedule, start), _by_agency(session, today, policy.max_items)]
    sections.append(_completed(session, start, today, policy.max_items))
    digest = Digest(LEADER, today, "", recipients, sections)
    return None if digest.empty else digest


def _escalated(session: Session, schedule: Schedule, start) -> Section:
    today, days = schedule.today, schedule.policy.escalate_after
    reach = timedelta(days=2 * days + 40)  # more calendar days than ``days`` working days, Tết included
    late = and_(_open_tasks(), Task.deadline >= start - reach, Task.deadline < today)
    rows = session.execute(select(Task.id, Task.deadline).where(late).order_by(Task.deadline, Task.id))
    lines = [
        Line(task_id, due, msg("reminders.notes.days_late", days=schedule.late_by(due)))
        for task_id, due in rows
        if schedule.escalated_between(due, start, today + timedelta(days=1))
    ]
    since = schedule.calendar.add_working_days(today, -(days - 1))
    total = session.scalar(select(func.count()).select_from(Task).where(_open_tasks(), Task.deadline < since)) or 0
    section = Section("escalated", len(lines), lines[: schedule.policy.max_items], link="/tasks?timing_state=overdue")
    section.title_fields = {"days": days}
    section.remark = msg("reminders.remarks.escalated", days=days, count=total)
    return section


def _by_agency(session: Session, today, limit: int) -> Section:
    count = func.count().label("n")
    rows = session.execute(
        select(Assignment.agency_id, Agency.name, count)
        .join(Agency, Agency.id == Assignment.agency_id)
        .where(Assignment.role == AgencyRole.LEAD, Assignment.task_open, Assignment.task_deadline < today)
        .group_by(Assignment.agency_id, Agency.name)
        .order_by(count.desc(), Agency.name)
    ).all()
    lines = [
        Line(0, None, msg("reminders.notes.agency_overdue", agency=name, count=n), text=name)
        for _, name, n in rows[:limit]
    ]
    section = Section("overdue_by_agency", len(rows), lines, link="/agencies?sort=overdue")
    section.remark = msg("reminders.remarks.overdue_by_lead", count=sum(n for *_, n in rows))
    return section


def _completed(session: Session, start, end, limit: int) -> Section:
    finished = and_(
        Task.status == TaskStatus.DONE, Task.tracked, ~Task.deleted, Task.completed_on >= start, Task.completed_on < end
    )
    total = session.scalar(select(func.count()).select_from(Task).where(finished)) or 0
    done = select(Task.id.label("task_id"), Task.completed_on.label("due")).where(finished)
    lines = _lines(
        session,
        done.order_by(Task.completed_on, Task.id),
        limit,
        lambda r: msg("reminders.notes.completed", day=f"{r.due:%d/%m/%Y}"),
    )
    return Section("completed", total, lines, link="/tasks?status=done")
