"""The review table's own action: set the lead, the coordinators or the deadline of every ticked
task at once. One transaction through the same operation as a task's form
(``tracking.review.update_task``, each change audited): every task's version is checked, and one
task changed meanwhile (or deleted) refuses them all, nothing saved, with a Vietnamese reason.

The table's inline edit of one row posts to the task's own route (routes/review.py), with
``?view=table`` so that the page comes back as the table.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from chidao.messages import msg
from chidao.tracking import review as review_cases
from chidao.tracking.task_state import task_snapshot
from chidao.web.deps import CsrfChecked, Id, PageUser, SessionDep, TodayDep
from chidao.web.pages.forms import FormError
from chidao.web.pages.review.routes import REVIEW_POST, attempt, back, draft_of, new_agencies_note
from chidao.web.pages.review.table import BulkForm, bulk_changes, bulk_fields, pick_pairs
from chidao.web.pages.review.view import Problem

router = APIRouter()
Text = Annotated[str, Form()]


@router.post(REVIEW_POST + "/bulk", dependencies=[CsrfChecked])
def bulk_set(
    request: Request,
    document_id: Id,
    session: SessionDep,
    user: PageUser,
    today: TodayDep,
    pick: Annotated[list[str] | None, Form()] = None,
    lead: Text = "",
    coordinators: Text = "",
    deadline: Text = "",
) -> Response:
    """Đặt chung: the fields filled in, given to every ticked task (blank fields are kept)."""
    document = draft_of(session, user, document_id)
    form = BulkForm(pick or [], lead, coordinators, deadline)

    def step() -> str:
        pairs = pick_pairs(form.picks)
        checked = bulk_fields(session, form)
        by_id = {t.id: t for t in document.tasks}
        if any(task_id not in by_id for task_id, _ in pairs):
            raise FormError(msg("review.table.other_document"))
        changed = 0
        for task_id, version in pairs:
            task = by_id[task_id]
            changes = bulk_changes(task_snapshot(task), checked.values)
            review_cases.update_task(
                session=session, task=task, user=user, changes=changes, version=version, today=today
            )
            changed += bool(changes)
        message = msg("review.table.set", count=len(pairs), changed=changed)
        return back(request, document.id, message + new_agencies_note(checked.new_agencies), f"task-{pairs[0][0]}")

    return attempt(request, session, document.id, Problem("bulk", "", form.values(), "bulk"), step)
