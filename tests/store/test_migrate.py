"""The packaged Alembic migrations: upgrade, current revision, and agreement with the tables."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from blameless.errors import StorageError
from blameless.store import migrate
from blameless.store.engine import create_database_engine, session_factory
from blameless.store.tables import Base


def test_upgrade_creates_every_table_and_is_idempotent(empty_db_url: str) -> None:
    engine = create_database_engine(empty_db_url)
    try:
        assert migrate.upgrade(engine) == (None, migrate.head_revision())
        assert migrate.upgrade(engine) == (migrate.head_revision(), migrate.head_revision())
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
    finally:
        engine.dispose()


def test_migration_head_matches_the_table_definitions(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_services_refuse_an_uninitialised_database(empty_db_url: str) -> None:
    engine = create_database_engine(empty_db_url)
    try:
        with session_factory(engine)() as session, pytest.raises(StorageError) as raised:
            migrate.ensure_migrated(session)
        assert str(raised.value) == "database is not initialised: run `blameless db upgrade`"
    finally:
        engine.dispose()


def test_an_unknown_newer_revision_asks_to_upgrade_blameless(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffff'")
    with (
        session_factory(engine)() as session,
        pytest.raises(StorageError, match="upgrade blameless"),
    ):
        migrate.ensure_migrated(session)
