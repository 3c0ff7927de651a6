"""Page routers, one module per area of the site. Paths with ids use the ``:int`` converter so
that ``/documents/upload`` and ``/documents/{document_id:int}`` never shadow each other."""

from chidao.web.pages.routes import (
    account,
    agencies,
    auth,
    calendar,
    dashboard,
    documents,
    mail,
    notifications,
    reorganization,
    reports,
    review,
    tasks,
    upload,
    webhooks,
)

ROUTERS = (
    auth.router,
    dashboard.router,
    upload.router,
    review.router,
    documents.router,
    tasks.router,
    reorganization.router,
    agencies.router,
    account.router,
    mail.router,
    notifications.router,
    calendar.router,
    webhooks.router,
    reports.router,
)
