"""The store on real databases (SQLite, and PostgreSQL when CHIDAO_TEST_POSTGRES_URL is set)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm.exc import StaleDataError

from chidao.extract import extract
from chidao.store.agencies import seed_agencies
from chidao.store.engine import session_factory
from chidao.store.models import Assignment, Document, Task
from chidao.text import ReadError
from chidao.text.readers import read_bytes
from chidao.tracking.ingest import add_document
from chidao.tracking.statistics import statistics
from chidao.tracking.task_filter import Scope, TaskFilter
from chidao.tracking.task_list import list_tasks
from chidao.tracking.timing import timing_state
from db import database_fixture

database = database_fixture()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TODAY = date(2024, 4, 1)
SOON = date(2024, 4, 8)


@pytest.fixture
def sessions(database):
    factory = session_factory(database)
    with factory.begin() as session:
        seed_agencies(session=session)
    return factory


def ingest(sessions, name: str, *, confirm: bool = True):
    with sessions.begin() as session:
        return add_document(session=session, filename=name, data=(EXAMPLES / name).read_bytes(), confirm=confirm)


def test_ingest_stores_document_tasks_and_agencies(sessions):
    result = ingest(sessions, "tb-ket-luan-chuyen-doi-so.txt")
    assert result.created
    with sessions() as session:
        document = session.get(Document, result.document.id)
        assert document.number == "125/TB-UBND" and document.status == "confirmed"
        assert len(document.tasks) == 9 and all(t.tracked for t in document.tasks)
        first = document.tasks[0]
        assert [a.agency.name for a in first.assignments if a.role == "lead"] == ["Sở Thông tin và Truyền thông"]
        assert first.proposed["deadline"] == "2024-04-30"


def test_ingest_stores_what_extraction_doubts(sessions):
    name = "tb-ket-luan-chuyen-doi-so.txt"
    extraction = extract(read_bytes((EXAMPLES / name).read_bytes(), name))
    said = extraction.to_dict()
    result = ingest(sessions, name, confirm=False)
    with sessions() as session:
        document = session.get(Document, result.document.id)
        stored = [(t.confidence, t.doubts, t.recurrence_text) for t in document.tasks]
        expected = [
            (a.confidence, [{"code": c, "label": label} for c, label in zip(a.doubts, a.labels, strict=True)], t)
            for a, t in zip(extraction.assessments, [t["recurrence_text"] for t in said["tasks"]], strict=True)
        ]
        assert stored == expected
        assert any(doubts for _, doubts, _ in stored) and "hằng quý" in [r for _, _, r in stored]
        passages = [(p.text, [p.span_start, p.span_end], p.verb, p.reason, p.label) for p in document.passages]
        assert passages == [(u["text"], u["span"], u["verb"], u["reason"], u["why"]) for u in said["unassigned"]]
        assert passages and all(document.text[s:e] == text for text, (s, e), *_ in passages)
        assert all(p.task_id is None and p.position == n for n, p in enumerate(document.passages))


def test_same_file_twice_is_stored_once(sessions):
    assert ingest(sessions, "cv-giao-nhiem-vu-y-te.txt").created
    assert not ingest(sessions, "cv-giao-nhiem-vu-y-te.txt").created
    with sessions() as session:
        assert session.scalar(select(func.count(Document.id))) == 1


def test_unreadable_file_writes_nothing(sessions):
    with pytest.raises(ReadError), sessions.begin() as session:
        add_document(session=session, filename="fake.pdf", data=b"not a pdf at all")
    with sessions() as session:
        assert session.scalar(select(func.count(Document.id))) == 0


def _brute_force_counts(session, agency_id: int | None = None) -> dict[str, int]:
    counts = dict.fromkeys(("not_due", "due_soon", "overdue", "done_on_time", "done_late", "no_deadline"), 0)
    for task in session.scalars(select(Task).where(Task.tracked.is_(True), Task.deleted.is_(False))):
        if agency_id is not None and agency_id not in {a.agency_id for a in task.assignments}:
            continue
        if task.status == "cancelled":
            continue
        state = timing_state(
            status=task.status, deadline=task.deadline, completed_on=task.completed_on, today=TODAY, soon_until=SOON
        )
        counts[state] += 1
    return counts


def test_statistics_follow_every_change(sessions):
    for name in ("tb-ket-luan-chuyen-doi-so.txt", "cv-giao-nhiem-vu-y-te.txt", "kh-to-chuc-thuc-hien.txt"):
        ingest(sessions, name)
    with sessions.begin() as session:
        tasks = list(session.scalars(select(Task).order_by(Task.id)))
        tasks[0].status, tasks[0].completed_on = "done", tasks[0].deadline + timedelta(days=3)  # late
        tasks[1].status, tasks[1].completed_on = "done", tasks[1].deadline  # on time
        tasks[2].deadline = date(2024, 3, 1)  # now overdue
        tasks[3].deleted, tasks[3].tracked = True, False
        tasks[4].status = "cancelled"
        tasks[5].status = "in_progress"
    with sessions.begin() as session:  # and back: the tally follows a change of status both ways
        session.get(Task, tasks[5].id).status = "paused"
    with sessions() as session:
        figures = statistics(session=session, scope=Scope(), today=TODAY, soon_until=SOON)
        assert figures["by_timing_state"] == _brute_force_counts(session)
        assert figures["by_timing_state"]["done_late"] == 1
        tracked = select(Task.status, func.count()).where(Task.tracked.is_(True), Task.deleted.is_(False))
        by_status = dict(session.execute(tracked.group_by(Task.status)).all())
        assert {k: v for k, v in figures["by_status"].items() if v} == by_status
        assert by_status["cancelled"] == 1 and by_status["paused"] == 1
        agency = session.scalar(select(Assignment.agency_id).where(Assignment.task_id == tasks[5].id))
        own = statistics(
            session=session, scope=Scope(agency_id=agency, unrestricted=False), today=TODAY, soon_until=SOON
        )
        assert own["by_status"]["paused"] >= 1
        for agency in session.scalars(select(Assignment.agency_id).distinct()):
            scope = Scope(agency_id=agency, unrestricted=False)
            own = statistics(session=session, scope=scope, today=TODAY, soon_until=SOON)
            assert own["by_timing_state"] == _brute_force_counts(session, agency)
        assert sum(row["overdue"] for row in figures["overdue_by_agency"]) >= 1


def test_agency_rows_follow_their_task(sessions):
    ingest(sessions, "cv-giao-nhiem-vu-y-te.txt")
    with sessions.begin() as session:
        task = session.scalars(select(Task).order_by(Task.id)).first()
        task.deadline = date(2024, 1, 15)
    with sessions() as session:
        rows = session.execute(
            select(Assignment.task_open, Assignment.task_deadline).where(Assignment.task_id == task.id)
        ).all()
        assert rows and all(open_ and deadline == date(2024, 1, 15) for open_, deadline in rows)
    with sessions.begin() as session:
        session.get(Task, task.id).status = "done"
    with sessions() as session:
        assert not any(session.scalars(select(Assignment.task_open).where(Assignment.task_id == task.id)))
        state = select(Assignment.task_status, Assignment.task_late).where(Assignment.task_id == task.id)
        assert set(session.execute(state).all()) == {("done", False)}
    with sessions.begin() as session:  # finished after its deadline
        session.get(Task, task.id).completed_on = date(2024, 2, 1)
    with sessions() as session:
        assert set(session.execute(state).all()) == {("done", True)}
        documents = select(Assignment.document_id).where(Assignment.task_id == task.id)
        assert set(session.scalars(documents)) == {task.document_id}
    with sessions.begin() as session:  # deleted: no longer counted for the agency
        session.get(Task, task.id).deleted = True
    with sessions() as session:
        assert {status for status, _ in session.execute(state)} == {None}
    with sessions.begin() as session:  # a new agency row takes the task's state at once
        ingest_more = session.get(Task, task.id)
        ingest_more.deleted = False
        agency = session.scalar(select(Assignment.agency_id).where(Assignment.task_id != task.id).limit(1))
        if agency not in {a.agency_id for a in ingest_more.assignments}:
            session.add(Assignment(task_id=task.id, agency_id=agency, role="coordinator", position=9))
    with sessions() as session:
        assert set(session.execute(state).all()) == {("done", True)}


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (TaskFilter(q="chuyen doi so"), 2),  # "chuyển đổi số" without diacritics
        (TaskFilter(q="CHUYỂN ĐỔI SỐ"), 2),
        (TaskFilter(q="uy ban nhan dan cac huyen"), 4),
        (TaskFilter(agency="Sở Y tế"), 1),
        (TaskFilter(agency="Sở Thông tin và Truyền thông", role="lead"), 3),
        # Công an tỉnh: 10 working days from 15/3; the first rounds of the monthly (25/3) and
        # quarterly (31/3) reports, counted by their current round (issue 11)
        (TaskFilter(timing_state=["overdue"]), 3),
        (TaskFilter(deadline_from=date(2024, 4, 1), deadline_to=date(2024, 5, 31)), 2),
    ],
)
def test_task_filters(sessions, flt, expected):
    ingest(sessions, "tb-ket-luan-chuyen-doi-so.txt")
    ingest(sessions, "cv-giao-nhiem-vu-y-te.txt")
    with sessions() as session:
        rows, total = list_tasks(session=session, flt=flt, scope=Scope(), today=TODAY, soon_until=SOON)
        assert total == expected == len(rows)


def test_drafts_are_not_tracked_or_searched(sessions):
    ingest(sessions, "tb-ket-luan-chuyen-doi-so.txt", confirm=False)
    with sessions() as session:
        _, total = list_tasks(
            session=session, flt=TaskFilter(q="chuyen doi so"), scope=Scope(), today=TODAY, soon_until=SOON
        )
        assert total == 0
        _, drafts = list_tasks(
            session=session, flt=TaskFilter(include_drafts=True), scope=Scope(), today=TODAY, soon_until=SOON
        )
        assert drafts == 9


def test_pages_keep_tasks_without_deadline_last(sessions):
    ingest(sessions, "tb-ket-luan-chuyen-doi-so.txt")
    with sessions() as session:
        seen = []
        for page in (1, 2, 3):
            rows, total = list_tasks(
                session=session, flt=TaskFilter(), scope=Scope(), today=TODAY, soon_until=SOON, page=page, per_page=4
            )
            seen += rows
        assert total == 9 and len({t.id for t in seen}) == 9
        deadlines = [t.deadline for t in seen]
        dated = [d for d in deadlines if d]
        assert dated == sorted(dated) and deadlines[len(dated) :] == [None] * (9 - len(dated))


def test_agency_scope(sessions):
    ingest(sessions, "tb-ket-luan-chuyen-doi-so.txt")
    with sessions() as session:
        police = session.scalar(text("SELECT id FROM agencies WHERE name = 'Công an tỉnh'"))
        rows, total = list_tasks(
            session=session,
            flt=TaskFilter(),
            scope=Scope(agency_id=police, unrestricted=False),
            today=TODAY,
            soon_until=SOON,
        )
        assert total == 2  # lead of one task, coordinator of another
        assert {t.text.split()[0] for t in rows} == {"Phối", "Giao"}


def test_concurrent_saves_conflict(sessions):
    ingest(sessions, "cv-giao-nhiem-vu-y-te.txt")
    first, second = sessions(), sessions()
    try:
        mine = first.scalars(select(Task).order_by(Task.id)).first()
        theirs = second.get(Task, mine.id)
        mine.progress = 50
        first.commit()
        theirs.progress = 80
        with pytest.raises(StaleDataError):
            second.commit()
    finally:
        first.close()
        second.close()
    with sessions() as session:
        assert session.get(Task, mine.id).progress == 50


def _brute_force_agency_list(session, agency_id: int, states: set[str], role: str | None) -> list[int]:
    """Task ids of one agency in some timing states, by deadline then id, undated last: by hand."""
    found = []
    for task in session.scalars(select(Task).where(Task.tracked.is_(True), Task.deleted.is_(False))):
        roles = {a.role for a in task.assignments if a.agency_id == agency_id}
        if not roles or (role and role not in roles):
            continue
        state = timing_state(
            status=task.status, deadline=task.deadline, completed_on=task.completed_on, today=TODAY, soon_until=SOON
        )
        if not states or state in states:
            found.append(task)
    found.sort(key=lambda t: (t.deadline is None, t.deadline or TODAY, t.id))
    return [t.id for t in found]


@pytest.mark.parametrize(
    "states",
    [
        {"overdue"},
        {"due_soon", "not_due"},
        {"no_deadline"},
        {"overdue", "no_deadline", "not_due"},
        {"done_on_time", "done_late"},
        {"cancelled", "overdue"},
        set(),
    ],
)
def test_an_agencys_tasks_by_timing_state_page_like_the_brute_force(sessions, states):
    for path in sorted(EXAMPLES.glob("*.txt")):
        ingest(sessions, path.name)
    with sessions.begin() as session:  # spread the deadlines around today, and finish one task
        tasks = list(session.scalars(select(Task).order_by(Task.id)))
        for i, task in enumerate(tasks):
            task.deadline = None if i % 4 == 3 else TODAY + timedelta(days=(i % 5 - 2) * 4)
        tasks[0].status, tasks[0].completed_on = "done", TODAY
        for task in tasks[5::7]:
            task.status, task.completed_on = "done", TODAY + timedelta(days=30)  # late, or without deadline
        for task in tasks[3::11]:
            task.status = "cancelled"
    with sessions() as session:
        agencies = session.execute(select(Assignment.agency_id).distinct()).scalars().all()
        sizes = []
        for agency_id in agencies:
            for role in (None, "lead", "coordinator"):
                expected = _brute_force_agency_list(session, agency_id, states, role)
                sizes.append(len(expected))
                flt = TaskFilter(agency=str(agency_id), role=role, timing_state=sorted(states))
                seen = []
                for page in range(1, 9):
                    rows, total = list_tasks(
                        session=session, flt=flt, scope=Scope(), today=TODAY, soon_until=SOON, page=page, per_page=1
                    )
                    assert total == len(expected)
                    seen += [t.id for t in rows]
                assert seen == expected[:8], (agency_id, role)
                own = Scope(agency_id=agency_id, unrestricted=False)
                rows, total = list_tasks(session=session, flt=flt, scope=own, today=TODAY, soon_until=SOON)
                assert [t.id for t in rows] == expected and total == len(expected)
                mine = TaskFilter(role=role, timing_state=sorted(states))  # an officer's own list, no agency asked
                rows, total = list_tasks(session=session, flt=mine, scope=own, today=TODAY, soon_until=SOON)
                assert [t.id for t in rows] == expected and total == len(expected)
        assert max(sizes) >= 2 and sum(sizes) >= 10  # paging was exercised


@pytest.mark.parametrize("extra", [{}, {"status": ["assigned", "in_progress"]}])
def test_a_search_counts_up_to_the_cap_and_says_so(sessions, monkeypatch, extra):
    from chidao.tracking import task_list

    ingest(sessions, "tb-ket-luan-chuyen-doi-so.txt")
    with sessions() as session:
        flt = TaskFilter(q="so", **extra)
        full = list_tasks(session=session, flt=flt, scope=Scope(), today=TODAY, soon_until=SOON, per_page=100)
        assert full.exact and full.total == len(full.rows) >= 4
        monkeypatch.setattr(task_list, "SEARCH_COUNT_CAP", 3)
        monkeypatch.setattr(task_list, "DENSE_MATCHES", 1)  # the key-order plan on PostgreSQL
        capped = list_tasks(session=session, flt=flt, scope=Scope(), today=TODAY, soon_until=SOON, per_page=100)
        if session.get_bind().dialect.name == "sqlite" and not extra:
            assert (capped.total, capped.exact) == (full.total, True)  # FTS5 counts its own index: exact
        else:
            assert (capped.total, capped.exact) == (3, False)
        assert [t.id for t in capped.rows] == [t.id for t in full.rows]  # the pages themselves are whole
        rows, total = capped  # still unpacks like a pair
        assert total == capped.total and rows == capped.rows


def test_an_agencys_tasks_by_status_and_deadline_range_like_the_brute_force(sessions):
    for path in sorted(EXAMPLES.glob("*.txt")):
        ingest(sessions, path.name)
    with sessions.begin() as session:
        tasks = list(session.scalars(select(Task).order_by(Task.id)))
        for i, task in enumerate(tasks):
            task.deadline = None if i % 4 == 3 else TODAY + timedelta(days=(i % 5 - 2) * 4)
            task.status = ("assigned", "in_progress", "done", "paused")[i % 4]
            task.completed_on = TODAY if task.status == "done" else None
    start, end = TODAY - timedelta(days=5), TODAY + timedelta(days=5)
    with sessions() as session:
        for agency_id in session.execute(select(Assignment.agency_id).distinct()).scalars():
            mine = [t for t in session.scalars(select(Task)) if any(a.agency_id == agency_id for a in t.assignments)]
            flt = TaskFilter(agency=str(agency_id), status=["done", "paused"])
            rows, total = list_tasks(
                session=session, flt=flt, scope=Scope(), today=TODAY, soon_until=SOON, per_page=200
            )
            expected = sorted(
                (t for t in mine if t.status in ("done", "paused")),
                key=lambda t: (t.deadline is None, t.deadline or TODAY, t.id),
            )
            assert [t.id for t in rows] == [t.id for t in expected] and total == len(expected)
            flt = TaskFilter(agency=str(agency_id), deadline_from=start, deadline_to=end)
            rows, total = list_tasks(
                session=session, flt=flt, scope=Scope(), today=TODAY, soon_until=SOON, per_page=200
            )
            expected = sorted(
                (t for t in mine if t.deadline and start <= t.deadline <= end), key=lambda t: (t.deadline, t.id)
            )
            assert [t.id for t in rows] == [t.id for t in expected] and total == len(expected)
