"""Alembic environment: run with a connection handed over by ``chidao.store.migrate``."""

from alembic import context

from chidao.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through chidao.store.migrate(engine)")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
