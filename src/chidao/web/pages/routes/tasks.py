"""Pages of the tasks area (to be filled in)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from chidao.web.pages.deps import PageUser
from chidao.web.pages.templating import render

router = APIRouter()


@router.get("/tasks")
def tasks_index(request: Request, user: PageUser) -> Response:
    return render(request, "dashboard.html", {"title": "tasks"})
