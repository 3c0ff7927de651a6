"""What an admin does to the agency list by hand: add an agency, and merge one into another.

A merge is a reorganization of one body decided in the office rather than read from
``data/vi/reorganizations.toml``, and moves the same things the same way
(``tracking.reorganization.move_open_tasks`` and ``move_officers``): the open tasks' assignments
of A become B's, A's officers become B's, completed and cancelled tasks stay with A; A keeps its
row and name, ended today with successor B, and one ``AgencyChange`` (kind "merge") says what
moved. Merging into itself, from or into an ended agency is refused. Like every use case, these
flush but never commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from chidao.messages import msg
from chidao.store.agencies import agency_key
from chidao.store.audit import record
from chidao.store.models import Agency, AgencyChange
from chidao.tracking.errors import Conflict, Invalid
from chidao.tracking.reorganization import move_officers, move_open_tasks, open_work

MAX_NAME = 300
MERGE_REFERENCE = msg("tracking.history.merge_reference")


@dataclass(frozen=True)
class MergePreview:
    """What merging ``agency`` into ``successor`` moves."""

    agency: Agency
    successor: Agency
    tasks: int
    lead: int
    coordinator: int
    users: int


def clean_name(raw: str) -> str:
    name = " ".join(raw.split())
    if not name or len(name) > MAX_NAME or not agency_key(name):
        raise Invalid(f"an agency name has 1-{MAX_NAME} characters, letters among them")
    return name


def create_agency(*, session: Session, user_id: int, name: str, aliases: list[str]) -> Agency:
    """A new agency; a name that folds like another agency's (or like one's alias) is a conflict."""
    name = clean_name(name)
    if session.scalar(select(Agency.id).where(Agency.key == agency_key(name))) is not None:
        raise Conflict(f"an agency called {name!r} already exists")
    agency = Agency(name=name, key=agency_key(name), aliases=list(dict.fromkeys(a for a in aliases if a.strip())))
    session.add(agency)
    session.flush()
    after = {"name": agency.name, "aliases": agency.aliases}
    record(session=session, user_id=user_id, entity="agency", entity_id=agency.id, action="create", after=after)
    return agency


def ended(agency: Agency) -> bool:
    return agency.successor_id is not None or agency.ended_on is not None


def merge_preview(session: Session, agency: Agency, successor: Agency) -> MergePreview:
    """What a merge of ``agency`` into ``successor`` would move; Invalid when it may not happen."""
    if agency.id == successor.id:
        raise Invalid("an agency cannot be merged into itself")
    if ended(agency):
        raise Invalid(f"{agency.name} has already ended")
    if ended(successor):
        raise Invalid(f"{successor.name} has ended: merge into its successor instead")
    tasks, lead, coordinator, users = open_work(session, agency.id)
    return MergePreview(agency, successor, tasks, lead, coordinator, users)


def merge_agency(*, session: Session, user_id: int, agency: Agency, successor: Agency, today: date) -> MergePreview:
    """Merge ``agency`` into ``successor`` today (see the module's docstring); what moved."""
    planned = merge_preview(session, agency, successor)
    reason = msg("tracking.history.merged", agency=agency.name, successor=successor.name)
    tasks = move_open_tasks(session, agency, successor, reason, user_id)
    users = move_officers(session, agency, successor, user_id)
    agency.successor_id, agency.ended_on = successor.id, today
    session.add(
        AgencyChange(
            agency_id=agency.id,
            successor_id=successor.id,
            kind="merge",
            effective=today,
            reference=MERGE_REFERENCE,
            reorganization=f"merge-{agency.id}",
            moved_tasks=tasks,
            moved_users=users,
            applied_by_id=user_id,
        )
    )
    after = {"successor": successor.name, "reason": reason, "tasks": tasks, "users": users}
    record(session=session, user_id=user_id, entity="agency", entity_id=agency.id, action="merge", after=after)
    session.flush()
    return MergePreview(agency, successor, tasks, planned.lead, planned.coordinator, users)
