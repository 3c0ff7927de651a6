"""Extensions called directly: the lead asks for a later deadline, the office approves or
refuses, one request pending at a time; the original deadline stays on record."""

from __future__ import annotations

from datetime import date

import pytest
from usecases import CONVERSION, TODAY, audit_of, task_of

from chidao.tracking.errors import Conflict, Forbidden, Invalid
from chidao.tracking.extensions import decide_extension, request_extension
from chidao.tracking.review import update_task
from chidao.tracking.task_records import extension_for, extensions_of, list_extensions

FIRST = "Chủ trì, phối hợp với Sở Tài chính"  # led by "officer" (deadline 30/4/2024), "finance" coordinates
LATER = date(2024, 5, 31)


def ask(session, task, user, deadline=LATER, reason="Chờ kinh phí", today=TODAY):
    return request_extension(
        session=session, task=task, user=user, requested_deadline=deadline, reason=reason, today=today
    )


def test_approved_the_task_takes_the_new_deadline_and_the_old_one_stays_on_record(session, users, ingest):
    task = task_of(ingest(CONVERSION), FIRST)
    extension = ask(session, task, users["officer"])
    assert (extension.status, extension.original_deadline, extension.requested_deadline) == (
        "pending",
        date(2024, 4, 30),
        LATER,
    )
    assert audit_of(session, "task", task.id)[-1].action == "extension_request"
    decide_extension(
        session=session, extension=extension, task=task, user_id=users["clerk"].id, approve=True, note="Đồng ý"
    )
    assert (extension.status, extension.decided_by_id, extension.decision_note) == (
        "approved",
        users["clerk"].id,
        "Đồng ý",
    )
    assert extension.decided_at is not None and task.deadline == LATER
    approved = audit_of(session, "task", task.id)[-1]
    assert approved.action == "extension_approved"
    assert approved.before == {"deadline": "2024-04-30"} and approved.after["deadline"] == "2024-05-31"
    with pytest.raises(Conflict, match="already approved"):
        decide_extension(session=session, extension=extension, task=task, user_id=None, approve=False, note="")


def test_refused_the_deadline_stays_and_a_new_request_may_follow(session, users, ingest):
    task = task_of(ingest(CONVERSION), FIRST)
    first = ask(session, task, users["officer"])
    with pytest.raises(Conflict, match=f"extension {first.id} is already waiting"):
        ask(session, task, users["officer"], deadline=date(2024, 6, 30))
    decide_extension(session=session, extension=first, task=task, user_id=None, approve=False, note="Không")
    assert first.status == "refused" and task.deadline == date(2024, 4, 30)
    second = ask(session, task, users["clerk"], deadline=date(2024, 6, 30))  # the office may ask too
    assert [e.id for e in extensions_of(session, task)] == [first.id, second.id]


def test_the_requested_date_must_be_later_and_not_past(session, users, ingest):
    task = task_of(ingest(CONVERSION), FIRST)
    for wrong in (date(2024, 4, 30), date(2024, 4, 15), date(2024, 3, 31)):
        with pytest.raises(Invalid, match="must be later"):
            ask(session, task, users["officer"], deadline=wrong)
    assert extensions_of(session, task) == []


def test_only_the_lead_or_the_office_may_ask_and_only_for_an_open_tracked_task(session, users, ingest):
    document = ingest(CONVERSION)
    task = task_of(document, FIRST)
    with pytest.raises(Forbidden, match="only the lead agency"):
        ask(session, task, users["finance"])  # coordinates, does not lead
    with pytest.raises(Forbidden, match="your role"):
        ask(session, task, users["viewer"])
    update_task(session=session, task=task, user=users["clerk"], changes={"status": "done"}, version=None, today=TODAY)
    with pytest.raises(Conflict, match="the task is done"):
        ask(session, task, users["officer"])
    draft = task_of(ingest("cv-giao-nhiem-vu-y-te.txt", confirm=False), "Giao Sở Y tế")
    with pytest.raises(Conflict, match="not tracked"):
        ask(session, draft, users["health"])


def test_extension_requests_are_listed_by_who_may_see_them(session, users, ingest):
    document = ingest(CONVERSION)
    task = task_of(document, FIRST)
    pending = ask(session, task, users["officer"])
    health_task = task_of(ingest("cv-giao-nhiem-vu-y-te.txt"), "Giao Sở Y tế")
    other = ask(session, health_task, users["health"], deadline=date(2024, 9, 30))
    decide_extension(session=session, extension=other, task=health_task, user_id=None, approve=True, note="")

    def listed(who, status=None):
        rows, total = list_extensions(session=session, user=users[who], status=status, page=1, per_page=10)
        return [e.id for e in rows], total

    assert listed("clerk") == ([pending.id, other.id], 2)
    assert listed("clerk", "pending") == ([pending.id], 1)
    assert listed("officer") == ([pending.id], 1)
    assert listed("finance") == ([pending.id], 1)  # coordinating, it sees the request too
    assert listed("health", "approved") == ([other.id], 1)
    assert extension_for(session, users["health"], pending.id) is None
    assert extension_for(session, users["officer"], pending.id) == (pending, task)
