"""Who receives digests: an agency's contact addresses, a user's own address, and the
addresses that asked for no more of a kind of digest.

Addresses are kept as typed but trimmed, with the domain lower-cased (the local part may be
case-sensitive by RFC 5321, though hardly any server treats it so); a second copy of the same
address for one agency is refused. ``import_contacts`` reads ``agency,email`` rows and stores
all of them or, at the first unknown agency or bad address, none.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from chidao.store.agencies import agency_key
from chidao.store.audit import record
from chidao.store.mail import EMAIL_LENGTH, AgencyContact, MailOptOut, UserContact
from chidao.store.models import Agency
from chidao.tracking.errors import Conflict, Invalid

# A deliberately plain check: one @, a dotted domain of letters, digits and hyphens, no spaces.
_ADDRESS = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")
MAX_IMPORT_ROWS = 100_000


def clean_address(raw: str) -> str:
    """The address, trimmed and with its domain lower-cased; ``Invalid`` if it is not one."""
    text = raw.strip()
    if len(text) > EMAIL_LENGTH or not _ADDRESS.match(text) or ".." in text:
        raise Invalid(f"not an e-mail address: {raw.strip()[:80]!r}")
    local, _, domain = text.rpartition("@")
    return f"{local}@{domain.lower()}"


def agency_contacts(session: Session, agency_id: int) -> list[AgencyContact]:
    return list(session.scalars(select(AgencyContact).where(AgencyContact.agency_id == agency_id).order_by("email")))


def add_agency_contact(*, session: Session, agency: Agency, email: str, user_id: int | None) -> AgencyContact:
    address = clean_address(email)
    taken = session.scalar(
        select(AgencyContact.id).where(AgencyContact.agency_id == agency.id, AgencyContact.email == address)
    )
    if taken is not None:
        raise Conflict(f"{address} is already a contact of this agency")
    contact = AgencyContact(agency_id=agency.id, email=address)
    session.add(contact)
    session.flush()
    record(
        session=session,
        user_id=user_id,
        entity="agency",
        entity_id=agency.id,
        action="add_contact",
        after={"email": address},
    )
    return contact


def remove_agency_contact(*, session: Session, agency: Agency, contact_id: int, user_id: int | None) -> None:
    contact = session.get(AgencyContact, contact_id)
    if contact is None or contact.agency_id != agency.id:
        raise Invalid("no such contact of this agency")
    record(
        session=session,
        user_id=user_id,
        entity="agency",
        entity_id=agency.id,
        action="remove_contact",
        before={"email": contact.email},
    )
    session.delete(contact)
    session.flush()


@dataclass(frozen=True)
class ImportResult:
    added: int
    already: int


def _agency_index(session: Session) -> dict[str, int]:
    index: dict[str, int] = {}
    for agency_id, key, aliases in session.execute(select(Agency.id, Agency.key, Agency.aliases)):
        for alias in aliases or []:
            index.setdefault(agency_key(alias), agency_id)
        index[key] = agency_id
    return index


def read_contacts_csv(session: Session, data: str) -> list[tuple[int, str]]:
    """The (agency id, address) pairs of a CSV with the header ``agency,email``; ``Invalid``
    naming the line of the first unknown agency or bad address."""
    rows = csv.reader(io.StringIO(data.removeprefix("\ufeff")))
    header = [cell.strip().lower() for cell in next(rows, [])]
    if header[:2] != ["agency", "email"]:
        raise Invalid("line 1: the header must be 'agency,email'")
    index, pairs = _agency_index(session), []
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != 2:
            raise Invalid(f"line {number}: expected 2 columns (agency,email), found {len(row)}")
        agency_id = index.get(agency_key(row[0]))
        if agency_id is None:
            raise Invalid(f"line {number}: unknown agency {row[0].strip()[:120]!r}")
        try:
            pairs.append((agency_id, clean_address(row[1])))
        except Invalid as error:
            raise Invalid(f"line {number}: {error}") from None
        if len(pairs) > MAX_IMPORT_ROWS:
            raise Invalid(f"more than {MAX_IMPORT_ROWS} rows: split the file")
    return pairs


def import_contacts(*, session: Session, data: str, user_id: int | None) -> ImportResult:
    """Add every address of the CSV to its agency (those already there are counted, not doubled)."""
    pairs = read_contacts_csv(session, data)
    existing = set(session.execute(select(AgencyContact.agency_id, AgencyContact.email)).all())
    fresh = list(dict.fromkeys(p for p in pairs if p not in existing))
    session.add_all(AgencyContact(agency_id=agency_id, email=email) for agency_id, email in fresh)
    record(
        session=session,
        user_id=user_id,
        entity="agency_contacts",
        entity_id=0,
        action="import",
        after={"added": len(fresh)},
    )
    session.flush()
    return ImportResult(added=len(fresh), already=len(pairs) - len(fresh))


def user_address(session: Session, user_id: int) -> str | None:
    contact = session.get(UserContact, user_id)
    return contact.email if contact else None


def set_user_address(*, session: Session, user_id: int, email: str) -> str | None:
    """Set (or, with an empty ``email``, remove) the user's own address for digests."""
    contact = session.get(UserContact, user_id)
    if not email.strip():
        if contact is not None:
            session.delete(contact)
        session.flush()
        return None
    address = clean_address(email)
    if contact is None:
        session.add(UserContact(user_id=user_id, email=address))
    else:
        contact.email = address
    session.flush()
    return address


def opted_out(session: Session) -> set[tuple[str, str]]:
    """(address, kind) pairs that asked for no more digests of that kind."""
    return set(session.execute(select(MailOptOut.email, MailOptOut.kind)).all())


def kinds_refused(session: Session, email: str) -> set[str]:
    return set(session.scalars(select(MailOptOut.kind).where(MailOptOut.email == email)))


def set_kinds_refused(*, session: Session, email: str, refused: set[str], known: set[str]) -> None:
    """Make ``refused`` the kinds of digest ``email`` does not want (of the ``known`` ones)."""
    session.execute(delete(MailOptOut).where(MailOptOut.email == email))
    session.add_all(MailOptOut(email=email, kind=kind) for kind in sorted(refused & known))
    session.flush()
