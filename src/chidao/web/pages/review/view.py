"""What the review page shows: the highlighted text, each task's form values, how each task
differs from what extraction proposed (so the clerk sees what was already corrected), the tasks
extraction doubts first with its reasons, and the passages that assign work but gave no task."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup
from sqlalchemy.orm import Session

from chidao.messages import msg
from chidao.store.models import Document, Task, UnassignedPassage
from chidao.tracking.agencies import live_agency_names
from chidao.tracking.document_details import DETAIL_FIELDS, details_version, missing_details
from chidao.tracking.passages import open_passages
from chidao.tracking.task_state import REVIEW_FIELDS, differs_from_proposed, task_snapshot
from chidao.vocab import DocumentStatus, Recurrence, TaskOrigin
from chidao.web.pages.formats import vn_date
from chidao.web.pages.review.input import suggest_split
from chidao.web.pages.review.text import Loose, Passage, highlight
from chidao.web.views import ordered_tasks

FIELD_LABELS = {
    "text": msg("review.fields.text"),
    "lead": msg("review.fields.lead"),
    "coordinators": msg("review.fields.coordinators"),
    "deadline": msg("review.fields.deadline"),
    "recurrence": msg("review.fields.recurrence"),
}
NONE_LABEL = msg("review.fields.none")


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
    doubtful: bool = False  # extraction was less sure of it than the review threshold

    @property
    def anchor(self) -> str:
        return f"task-{self.task.id}"

    @property
    def has_span(self) -> bool:
        return self.task.span_start is not None and self.task.span_end is not None

    @property
    def doubts(self) -> list[str]:
        """Why extraction is not sure of this task, in Vietnamese, most telling first."""
        return [d["label"] for d in self.task.doubts or []]

    @property
    def confidence_label(self) -> str:
        return f"{round((self.task.confidence or 0) * 100)}%"


@dataclass
class PassageView:
    """A passage that assigns work by its words but gave no task; ``error``: why making it a
    task was just refused."""

    passage: UnassignedPassage
    number: int
    error: str = ""

    @property
    def anchor(self) -> str:
        return f"unassigned-{self.passage.id}"


def shown(field_name: str, value: Any) -> str:
    """A proposed or current value as the page writes it (dates dd/mm/yyyy, names one per line)."""
    if field_name in ("lead", "coordinators"):
        return "; ".join(value or []) or NONE_LABEL
    if field_name == "deadline":
        return vn_date(value) or NONE_LABEL
    if field_name == "recurrence":
        return Recurrence.labels().get(value or "", value or msg("review.fields.no_recurrence"))
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


def task_view(task: Task, number: int, problem: Problem | None, threshold: float = 0.0) -> TaskView:
    """One task card, marked doubtful when extraction's confidence is below ``threshold``; when
    the last action on it was refused, its message and what was typed."""
    view = TaskView(task=task, number=number, form=form_values(task), split=suggest_split(task.text))
    view.doubtful = task.confidence is not None and task.confidence < threshold
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


def review_order(views: list[TaskView]) -> list[TaskView]:
    """Doubtful tasks first, the least confident first; then the others in the document's order."""
    return sorted(views, key=lambda v: (not v.doubtful, v.task.confidence if v.doubtful else 0, v.number))


def passage_views(document: Document, problem: Problem | None) -> list[PassageView]:
    views = [PassageView(p, n) for n, p in enumerate(open_passages(document), start=1)]
    for view in views:
        if problem and problem.target == view.anchor:
            view.error = problem.message
    return views


def highlighted_text(document: Document, tasks: list[TaskView], passages: list[PassageView]) -> Markup:
    marks: list[Passage | Loose] = [
        Passage(v.task.id, v.number, v.task.span_start, v.task.span_end) for v in tasks if v.has_span
    ]
    marks += [Loose(v.passage.id, v.passage.span_start, v.passage.span_end, v.passage.label) for v in passages]
    return Markup(highlight(document.text, marks))


@dataclass(frozen=True)
class DetailsForm:
    """The particulars' form shown again after a refusal: why, and what was typed."""

    message: str = ""
    values: dict[str, str] = field(default_factory=dict)


def details_context(document: Document, form: DetailsForm | None = None) -> dict[str, Any]:
    """What the particulars' form needs: the values to show (typed ones after a refusal), the
    fingerprint to send back, the refusal, and which of number and date the document lacks."""
    form = form or DetailsForm()
    values = {name: getattr(document, name) or "" for name in DETAIL_FIELDS}
    values["doc_date"] = f"{document.doc_date:%d/%m/%Y}" if document.doc_date else ""
    return {
        "fields": {**values, **form.values},
        "message": form.message,
        "version": details_version(document),
        "missing": missing_details(document),
    }


# Below this Tesseract confidence (0-100) a page is flagged: words on it are often misread.
LOW_OCR_CONFIDENCE = 80.0


@dataclass(frozen=True)
class OcrPageView:
    page: int
    confidence: float
    low: bool

    @property
    def label(self) -> str:
        return f"{round(self.confidence)}%"


def ocr_pages(document: Document) -> list[OcrPageView]:
    """The pages of a scan that OCR read, with Tesseract's confidence: the clerk checks them
    against the original (the worst ones flagged); empty for a document that had its text."""
    pages = (document.meta or {}).get("ocr") or []
    return [
        OcrPageView(int(p["page"]), float(p["confidence"]), float(p["confidence"]) < LOW_OCR_CONFIDENCE)
        for p in pages
        if isinstance(p, dict) and "page" in p and "confidence" in p
    ]


def review_context(
    session: Session,
    document: Document,
    problem: Problem | None = None,
    *,
    threshold: float = 0.0,
    details: DetailsForm | None = None,
) -> dict[str, Any]:
    """Everything review.html needs for ``document``; tasks extraction is less sure of than
    ``threshold`` (a confidence, 0..1) are marked and listed first."""
    tasks = [t for t in ordered_tasks(document) if not t.deleted]
    views = [task_view(t, n, problem, threshold) for n, t in enumerate(tasks, start=1)]
    passages = passage_views(document, problem)
    add_values = {"text": "", "lead": "", "coordinators": "", "deadline": "", "recurrence": ""}
    if problem and problem.target == "add":
        add_values.update(problem.values or {})
    return {
        "document": document,
        "ocr_pages": ocr_pages(document),
        "details": details_context(document, details),
        "text_html": highlighted_text(document, views, passages),
        "tasks": review_order(views),
        "doubtful_count": sum(v.doubtful for v in views),
        "threshold_label": f"{round(threshold * 100)}%",
        "passages": passages,
        "passage_anchors": {v.anchor for v in passages},
        "edited_count": sum(bool(v.changed) for v in views if v.task.origin == TaskOrigin.EXTRACTED),
        "deleted_count": sum(t.deleted for t in document.tasks),
        "editable": document.status == DocumentStatus.DRAFT,
        "agency_names": live_agency_names(session) if document.status == DocumentStatus.DRAFT else [],
        "recurrences": [(r.value, r.label) for r in Recurrence],
        "problem": problem,
        "add_values": add_values,
        "FIELD_LABELS": FIELD_LABELS,
        "REVIEW_FIELDS": REVIEW_FIELDS,
        "shown": shown,
    }
