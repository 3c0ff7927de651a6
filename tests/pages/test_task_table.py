"""The task table's rows, written in Python (``pages/tasks/table.py``, issue 10 item 10), are the
HTML of the Jinja loop they replaced, byte for byte: the loop is kept here and both render the
same rows."""

# ruff: noqa: E501 (the template's loop is kept verbatim)
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from chidao.tracking.documents import DocumentRef
from chidao.vocab import TimingState
from chidao.web.pages.templating import TEMPLATES, build_templates

# partials/tasks_table.html's loop before the rows were written in Python.
JINJA_LOOP = """<tbody>
  {% set label_id, label_task, label_lead = msg("task_fields.id"), msg("task_fields.task"), msg("task_fields.lead") %}
  {% set label_coordinators, label_deadline = msg("task_fields.coordinators"), msg("task_fields.deadline") %}
  {% set label_status, label_timing = msg("task_fields.status"), msg("task_fields.timing") %}
  {% set label_progress, label_document = msg("task_fields.progress"), msg("task_fields.document") %}
  {% for t, doc in items %}
    <tr>
      <td data-label="{{ label_id }}"><a href="/tasks/{{ t.id }}">#{{ t.id }}</a></td>
      <td data-label="{{ label_task }}" class="task-text"><a href="/tasks/{{ t.id }}">{{ t.text|truncate(220, true, "…", 0) }}</a></td>
      <td data-label="{{ label_lead }}">{{ t.lead|join(", ") or "—" }}</td>
      <td data-label="{{ label_coordinators }}">{{ t.coordinators|join(", ") or "—" }}</td>
      <td data-label="{{ label_deadline }}" class="nowrap">{{ t.deadline|vndate or "—" }}{% if t.recurrence %} <span class="muted">({{ RECURRENCE_LABELS.get(t.recurrence, t.recurrence)|lower }})</span>{% endif %}</td>
      <td data-label="{{ label_status }}">{{ STATUS_LABELS.get(t.status, t.status) }}</td>
      <td data-label="{{ label_timing }}"><span class="badge tone-{{ TIMING_TONES.get(t.timing_state, 'none') }}">{{ TIMING_LABELS.get(t.timing_state, t.timing_state) }}</span></td>
      <td data-label="{{ label_progress }}">{{ t.progress }}%</td>
      {% if show_document %}<td data-label="{{ label_document }}">{% if doc %}<a href="/documents/{{ doc.id }}">{{ doc.label }}</a>{% endif %}</td>{% endif %}
    </tr>
  {% endfor %}
  </tbody>"""
PARTIAL = TEMPLATES / "partials" / "tasks_table.html"


def shipped_loop() -> str:
    """The partial's table body as it is now."""
    text = PARTIAL.read_text(encoding="utf-8")
    return text[text.index("<tbody>") : text.index("</tbody>") + len("</tbody>")]


def task(**changes: object) -> SimpleNamespace:
    fields = {
        "id": 7,
        "text": "Xây dựng kế hoạch triển khai",
        "lead": ["Sở Tài chính"],
        "coordinators": ["Sở Nội vụ", "UBND các huyện"],
        "deadline": date(2026, 12, 31),
        "recurrence": None,
        "status": "assigned",
        "timing_state": TimingState.NOT_DUE,
        "progress": 0,
    }
    return SimpleNamespace(**{**fields, **changes})


ROWS = [
    pytest.param([(task(), DocumentRef(3, "12/TB-VPCP", "Thông báo", "confirmed"))], id="plain"),
    pytest.param([(task(deadline=None, lead=[], coordinators=[]), None)], id="no deadline, no agencies, no document"),
    pytest.param([(task(recurrence="monthly"), None)], id="recurring"),
    pytest.param([(task(recurrence="fortnightly"), None)], id="unknown recurrence code"),
    pytest.param([(task(status="odd", timing_state="odd"), None)], id="unknown status and timing codes"),
    pytest.param([(task(text="x" * 220), None), (task(text="y" * 221), None)], id="text at and past the cut"),
    pytest.param(
        [(task(text="<b>\"A\" & 'B'</b>", lead=["<Sở>"], coordinators=["A & B"]), DocumentRef(4, None, "<t>", "x"))],
        id="markup is escaped",
    ),
    pytest.param([(task(progress=55, timing_state=TimingState.OVERDUE), DocumentRef(5, None, None, "x"))], id="labels"),
    pytest.param([], id="no rows"),
]


@pytest.mark.parametrize("show_document", [True, False])
@pytest.mark.parametrize("items", ROWS)
def test_rows_written_in_python_are_the_jinja_loops_html(items: list, show_document: bool) -> None:
    env = build_templates().env
    context = {"items": items, "show_document": show_document}
    before = env.from_string(JINJA_LOOP).render(context)
    after = env.from_string(shipped_loop()).render(context)
    assert after == before
