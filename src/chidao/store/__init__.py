"""The tracking store: SQLAlchemy models, migrations, engines. Importing the package registers
every table on ``models.Base.metadata`` (those of ``feeds`` too), for Alembic and the app."""

from chidao.store import feeds as feeds
