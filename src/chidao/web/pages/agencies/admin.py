"""Quản trị: the admin hub (``/admin``, every admin-only page in one place) and the agency list
as an admin keeps it (``/admin/agencies``): add an agency, rename one, edit its aliases (one per
line), open its contact e-mails, and merge it into another after a preview of what moves.

The names typed for a merge are read like any agency field (``tracking.agency_match``). Every
change goes through ``tracking.agencies`` / ``tracking.agency_admin`` (audit log) and every form
posts and redirects; the merge's preview is a GET, its confirm button the only POST.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from chidao.messages import msg
from chidao.store.models import Agency
from chidao.tracking.agencies import agency_names, kind_labels, search_agencies, update_agency
from chidao.tracking.agency_admin import MAX_NAME, clean_name, create_agency, ended, merge_agency, merge_preview
from chidao.tracking.agency_lifecycle import ending
from chidao.tracking.agency_match import AgencyNotMatched, match_agency, vietnamese
from chidao.tracking.errors import Conflict, Invalid
from chidao.web.deps import CsrfChecked, Id, PageAdmin, PageNo, SessionDep, TodayDep, not_found
from chidao.web.pages.listing import pager
from chidao.web.pages.respond import respond

router = APIRouter()
PER_PAGE = 50
AGENCIES = "/admin/agencies"
Name = Annotated[str, Form(max_length=MAX_NAME + 50)]
Aliases = Annotated[str, Form(max_length=20_000)]


def _back(path: str, message: str) -> RedirectResponse:
    return RedirectResponse(f"{path}?msg={quote(message)}", status_code=303)


def _lines(raw: str) -> list[str]:
    return list(dict.fromkeys(" ".join(line.split()) for line in raw.splitlines() if line.strip()))


@router.get("/admin")
def admin_hub(request: Request, admin: PageAdmin) -> Response:
    """Links to every administration page."""
    return respond(request, "admin.html", {"title": msg("admin.title"), "nav": "admin"})


def _list_page(request: Request, session: Session, q: str, page: int, error: str = "", code: int = 200) -> Response:
    rows, total = search_agencies(session=session, q=q, page=page, per_page=PER_PAGE)
    context = {
        "title": msg("admin_agencies.page_title"),
        "nav": "admin",
        "rows": rows,
        "kinds": kind_labels([a.name for a in rows]),
        "q": q,
        "pager": pager(request, page=page, per_page=PER_PAGE, total=total),
        "error": error,
        "max_name": MAX_NAME,
    }
    return respond(request, "admin_agencies.html", context, status_code=code)


@router.get(AGENCIES)
def agencies_admin(
    request: Request,
    session: SessionDep,
    admin: PageAdmin,
    q: Annotated[str, Query(max_length=300)] = "",
    page: PageNo = 1,
) -> Response:
    """Every agency by name (search folded), with a form to add one."""
    return _list_page(request, session, q, page)


@router.post(AGENCIES, dependencies=[CsrfChecked])
def add_agency(
    request: Request, session: SessionDep, admin: PageAdmin, name: Name = "", aliases: Aliases = ""
) -> Response:
    """A new agency of the registry."""
    try:
        agency = create_agency(session=session, user_id=admin.id, name=name, aliases=_lines(aliases))
    except Conflict:
        message = msg("admin_agencies.exists", name=" ".join(name.split()))
        return _list_page(request, session, "", 1, error=message, code=409)
    except Invalid:
        return _list_page(request, session, "", 1, error=msg("admin_agencies.invalid_name"), code=422)
    session.commit()
    return _back(f"{AGENCIES}/{agency.id}", msg("admin_agencies.added", name=agency.name))


def _agency(session: Session, agency_id: int) -> Agency:
    agency = session.get(Agency, agency_id)
    if agency is None:
        raise not_found("agency", agency_id)
    return agency


def _agency_page(request: Request, session: Session, agency: Agency, **extra) -> Response:
    code = extra.pop("code", 200)
    successor = session.get(Agency, agency.successor_id) if agency.successor_id else None
    context = {
        "title": agency.name,
        "nav": "admin",
        "agency": agency,
        "successor": successor,
        "ended": ended(agency),
        "change": ending(session, agency),
        "aliases_text": "\n".join(agency.aliases or []),
        "agency_names": agency_names(session),
        "max_name": MAX_NAME,
        "error": "",
        "preview": None,
        "into": "",
        **extra,
    }
    return respond(request, "admin_agency.html", context, status_code=code)


@router.get(AGENCIES + "/{agency_id:int}")
def agency_admin(
    agency_id: Id,
    request: Request,
    session: SessionDep,
    admin: PageAdmin,
    into: Annotated[str, Query(max_length=MAX_NAME + 50)] = "",
) -> Response:
    """The agency's name and aliases; ``?into=`` previews merging it into that agency."""
    agency = _agency(session, agency_id)
    if not into.strip():
        return _agency_page(request, session, agency)
    try:
        preview = merge_preview(session, agency, match_agency(session, into))
    except AgencyNotMatched as error:
        return _agency_page(request, session, agency, error=vietnamese(error), into=into, code=422)
    except Invalid as error:
        return _agency_page(request, session, agency, error=_merge_error(str(error)), into=into, code=422)
    return _agency_page(request, session, agency, preview=preview, into=into)


def _merge_error(text: str) -> str:
    if "itself" in text:
        return msg("admin_agencies.merge_itself")
    if "already ended" in text:
        return msg("admin_agencies.merge_ended")
    return msg("admin_agencies.merge_into_ended")


@router.post(AGENCIES + "/{agency_id:int}", dependencies=[CsrfChecked])
def edit_agency(
    agency_id: Id, request: Request, session: SessionDep, admin: PageAdmin, name: Name = "", aliases: Aliases = ""
) -> Response:
    """Rename the agency (its tasks are found by the new name) and replace its aliases."""
    agency = _agency(session, agency_id)
    try:
        update_agency(session=session, agency=agency, user_id=admin.id, name=clean_name(name), aliases=_lines(aliases))
    except Invalid:
        return _agency_page(request, session, agency, error=msg("admin_agencies.invalid_name"), code=422)
    except Conflict:
        session.rollback()
        message = msg("admin_agencies.other_exists", name=" ".join(name.split()))
        return _agency_page(request, session, _agency(session, agency_id), error=message, code=409)
    session.commit()
    return _back(f"{AGENCIES}/{agency.id}", msg("admin_agencies.saved"))


@router.post(AGENCIES + "/{agency_id:int}/merge", dependencies=[CsrfChecked])
def merge(
    agency_id: Id,
    request: Request,
    session: SessionDep,
    admin: PageAdmin,
    today: TodayDep,
    successor_id: Annotated[int, Form(ge=1, le=2**31 - 1)],
) -> Response:
    """Merge the agency into ``successor_id`` (confirmed after the preview)."""
    agency = _agency(session, agency_id)
    successor = _agency(session, successor_id)
    try:
        done = merge_agency(session=session, user_id=admin.id, agency=agency, successor=successor, today=today)
    except Invalid as error:
        session.rollback()
        return _agency_page(request, session, _agency(session, agency_id), error=_merge_error(str(error)), code=422)
    session.commit()
    message = msg(
        "admin_agencies.merged", agency=agency.name, successor=successor.name, tasks=done.tasks, users=done.users
    )
    return _back(f"{AGENCIES}/{agency.id}", message)
