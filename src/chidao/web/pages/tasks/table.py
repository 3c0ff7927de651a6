"""The rows of the task table (``partials/tasks_table.html``), written in Python in one pass.

Why: a page of 50 tasks wrote some 1,200 values through Jinja, each with an attribute lookup, a
filter or a label lookup and an escape; that was a third of the ``/tasks`` page's CPU (issue 10,
item 10). Here the column labels are escaped once, each row is one f-string, and only the
row's own values are escaped. The HTML is byte for byte what the template's loop wrote
(``tests/pages/test_task_table.py`` renders both and compares them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from markupsafe import Markup, escape

from chidao.messages import msg
from chidao.vocab import Recurrence, TaskStatus, TimingState
from chidao.web.pages.formats import vn_date

TEXT_LENGTH = 220  # the task text's cell: cut there (Jinja's truncate(220, true, "…", 0))
ELLIPSIS = "…"


def _markupsafe_escape() -> Callable[[str], str]:
    """MarkupSafe's own escaping of a string, as a plain string: ``escape`` wraps its result in a
    ``Markup`` object, which cost five times the escaping itself, eleven times a row. Its C
    function when there is one (a private name), else ``escape`` itself."""
    try:
        from markupsafe._speedups import _escape_inner
    except ImportError:  # pragma: no cover (no C speedups, or MarkupSafe renamed it)
        return lambda text: str(escape(text))
    return _escape_inner


_escape_str = _markupsafe_escape()


def _h(value: object) -> str:
    """``value`` escaped as Jinja's autoescape (MarkupSafe) escapes it."""
    return _escape_str(value if isinstance(value, str) else str(value))


def _labels() -> dict[str, Markup]:
    names = ("id", "task", "lead", "coordinators", "deadline", "status", "timing", "progress", "document")
    return {name: escape(msg(f"task_fields.{name}")) for name in names}


def _cut(text: str) -> str:
    return text if len(text) <= TEXT_LENGTH else text[: TEXT_LENGTH - len(ELLIPSIS)] + ELLIPSIS


def task_rows(items: Iterable[tuple[object, object]], show_document: bool = True) -> list[Markup]:
    """The ``<tr>`` of each (``TaskPublic``, ``DocumentRef`` or None) pair, with the whitespace the
    template's loop had around it."""
    label, recurrences, statuses, tones, timings = _LABELS, _RECURRENCES, _STATUSES, _TONES, _TIMINGS
    rows = []
    for t, doc in items:  # f-strings of escaped values: Markup's % escapes too, at thrice the cost
        task_id = _h(t.id)
        deadline = _h(vn_date(t.deadline) or "—")
        if t.recurrence:
            every = _h(str(recurrences.get(t.recurrence, t.recurrence)).lower())
            deadline = f'{deadline} <span class="muted">({every})</span>'
        tone, timing = _h(tones.get(t.timing_state, "none")), _h(timings.get(t.timing_state, t.timing_state))
        timing = f'<span class="badge tone-{tone}">{timing}</span>'
        document = ""
        if show_document:
            link = f'<a href="/documents/{_h(doc.id)}">{_h(doc.label)}</a>' if doc else ""
            document = f'<td data-label="{label["document"]}">{link}</td>'
        rows.append(
            Markup(
                f"""
    <tr>
      <td data-label="{label["id"]}"><a href="/tasks/{task_id}">#{task_id}</a></td>
      <td data-label="{label["task"]}" class="task-text"><a href="/tasks/{task_id}">{_h(_cut(t.text))}</a></td>
      <td data-label="{label["lead"]}">{_h(", ".join(t.lead) or "—")}</td>
      <td data-label="{label["coordinators"]}">{_h(", ".join(t.coordinators) or "—")}</td>
      <td data-label="{label["deadline"]}" class="nowrap">{deadline}</td>
      <td data-label="{label["status"]}">{_h(statuses.get(t.status, t.status))}</td>
      <td data-label="{label["timing"]}">{timing}</td>
      <td data-label="{label["progress"]}">{_h(t.progress)}%</td>
      {document}
    </tr>
  """
            )
        )
    return rows


_LABELS = _labels()
_RECURRENCES, _STATUSES = Recurrence.labels(), TaskStatus.labels()
_TONES, _TIMINGS = TimingState.tones(), TimingState.labels()
