"""Which tasks a reader asks for: the filter, the viewer's scope, and the WHERE clauses they make.

Timing states are conditions on dates, so they filter in SQL: "overdue" is a deadline before
today on an unfinished task, "due soon" a deadline up to the date N working days ahead
(computed once per request on the Vietnamese calendar). The task list, its CSV export and the
pages all filter through ``conditions``, so a page shows exactly the tasks the API lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Integer, and_, column, func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from chidao.store.agencies import agency_key
from chidao.store.models import Agency, Assignment, Task
from chidao.text import fold_words
from chidao.tracking.numbers import is_digits
from chidao.tracking.numbers import key as as_key
from chidao.tracking.task_state import OPEN_STATUSES


@dataclass
class TaskFilter:
    agency: str | None = None
    role: str | None = None
    status: list[str] = field(default_factory=list)
    timing_state: list[str] = field(default_factory=list)
    deadline_from: date | None = None
    deadline_to: date | None = None
    document_id: int | None = None
    q: str | None = None
    include_drafts: bool = False


@dataclass(frozen=True)
class Scope:
    """Whose tasks a viewer may see: everyone's, or those of one agency (lead or coordinator)."""

    agency_id: int | None = None
    unrestricted: bool = True
    drafts: bool = True  # may see the draft tasks of documents under review (the office only)


OPEN_STATES_BY_DEADLINE = {
    "overdue": lambda deadline, today, soon: deadline < today,
    "due_soon": lambda deadline, today, soon: and_(deadline >= today, deadline <= soon),
    "not_due": lambda deadline, today, soon: deadline > soon,
    "no_deadline": lambda deadline, today, soon: deadline.is_(None),
}


def timing_condition(state: str, today: date, soon_until: date):
    done = Task.status == "done"
    open_ = Task.status.in_(OPEN_STATUSES)
    return {
        "done_on_time": and_(
            done, or_(Task.deadline.is_(None), Task.completed_on.is_(None), Task.completed_on <= Task.deadline)
        ),
        "done_late": and_(done, Task.completed_on > Task.deadline),
        "no_deadline": and_(open_, Task.deadline.is_(None)),
        "overdue": and_(open_, Task.deadline < today),
        "due_soon": and_(open_, Task.deadline >= today, Task.deadline <= soon_until),
        "not_due": and_(open_, Task.deadline > soon_until),
        "cancelled": Task.status == "cancelled",
    }[state]


def _search_condition(session: Session, q: str):
    words = re.findall(r"[0-9a-z]+", fold_words(q))
    if not words:
        return None
    if session.get_bind().dialect.name == "sqlite":
        match = " ".join(f'"{w}"' for w in words)  # whole syllables: cheap, and what Vietnamese users type
        ids = text("SELECT rowid FROM task_fts WHERE task_fts MATCH :match").bindparams(match=match)
        return Task.id.in_(ids.columns(column("rowid", Integer)))
    return literal_column("search_tsv").op("@@")(func.to_tsquery("simple", " & ".join(words)))


def agency_ids(session: Session, name: str) -> list[int]:
    if is_digits(name):
        found = as_key(name)  # an id; beyond the table's range, no agency
        return [found] if found else []
    folded = agency_key(name)
    return list(session.scalars(select(Agency.id).where(or_(Agency.key == folded, Agency.key.like(f"{folded} %")))))


def conditions(session: Session, flt: TaskFilter, scope: Scope, today: date, soon_until: date) -> list:
    """The WHERE clauses on ``tasks`` for a filter and a viewer's scope."""
    where = [Task.deleted.is_(False)]
    if not (flt.include_drafts and scope.drafts):
        where.append(Task.tracked.is_(True))
    if not scope.unrestricted:
        where.append(Task.id.in_(select(Assignment.task_id).where(Assignment.agency_id == scope.agency_id)))
    if flt.agency:
        roles = [flt.role] if flt.role else ["lead", "coordinator"]
        ids = agency_ids(session, flt.agency)
        theirs = select(Assignment.task_id).where(Assignment.agency_id.in_(ids), Assignment.role.in_(roles))
        if flt.timing_state and set(flt.timing_state) <= set(OPEN_STATES_BY_DEADLINE):
            # Narrow on the agency rows' copy of the task state: an index range, not a join.
            theirs = theirs.where(
                Assignment.task_open.is_(True),
                or_(
                    *(OPEN_STATES_BY_DEADLINE[s](Assignment.task_deadline, today, soon_until) for s in flt.timing_state)
                ),
            )
        where.append(Task.id.in_(theirs))
    elif flt.role and not scope.unrestricted:
        theirs = select(Assignment.task_id).where(Assignment.agency_id == scope.agency_id, Assignment.role == flt.role)
        where.append(Task.id.in_(theirs))
    if flt.status:
        where.append(Task.status.in_(flt.status))
    if flt.timing_state:
        where.append(or_(*(timing_condition(s, today, soon_until) for s in flt.timing_state)))
    if flt.deadline_from:
        where.append(Task.deadline >= flt.deadline_from)
    if flt.deadline_to:
        where.append(Task.deadline <= flt.deadline_to)
    if flt.document_id is not None:
        where.append(Task.document_id == flt.document_id)
    if flt.q:
        condition = _search_condition(session, flt.q)
        if condition is not None:
            where.append(condition)
    return where
