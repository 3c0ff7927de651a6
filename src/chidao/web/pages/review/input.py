"""What the clerk typed in the review forms, turned into the fields the tracking operations take.

Values are checked with the API's own request models (so the page and the API accept exactly
the same things) and every refusal is one Vietnamese sentence (the pages' one ``FormError``). Agency names
follow the store's rule: a name it does not know becomes a new agency, which is reported back
so that a typo does not pass unnoticed.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from chidao.messages import msg
from chidao.store.models import Task
from chidao.tracking.agencies import read_agency_names
from chidao.tracking.numbers import key
from chidao.tracking.task_state import REVIEW_FIELDS, task_snapshot
from chidao.web import schemas
from chidao.web.pages.forms import FormError, read_day

_FIELD_MESSAGES = {
    "text": msg("review.input.text"),
    "lead": msg("review.input.lead"),
    "coordinators": msg("review.input.coordinators"),
    "deadline": msg("review.input.deadline"),
    "recurrence": msg("review.input.recurrence"),
    "version": msg("review.input.version"),
    "parts": msg("review.input.parts"),
}


@dataclass(frozen=True)
class TaskForm:
    """A task's fields as submitted (``*_add``: the autocompleted name typed beside the list)."""

    text: str = ""
    lead: str = ""
    lead_add: str = ""
    coordinators: str = ""
    coordinators_add: str = ""
    deadline: str = ""
    recurrence: str = ""

    def values(self) -> dict[str, str]:
        """The values to fill the form with again after a refusal (nothing the clerk typed is lost)."""
        raw = {f.name: getattr(self, f.name) for f in fields(self)}
        for name in ("lead", "coordinators"):
            extra = raw.pop(f"{name}_add").strip()
            raw[name] = "\n".join(part for part in (raw[name].strip(), extra) if part)
        return raw


@dataclass(frozen=True)
class TaskFields:
    """Checked fields, ready for ``review.add_task`` / ``update_task``, and agencies new to the store."""

    values: dict[str, Any]
    new_agencies: list[str]


def form_text(value: str) -> str:
    """Browsers send textarea line breaks as CRLF; the store keeps LF like the extracted text.
    NUL characters go too: PostgreSQL refuses them in text, and no notice contains one."""
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def parse_date(raw: str) -> date | None:
    """A date input's ISO value, or dd/mm/yyyy typed where the browser has no date picker."""
    try:
        return read_day(raw)
    except ValueError:
        raise FormError(_FIELD_MESSAGES["deadline"]) from None


def validated(model: type[BaseModel], data: dict[str, Any]) -> Any:
    """``model`` (one of the API's request bodies) built from ``data``, or the first problem in Vietnamese."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        field = str(first["loc"][0]) if first["loc"] else ""
        raise FormError(_FIELD_MESSAGES.get(field, msg("review.input.invalid"))) from None


def task_fields(session: Session, form: TaskForm) -> TaskFields:
    """The reviewable fields of a task form, checked as the API checks a new task."""
    lead, new_lead = read_agency_names(session, form_text(form.lead), form_text(form.lead_add))
    coordinators, new_coordinators = read_agency_names(
        session, form_text(form.coordinators), form_text(form.coordinators_add)
    )
    data = {
        "text": form_text(form.text),
        "lead": lead,
        "coordinators": coordinators,
        "deadline": parse_date(form.deadline),
        "recurrence": form.recurrence.strip() or None,
    }
    body = validated(schemas.TaskCreate, data)
    values = {k: getattr(body, k) for k in REVIEW_FIELDS}
    return TaskFields(values, list(dict.fromkeys(new_lead + new_coordinators)))


def version_of(raw: str) -> int:
    """The version the form was read at (optimistic locking); required to change a task."""
    return validated(schemas.TaskUpdate, {"version": raw.strip()}).version


def changes_for(task: Task, values: dict[str, Any]) -> dict[str, Any]:
    """Only the fields that differ from the task as stored: saving an untouched form changes
    nothing (and keeps how the text wrote each agency name)."""
    current = task_snapshot(task)
    wanted = {**values, "deadline": values["deadline"].isoformat() if values["deadline"] else None}
    return {k: values[k] for k in REVIEW_FIELDS if wanted[k] != current[k]}


def split_parts(raw_parts: list[str]) -> list[dict[str, Any]]:
    """The parts of a split (their other fields come from the task being split)."""
    texts = [form_text(p).strip() for p in raw_parts if p.strip()]
    if len(texts) < 2:
        raise FormError(msg("review.input.split_two_parts"))
    body = validated(schemas.SplitRequest, {"parts": [{"text": t} for t in texts]})
    return [part.changes() for part in body.parts]


def suggest_split(text: str) -> tuple[str, str]:
    """Where a task most likely holds two: at its first semicolon, else its first full stop."""
    for mark in ("; ", ". "):
        head, found, tail = text.partition(mark)
        if found and head.strip() and tail.strip():
            return head.strip() + ("." if mark == ". " else ""), tail.strip()
    return text, ""


def merge_ids(raw: list[str]) -> list[int]:
    """The distinct ids of the tasks ticked for merging (at least two)."""
    ids = list(dict.fromkeys(found for found in map(key, raw) if found is not None))
    if len(ids) < 2:
        raise FormError(msg("review.input.merge_two_tasks"))
    return ids
