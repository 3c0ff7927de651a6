"""Correcting a document's particulars (số, ngày ban hành, loại, nơi ban hành, trích yếu, người
chủ trì, người ký) from its document page or its review page: a plain form post, Post/Redirect/Get
back to where it came from, or that page again with the reason and what was typed (409 when
someone changed them meanwhile, 422 for a value that cannot be one)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, status
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from chidao.messages import msg
from chidao.store.models import Document, User
from chidao.tracking import errors
from chidao.tracking.document_details import DETAIL_FIELDS, DETAIL_LIMITS, EARLIEST, LATEST, update_details
from chidao.web.deps import CsrfChecked, Id, PageUser, SessionDep, SoonDep, TodayDep
from chidao.web.pages.documents.routes import document_page_context
from chidao.web.pages.forms import FormError, done, read_day
from chidao.web.pages.respond import respond
from chidao.web.pages.review.routes import review_page, reviewable
from chidao.web.pages.review.view import DetailsForm

router = APIRouter()
Text = Annotated[str, Form()]
CHANGED = msg("document_details.changed")
LABELS = {
    "number": msg("document_fields.number_label"),
    "doc_date": msg("document_fields.doc_date"),
    "doc_type": msg("document_fields.doc_type"),
    "place": msg("document_fields.place"),
    "title": msg("document_fields.title"),
    "chair": msg("document_fields.chair_person"),
    "signer": msg("document_fields.signer"),
}


def _changes(values: dict[str, str]) -> dict[str, Any]:
    """The typed values as the use case takes them, checked with Vietnamese messages."""
    changes: dict[str, Any] = {}
    for name in DETAIL_FIELDS:
        raw = values[name]
        limit = DETAIL_LIMITS[name]
        if limit is None:
            try:
                day = read_day(raw)
            except ValueError:
                day = EARLIEST.replace(year=1)
            if day is not None and not EARLIEST <= day <= LATEST:
                raise FormError(msg("document_details.bad_date", field=LABELS[name]))
            changes[name] = day
        elif len(raw) > limit:
            raise FormError(msg("document_details.too_long", field=LABELS[name], limit=limit))
        else:
            changes[name] = raw
    return changes


def _again(
    request: Request, session: Session, user: User, document: Document, form: DetailsForm, origin: str, today, soon
) -> Response:
    code = status.HTTP_409_CONFLICT if form.message == CHANGED else 422
    if origin == "review":
        return review_page(request, session, document.id, None, code, details=form)
    context = document_page_context(session, user, document, today, soon, details=form)
    return respond(request, "document.html", context, status_code=code)


@router.post("/documents/{document_id:int}/details", dependencies=[CsrfChecked])
def save_details(
    request: Request,
    document_id: Id,
    session: SessionDep,
    user: PageUser,
    today: TodayDep,
    soon: SoonDep,
    number: Text = "",
    doc_date: Text = "",
    doc_type: Text = "",
    place: Text = "",
    title: Text = "",
    chair: Text = "",
    signer: Text = "",
    version: Text = "",
    origin: Text = "document",
) -> Response:
    """Lưu thông tin văn bản: only the fields that differ are written and logged."""
    document = reviewable(session, user, document_id)
    origin = "review" if origin == "review" else "document"
    values = {"number": number, "doc_date": doc_date, "doc_type": doc_type, "place": place, "title": title}
    values |= {"chair": chair, "signer": signer}
    values = {k: " ".join(v.replace("\x00", "").split()) for k, v in values.items()}
    try:
        changed = update_details(
            session=session, document=document, user_id=user.id, changes=_changes(values), version=version[:64] or None
        )
        session.commit()
    except FormError as error:
        session.rollback()
        return _again(request, session, user, document, DetailsForm(error.message, values), origin, today, soon)
    except errors.Conflict:
        session.rollback()
        session.refresh(document)
        return _again(request, session, user, document, DetailsForm(CHANGED, {}), origin, today, soon)
    except errors.Invalid as error:  # the checks above come first; this is the use case's last word
        session.rollback()
        form = DetailsForm(msg("document_details.invalid", error=error), values)
        return _again(request, session, user, document, form, origin, today, soon)
    message = msg("document_details.saved") if changed else msg("document_details.nothing_to_save")
    url = f"/documents/{document.id}/review" if origin == "review" else f"/documents/{document.id}"
    response = done(url, message)
    return RedirectResponse(response.headers["location"] + "#details", status_code=response.status_code)
