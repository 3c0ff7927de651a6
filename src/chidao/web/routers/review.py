"""Reviewing what extraction proposed: add, split, merge and delete tasks, and make a task of a
passage that assigns work but gave none (clerk or admin).

Corrections to a task's fields go through ``PATCH /tasks/{id}`` (routers/tasks.py). Every
operation is written to the audit log next to what extraction proposed.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from chidao.tracking import passages, review
from chidao.web import schemas
from chidao.web.deps import (
    CurrentUser,
    Id,
    SessionDep,
    SoonDep,
    StaffUser,
    TodayDep,
    document_in_scope,
    not_found,
    task_in_scope,
)
from chidao.web.views import passage_public, task_public

router = APIRouter(tags=["review"])
CONFLICT = {409: {"description": "the task changed meanwhile, or is deleted"}}
TAKEN = {409: {"description": "the passage already became a task, or the document is confirmed"}}


@router.post("/documents/{document_id}/tasks", status_code=status.HTTP_201_CREATED)
def add_task(
    document_id: Id, body: schemas.TaskCreate, session: SessionDep, user: StaffUser, today: TodayDep, soon: SoonDep
) -> schemas.TaskPublic:
    """Add a task that extraction missed (origin "added")."""
    document = document_in_scope(session, user, document_id)
    fields = body.model_dump(exclude_none=True)
    task = review.add_task(session=session, document=document, user_id=user.id, fields=fields)
    session.commit()
    return task_public(task, today, soon)


@router.delete("/tasks/{task_id}", responses=CONFLICT)
def delete_task(
    task_id: Id,
    session: SessionDep,
    user: StaffUser,
    today: TodayDep,
    soon: SoonDep,
    version: Annotated[int | None, Query(description="the version you read (optional)")] = None,
) -> schemas.TaskPublic:
    """Delete a task (softly: it stays in history and in the review statistics)."""
    task = task_in_scope(session, user, task_id)
    review.delete_task(session=session, task=task, user_id=user.id, version=version)
    session.commit()
    return task_public(task, today, soon)


@router.post("/tasks/{task_id}/split", status_code=status.HTTP_201_CREATED, responses=CONFLICT)
def split_task(
    task_id: Id, body: schemas.SplitRequest, session: SessionDep, user: StaffUser, today: TodayDep, soon: SoonDep
) -> list[schemas.TaskPublic]:
    """Replace a task by several (origin "split"); a part's missing fields are the original's."""
    task = task_in_scope(session, user, task_id)
    parts = [part.changes() for part in body.parts]
    new = review.split_task(session=session, task=task, user_id=user.id, parts=parts, version=body.version)
    session.commit()
    return [task_public(t, today, soon) for t in new]


@router.post("/tasks/merge", status_code=status.HTTP_201_CREATED, responses=CONFLICT)
def merge_tasks(
    body: schemas.MergeRequest, session: SessionDep, user: StaffUser, today: TodayDep, soon: SoonDep
) -> schemas.TaskPublic:
    """Replace tasks of one document by one (origin "merged"): texts joined, agencies united,
    the earliest deadline kept, unless the body says otherwise."""
    ids = list(dict.fromkeys(body.task_ids))
    tasks = review.tasks_by_id(session, ids)
    missing = sorted(set(ids) - {t.id for t in tasks})
    if missing:
        raise not_found("task", missing[0])
    merged = review.merge_tasks(session=session, tasks=tasks, user_id=user.id, given=body.changes("task_ids"))
    session.commit()
    return task_public(merged, today, soon)


@router.get("/documents/{document_id}/unassigned")
def list_unassigned(
    document_id: Id,
    session: SessionDep,
    user: CurrentUser,
    include_taken: Annotated[bool, Query(description="also the passages already made tasks")] = False,
) -> list[schemas.PassagePublic]:
    """Passages of the document that use an assignment verb (giao, yêu cầu, chủ trì, ...) but
    gave no task, in reading order, each with extraction's reason."""
    document = document_in_scope(session, user, document_id)
    shown = document.passages if include_taken else passages.open_passages(document)
    return [passage_public(p) for p in sorted(shown, key=lambda p: (p.span_start, p.id))]


@router.post(
    "/documents/{document_id}/unassigned/{passage_id}/task", status_code=status.HTTP_201_CREATED, responses=TAKEN
)
def task_from_passage(
    document_id: Id, passage_id: Id, session: SessionDep, user: StaffUser, today: TodayDep, soon: SoonDep
) -> schemas.TaskPublic:
    """Make an unassigned passage a draft task (origin "passage"): its text and source span are
    the passage's, agencies and deadline are left to fill in; the passage is no longer listed."""
    document = document_in_scope(session, user, document_id)
    passage = passages.passage_of(session, document, passage_id)
    if passage is None:
        raise not_found("passage", passage_id)
    task = passages.task_from_passage(session=session, document=document, passage=passage, user_id=user.id)
    session.commit()
    return task_public(task, today, soon)
