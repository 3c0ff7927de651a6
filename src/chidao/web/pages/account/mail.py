"""Reminder pages: the policy (admin), an agency's contact addresses (office), and what an
address receives — from the signed link at the bottom of every mail (no login), or for a
logged-in user, with their own address."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from chidao.messages import msg
from chidao.store.models import Agency
from chidao.tracking.errors import OperationError
from chidao.tracking.reminders import contacts, policy
from chidao.tracking.reminders.model import KINDS, kind_labels
from chidao.tracking.reminders.outbox import counts
from chidao.tracking.reminders.signing import link_key, verify
from chidao.web.deps import CsrfChecked, Id, PageAdmin, PageStaff, PageUser, SessionDep, not_found
from chidao.web.pages.forms import FormError, PageForm, done, text_field
from chidao.web.pages.respond import respond

router = APIRouter()
POLICY_NUMBERS = ("overdue_every", "escalate_after", "send_hour", "max_items")
BAD_LINK = msg("mail_preferences.bad_link")


def _policy_context(session: Session, message: str = "", typed: dict | None = None) -> dict:
    return {
        "title": msg("admin_reminders.heading"),
        "nav": "reminders",
        "policy": policy.current_policy(session),
        "defaults": policy.defaults(),
        "bounds": policy.bounds(),
        "outbox": counts(session),
        "message": message,
        "typed": typed or {},
    }


@router.get("/admin/reminders")
def policy_page(request: Request, session: SessionDep, user: PageAdmin) -> Response:
    """The reminder policy in force, with the shipped defaults beside it, and the outbox's state."""
    return respond(request, "admin_reminders.html", _policy_context(session))


def _policy_values(form) -> dict:
    def number(name: str) -> int | str:
        raw = text_field(form, name, limit=10)
        return int(raw) if raw.isdigit() else raw

    before = [part.strip() for part in text_field(form, "before", limit=40).split(",") if part.strip()]
    if not all(part.isdigit() for part in before):
        raise FormError(msg("admin_reminders.bad_before"))
    values = {name: number(name) for name in POLICY_NUMBERS}
    return {
        **values,
        "before": [int(part) for part in before],
        "on_due_day": form.get("on_due_day") == "on",
        "weekly_summary": form.get("weekly_summary") == "on",
    }


@router.post("/admin/reminders", dependencies=[CsrfChecked])
def save_policy(request: Request, session: SessionDep, user: PageAdmin, form: PageForm) -> Response:
    """Save the policy (``action=reset``: back to the data file's defaults)."""
    try:
        if form.get("action") == "reset":
            policy.reset_policy(session=session, user_id=user.id)
        else:
            policy.save_policy(session=session, values=_policy_values(form), user_id=user.id)
        session.commit()
    except (FormError, OperationError) as error:
        session.rollback()
        message = getattr(error, "message", None) or _policy_refusal(str(error))
        typed = {k: v for k, v in form.multi_items() if isinstance(v, str) and k != "csrf_token"}
        return respond(request, "admin_reminders.html", _policy_context(session, message, typed), status_code=422)
    return done("/admin/reminders", msg("admin_reminders.saved"))


def _policy_refusal(english: str) -> str:
    name = english.split(" ", 1)[0]
    low, high = policy.bounds().get(name, (None, None))
    labels = {
        "before": msg("admin_reminders.fields.before"),
        "overdue_every": msg("admin_reminders.fields.overdue_every"),
        "escalate_after": msg("admin_reminders.fields.escalate_after"),
        "send_hour": msg("admin_reminders.fields.send_hour"),
        "max_items": msg("admin_reminders.fields.max_items"),
    }
    if low is None:
        return msg("admin_reminders.invalid_value")
    return msg("admin_reminders.out_of_bounds", field=labels.get(name, name), low=low, high=high)


def _agency(session: Session, agency_id: int) -> Agency:
    agency = session.get(Agency, agency_id)
    if agency is None:
        raise not_found("agency", agency_id)
    return agency


def _contacts_page(request: Request, session: Session, agency: Agency, message: str = "", status_code=200):
    context = {
        "title": msg("agency_contacts.title", name=agency.name),
        "nav": "agencies",
        "agency": agency,
        "contacts": contacts.agency_contacts(session, agency.id),
        "message": message,
    }
    return respond(request, "agency_contacts.html", context, status_code=status_code)


