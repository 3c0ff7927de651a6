"""Agencies split in several or dissolved (SQLite and PostgreSQL): each open task of Sở Thông tin
và Truyền thông gets a suggested successor from its text, the clerk may choose another, applying
moves the rows with a history entry per task, the completed task stays with the old body, its
officer follows the first successor (and no longer sees the other's tasks), and a second apply
is refused. A dissolution gives each task away or closes it, and refuses undecided tasks."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from chidao.store.agencies import agency_key
from chidao.store.models import Agency, AgencyChange, AuditEntry, User
from chidao.tracking.agencies import live_agency_names
from chidao.tracking.agency_lifecycle import (
    CLOSE,
    Refused,
    dissolve_agency,
    dissolve_preview,
    split_agency,
    split_preview,
)
from chidao.tracking.database import open_sessions
from chidao.tracking.visibility import can_see_task
from db import database_fixture
from support.split import CULTURE, DATA, DIGITAL, FESTIVAL, OLD, PRESS, SCIENCE, SUMMARY, store_notice, task
from support.users import seed

database = database_fixture()
TODAY = date(2025, 3, 10)
ON = date(2025, 3, 1)
REF = "Quyết định 15/QĐ-UBND"


def _agency(session: Session, name: str) -> Agency:
    return session.scalar(select(Agency).where(Agency.key == agency_key(name)))


@pytest.fixture
def sessions(database: Engine):
    seed(database)
    factory = open_sessions(database)
    with factory.begin() as session:
        store_notice(session)
    return factory


def _leads(session: Session, start: str, role: str = "lead") -> list[str]:
    return [a.agency.name for a in task(session, start).assignments if a.role == role]


def test_a_split_suggests_from_the_text_takes_overrides_and_happens_once(sessions):
    with sessions() as session:
        old, science, culture = (_agency(session, n) for n in (OLD, SCIENCE, CULTURE))
        plan = split_preview(
            session=session, agency=old, successors=[science, culture], effective=ON, reference=REF, today=TODAY
        )
        suggested = {t.text[:40]: t.suggested for t in plan.tasks}
        assert len(plan.tasks) == 4 and plan.users == 1  # the done task is not among them
        by_start = {
            start: next(t for t in plan.tasks if t.text.startswith(start)) for start in (DIGITAL, PRESS, DATA, FESTIVAL)
        }
        assert by_start[DIGITAL].suggested == science.id and "an toàn thông tin" in by_start[DIGITAL].words
        assert by_start[PRESS].suggested == culture.id and "báo chí" in by_start[PRESS].words
        assert by_start[FESTIVAL].suggested == culture.id and by_start[FESTIVAL].roles == ("coordinator",)
        assert by_start[DATA].suggested == science.id, suggested
        data_id = by_start[DATA].task_id
    with sessions.begin() as session:
        old, science, culture = (_agency(session, n) for n in (OLD, SCIENCE, CULTURE))
        done = split_agency(
            session=session,
            user_id=None,
            agency=old,
            successors=[science, culture],
            effective=ON,
            reference=REF,
            today=TODAY,
            choices={data_id: culture.id},
        )
    assert done.moved == {SCIENCE: 1, CULTURE: 3} and done.users == 1
    with sessions() as session:
        assert _leads(session, DIGITAL) == [SCIENCE]
        assert _leads(session, PRESS) == [CULTURE] and _leads(session, DATA) == [CULTURE]  # the clerk's choice
        assert _leads(session, FESTIVAL) == ["Sở Nội vụ"] and _leads(session, FESTIVAL, "coordinator") == [CULTURE]
        assert _leads(session, SUMMARY) == [OLD]  # completed work stays with the body that did it
        history = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "agency_succession", AuditEntry.entity == "task")
        ).all()
        assert len(history) == 4
        reasons = {h.entity_id: h.after["reason"] for h in history}
        assert reasons[task(session, PRESS).id] == f"chuyển từ {OLD} sang {CULTURE} theo {REF}"
        officer = session.scalar(select(User).where(User.username == "officer"))
        assert officer.agency_id == _agency(session, SCIENCE).id
        assert can_see_task(officer, task(session, DIGITAL)) and not can_see_task(officer, task(session, PRESS))
        old = _agency(session, OLD)
        assert (old.ended_on, old.successor_id) == (ON, _agency(session, SCIENCE).id)
        change = session.scalar(select(AgencyChange).where(AgencyChange.agency_id == old.id))
        assert (change.kind, change.reference, change.moved_tasks, change.moved_users) == ("split", REF, 4, 1)
        entries = session.scalar(select(func.count()).select_from(AuditEntry))
    with sessions.begin() as session, pytest.raises(Refused) as refused:
        old, science, culture = (_agency(session, n) for n in (OLD, SCIENCE, CULTURE))
        split_agency(
            session=session,
            user_id=None,
            agency=old,
            successors=[science, culture],
            effective=ON,
            reference=REF,
            today=TODAY,
        )
    assert refused.value.code == "ended"
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == entries


@pytest.mark.parametrize(
    ("successors", "effective", "reference", "code"),
    [
        ([SCIENCE], ON, REF, "successors"),
        ([SCIENCE, SCIENCE], ON, REF, "successors"),
        ([SCIENCE, OLD], ON, REF, "itself"),
        ([SCIENCE, CULTURE], date(2025, 4, 1), REF, "future"),  # after today
        ([SCIENCE, CULTURE], ON, "  ", "reference"),
    ],
)
def test_a_split_that_makes_no_sense_is_refused_with_a_code(sessions, successors, effective, reference, code):
    with sessions() as session, pytest.raises(Refused) as refused:
        split_preview(
            session=session,
            agency=_agency(session, OLD),
            successors=[_agency(session, n) for n in successors],
            effective=effective,
            reference=reference,
            today=TODAY,
        )
    assert refused.value.code == code


def test_a_choice_outside_the_successors_is_refused(sessions):
    with sessions() as session, pytest.raises(Refused) as refused:
        old, science, culture = (_agency(session, n) for n in (OLD, SCIENCE, CULTURE))
        split_agency(
            session=session,
            user_id=None,
            agency=old,
            successors=[science, culture],
            effective=ON,
            reference=REF,
            today=TODAY,
            choices={task(session, PRESS).id: _agency(session, "Sở Y tế").id},
        )
    assert refused.value.code == "choice"


def test_a_dissolution_gives_away_or_closes_every_open_task(sessions):
    with sessions() as session:
        old = _agency(session, OLD)
        plan = dissolve_preview(session=session, agency=old, effective=ON, reference=REF, today=TODAY)
        ids = {start: task(session, start).id for start in (DIGITAL, PRESS, DATA, FESTIVAL)}
        assert {t.task_id for t in plan.tasks} == set(ids.values()) and all(t.suggested is None for t in plan.tasks)
        science = _agency(session, SCIENCE).id
        with pytest.raises(Refused) as refused:  # one task left undecided
            dissolve_agency(
                session=session,
                user_id=None,
                agency=old,
                effective=ON,
                reference=REF,
                today=TODAY,
                choices={ids[DIGITAL]: science},
            )
        assert refused.value.code == "undecided"
        session.rollback()
    with sessions.begin() as session:
        old, science = _agency(session, OLD), _agency(session, SCIENCE)
        choices = {ids[DIGITAL]: science.id, ids[DATA]: science.id, ids[PRESS]: CLOSE, ids[FESTIVAL]: CLOSE}
        done = dissolve_agency(
            session=session, user_id=None, agency=old, effective=ON, reference=REF, today=TODAY, choices=choices
        )
    assert (done.moved, done.closed, done.users) == ({SCIENCE: 2}, 2, 1)
    with sessions() as session:
        assert _leads(session, DIGITAL) == [SCIENCE] and _leads(session, DATA) == [SCIENCE]
        closed = task(session, PRESS)
        assert closed.status == "cancelled" and _leads(session, PRESS) == [OLD]  # closed, still the old body's
        assert task(session, FESTIVAL).status == "cancelled"
        entry = session.scalar(
            select(AuditEntry).where(AuditEntry.action == "agency_dissolved", AuditEntry.entity_id == closed.id)
        )
        assert entry.after["reason"].startswith("không còn thực hiện") and REF in entry.after["reason"]
        officer = session.scalar(select(User).where(User.username == "officer"))
        assert not officer.is_active  # kept, deactivated: the admin re-points it
        old = _agency(session, OLD)
        assert old.ended_on == ON and old.successor_id is None
        assert OLD not in live_agency_names(session) and SCIENCE in live_agency_names(session)  # no new work
    with sessions.begin() as session, pytest.raises(Refused, match="already ended"):
        dissolve_preview(session=session, agency=_agency(session, OLD), effective=ON, reference=REF, today=TODAY)


def test_a_dissolution_gives_tasks_only_to_live_agencies(sessions):
    with sessions() as session, pytest.raises(Refused) as refused:
        old = _agency(session, OLD)
        choices = {
            t.task_id: old.id
            for t in dissolve_preview(session=session, agency=old, effective=ON, reference=REF, today=TODAY).tasks
        }
        dissolve_agency(
            session=session, user_id=None, agency=old, effective=ON, reference=REF, today=TODAY, choices=choices
        )
    assert refused.value.code == "receiver"


def test_a_dissolved_body_typed_in_review_is_refused(sessions):
    """After a dissolution, naming the body as lead or partner of a tracked task is refused with
    one sentence; its successor-less name never becomes a new assignment."""
    from chidao.tracking.errors import Invalid
    from chidao.tracking.review import update_task

    with sessions.begin() as session:
        old, science = _agency(session, OLD), _agency(session, SCIENCE)
        plan = dissolve_preview(session=session, agency=old, effective=ON, reference=REF, today=TODAY)
        choices = {t.task_id: science.id for t in plan.tasks}
        dissolve_agency(
            session=session, user_id=None, agency=old, effective=ON, reference=REF, today=TODAY, choices=choices
        )
    with sessions() as session:
        target = task(session, DIGITAL)
        target.tracked = True
        with pytest.raises(Invalid, match="đã giải thể từ ngày 01/03/2025"):
            clerk = session.scalar(select(User).where(User.username == "clerk"))
            changes = {"coordinators": [OLD]}
            update_task(session=session, task=target, user=clerk, changes=changes, version=None, today=TODAY)
        session.rollback()
    with sessions() as session:
        assert OLD not in _leads(session, DIGITAL, "coordinator")
