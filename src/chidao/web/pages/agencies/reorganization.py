"""Sắp xếp tổ chức bộ máy: the admin's page for a reorganization (the 2025 one: merged ministries
and departments). The preview lists, for every body that ends, its successor, the decision, the
date and what would move (open tasks as lead and coordinator, officers' accounts); one button
applies it all in one transaction, the same use case as ``chidao agencies apply-reorganization``.
Applying twice changes nothing: the page then shows each body as applied, with what moved.
"""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Path, Request, status
from fastapi.responses import RedirectResponse, Response

from chidao.messages import msg
from chidao.tracking.errors import Invalid
from chidao.tracking.reorganization import apply, preview, reorganizations, totals
from chidao.vocab import SuccessionState
from chidao.web.deps import CsrfChecked, PageAdmin, SessionDep, TodayDep
from chidao.web.pages.respond import respond

router = APIRouter()
ReorganizationId = Annotated[str, Path(max_length=40)]


def _known(reorganization: str) -> dict:
    found = reorganizations().get(reorganization)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, msg("reorganization.unknown"))
    return found


@router.get("/agencies/reorganizations")
def reorganizations_index(request: Request, user: PageAdmin) -> Response:
    """The reorganizations chidao knows."""
    entries = [
        {"id": rid, "title": entry["title"], "changes": len(entry["change"])}
        for rid, entry in reorganizations().items()
    ]
    return respond(
        request, "reorganizations.html", {"title": msg("admin.reorganizations"), "nav": "agencies", "entries": entries}
    )


@router.get("/agencies/reorganizations/{reorganization}")
def reorganization_page(
    reorganization: ReorganizationId,
    request: Request,
    session: SessionDep,
    user: PageAdmin,
    today: TodayDep,
    show: Literal["known", "all"] = "known",
) -> Response:
    """What applying would move (or moved), body by body; the bodies this database never met are
    counted, and listed with ``?show=all``."""
    entry = _known(reorganization)
    steps = preview(session=session, reorganization=reorganization, today=today)
    shown = steps if show == "all" else [s for s in steps if s.state != SuccessionState.ABSENT]
    context = {
        "title": entry["title"],
        "nav": "agencies",
        "reorganization": reorganization,
        "steps": shown,
        "absent": sum(s.state == SuccessionState.ABSENT for s in steps),
        "show": show,
        "totals": totals(steps),
        "applied": sum(s.moved for s in steps if s.state == SuccessionState.APPLIED),
    }
    return respond(request, "reorganization.html", context)


@router.post("/agencies/reorganizations/{reorganization}/apply", dependencies=[CsrfChecked])
def apply_reorganization(
    reorganization: ReorganizationId, session: SessionDep, user: PageAdmin, today: TodayDep
) -> Response:
    """Move every pending body's open tasks and officers to its successor, in one transaction."""
    _known(reorganization)
    try:
        steps = apply(session=session, reorganization=reorganization, today=today, user_id=user.id)
    except Invalid as error:  # the data file changed under a running server
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(error)) from None
    summed = totals(steps)
    session.commit()
    if summed.agencies:
        message = msg("reorganization.moved", tasks=summed.tasks, users=summed.users, agencies=summed.agencies)
    else:
        message = msg("reorganization.nothing_to_move")
    return RedirectResponse(f"/agencies/reorganizations/{quote(reorganization)}?msg={quote(message)}", status_code=303)
