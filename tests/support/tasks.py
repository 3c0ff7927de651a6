"""Tracked tasks written straight into a test database, with the dates a test needs (ingesting a
notice gives the dates the notice says, which rarely fall where a reminder test wants them)."""

from __future__ import annotations

import itertools
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.store.models import Agency, Assignment, Document, Task

_numbers = itertools.count(1)


def agency_id(session: Session, name: str) -> int:
    return session.scalar(select(Agency.id).where(Agency.name == name))


def add_task(
    session: Session,
    *,
    lead: str,
    deadline: date | None,
    text: str = "Báo cáo tiến độ chuyển đổi số",
    status: str = "assigned",
    recurrence: str | None = None,
    deadline_text: str | None = None,
    recurrence_day: str | None = None,
    doc_date: date | None = None,
    coordinators: tuple[str, ...] = (),
    completed_on: date | None = None,
) -> Task:
    """A confirmed document with one tracked task led by ``lead`` (flushed, not committed)."""
    number = next(_numbers)
    document = Document(
        filename=f"tb-{number}.txt",
        content_hash=f"test-{number}-{id(session)}",
        original=b"x",
        text=text,
        status="confirmed",
        doc_date=doc_date,
    )
    task = Task(
        document=document,
        text=f"{text} ({number})",
        deadline=deadline,
        status=status,
        tracked=True,
        recurrence=recurrence,
        deadline_text=deadline_text,
        recurrence_day=recurrence_day,
        completed_on=completed_on,
        search_text=text.lower(),
    )
    task.assignments = [Assignment(agency_id=agency_id(session, lead), role="lead")] + [
        Assignment(agency_id=agency_id(session, name), role="coordinator", position=i)
        for i, name in enumerate(coordinators, start=1)
    ]
    session.add(document)
    session.flush()
    return task
