"""Page routers, collected from the area packages in the order they are mounted. Paths with ids use
the ``:int`` converter so that ``/documents/upload`` and ``/documents/{document_id:int}`` never
shadow each other."""

from chidao.web.pages.account import auth, mail, notifications
from chidao.web.pages.account import routes as account
from chidao.web.pages.admin import users as admin_users
from chidao.web.pages.admin import webhooks
from chidao.web.pages.agencies import admin as admin_agencies
from chidao.web.pages.agencies import lifecycle as agency_lifecycle
from chidao.web.pages.agencies import reorganization
from chidao.web.pages.agencies import routes as agencies
from chidao.web.pages.calendar import deadlines
from chidao.web.pages.calendar import routes as calendar
from chidao.web.pages.dashboard import routes as dashboard
from chidao.web.pages.documents import detail_routes as document_details
from chidao.web.pages.documents import routes as documents
from chidao.web.pages.reports import routes as reports
from chidao.web.pages.review import routes as review
from chidao.web.pages.review import table_routes as review_table
from chidao.web.pages.tasks import routes as tasks
from chidao.web.pages.uploads import routes as upload

ROUTERS = (
    auth.router,
    dashboard.router,
    upload.router,
    review.router,
    review_table.router,
    documents.router,
    document_details.router,
    tasks.router,
    reorganization.router,
    agencies.router,
    account.router,
    admin_agencies.router,
    agency_lifecycle.router,
    admin_users.router,
    mail.router,
    notifications.router,
    calendar.router,
    deadlines.router,
    webhooks.router,
    reports.router,
)
