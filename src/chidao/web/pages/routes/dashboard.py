"""The dashboard (tổng quan): the first page after login."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from chidao.web.pages.deps import PageUser
from chidao.web.pages.templating import render

router = APIRouter()


@router.get("/")
def dashboard(request: Request, user: PageUser) -> Response:
    return render(request, "dashboard.html", {"title": "Tổng quan"})
