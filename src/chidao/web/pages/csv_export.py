"""The filtered task list as CSV, for Excel: UTF-8 with a byte order mark (without it Excel reads
Vietnamese as mojibake), streamed in batches, and protected against formula injection.

Batches are read by keyset ("after the last row sent", in the list's own order) rather than by
OFFSET, so the 100th batch costs what the first does; rows are read as plain columns (no ORM
objects) and each batch is written out and forgotten before the next is read, so memory stays
flat. Exports stop at ``CSV_LIMIT`` rows with a note
saying so as the last line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from chidao.store.models import TASK_STATUSES, Agency, Assignment, Task
from chidao.store.queries import Scope, TaskFilter, conditions
from chidao.tracking.timing import STATUS_LABELS, TIMING_LABELS, timing_state
from chidao.web.pages.lookups import document_refs
from chidao.web.pages.templating import number, vn_date

CSV_LIMIT = 100_000
BATCH = 1000
BOM = "\ufeff"
HEADER = ("id", "nhiệm vụ", "chủ trì", "phối hợp", "thời hạn", "trạng thái", "tình trạng thời hạn", "văn bản")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TRUNCATED = "Lưu ý: tệp chỉ gồm {limit} nhiệm vụ đầu tiên của danh sách; hãy lọc hẹp hơn để xuất phần còn lại."


def safe_cell(value: str) -> str:
    """A cell Excel will not run as a formula: a leading = + - @ (or tab, CR) gets a quote before it."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


@dataclass(frozen=True)
class Run:
    """A stretch of the order read by one index: extra conditions, key columns, and their direction."""

    where: tuple
    keys: tuple
    descending: bool = False


def runs(sort: str) -> list[Run]:
    """The list's order (queries.SORTS) as keyset runs: dated tasks, then undated, as the page shows them."""
    dated, undated = (Task.deadline.is_not(None),), (Task.deadline.is_(None),)
    return {
        "deadline": [Run(dated, (Task.deadline, Task.id)), Run(undated, (Task.id,))],
        "-deadline": [Run(dated, (Task.deadline, Task.id), True), Run(undated, (Task.id,), True)],
        "created": [Run((), (Task.id,))],
        "-created": [Run((), (Task.id,), True)],
        # One run per status, each by id: a (status, id) keyset would re-sort a whole status per batch.
        "status": [Run((Task.status == status,), (Task.id,)) for status in sorted(TASK_STATUSES)],
    }[sort]


def after(run: Run, last) -> object:
    """Rows strictly after ``last`` in the run's order (a row-value comparison, which both
    databases answer from the index)."""
    keys = tuple_(*run.keys)
    values = tuple_(*(getattr(last, column.key) for column in run.keys))
    return keys < values if run.descending else keys > values


COLUMNS = (Task.id, Task.text, Task.deadline, Task.status, Task.completed_on, Task.document_id)


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


def task_row(task, agencies: dict[str, list[str]], document: str, today: date, soon: date) -> list[str]:
    """One line as the page shows the task: Vietnamese labels, dd/mm/yyyy, every cell formula-safe."""
    state = timing_state(
        status=task.status, deadline=task.deadline, completed_on=task.completed_on, today=today, soon_until=soon
    )
    cells = [
        str(task.id),
        task.text,
        "; ".join(agencies["lead"]),
        "; ".join(agencies["coordinator"]),
        vn_date(task.deadline),
        STATUS_LABELS.get(task.status, task.status),
        TIMING_LABELS.get(state, state),
        document,
    ]
    return [safe_cell(c) for c in cells]


def _lines(rows: list[list[str]]) -> bytes:
    """CSV lines (CRLF, as Excel writes them) in UTF-8."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


@dataclass(frozen=True)
class Export:
    flt: TaskFilter
    scope: Scope
    sort: str
    today: date
    soon: date
    limit: int


def stream(sessions: Callable[[], Session], export: Export) -> Iterator[bytes]:
    """The CSV, chunk by chunk, in a session of its own (the request's closes before streaming ends)."""
    yield (BOM + ",".join(HEADER) + "\r\n").encode("utf-8")
    sent = 0
    with sessions() as session:
        where = conditions(session, export.flt, export.scope, export.today, export.soon)
        for batch in batches(session, where, export.sort):
            room = export.limit - sent
            kept = batch[:room]
            refs = document_refs(session, (t.document_id for t in kept))
            agencies = agencies_of(session, [t.id for t in kept])
            rows = [task_row(t, agencies[t.id], refs[t.document_id].label, export.today, export.soon) for t in kept]
            sent += len(rows)
            if rows:
                yield _lines(rows)
            if len(batch) > room:
                yield _lines([[TRUNCATED.format(limit=number(export.limit))]])
                return
