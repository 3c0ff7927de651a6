"""Chia tách và giải thể cơ quan: the admin's pages for an agency split in several
(``/admin/agencies/{id}/split``) or dissolved (``/admin/agencies/{id}/dissolve``).

Both follow the merge's pattern: a GET form (successors, effective date dd/mm/yyyy, the
decision) whose preview lists every open task; for a split each task's select has the suggested
successor preselected (with the words that suggested it), for a dissolution each task must be
given to another agency or closed. One POST (CSRF checked) applies everything in one transaction
through ``tracking.agency_lifecycle``, the same use cases as ``chidao agencies split`` and
``dissolve``; a refusal re-shows the preview with the clerk's choices kept and a Vietnamese
message chosen by the refusal's code.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from chidao.messages import msg
from chidao.store.models import Agency
from chidao.tracking.agencies import live_agency_names
from chidao.tracking.agency_admin import MAX_NAME
from chidao.tracking.agency_lifecycle import (
    CLOSE,
    MAX_REFERENCE,
    Plan,
    Refused,
    dissolve_agency,
    dissolve_preview,
    split_agency,
    split_preview,
)
from chidao.tracking.agency_match import AgencyNotMatched, match_agency, vietnamese
from chidao.tracking.numbers import key
from chidao.web.deps import CsrfChecked, Id, PageAdmin, SessionDep, TodayDep, not_found
from chidao.web.pages.forms import FormError, PageForm, read_day
from chidao.web.pages.respond import respond

router = APIRouter()
AGENCIES = "/admin/agencies"
MAX_SUCCESSORS = 6
SHOWN_SUCCESSORS = 3  # name fields on the split form; more through the query string
Typed = Annotated[str, Query(max_length=MAX_NAME + 50)]
Into = Annotated[list[str] | None, Query(max_length=MAX_NAME + 50)]
REFUSALS = {
    "ended": msg("agency_lifecycle.refusals.ended"),
    "future": msg("agency_lifecycle.refusals.future"),
    "reference": msg("agency_lifecycle.refusals.reference"),
    "successors": msg("agency_lifecycle.refusals.successors"),
    "itself": msg("agency_lifecycle.refusals.itself"),
    "successor_ended": msg("agency_lifecycle.refusals.successor_ended"),
    "choice": msg("agency_lifecycle.refusals.choice"),
    "officers": msg("agency_lifecycle.refusals.officers"),
    "task": msg("agency_lifecycle.refusals.task"),
    "undecided": msg("agency_lifecycle.refusals.undecided"),
    "receiver": msg("agency_lifecycle.refusals.receiver"),
}


def _agency(session: Session, agency_id: int) -> Agency:
    agency = session.get(Agency, agency_id)
    if agency is None:
        raise not_found("agency", agency_id)
    return agency


def _day(raw: str) -> date:
    try:
        day = read_day(raw)
    except ValueError:
        day = None
    if day is None:
        raise FormError(msg("agency_lifecycle.bad_date"))
    return day


def _page(request: Request, session: Session, template: str, agency: Agency, **extra) -> Response:
    code = extra.pop("code", 200)
    context = {
        "title": agency.name,
        "nav": "admin",
        "agency": agency,
        "agency_names": live_agency_names(session),
        "max_name": MAX_NAME,
        "max_reference": MAX_REFERENCE,
        "on": "",
        "ref": "",
        "plan": None,
        "chosen": {},
        "error": "",
        **extra,
    }
    return respond(request, template, context, status_code=code)


def _message(error: Exception) -> str:
    if isinstance(error, AgencyNotMatched):
        return vietnamese(error)
    if isinstance(error, FormError):
        return error.message
    return REFUSALS.get(getattr(error, "code", ""), msg("agency_lifecycle.not_done"))


@router.get(AGENCIES + "/{agency_id:int}/split")
def split_page(
    agency_id: Id,
    request: Request,
    session: SessionDep,
    admin: PageAdmin,
    today: TodayDep,
    into: Into = None,
    on: Typed = "",
    ref: Typed = "",
) -> Response:
    """The split form; with successors, a date and a reference, the preview of every open task."""
    agency = _agency(session, agency_id)
    typed = [name for name in (into or []) if name.strip()][:MAX_SUCCESSORS]
    shown = typed + [""] * max(0, SHOWN_SUCCESSORS - len(typed))
    page = {"into": shown, "on": on, "ref": ref}
    if not typed and not on and not ref:
        return _page(request, session, "agency_split.html", agency, **page)
    try:
        successors = [match_agency(session, name) for name in typed]
        plan = split_preview(
            session=session, agency=agency, successors=successors, effective=_day(on), reference=ref, today=today
        )
    except (AgencyNotMatched, FormError, Refused) as error:
        return _page(request, session, "agency_split.html", agency, **page, error=_message(error), code=422)
    return _page(request, session, "agency_split.html", agency, **page, plan=plan)


def _raw(form: FormData, name: str, limit: int) -> str:
    """A text field trimmed and cut to ``limit`` characters: the use case refuses what is too long
    or not a date, with the field's own message, and the form is shown again."""
    value = form.get(name)
    return value.strip()[:limit] if isinstance(value, str) else ""


def _ids(form: FormData, name: str) -> list[int]:
    found = [key(value) for value in form.getlist(name) if isinstance(value, str)]
    return [value for value in found if value is not None]


