"""A province's quarter to report on, built through the use cases (and a synthetic notice for
volume), and the report's figures computed again here the plain way, task by task, with the
dashboard's own ``timing_state``: what every report test checks the files against.

Period 2024-Q2 by the cut-off of Nghị định 09/2019: 15/03/2024 … 14/06/2024; today 20/06/2024.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.store.models import Agency, Assignment, Document, Extension, Occurrence, ProgressReport, Task, User
from chidao.tracking.extensions import decide_extension, request_extension
from chidao.tracking.ingest import add_document
from chidao.tracking.progress import report_progress
from chidao.tracking.review import update_task
from chidao.tracking.timing import timing_state
from chidao.vocab import TimingState

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CONVERSION = "tb-ket-luan-chuyen-doi-so.txt"  # 15/03/2024; TT&TT leads three tasks
HEALTH = "cv-giao-nhiem-vu-y-te.txt"  # 05/08/2024: after the quarter, not in its report
PERIOD = "2024-Q2"
START, END = date(2024, 3, 15), date(2024, 6, 14)
TODAY = date(2024, 6, 20)
FINANCE = "Sở Tài chính"
# The synthetic notice of 20/03/2024: Sở Tài chính leads eight tasks (deadline, completed on).
FINANCE_TASKS = [
    (date(2024, 4, 10), date(2024, 4, 8)),  # on time
    (date(2024, 4, 20), date(2024, 4, 19)),  # on time
    (date(2024, 5, 10), date(2024, 5, 16)),  # late
    (date(2024, 5, 2), None),  # overdue at 14/06
    (date(2024, 6, 3), None),  # overdue, answered by a progress report after its deadline
    (date(2024, 7, 1), None),  # in time
    (date(2024, 6, 14), None),  # due on the cut-off day: still in time
    (date(2024, 3, 25), date(2024, 3, 10)),  # done before the period: not in it
    (date(2024, 6, 10), date(2024, 6, 18)),  # done after the cut-off: overdue at 14/06
]


def _task(session: Session, document: Document, position: int, text: str, deadline, completed) -> Task:
    task = Task(
        document_id=document.id,
        position=position,
        text=text,
        deadline=deadline,
        status="done" if completed else "in_progress",
        completed_on=completed,
        progress=100 if completed else 30,
        tracked=True,
        search_text=text.lower(),
    )
    session.add(task)
    session.flush()
    return task


def _finance_notice(session: Session) -> list[Task]:
    finance = session.scalar(select(Agency).where(Agency.name == FINANCE))
    document = Document(
        filename="tb-tai-chinh.txt",
        content_hash="f" * 64,
        original=b"",
        text="",
        number="140/TB-UBND",
        doc_date=date(2024, 3, 20),
        title="Thông báo kết luận về thu ngân sách",
        status="confirmed",
    )
    session.add(document)
    session.flush()
    tasks = []
    for index, (deadline, completed) in enumerate(FINANCE_TASKS):
        task = _task(session, document, index, f"Nhiệm vụ thu ngân sách số {index + 1}", deadline, completed)
        session.add(Assignment(task_id=task.id, agency_id=finance.id, role="lead", written=FINANCE))
        tasks.append(task)
    session.flush()
    return tasks


def _follow_up(session: Session, users: dict[str, User], conversion: Document) -> None:
    """A quarter of work on the conversion notice through the use cases."""
    by_start = {t.text[:30]: t for t in conversion.tasks}

    def task(start: str) -> Task:
        return next(t for k, t in by_start.items() if k.startswith(start[:30]) or t.text.startswith(start))

    first = task("Chủ trì, phối hợp với Sở Tài chính")  # TT&TT, 30/04: completed late on 03/05
    report_progress(
        session=session,
        task=first,
        user=users["officer"],
        kind="completion",
        percent=None,
        note="Đã trình Kế hoạch",
        uploads=[],
        today=date(2024, 5, 3),
    )
    interior = task("Giao Sở Nội vụ chủ trì")  # 31/05: done on time on 20/05
    update_task(
        session=session,
        task=interior,
        user=users["clerk"],
        changes={"status": "done"},
        version=None,
        today=date(2024, 5, 20),
    )
    police = task("Giao Công an tỉnh hướng dẫn")  # 29/03 → extended to 15/04, still open: overdue
    extension = request_extension(
        session=session,
        task=police,
        user=users["clerk"],
        requested_deadline=date(2024, 4, 15),
        reason="Chờ dữ liệu",
        today=date(2024, 4, 1),
    )
    decide_extension(
        session=session, extension=extension, task=police, user_id=users["clerk"].id, approve=True, note="Đồng ý"
    )
    extension.created_at = datetime(2024, 4, 1, 3, tzinfo=UTC)
    extension.decided_at = datetime(2024, 4, 2, 3, tzinfo=UTC)
    budget = task("Sở Tài chính, Sở Kế hoạch và Đầu tư")  # no deadline: cancelled, counted nowhere
    update_task(
        session=session,
        task=budget,
        user=users["clerk"],
        changes={"status": "cancelled"},
        version=None,
        today=date(2024, 4, 5),
    )
    monthly = next(t for t in conversion.tasks if t.recurrence == "monthly")
    session.add(Occurrence(task_id=monthly.id, due_on=date(2024, 4, 25), done_on=date(2024, 4, 24)))
    session.add(Occurrence(task_id=monthly.id, due_on=date(2024, 5, 25), done_on=date(2024, 5, 28)))


@dataclass
class Scenario:
    conversion: Document
    finance: list[Task]


def build(session: Session, users: dict[str, User]) -> Scenario:
    conversion = add_document(
        session=session, filename=CONVERSION, data=(EXAMPLES / CONVERSION).read_bytes(), confirm=True
    ).document
    add_document(session=session, filename=HEALTH, data=(EXAMPLES / HEALTH).read_bytes(), confirm=True)
    finance = _finance_notice(session)
    _follow_up(session, users, conversion)
    answered = finance[4]  # a progress report after its deadline (03/06), before the cut-off
    session.add(
        ProgressReport(
            task_id=answered.id,
            kind="progress",
            percent=60,
            note="Đang làm",
            created_at=datetime(2024, 6, 5, 2, tzinfo=UTC),
        )
    )
    session.commit()
    return Scenario(conversion, finance)


CLASS_OF_STATE = {
    TimingState.DONE_ON_TIME: "done_on_time",
    TimingState.DONE_LATE: "done_late",
    TimingState.OVERDUE: "overdue",
    TimingState.DUE_SOON: "in_time",
    TimingState.NOT_DUE: "in_time",
    TimingState.NO_DEADLINE: "no_deadline_open",
}


def expected(session: Session, start: date = START, through: date = END, agency: str | None = None) -> dict:
    """The four classes and the tasks without deadline, counted task by task as the dashboard
    would have shown them on the cut-off day."""
    counts = dict.fromkeys([*CLASS_OF_STATE.values(), "no_deadline_done"], 0)
    counts["new"] = 0
    for task in session.scalars(select(Task).where(Task.tracked.is_(True), Task.deleted.is_(False))):
        document = session.get(Document, task.document_id)
        leads = [a.agency.name for a in task.assignments if a.role == "lead"]
        if task.status == "cancelled" or task.recurrence or document.doc_date > through:
            continue
        if agency is not None and agency not in leads:
            continue
        done = task.status == "done" and task.completed_on <= through
        if task.status == "done" and task.completed_on < start:
            continue
        if done and task.deadline is None:
            code = "no_deadline_done"
        else:
            state = timing_state(
                status="done" if done else "in_progress",
                deadline=task.deadline,
                completed_on=task.completed_on,
                today=through,
                soon_until=through,
            )
            code = CLASS_OF_STATE[state]
        counts[code] += 1
        counts["new"] += document.doc_date >= start
    return counts


def overdue_ids(session: Session, through: date = END) -> list[int]:
    """Ids of the tasks overdue at the cut-off, earliest deadline first."""
    rows = session.scalars(select(Task).where(Task.tracked.is_(True), Task.recurrence.is_(None)))
    found = [
        t
        for t in rows
        if t.status not in ("cancelled",)
        and t.deadline
        and t.deadline < through
        and not (t.status == "done" and t.completed_on <= through)
        and session.get(Document, t.document_id).doc_date <= through
    ]
    return [t.id for t in sorted(found, key=lambda t: (t.deadline, t.id))]


__all__ = ["Extension"]
