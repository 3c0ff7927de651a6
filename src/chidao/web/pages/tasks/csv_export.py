"""The filtered task list as CSV, for Excel: UTF-8 with a byte order mark (without it Excel reads
Vietnamese as mojibake), Vietnamese column names, comma-separated or, for Excel under Vietnamese
regional settings (whose list separator is ";"), semicolon-separated; streamed in batches (read by
``chidao.tracking.task_export``), and
protected against formula injection. Each batch is written out and forgotten before the next is
read, so memory stays flat. Exports stop at ``CSV_LIMIT`` rows with a note saying so as the
last line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from chidao.messages import msg
from chidao.tracking.documents import document_refs
from chidao.tracking.task_export import agencies_of, batches
from chidao.tracking.task_filter import Scope, TaskFilter, conditions
from chidao.tracking.timing import timing_state
from chidao.vocab import TaskStatus
from chidao.web.pages.formats import number, vn_date

CSV_LIMIT = 100_000
BOM = "\ufeff"
HEADER = (
    msg("task_fields.id"),
    msg("task_fields.task"),
    msg("task_fields.lead"),
    msg("task_fields.coordinators"),
    msg("task_fields.deadline"),
    msg("task_fields.status"),
    msg("task_fields.progress_percent"),
    msg("task_fields.timing"),
    msg("task_fields.completed_on"),
    msg("task_fields.document"),
)
DELIMITERS = {"comma": ",", "semicolon": ";"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """A cell Excel will not run as a formula: a leading = + - @ (or tab, CR) gets a quote before it."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


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
        TaskStatus.labels().get(task.status, task.status),
        str(task.progress or 0),
        state.label,
        vn_date(task.completed_on),
        document,
    ]
    return [safe_cell(c) for c in cells]


def _lines(rows: list[list[str]] | list[tuple[str, ...]], delimiter: str = ",") -> bytes:
    """CSV lines (CRLF, as Excel writes them) in UTF-8."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


@dataclass(frozen=True)
class Export:
    flt: TaskFilter
    scope: Scope
    sort: str
    today: date
    soon: date
    limit: int
    delimiter: str = ","


def stream(sessions: Callable[[], Session], export: Export) -> Iterator[bytes]:
    """The CSV, chunk by chunk, in a session of its own (the request's closes before streaming ends)."""
    yield BOM.encode("utf-8") + _lines([HEADER], export.delimiter)
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
                yield _lines(rows, export.delimiter)
            if len(batch) > room:
                yield _lines([[msg("tasks_csv.truncated", limit=number(export.limit))]], export.delimiter)
                return
