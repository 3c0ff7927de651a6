"""The pages' Jinja2 environment, built once per application by ``build_templates`` (called
from ``create_app``, kept on ``app.state.templates``), and ``render``, which gives every template
the user, the CSRF token and the flash message.

Why a factory rather than a module-level environment: the environment used to be a global that
other modules extended when imported, so what a template could see depended on import order
(issue 9). Every filter and every label is now registered here, in one place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse

from chidao.messages import msg, section
from chidao.vocab import (
    AgencyRole,
    DeliveryStatus,
    DocumentStatus,
    EventKind,
    ExtensionStatus,
    Recurrence,
    ReportKind,
    SuccessionState,
    TaskOrigin,
    TaskStatus,
    TimingState,
    TokenState,
    UserRole,
)
from chidao.web.pages.formats import datalist_options, filesize, number, typed_date, vn_date, vn_datetime
from chidao.web.pages.tasks.table import task_rows

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
FILTERS = {
    "vndate": vn_date,
    "vndatetime": vn_datetime,
    "number": number,
    "filesize": filesize,
    "dmy": typed_date,
    "datalist_options": datalist_options,  # an agency field's suggestions, kept by their names
    "task_rows": task_rows,  # the task table's rows, written in Python (pages/tasks/table.py)
}


def labels() -> dict[str, dict[str, str]]:
    """The code → label (and tone) tables the templates look words up in, by their template names."""
    return {
        "TIMING_LABELS": TimingState.labels(),
        "TIMING_TONES": TimingState.tones(),
        "STATUS_LABELS": TaskStatus.labels(),
        "ROLE_LABELS": UserRole.labels(),
        "ROLE_IN_TASK": AgencyRole.labels(),
        "RECURRENCE_LABELS": Recurrence.labels(),
        "REPORT_KINDS": ReportKind.labels(),
        "EXTENSION_LABELS": ExtensionStatus.labels(),
        "EXTENSION_TONES": ExtensionStatus.tones(),
        "DOCUMENT_STATUS_LABELS": DocumentStatus.labels(),
        "DOCUMENT_STATUS_TONES": DocumentStatus.tones(),
        "ORIGIN_LABELS": TaskOrigin.labels(),
        "TOKEN_LABELS": TokenState.labels(),
        "SUCCESSION_LABELS": SuccessionState.labels(),
        "SUCCESSION_TONES": SuccessionState.tones(),
        "TOKEN_TONES": TokenState.tones(),
        "EVENT_LABELS": EventKind.labels(),
        "EVENT_TONES": EventKind.tones(),
        "DELIVERY_LABELS": DeliveryStatus.labels(),
        "DELIVERY_TONES": DeliveryStatus.tones(),
    }


def build_templates(directory: Path = TEMPLATES) -> Jinja2Templates:
    """The environment with every filter and label table the templates use."""
    templates = Jinja2Templates(directory=str(directory))
    # Templates are files of the installed package: no stat() of each one (and of those it
    # extends and imports) on every render to see whether it changed; edits show after a restart.
    templates.env.auto_reload = False
    templates.env.filters.update(FILTERS)
    templates.env.globals.update(labels())
    templates.env.globals.update(msg=msg, JS_MESSAGES=section("js"))
    return templates


def render(request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200) -> HTMLResponse:
    """Render ``name`` with ``context`` plus ``user`` and ``csrf_token`` of the logged-in user
    (set on ``request.state`` by the page dependencies), for the layout and every form."""
    page = {
        "user": getattr(request.state, "page_user", None),
        "csrf_token": getattr(request.state, "csrf_token", ""),
        "unread": getattr(request.state, "unread", 0),
        "flash": request.query_params.get("msg", "")[:200],
        **(context or {}),
    }
    templates: Jinja2Templates = request.app.state.templates
    response = templates.TemplateResponse(request, name, page, status_code=status_code)
    response.headers.setdefault("Cache-Control", "no-store")
    return response
