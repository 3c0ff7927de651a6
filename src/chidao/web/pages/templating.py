"""The Jinja2 environment of the pages: Vietnamese labels, dd/mm/yyyy dates, and ``render``,
which gives every template the user, the CSRF token and the navigation."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse

from chidao.tracking.timing import STATUS_LABELS, TIMING_LABELS
from chidao.web.deps import VIETNAM

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
ROLE_LABELS = {"admin": "Quản trị", "clerk": "Chuyên viên Văn phòng", "agency": "Cán bộ cơ quan", "viewer": "Lãnh đạo"}
# The colours users expect: green when done or not yet due, amber when due soon, red when late.
TIMING_TONES = {
    "not_due": "ok",
    "due_soon": "warn",
    "overdue": "late",
    "done_on_time": "done",
    "done_late": "done-late",
    "no_deadline": "none",
    "cancelled": "none",
}
ROLE_IN_TASK = {"lead": "Chủ trì", "coordinator": "Phối hợp"}


def vn_date(value: date | datetime | str | None) -> str:
    """dd/mm/yyyy, as Vietnamese offices write dates; empty for none."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    if isinstance(value, datetime):
        value = _local(value).date()
    return value.strftime("%d/%m/%Y")


def vn_datetime(value: datetime | None) -> str:
    """dd/mm/yyyy HH:MM in Vietnam time."""
    if value is None:
        return ""
    return _local(value).strftime("%d/%m/%Y %H:%M")


def _local(moment: datetime) -> datetime:
    if moment.tzinfo is None:  # stored as UTC; SQLite gives it back naive
        from datetime import UTC

        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VIETNAM)


def number(value: int | float | None) -> str:
    """Thousands separated by dots, the Vietnamese way (1.234.567)."""
    if value is None:
        return ""
    return f"{value:,}".replace(",", ".")


templates = Jinja2Templates(directory=str(TEMPLATES))
templates.env.filters.update(vndate=vn_date, vndatetime=vn_datetime, number=number)
templates.env.globals.update(
    TIMING_LABELS=TIMING_LABELS,
    TIMING_TONES=TIMING_TONES,
    STATUS_LABELS=STATUS_LABELS,
    ROLE_LABELS=ROLE_LABELS,
    ROLE_IN_TASK=ROLE_IN_TASK,
)


def render(request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200) -> HTMLResponse:
    """Render ``name`` with ``context`` plus ``user`` and ``csrf_token`` of the logged-in user
    (set on ``request.state`` by the page dependencies), for the layout and every form."""
    page = {
        "user": getattr(request.state, "page_user", None),
        "csrf_token": getattr(request.state, "csrf_token", ""),
        "flash": request.query_params.get("msg", "")[:200],
        **(context or {}),
    }
    response = templates.TemplateResponse(request, name, page, status_code=status_code)
    response.headers.setdefault("Cache-Control", "no-store")
    return response
