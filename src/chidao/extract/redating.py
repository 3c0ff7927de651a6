"""Dates stated after the tasks they are for: an urging letter's new dates for the overdue tasks
it lists in prose (genre g588), and a closing section's date for the items above it (g646).

"Sở Tài chính: nhiệm vụ ... (hạn 30/11/2025). Sở Y tế: nhiệm vụ ... (hạn 05/12/2025)." then "đề
nghị Thủ trưởng các cơ quan, đơn vị nêu trên khẩn trương hoàn thành các nhiệm vụ được giao ...
trước ngày 20/01/2026; riêng nhiệm vụ của Sở Nông nghiệp và Môi trường ... trước ngày
09/01/2026": each listed task is due by the new date (its own is the one it missed), the
exception by its own, and the request itself, which only points back at them, is no task of its
own (ANNOTATION rules 11 and 13; a table of such tasks is re-dated by ``task_tables``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from chidao.extract.agencies import AgencyReader
from chidao.extract.task_types import Task
from chidao.extract.task_words import _BACK, _CUES
from chidao.extract.timing import Timing, TimingReader

_URGES = _CUES["urges_listed"]
_DATES_ABOVE = _CUES["dates_above"]
_EXCEPT = _CUES["urge_except"]
_RENEWED_REQUEST = _CUES["renewed_request"]  # "... đã quá hạn. Đề nghị ... trước ngày ..." (g804)
_URGE_ANNEX = _CUES["urge_annex"]  # "... có tên tại Phụ lục ...": the annex table's rows, after it
_NAMED_IN_ANNEX = _CUES["named_in_annex"]  # "... các cơ quan, đơn vị có tên tại Phụ lục ..."
_DONE_STATUS = _CUES["done_status"]  # "(thời hạn 31/5/2026): đã hoàn thành", "- Tình trạng: Đã hoàn thành"
_ASKED_AGAIN = _CUES["asked_after_done"]  # "... đã hoàn thành ... . Đề nghị Cục cập nhật ..."
_FEWEST = 2  # a list of overdue tasks: at least two before the request


def redate_overdue(tasks: list[Task], reader: AgencyReader, timing: TimingReader, doc_date: date | None) -> list[Task]:
    """``tasks`` with the overdue ones an urging request re-dates, and without the request."""
    key = reader.key
    if doc_date is None or _URGES.search(key) is None:
        return tasks
    for urge in list(_URGES.finditer(key)):
        # the request is a task, or a sentence no task was made of (a table's rows re-dated by number)
        request = next((t for t in tasks if t.start <= urge.start() < t.end), None)
        span = (request.start, request.end) if request else _sentence(key, urge.start(), urge.end())
        annex = _URGE_ANNEX.search(key, span[0], span[1]) is not None
        # ... or, pointed at the annex, the table's rows after it
        below = {id(t) for t in tasks if t.start >= span[1] and t.lead_source == "table"} if annex else set()
        above = [t for t in tasks if (t.end <= span[0] or id(t) in below) and _missed(t, doc_date)]
        if len(above) < _FEWEST:
            continue
        new = timing.read(urge.end(), _clause_end(key, urge.end(), span[1]))
        if new.deadline is None or new.deadline < doc_date:
            continue
        for task in above:
            task.timing = new
            kept = [t for t in task.trace if not t.startswith("deadline:")]
            task.trace = [*kept, "deadline: the urging letter's new date"]
        _exceptions(above, reader, timing, span)
        if request is None:
            continue
        named = {m.name for t in above for m in t.leads}
        back = annex or _BACK.search(key, request.start, request.end) is not None  # "... nêu trên", "tại Phụ lục"
        if back or all(m.name in named or reader.is_vague(m) for m in request.leads):
            tasks = [t for t in tasks if t is not request]  # it only points back at them
    return tasks


def drop_done(tasks: list[Task], key: str, skip: Callable[[int, str], None]) -> list[Task]:
    """``tasks`` without the items a follow-up list says are done: "+ Xây dựng Kế hoạch ... (thời
    hạn 15/6/2026): đã hoàn thành." or an item with its lines "- Thời hạn: ..." and "- Tình trạng:
    Đã hoàn thành (...)" (ANNOTATION rule 5: a past result gives nobody an action); ``skip``
    records each as done."""
    kept = []
    for task in tasks:
        done = _DONE_STATUS.search(key, task.start, task.end) if task.lead_source != "table" else None
        # "... đã hoàn thành ... nhưng chưa cập nhật trên Hệ thống. Đề nghị Cục cập nhật ...": asked again
        if done and _ASKED_AGAIN.search(key, done.end(), task.end) is None:
            skip(task.start, "done")
        else:
            kept.append(task)
    return kept


def drop_annex_pointer(tasks: list[Task], key: str) -> list[Task]:
    """``tasks`` without a request to the bodies an annex names, whose table rows follow it
    ("đề nghị Thủ trưởng các cơ quan, đơn vị có tên tại Phụ lục kèm theo ... hoàn thành các nhiệm
    vụ theo thời hạn nêu tại cột 'Tình trạng'"): the rows are its specifics (ANNOTATION rule 11),
    whatever their dates; a request with a new date of its own is ``redate_overdue``'s."""
    rows = [t for t in tasks if t.lead_source == "table"]
    if len(rows) < _FEWEST:
        return tasks
    return [
        t
        for t in tasks
        if t.lead_source == "table"
        or _NAMED_IN_ANNEX.search(key, t.start, t.end) is None
        or sum(r.start >= t.end for r in rows) < _FEWEST
    ]


def redate_within(tasks: list[Task], timing: TimingReader, doc_date: date | None) -> list[Task]:
    """A task whose date had passed by the letter's date and whose own text then asks again with a
    new date ("..., hoàn thành trước ngày 30/8/2025; đến nay đã quá hạn ... . Đề nghị Sở Xây dựng
    ... trước ngày 25/11/2025"): the new date is due (genre g804)."""
    if doc_date is None:
        return tasks
    for task in tasks:
        span = task.timing.span
        if not _missed(task, doc_date) or span is None:
            continue
        request = _RENEWED_REQUEST.search(timing.key, span[1], task.end)
        if request is None:
            continue
        new = timing.read(request.end(), task.end)
        if new.deadline is not None and new.deadline >= doc_date:
            task.timing = new
            task.trace = [*(t for t in task.trace if not t.startswith("deadline:")), "deadline: asked again"]
    return tasks


def _missed(task: Task, doc_date: date) -> bool:
    """Whether the task's own date has passed by the letter's date."""
    return task.timing.deadline is not None and task.timing.deadline < doc_date


def _sentence(key: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``key[start:end]``: from the last stop or line break before it to the
    next stop after it."""
    opening = max(key.rfind(". ", 0, start) + 2, key.rfind("\n", 0, start) + 1)
    stop = key.find(". ", end)
    line = key.find("\n", end)
    ends = [i for i in (stop, line) if i >= 0]
    return opening, min(ends) if ends else len(key)


def _clause_end(key: str, start: int, end: int) -> int:
    """Where the clause from ``start`` ends: its ";" or its sentence's ".", within ``end``."""
    stops = [i for i in (key.find(";", start, end), key.find(". ", start, end)) if i >= 0]
    return min(stops) if stops else end


def _exceptions(above: list[Task], reader: AgencyReader, timing: TimingReader, span: tuple[int, int]) -> None:
    """ "riêng nhiệm vụ của Sở X ... trước ngày M": Sở X's listed tasks take M."""
    key = reader.key
    for match in _EXCEPT.finditer(key, *span):
        body = reader.read(match.end())
        if body is None:
            continue
        own: Timing = timing.read(body.end, _clause_end(key, body.end, span[1]))
        if own.deadline is None:
            continue
        for task in above:
            if any(m.name == body.name for m in task.leads):
                task.timing = own


def date_from_below(tasks: list[Task], reader: AgencyReader, timing: TimingReader) -> list[Task]:
    """``tasks`` with the date of a closing section that points back at the items above it ("Báo
    cáo theo các nội dung tại mục 1, mục 2 nêu trên ... gửi về Sở Tài chính trước ngày 25/7/2026,
    trừ các nội dung đã có thời hạn riêng."): each task above it that states no date of its own
    (and no period) is due then, and the sentence, which only points back, is no task (rules 11, 13)."""
    key = reader.key
    pointer = _DATES_ABOVE.search(key)
    if pointer is None:
        return tasks
    request = next((t for t in tasks if t.start <= pointer.start() < t.end), None)
    if request is not None and request.marked:
        return tasks  # "8. Tổng hợp kết quả ... các nội dung tại mục 1, 2 nêu trên ...": an item of its own (g848)
    span = (request.start, request.end) if request else _sentence(key, pointer.start(), pointer.end())
    new = timing.read(pointer.end(), _clause_end(key, pointer.end(), span[1]))
    above = [t for t in tasks if t.end <= span[0] and t.timing.deadline is None and t.timing.recurrence is None]
    if new.deadline is None or not above:
        return tasks
    for task in above:
        task.timing = new
        task.trace = [*(t for t in task.trace if not t.startswith("deadline:")), "deadline: the closing section's date"]
    return [t for t in tasks if t is not request]
