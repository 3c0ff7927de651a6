"""A task as the pages show it: the API's ``TaskPublic`` (agencies by role, timing state on the
request's date), so that a page and the API never disagree about a task."""

from __future__ import annotations

from datetime import date

from chidao.store.models import Task
from chidao.tracking.task_lines import TaskLine
from chidao.web.schemas import TaskPublic
from chidao.web.views import task_public


def task_row(task: Task | TaskLine, today: date, soon: date) -> TaskPublic:
    """The row of ``task`` with its timing state on ``today`` (due soon up to ``soon``)."""
    return task_public(task, today, soon)
