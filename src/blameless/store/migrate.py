"""Alembic, driven from code: the migrations ship inside the package, no alembic.ini needed."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

from blameless.errors import StorageError

MIGRATIONS = Path(__file__).parent / "migrations"
NOT_INITIALISED = "database is not initialised: run `blameless db upgrade`"
MIGRATION_LOCK_KEY = 0x626C616D6573  # "blames": the PostgreSQL advisory lock of `upgrade`


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations, bound to `connection`."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@cache
def head_revision() -> str:
    """The newest migration this version of blameless knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the packaged migrations have no head"
    return head


def current_revision(connection: Connection) -> str | None:
    """The migration the database is at, or None for a database never migrated."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Migrate the database to the head; returns (revision before, revision after)."""
    with engine.begin() as connection:
        _lock_for_migration(connection)
        before = current_revision(connection)
        if before != head_revision():
            command.upgrade(alembic_config(connection), "head")
    return before, head_revision()


def _lock_for_migration(connection: Connection) -> None:
    """Make a concurrent `upgrade` wait for this one to commit, then find the head.

    Without it, both read the same revision and both run the migrations: the second fails on
    a duplicate key (PostgreSQL) or an existing table (SQLite). The lock ends with the
    transaction; on SQLite, `BEGIN IMMEDIATE` also makes the migrations' DDL one transaction.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
    elif connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def ensure_migrated(session: Session) -> None:
    """Raise `StorageError` unless the database is at the migration head."""
    current = current_revision(session.connection())
    if current is None:
        raise StorageError(NOT_INITIALISED)
    if current != head_revision():
        known = {
            script.revision
            for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
        }
        if current in known:
            raise StorageError(
                f"database schema is at revision {current}, this version needs "
                f"{head_revision()}: run `blameless db upgrade`"
            )
        raise StorageError(
            f"database schema is at revision {current}, which this version of blameless "
            "does not know: upgrade blameless"
        )