def _split_choices(form: FormData) -> dict[int, int]:
    choices = {}
    for name in form:
        task_id = key(name.removeprefix("task_")) if name.startswith("task_") else None
        raw = form.get(name)
        value = key(raw) if task_id is not None and isinstance(raw, str) else None
        if task_id is not None and value is not None:
            choices[task_id] = value
    return choices


@router.post(AGENCIES + "/{agency_id:int}/split", dependencies=[CsrfChecked])
def apply_split(
    agency_id: Id, request: Request, session: SessionDep, admin: PageAdmin, today: TodayDep, form: PageForm
) -> Response:
    """Split the agency with the tasks distributed as chosen, in one transaction."""
    agency = _agency(session, agency_id)
    successors = [_agency(session, i) for i in _ids(form, "successor_id")[:MAX_SUCCESSORS]]
    officers = _ids(form, "officers_to")
    choices = _split_choices(form)
    on, ref = _raw(form, "on", 20), _raw(form, "ref", MAX_REFERENCE + 1)
    page = {"into": [s.name for s in successors], "on": on, "ref": ref, "chosen": choices}
    try:
        done = split_agency(
            session=session,
            user_id=admin.id,
            agency=agency,
            successors=successors,
            effective=_day(on),
            reference=ref,
            today=today,
            choices=choices,
            officers_to=_agency(session, officers[0]) if officers else None,
        )
    except (FormError, Refused) as error:
        session.rollback()
        return _retry_split(request, session, agency_id, page, error, today)
    session.commit()
    moved = "; ".join(msg("agency_lifecycle.moved_to", count=count, name=name) for name, count in done.moved.items())
    moved = moved or msg("agency_lifecycle.moved_none")
    message = msg("agency_lifecycle.split_done", name=agency.name, moved=moved, users=done.users)
    return RedirectResponse(f"{AGENCIES}/{agency_id}?msg={quote(message)}", status_code=303)


def _retry_split(request: Request, session: Session, agency_id: int, page: dict, error: Exception, today: date):
    """The preview again, the clerk's choices kept, with what went wrong."""
    agency = _agency(session, agency_id)
    plan: Plan | None = None
    try:
        successors = [match_agency(session, name) for name in page["into"]]
        day = _day(page["on"])
        plan = split_preview(
            session=session, agency=agency, successors=successors, effective=day, reference=page["ref"], today=today
        )
    except (AgencyNotMatched, FormError, Refused):
        pass
    return _page(request, session, "agency_split.html", agency, **page, plan=plan, error=_message(error), code=422)


@router.get(AGENCIES + "/{agency_id:int}/dissolve")
def dissolve_page(
    agency_id: Id,
    request: Request,
    session: SessionDep,
    admin: PageAdmin,
    today: TodayDep,
    on: Typed = "",
    ref: Typed = "",
) -> Response:
    """The dissolution form; with a date and a reference, every open task to give away or close."""
    agency = _agency(session, agency_id)
    if not on and not ref:
        return _page(request, session, "agency_dissolve.html", agency)
    try:
        plan = dissolve_preview(session=session, agency=agency, effective=_day(on), reference=ref, today=today)
    except (FormError, Refused) as error:
        return _page(request, session, "agency_dissolve.html", agency, on=on, ref=ref, error=_message(error), code=422)
    return _page(request, session, "agency_dissolve.html", agency, on=on, ref=ref, plan=plan)


def _dissolve_choices(session: Session, form: FormData, plan: Plan) -> tuple[dict[int, int | None], dict]:
    """Each task's decision (agency id, or CLOSE), and the form's values to show again."""
    choices: dict[int, int | None] = {}
    shown: dict[int, dict[str, str]] = {}
    for task in plan.tasks:
        action = _raw(form, f"action_{task.task_id}", 10)
        typed = _raw(form, f"to_{task.task_id}", MAX_NAME + 50)
        shown[task.task_id] = {"action": action, "to": typed}
        if action == "close":
            choices[task.task_id] = CLOSE
        elif action == "give":
            choices[task.task_id] = match_agency(session, typed).id
    return choices, shown


@router.post(AGENCIES + "/{agency_id:int}/dissolve", dependencies=[CsrfChecked])
def apply_dissolve(
    agency_id: Id, request: Request, session: SessionDep, admin: PageAdmin, today: TodayDep, form: PageForm
) -> Response:
    """Dissolve the agency, each open task given away or closed as decided, in one transaction."""
    agency = _agency(session, agency_id)
    on, ref = _raw(form, "on", 20), _raw(form, "ref", MAX_REFERENCE + 1)
    shown: dict = {}
    plan: Plan | None = None
    try:
        plan = dissolve_preview(session=session, agency=agency, effective=_day(on), reference=ref, today=today)
        choices, shown = _dissolve_choices(session, form, plan)
        done = dissolve_agency(
            session=session,
            user_id=admin.id,
            agency=agency,
            effective=plan.effective,
            reference=ref,
            today=today,
            choices=choices,
        )
    except (AgencyNotMatched, FormError, Refused) as error:
        session.rollback()
        agency = _agency(session, agency_id)
        page = {"on": on, "ref": ref, "plan": plan, "chosen": shown, "error": _message(error), "code": 422}
        return _page(request, session, "agency_dissolve.html", agency, **page)
    session.commit()
    given = sum(done.moved.values())
    message = msg("agency_lifecycle.dissolve_done", name=agency.name, given=given, closed=done.closed, users=done.users)
    return RedirectResponse(f"{AGENCIES}/{agency_id}?msg={quote(message)}", status_code=303)
