"""Every task of a filtered list, in the list's order, a batch at a time: what the CSV export reads.

Batches are read by keyset ("after the last row sent", in the list's own order) rather than by
OFFSET, so the 100th batch costs what the first does; rows are read as plain columns (no ORM
objects), so memory stays flat however long the list.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from chidao.store.models import Agency, Assignment, Task
from chidao.vocab import TaskStatus

BATCH = 1000


@dataclass(frozen=True)
class Run:
    """A stretch of the order read by one index: extra conditions, key columns, and their direction."""

    where: tuple
    keys: tuple
    descending: bool = False


def runs(sort: str) -> list[Run]:
    """The list's order (``task_list.SORTS``) as keyset runs: dated tasks, then undated, as the page shows them."""
    dated, undated = (Task.deadline.is_not(None),), (Task.deadline.is_(None),)
    return {
        "deadline": [Run(dated, (Task.deadline, Task.id)), Run(undated, (Task.id,))],
        "-deadline": [Run(dated, (Task.deadline, Task.id), True), Run(undated, (Task.id,), True)],
        "created": [Run((), (Task.id,))],
        "-created": [Run((), (Task.id,), True)],
        # One run per status, each by id: a (status, id) keyset would re-sort a whole status per batch.
        "status": [Run((Task.status == status,), (Task.id,)) for status in sorted(TaskStatus.values())],
    }[sort]


def after(run: Run, last) -> object:
    """Rows strictly after ``last`` in the run's order (a row-value comparison, which both
    databases answer from the index)."""
    keys = tuple_(*run.keys)
    values = tuple_(*(getattr(last, column.key) for column in run.keys))
    return keys < values if run.descending else keys > values


COLUMNS = (Task.id, Task.text, Task.deadline, Task.status, Task.completed_on, Task.progress, Task.document_id)


def batches(session: Session, where: list, sort: str) -> Iterator[list]:
    """Every matching task (as plain rows, no ORM objects) in list order, ``BATCH`` at a time."""
    for run in runs(sort):
        order = [column.desc() if run.descending else column for column in run.keys]
        last = None
        while True:
            query = select(*COLUMNS).where(*where, *run.where)
            if last is not None:
                query = query.where(after(run, last))
            batch = session.execute(query.order_by(*order).limit(BATCH)).all()
            if not batch:
                break
            yield batch
            last = batch[-1]
            if len(batch) < BATCH:
                break


def agencies_of(session: Session, task_ids: list[int]) -> dict[int, dict[str, list[str]]]:
    """Lead and coordinating agencies' names of the tasks, in their written order."""
    found: dict[int, dict[str, list[str]]] = {i: {"lead": [], "coordinator": []} for i in task_ids}
    if not task_ids:
        return found
    rows = session.execute(
        select(Assignment.task_id, Assignment.role, Agency.name)
        .join(Agency, Agency.id == Assignment.agency_id)
        .where(Assignment.task_id.in_(task_ids))
        .order_by(Assignment.task_id, Assignment.position, Assignment.id)
    )
    for task_id, role, name in rows:
        found[task_id].setdefault(role, []).append(name)
    return found
