"""The tracking store: SQLAlchemy tables (``models``; ``mail`` for reminders, ``feeds`` for
notifications, calendar feeds and webhooks, ``jobs`` for the upload queue, ``document_files`` for
copies of a stored document), engines, migrations. Importing the package registers every table on
``models.Base.metadata``, for Alembic and the app."""

from chidao.store import document_files as document_files
from chidao.store import feeds as feeds
from chidao.store import jobs as jobs
from chidao.store import mail as mail
