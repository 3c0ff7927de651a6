"""What the review page shows: the highlighted text, each task's form values, and how each task
differs from what extraction proposed (so the clerk sees what was already corrected)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.store.documents import task_snapshot
from chidao.store.models import Agency, Document, Task
from chidao.tracking.operations import REVIEW_FIELDS, differs_from_proposed
from chidao.web.pages.review_input import RECURRENCES, suggest_split
from chidao.web.pages.review_text import Passage, highlight
from chidao.web.pages.templating import vn_date
from chidao.web.views import ordered_tasks

RECURRENCE_LABELS = {
    "daily": "Hằng ngày",
    "weekly": "Hằng tuần",
    "monthly": "Hằng tháng",
    "quarterly": "Hằng quý",
    "yearly": "Hằng năm",
}
ORIGIN_LABELS = {
    "extracted": "Trích xuất tự động",
    "added": "Thêm khi rà soát",
    "split": "Tách từ nhiệm vụ khác",
    "merged": "Gộp từ nhiều nhiệm vụ",
}
FIELD_LABELS = {
    "text": "Nội dung",
    "lead": "Cơ quan chủ trì",
    "coordinators": "Cơ quan phối hợp",
    "deadline": "Thời hạn",
    "recurrence": "Lặp lại",
}
NONE_LABEL = "(không có)"


@dataclass(frozen=True)
class Problem:
    """Why a review action was refused and which form it concerns ("task-5", "add", "merge",
    "confirm"). ``values``: what was submitted, to fill that form again (invalid input);
    ``unsaved``: what was submitted but is shown beside the fresh data (someone else's change
    won); ``action``: "save", "split", ... on a task."""

    target: str
    message: str
    values: dict[str, str] | None = None
    action: str = ""
    unsaved: dict[str, str] | None = None


@dataclass
class TaskView:
    task: Task
    number: int
    form: dict[str, str]
    changed: list[str] = field(default_factory=list)
    proposed: dict[str, str] = field(default_factory=dict)
    split: tuple[str, str] = ("", "")
    split_open: bool = False
    error: str = ""
    unsaved: dict[str, str] | None = None

    @property
    def anchor(self) -> str:
        return f"task-{self.task.id}"

    @property
    def has_span(self) -> bool:
        return self.task.span_start is not None and self.task.span_end is not None


def shown(field_name: str, value: Any) -> str:
    """A proposed or current value as the page writes it (dates dd/mm/yyyy, names one per line)."""
    if field_name in ("lead", "coordinators"):
        return "; ".join(value or []) or NONE_LABEL
    if field_name == "deadline":
        return vn_date(value) or NONE_LABEL
    if field_name == "recurrence":
        return RECURRENCE_LABELS.get(value or "", value or "Không lặp lại")
    return value or NONE_LABEL


def form_values(task: Task) -> dict[str, str]:
    """The stored task as the strings its form inputs hold."""
    snapshot = task_snapshot(task)
    return {
        "text": task.text,
        "lead": "\n".join(snapshot["lead"]),
        "coordinators": "\n".join(snapshot["coordinators"]),
        "deadline": snapshot["deadline"] or "",
        "recurrence": task.recurrence or "",
    }


def task_view(task: Task, number: int, problem: Problem | None) -> TaskView:
    """One task card; when the last action on it was refused, its message and what was typed."""
    view = TaskView(task=task, number=number, form=form_values(task), split=suggest_split(task.text))
    if task.proposed is not None:
        view.changed = differs_from_proposed(task)
        view.proposed = {f: shown(f, task.proposed.get(f)) for f in view.changed}
    if problem and problem.target == view.anchor:
        view.error, view.unsaved = problem.message, problem.unsaved
        values = problem.values or {}
        if problem.action == "split":
            view.split_open = True
            view.split = (values.get("part_1", view.split[0]), values.get("part_2", view.split[1]))
        else:
            view.form.update(values)
    return view


def agency_choices(session: Session) -> list[str]:
    """Every agency name of the store (the registry and those added since), for autocompletion."""
    return list(session.scalars(select(Agency.name).order_by(Agency.key)))


def review_context(session: Session, document: Document, problem: Problem | None = None) -> dict[str, Any]:
    """Everything review.html needs for ``document``."""
    tasks = [t for t in ordered_tasks(document) if not t.deleted]
    views = [task_view(t, n, problem) for n, t in enumerate(tasks, start=1)]
    passages = [
        Passage(v.task.id, v.number, v.task.span_start, v.task.span_end)
        for v in views
        if v.task.span_start is not None and v.task.span_end is not None
    ]
    add_values = {"text": "", "lead": "", "coordinators": "", "deadline": "", "recurrence": ""}
    if problem and problem.target == "add":
        add_values.update(problem.values or {})
    return {
        "document": document,
        "text_html": Markup(highlight(document.text, passages)),
        "tasks": views,
        "edited_count": sum(bool(v.changed) for v in views if v.task.origin == "extracted"),
        "deleted_count": sum(t.deleted for t in document.tasks),
        "editable": document.status == "draft",
        "agency_names": agency_choices(session) if document.status == "draft" else [],
        "recurrences": [(r, RECURRENCE_LABELS[r]) for r in RECURRENCES],
        "problem": problem,
        "add_values": add_values,
        "FIELD_LABELS": FIELD_LABELS,
        "ORIGIN_LABELS": ORIGIN_LABELS,
        "RECURRENCE_LABELS": RECURRENCE_LABELS,
        "REVIEW_FIELDS": REVIEW_FIELDS,
        "shown": shown,
    }
