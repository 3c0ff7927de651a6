"""Agencies: searched by folded name, shown with their task counts, renamed by the office."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from chidao.store.models import Agency
from chidao.tracking import agencies
from chidao.web import schemas
from chidao.web.deps import CurrentUser, Id, PageNo, SessionDep, StaffUser, TodayDep, not_found

router = APIRouter(prefix="/agencies", tags=["agencies"])


def _public(agency: Agency) -> schemas.AgencyPublic:
    return schemas.AgencyPublic(id=agency.id, name=agency.name, aliases=list(agency.aliases or []))


@router.get("")
def list_agencies(
    session: SessionDep,
    _user: CurrentUser,
    q: Annotated[str | None, Query(max_length=300, description="words of the name, diacritics optional")] = None,
    page: PageNo = 1,
    per_page: Annotated[int, Query(ge=1, le=500)] = 100,
) -> schemas.Page[schemas.AgencyPublic]:
    """Agencies by name."""
    rows, total = agencies.search_agencies(session=session, q=q, page=page, per_page=per_page)
    return schemas.Page(items=[_public(a) for a in rows], total=total, page=page, per_page=per_page)


@router.get("/{agency_id}", responses={404: {"description": "no such agency"}})
def get_agency(agency_id: Id, session: SessionDep, _user: CurrentUser, today: TodayDep) -> schemas.AgencyDetail:
    """An agency with the number of tracked tasks it leads, coordinates, and leads overdue."""
    agency = session.get(Agency, agency_id)
    if agency is None:
        raise not_found("agency", agency_id)
    counts = agencies.task_counts(session=session, agency_id=agency_id, today=today)
    return schemas.AgencyDetail(**_public(agency).model_dump(), tasks=schemas.AgencyCounts(**counts))


@router.patch("/{agency_id}", responses={404: {"description": "no such agency"}, 409: {"description": "name taken"}})
def update_agency(
    agency_id: Id, body: schemas.AgencyUpdate, session: SessionDep, user: StaffUser
) -> schemas.AgencyPublic:
    """Rename an agency or change its aliases (clerk or admin)."""
    agency = session.get(Agency, agency_id)
    if agency is None:
        raise not_found("agency", agency_id)
    agencies.update_agency(session=session, agency=agency, user_id=user.id, name=body.name, aliases=body.aliases)
    session.commit()
    return _public(agency)
