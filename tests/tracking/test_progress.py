"""Progress reports called directly: the lead's progress and completion, a coordinator's
contribution, the evidence a completion needs, and who may report at all."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from usecases import CONVERSION, TODAY, audit_of, task_of

from chidao.store.models import Attachment, ProgressReport
from chidao.tracking.errors import Conflict, Forbidden, Invalid
from chidao.tracking.progress import Upload, report_progress
from chidao.tracking.task_records import attachment_for, attachment_of_task, reports_of

FIRST = "Chủ trì, phối hợp với Sở Tài chính"  # led by "officer", "finance" coordinates
POLICE = "Giao Công an tỉnh hướng dẫn"  # neither of them takes part


def report(session, task, user, kind="progress", percent=None, note="", uploads=(), today=TODAY):
    return report_progress(
        session=session, task=task, user=user, kind=kind, percent=percent, note=note, uploads=list(uploads), today=today
    )


def test_the_lead_reports_progress_and_the_task_is_under_way(session, users, ingest):
    task = task_of(ingest(CONVERSION), FIRST)
    made = report(session, task, users["officer"], percent=40, note="Đã khảo sát")
    assert (made.kind, made.percent, made.agency_id) == ("progress", 40, users["officer"].agency_id)
    assert (task.status, task.progress) == ("in_progress", 40)
    change = audit_of(session, "task", task.id)[-1]
    assert change.action == "report_progress" and change.after["progress"] == 40
    assert audit_of(session, "progress_report", made.id)[0].after["note"] == "Đã khảo sát"


def test_a_coordinator_contributes_without_moving_the_task(session, users, ingest):
    task = task_of(ingest(CONVERSION), FIRST)
    made = report(session, task, users["finance"], percent=90, note="Đã bố trí vốn")
    assert made.kind == "contribution"
    assert (task.status, task.progress) == ("assigned", 0)
    with pytest.raises(Forbidden, match="only the lead agency or the office"):
        report(session, task, users["finance"], kind="completion", note="xong")


def test_a_completion_needs_evidence_and_closes_the_task(session, users, ingest):
    task = task_of(ingest(CONVERSION), FIRST)
    with pytest.raises(Invalid, match="needs evidence"):
        report(session, task, users["officer"], kind="completion", note="   ")
    later = date(2024, 5, 3)
    evidence = Upload(filename="bien-ban.pdf", media_type="application/pdf", content=b"%PDF-1.4 bien ban")
    done = report(session, task, users["officer"], kind="completion", uploads=[evidence], today=later)
    assert (done.percent, task.status, task.progress, task.completed_on) == (100, "done", 100, later)
    [stored] = done.attachments
    assert (stored.filename, stored.size, stored.content) == ("bien-ban.pdf", 17, evidence.content)
    assert audit_of(session, "progress_report", done.id)[0].after["attachments"] == ["bien-ban.pdf"]
    with pytest.raises(Conflict, match="the task is done"):
        report(session, task, users["officer"], percent=100)
    assert [r.kind for r in reports_of(session, task)] == ["completion"]


def test_the_office_may_report_for_any_task_and_others_may_not(session, users, ingest):
    document = ingest(CONVERSION)
    task = task_of(document, POLICE)
    assert report(session, task, users["clerk"], percent=20).kind == "progress"
    for who in ("viewer", "officer", "finance"):
        with pytest.raises(Forbidden, match="your role cannot report"):
            report(session, task, users[who], percent=50)
    assert session.scalar(select(ProgressReport.percent).where(ProgressReport.task_id == task.id)) == 20


def test_a_draft_task_takes_no_report(session, users, ingest):
    task = task_of(ingest(CONVERSION, confirm=False), FIRST)
    with pytest.raises(Conflict, match="not tracked"):
        report(session, task, users["officer"], percent=10)
    assert reports_of(session, task) == []


def test_a_reports_file_is_given_only_to_who_may_see_its_task(session, users, ingest):
    document = ingest(CONVERSION)
    task = task_of(document, FIRST)
    upload = Upload(filename="anh.png", media_type="image/png", content=b"\x89PNG")
    made = report(session, task, users["officer"], percent=10, uploads=[upload])
    attachment = session.scalar(select(Attachment).where(Attachment.report_id == made.id))
    assert attachment_for(session, users["finance"], attachment.id) is attachment  # coordinates the task
    assert attachment_for(session, users["health"], attachment.id) is None
    assert attachment_for(session, users["viewer"], attachment.id) is attachment
    assert attachment_of_task(session, task, attachment.id) is attachment
    assert attachment_of_task(session, task_of(document, POLICE), attachment.id) is None
