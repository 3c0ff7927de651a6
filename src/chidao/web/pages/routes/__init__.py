"""Page routers, one module per area of the site. Paths with ids use the ``:int`` converter so
that ``/documents/upload`` and ``/documents/{document_id:int}`` never shadow each other."""

from chidao.web.pages.routes import agencies, auth, dashboard, documents, reports, review, tasks, upload

ROUTERS = (
    auth.router,
    dashboard.router,
    upload.router,
    review.router,
    documents.router,
    tasks.router,
    agencies.router,
    reports.router,
)
