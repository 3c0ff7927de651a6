"""The admin's webhook page: register an endpoint, pause or remove it, read the delivery log,
send a failed delivery again."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from chidao.messages import msg
from chidao.tracking import webhooks
from chidao.tracking.errors import Invalid
from chidao.tracking.webhook_sender import retry_delivery
from chidao.vocab import EventKind
from chidao.web.deps import CsrfChecked, Id, PageAdmin, SessionDep, not_found
from chidao.web.pages.forms import FormError, PageForm, done, text_field
from chidao.web.pages.respond import respond

router = APIRouter()
BAD_URL = msg("webhooks.bad_url")


def _page(request: Request, session, *, error: str = "", typed=None, secret: str = "", status_code: int = 200):
    hooks = webhooks.list_webhooks(session)
    context = {
        "title": msg("admin.webhooks"),
        "nav": "webhooks",
        "webhooks": hooks,
        "urls": {h.id: h.url for h in hooks},
        "deliveries": webhooks.deliveries(session, limit=50),
        "kinds": EventKind.labels(),
        "error": error,
        "typed": typed or {},
        "new_secret": secret,
    }
    return respond(request, "webhooks.html", context, status_code=status_code)


@router.get("/admin/webhooks")
def webhooks_page(request: Request, session: SessionDep, _admin: PageAdmin) -> Response:
    return _page(request, session)


@router.post("/admin/webhooks", dependencies=[CsrfChecked])
def add(request: Request, session: SessionDep, admin: PageAdmin, form: PageForm) -> Response:
    """Register an endpoint; the page shows its secret this once."""
    kinds = [k for k in form.getlist("kinds") if isinstance(k, str)]
    typed = {"url": form.get("url") or "", "description": form.get("description") or "", "kinds": kinds}
    try:
        url, description = text_field(form, "url", limit=2000), text_field(form, "description", limit=300)
        if not kinds:
            raise FormError(msg("webhooks.choose_kind"))
        row = webhooks.add_webhook(session=session, user=admin, url=url, kinds=kinds, description=description)
    except (FormError, Invalid) as error:
        session.rollback()
        message = error.message if isinstance(error, FormError) else BAD_URL
        if isinstance(error, Invalid) and "kinds" in str(error):
            message = msg("webhooks.bad_kind")
        return _page(request, session, error=message, typed=typed, status_code=422)
    session.commit()
    return _page(request, session, secret=row.secret)


def _webhook(session, webhook_id: int):
    row = webhooks.get_webhook(session, webhook_id)
    if row is None:
        raise not_found("webhook", webhook_id)
    return row


@router.post("/admin/webhooks/{webhook_id:int}/toggle", dependencies=[CsrfChecked])
def toggle(webhook_id: Id, session: SessionDep, admin: PageAdmin) -> Response:
    row = _webhook(session, webhook_id)
    webhooks.update_webhook(session=session, user=admin, webhook=row, changes={"active": not row.active})
    session.commit()
    return done("/admin/webhooks", msg("webhooks.resumed") if row.active else msg("webhooks.paused_done"))


@router.post("/admin/webhooks/{webhook_id:int}/delete", dependencies=[CsrfChecked])
def delete(webhook_id: Id, session: SessionDep, admin: PageAdmin) -> Response:
    webhooks.delete_webhook(session=session, user=admin, webhook=_webhook(session, webhook_id))
    session.commit()
    return done("/admin/webhooks", msg("webhooks.deleted"))


@router.post("/admin/webhooks/{webhook_id:int}/deliveries/{delivery_id:int}/retry", dependencies=[CsrfChecked])
def retry(webhook_id: Id, delivery_id: Id, session: SessionDep, _admin: PageAdmin) -> Response:
    row = webhooks.delivery_of(session, webhook_id, delivery_id)
    if row is None:
        raise not_found("delivery", delivery_id)
    retry_delivery(session, row)
    session.commit()
    return done("/admin/webhooks", msg("webhooks.retrying"))
