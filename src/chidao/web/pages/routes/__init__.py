"""Page routers, one module per area of the site. Paths with ids use the ``:int`` converter so
that ``/documents/upload`` and ``/documents/{document_id:int}`` never shadow each other."""

from chidao.web.pages.routes import (
    agencies,
    auth,
    calendar,
    dashboard,
    documents,
    notifications,
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
    agencies.router,
    notifications.router,
    calendar.router,
    webhooks.router,
)
