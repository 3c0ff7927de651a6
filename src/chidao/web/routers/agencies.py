"""Agencies: searched by folded name, shown with their task counts, renamed by the office."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from chidao.store.agencies import agency_key
from chidao.store.audit import record
from chidao.store.documents import search_text
from chidao.store.models import Agency, Assignment, Task
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
    query = select(Agency)
    for word in agency_key(q or "").split():
        query = query.where(Agency.key.like(f"%{word}%"))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(Agency.name).offset((page - 1) * per_page).limit(per_page))
    return schemas.Page(items=[_public(a) for a in rows], total=total, page=page, per_page=per_page)


def _counts(session: Session, agency_id: int, today) -> schemas.AgencyCounts:
    live = select(Task.id).where(Task.tracked.is_(True), Task.deleted.is_(False))
    role_counts = dict(
        session.execute(
            select(Assignment.role, func.count(Assignment.task_id))
            .where(Assignment.agency_id == agency_id, Assignment.task_id.in_(live))
            .group_by(Assignment.role)
        ).all()
    )
    overdue_tasks = live.where(Task.status != "done", Task.status != "cancelled", Task.deadline < today)
    overdue = session.scalar(
        select(func.count(Assignment.task_id)).where(
            Assignment.agency_id == agency_id, Assignment.role == "lead", Assignment.task_id.in_(overdue_tasks)
        )
    )
    return schemas.AgencyCounts(
        lead=role_counts.get("lead", 0), coordinator=role_counts.get("coordinator", 0), overdue_as_lead=overdue or 0
    )


@router.get("/{agency_id}", responses={404: {"description": "no such agency"}})
def get_agency(agency_id: Id, session: SessionDep, _user: CurrentUser, today: TodayDep) -> schemas.AgencyDetail:
    """An agency with the number of tracked tasks it leads, coordinates, and leads overdue."""
    agency = session.get(Agency, agency_id)
    if agency is None:
        raise not_found("agency", agency_id)
    return schemas.AgencyDetail(**_public(agency).model_dump(), tasks=_counts(session, agency_id, today))


def _refresh_search(session: Session, agency_id: int) -> None:
    """Tasks find their agencies by name: re-index the renamed agency's tasks (no version bump)."""
    tasks = session.scalars(
        select(Task).where(Task.id.in_(select(Assignment.task_id).where(Assignment.agency_id == agency_id)))
    )
    for task in tasks:
        names = [a.agency.name for a in task.assignments]
        session.execute(
            update(Task.__table__).where(Task.id == task.id).values(search_text=search_text(task.text, names))
        )


@router.patch("/{agency_id}", responses={404: {"description": "no such agency"}, 409: {"description": "name taken"}})
def update_agency(
    agency_id: Id, body: schemas.AgencyUpdate, session: SessionDep, user: StaffUser
) -> schemas.AgencyPublic:
    """Rename an agency or change its aliases (clerk or admin)."""
    agency = session.get(Agency, agency_id)
    if agency is None:
        raise not_found("agency", agency_id)
    before = {"name": agency.name, "aliases": list(agency.aliases or [])}
    if body.name is not None and body.name != agency.name:
        key = agency_key(body.name)
        if session.scalar(select(Agency.id).where(Agency.key == key, Agency.id != agency.id)) is not None:
            raise HTTPException(status.HTTP_409_CONFLICT, f"another agency is already called {body.name!r}")
        agency.name, agency.key = body.name, key
        session.flush()
        _refresh_search(session, agency.id)
    if body.aliases is not None:
        agency.aliases = list(dict.fromkeys(body.aliases))
    after = {"name": agency.name, "aliases": list(agency.aliases or [])}
    if after != before:
        record(
            session=session,
            user_id=user.id,
            entity="agency",
            entity_id=agency.id,
            action="update",
            before=before,
            after=after,
        )
    session.commit()
    return _public(agency)
