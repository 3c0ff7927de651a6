"""The tracking store: SQLAlchemy tables (``models``, and ``mail`` for reminders), engines,
migrations. Importing the package registers every table on ``models.Base.metadata``."""

from chidao.store import mail as mail
