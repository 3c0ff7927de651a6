"""The event layer's in-app channel, use cases called directly on SQLite and PostgreSQL: who is
told of what (the actor never of their own act), marking read, and nothing told for a change
that was rolled back."""

from __future__ import annotations

from datetime import date

from feedkit import sessions, store, told, users_of
from usecases import CONVERSION, TODAY, task_of

from chidao.tracking.extensions import decide_extension, request_extension
from chidao.tracking.notifications import list_notifications, mark_all_read, mark_read, unread_count
from chidao.tracking.progress import report_progress
from chidao.tracking.review import update_task

__all__ = ["sessions"]
FIRST = "Chủ trì, phối hợp với Sở Tài chính"  # led by "officer", "finance" coordinates; due 30/4/2024
CREATED, REQUESTED, DECIDED = "task.created", "extension.requested", "extension.decided"


def test_confirming_a_notice_tells_each_agency_of_its_new_tasks(sessions):
    with sessions.begin() as session:
        users = users_of(session)
        document = store(session, CONVERSION, user_id=users["clerk"].id)
        first = task_of(document, FIRST)
    with sessions() as session:
        officer = [kind for kind, _ in told(session, "officer")]
        assert officer == [CREATED] * 4  # leads three, coordinates one
        assert (CREATED, first.id) in told(session, "finance")  # a coordinator is told too
        assert told(session, "health") == [] and told(session, "clerk") == []  # the clerk confirmed
        assert unread_count(session, users["officer"].id) == 4


def test_an_extension_request_reaches_the_clerks_at_once_and_the_decision_the_lead(sessions):
    with sessions.begin() as session:
        users = users_of(session)
        task = task_of(store(session, CONVERSION), FIRST)
        before = {name: len(told(session, name)) for name in users}
        extension = request_extension(
            session=session,
            task=task,
            user=users["officer"],
            requested_deadline=date(2024, 5, 31),
            reason="Chờ kinh phí",
            today=TODAY,
        )
    with sessions() as session:
        assert told(session, "clerk")[before["clerk"] :] == [(REQUESTED, task.id)]
        for name in ("officer", "admin", "viewer", "finance", "health"):
            assert len(told(session, name)) == before[name], name  # not the asker, not the others
        page = list_notifications(session=session, user=users_of(session)["clerk"])
        assert page.rows[0].data["requested_deadline"] == "2024-05-31" and page.rows[0].data["reason"] == "Chờ kinh phí"
    with sessions.begin() as session:
        users = users_of(session)
        task = session.merge(task)
        decide_extension(
            session=session, extension=session.merge(extension), task=task, user_id=users["clerk"].id,
            approve=True, note="Đồng ý",
        )  # fmt: skip
    with sessions() as session:
        assert told(session, "officer")[-1] == (DECIDED, task.id)
        assert told(session, "clerk")[-1] == (REQUESTED, task.id)  # the decider is not told of it


def test_reports_reach_the_clerks_and_a_coordinators_part_reaches_the_lead(sessions):
    with sessions.begin() as session:
        users = users_of(session)
        task = task_of(store(session, CONVERSION), FIRST)
        report = dict(session=session, task=task, percent=None, uploads=[], today=TODAY)
        report_progress(user=users["finance"], kind="progress", note="Đã cân đối", **report)
        report_progress(user=users["officer"], kind="completion", note="Xong", **report)
    with sessions() as session:
        assert [k for k, _ in told(session, "clerk")] == ["task.progress", "task.completed"]
        assert told(session, "officer")[-1] == ("task.progress", task.id)  # the coordinator's part
        assert ("task.completed", task.id) not in told(session, "officer")  # their own completion
        assert ("task.progress", task.id) not in told(session, "finance")


def test_an_office_change_to_a_tracked_task_tells_its_agencies(sessions):
    with sessions.begin() as session:
        users = users_of(session)
        task = task_of(store(session, CONVERSION), FIRST)
        changes = {"deadline": date(2024, 6, 14)}
        update_task(session=session, task=task, user=users["clerk"], changes=changes, version=None, today=TODAY)
    with sessions() as session:
        page = list_notifications(session=session, user=users_of(session)["officer"])
        assert page.rows[0].kind == "task.updated" and page.rows[0].data["changed"] == ["deadline"]
        assert told(session, "finance")[-1] == ("task.updated", task.id)


def test_a_draft_tells_nobody_and_a_rolled_back_change_leaves_nothing(sessions):
    with sessions.begin() as session:
        document = store(session, CONVERSION, confirm=False)
        assert told(session, "officer") == []
        document_id = document.id
    with sessions() as session:
        from chidao.store.models import Document
        from chidao.tracking.ingest import confirm_document

        confirm_document(session=session, document=session.get(Document, document_id), user_id=None)
        assert len(told(session, "officer")) == 4
        session.rollback()
        assert told(session, "officer") == []


def test_marking_read_one_or_all_and_only_ones_own(sessions):
    with sessions.begin() as session:
        store(session, CONVERSION)
    with sessions.begin() as session:
        users = users_of(session)
        officer, finance = users["officer"], users["finance"]
        mine = list_notifications(session=session, user=officer).rows
        assert mark_read(session=session, user=finance, notification_id=mine[0].id) is None
        first = mark_read(session=session, user=officer, notification_id=mine[0].id)
        assert first is not None and first.read_at is not None
        moment = first.read_at
        assert mark_read(session=session, user=officer, notification_id=mine[0].id).read_at == moment
        assert unread_count(session, officer.id) == 3
        assert list_notifications(session=session, user=officer, unread_only=True).total == 3
        assert mark_all_read(session=session, user=officer) == 3
        assert unread_count(session, officer.id) == 0 and unread_count(session, finance.id) == 2
