"""A task as the pages show it: the fields of the API's ``TaskPublic`` (agencies by role, timing
state on the request's date), from the same ``views.task_item``, so that a page and the API
never disagree about a task.

A row is a plain frozen dataclass with the model's fields rather than the model itself: the
pages only read it, and validating a model per row cost as much as writing the row's HTML
(issue 10, item 10). ``?format=json`` writes it as the model's JSON would."""

from __future__ import annotations

from dataclasses import make_dataclass
from datetime import date

from chidao.store.models import Task
from chidao.tracking.task_lines import TaskLine
from chidao.web.schemas import TaskPublic
from chidao.web.views import task_item

TaskRow = make_dataclass("TaskRow", list(TaskPublic.model_fields), frozen=True, slots=True)


def task_row(task: Task | TaskLine, today: date, soon: date) -> TaskRow:
    """The row of ``task`` with its timing state on ``today`` (due soon up to ``soon``)."""
    return TaskRow(**task_item(task, today, soon))
