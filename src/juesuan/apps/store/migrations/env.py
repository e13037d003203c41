"""Alembic environment for the store: run with the connection that ``db.upgrade`` hands over
(no alembic.ini). PostgreSQL migrations hold an advisory lock, SQLite ones the write lock, so two
processes opening a new database at once create it once."""

from alembic import context
from sqlalchemy import text

from juesuan.apps.store.schema import Base

LOCK = 7_130_001  # advisory lock id of juesuan's migrations

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  transaction_per_migration=False)
with context.begin_transaction():
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": LOCK})
    context.run_migrations()
