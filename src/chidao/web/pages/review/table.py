"""The review page's compact table (one line per task) beside the card view: which view a
request asks for, the row being edited, and the "set for the selected tasks" (bulk) form turned
into the fields the tracking operation takes.

A document with many tasks opens as the table; the choice travels in the URL (``?view=table``
or ``?view=cards``) and every review form posts it back, so that the page comes back as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from chidao.messages import msg
from chidao.tracking.agencies import read_agency_names
from chidao.tracking.numbers import key
from chidao.web import schemas
from chidao.web.pages.forms import FormError
from chidao.web.pages.review.input import form_text, parse_date, validated

TABLE = "table"
CARDS = "cards"
# From this many tasks a document opens as the table (a 16-task notice is already ~15,000 px of cards).
TABLE_FROM = 16
EXCERPT = 80
ROW_HEADER = "X-Review-Row"  # asked by review_table.js: answer the task's table row alone
MAX_PICKS = 500


def chosen_view(raw: str | None) -> str:
    """The view the URL names, or "" when it names none (or something else)."""
    return raw if raw in (TABLE, CARDS) else ""


def view_mode(raw: str | None, task_count: int) -> str:
    """The view to show: the one asked for, else the table for a long document."""
    return chosen_view(raw) or (TABLE if task_count >= TABLE_FROM else CARDS)


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """The start of a task's text on one table line, cut at a word."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.") + "…"


def names(value: str) -> list[str]:
    """A form's agency list (one name per line) as names."""
    return [line for line in value.split("\n") if line.strip()]


def table_context(query: dict[str, str], task_count: int, problem: Any = None) -> dict[str, Any]:
    """What review.html needs to choose and draw the view: ``mode``, ``view_qs`` (appended to
    every form's action), the task whose row is open for editing (``?edit=ID``), and after a
    refused bulk change (``problem``, a review_view.Problem), what was typed and ticked."""
    chosen = chosen_view(query.get("view"))
    view = view_mode(chosen, task_count)
    bulk = (problem.values or {}) if problem is not None and problem.target == "bulk" else {}
    return {
        "bulk_values": {name: bulk.get(name, "") for name in ("lead", "coordinators", "deadline")},
        "bulk_picked": {key(raw) for raw in bulk.get("picked", "").split(",")} - {None},
        "mode": view,
        "view_qs": f"?view={chosen}" if chosen else "",  # else the default again, from the count
        "edit_id": key(query.get("edit", "")),
        "table_from": TABLE_FROM,
        "excerpt": excerpt,
        "names": names,
    }


@dataclass(frozen=True)
class BulkForm:
    """The bulk form as posted: the picked rows ("id:version") and the values to set (blank: keep)."""

    picks: list[str]
    lead: str = ""
    coordinators: str = ""
    deadline: str = ""

    def values(self) -> dict[str, str]:
        """What to fill the form with again after a refusal (and which rows stay ticked)."""
        picked = ",".join(str(task_id) for task_id, _ in pick_pairs(self.picks, strict=False))
        return {"lead": self.lead, "coordinators": self.coordinators, "deadline": self.deadline, "picked": picked}


def pick_pairs(raw: list[str], *, strict: bool = True) -> list[tuple[int, int]]:
    """The (task id, version read) of each ticked row, each task once."""
    pairs: dict[int, int] = {}
    for value in raw[:MAX_PICKS]:
        task_raw, _, version_raw = value.partition(":")
        task_id, version = key(task_raw.strip()), key(version_raw.strip())
        if task_id is None or version is None:
            if strict:
                raise FormError(msg("review.table.bad_pick"))
            continue
        pairs.setdefault(task_id, version)
    if strict and not pairs:
        raise FormError(msg("review.table.pick_first"))
    if strict and len(raw) > MAX_PICKS:
        raise FormError(msg("review.table.too_many_picks", count=MAX_PICKS))
    return list(pairs.items())


@dataclass(frozen=True)
class BulkFields:
    """The checked values to give every picked task, and agencies new to the store."""

    values: dict[str, Any]
    new_agencies: list[str]


def bulk_fields(session: Session, form: BulkForm) -> BulkFields:
    """The fields the clerk filled in (the others are kept), checked as the card form checks them."""
    values: dict[str, Any] = {}
    new: list[str] = []
    for name in ("lead", "coordinators"):
        raw = form_text(getattr(form, name))
        if raw.strip():
            values[name], added = read_agency_names(session, raw)
            new += added
    if form.deadline.strip():
        values["deadline"] = parse_date(form.deadline)
    if not values:
        raise FormError(msg("review.table.nothing_to_set"))
    body = validated(schemas.TaskCreate, {"text": "-", **values})
    checked = {k: getattr(body, k) for k in values}
    return BulkFields(checked, list(dict.fromkeys(new)))


def bulk_changes(current: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """Of ``values``, those that differ from a task's ``current`` snapshot (ISO deadline)."""
    changes = {}
    for name, value in values.items():
        stored = value.isoformat() if isinstance(value, date) else value
        if stored != current[name]:
            changes[name] = value
    return changes