@router.get("/agencies/{agency_id:int}/contacts")
def contacts_page(agency_id: Id, request: Request, session: SessionDep, user: PageStaff) -> Response:
    """The addresses the agency's daily digest goes to."""
    return _contacts_page(request, session, _agency(session, agency_id))


@router.post("/agencies/{agency_id:int}/contacts", dependencies=[CsrfChecked])
def add_contact(agency_id: Id, request: Request, session: SessionDep, user: PageStaff, form: PageForm) -> Response:
    agency = _agency(session, agency_id)
    try:
        contacts.add_agency_contact(
            session=session, agency=agency, email=text_field(form, "email", limit=300), user_id=user.id
        )
        session.commit()
    except (FormError, OperationError) as error:
        session.rollback()
        message = getattr(error, "message", "") or msg("agency_contacts.invalid")
        return _contacts_page(request, session, agency, message, status_code=422)
    return done(f"/agencies/{agency.id}/contacts", msg("agency_contacts.added"))


@router.post("/agencies/{agency_id:int}/contacts/{contact_id:int}/delete", dependencies=[CsrfChecked])
def remove_contact(agency_id: Id, contact_id: Id, session: SessionDep, user: PageStaff) -> Response:
    agency = _agency(session, agency_id)
    try:
        contacts.remove_agency_contact(session=session, agency=agency, contact_id=contact_id, user_id=user.id)
    except OperationError:
        raise not_found("contact", contact_id) from None
    session.commit()
    return done(f"/agencies/{agency.id}/contacts", msg("agency_contacts.deleted"))


def _preferences(
    request: Request, session: Session, address: str | None, token: str, status_code=200, message: str = ""
) -> Response:
    refused = contacts.kinds_refused(session, address) if address else set()
    context = {
        "title": msg("mail_preferences.title"),
        "nav": "mail",
        "address": address or "",
        "token": token,
        "kinds": [(kind, label, kind not in refused) for kind, label in kind_labels().items()],
        "message": message,
    }
    return respond(request, "mail_preferences.html", context, status_code=status_code)


def _address_of(session: Session, token: str) -> str:
    address = verify(link_key(session), token) if token else None
    if address is None:
        raise HTTPException(404, BAD_LINK)
    return address


def _wanted(form) -> set[str]:
    return {kind for kind in KINDS if form.get(f"kind_{kind}") == "on"}


@router.get("/mail/preferences")
def preferences_by_link(request: Request, session: SessionDep, token: str = "") -> Response:
    """What the address of a mail's signed link receives (no login needed)."""
    address = _address_of(session, token)
    session.commit()  # the signing key, made on first use
    return _preferences(request, session, address, token)


@router.post("/mail/preferences")
def save_preferences_by_link(request: Request, session: SessionDep, form: PageForm) -> Response:
    """Save them; the signed token in the form is what authorizes it (and stands for a CSRF token)."""
    token = text_field(form, "token", limit=600)
    address = _address_of(session, token)
    refused = set(KINDS) - _wanted(form)
    contacts.set_kinds_refused(session=session, email=address, refused=refused, known=set(KINDS))
    session.commit()
    saved = quote(msg("mail_preferences.saved_by_link"))
    return RedirectResponse(f"/mail/preferences?token={quote(token)}&msg={saved}", status_code=303)


@router.get("/account/mail")
def my_mail(request: Request, session: SessionDep, user: PageUser) -> Response:
    """A logged-in user's own address for the office's and the leaders' digests, and what it receives."""
    return _preferences(request, session, contacts.user_address(session, user.id), "")


@router.post("/account/mail", dependencies=[CsrfChecked])
def save_my_mail(request: Request, session: SessionDep, user: PageUser, form: PageForm) -> Response:
    try:
        address = contacts.set_user_address(
            session=session, user_id=user.id, email=text_field(form, "email", limit=300)
        )
        if address:
            refused = set(KINDS) - _wanted(form)
            contacts.set_kinds_refused(session=session, email=address, refused=refused, known=set(KINDS))
        session.commit()
    except OperationError:
        session.rollback()
        message = msg("mail_preferences.invalid_address")
        return _preferences(request, session, contacts.user_address(session, user.id), "", 422, message)
    return done("/account/mail", msg("mail_preferences.saved"))
