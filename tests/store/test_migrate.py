"""The packaged Alembic migrations: upgrade, current revision, and agreement with the tables."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from blameless.errors import StorageError
from blameless.model import TimelineEvent
from blameless.store import migrate, timeline_rows
from blameless.store.engine import create_database_engine, session_factory
from blameless.store.tables import Base, source_key


def test_upgrade_creates_every_table_and_is_idempotent(empty_db_url: str) -> None:
    engine = create_database_engine(empty_db_url)
    try:
        assert migrate.upgrade(engine) == (None, migrate.head_revision())
        assert migrate.upgrade(engine) == (migrate.head_revision(), migrate.head_revision())
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
    finally:
        engine.dispose()


def test_concurrent_upgrades_both_succeed(empty_db_url: str) -> None:
    engines = [create_database_engine(empty_db_url) for _ in range(2)]
    outcomes: list[object] = []
    start = threading.Barrier(2)

    def upgrade(engine: Engine) -> None:
        start.wait()
        try:
            outcomes.append(migrate.upgrade(engine))
        except Exception as problem:  # handed to the main thread to assert on
            outcomes.append(problem)

    threads = [threading.Thread(target=upgrade, args=(engine,)) for engine in engines]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        for engine in engines:
            engine.dispose()
    head = migrate.head_revision()
    assert len(outcomes) == 2 and set(outcomes) == {(None, head), (head, head)}, outcomes


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


def test_upgrade_from_0001_keys_stored_events_and_keeps_deduplicating(empty_db_url: str) -> None:
    engine = create_database_engine(empty_db_url)
    try:
        with engine.begin() as connection:
            command.upgrade(migrate.alembic_config(connection), "0001")
            connection.exec_driver_sql(
                "INSERT INTO incidents (public_id, title, status, services) "
                "VALUES ('INC-1', 't', 'open', '[]')"
            )
            connection.exec_driver_sql(
                "INSERT INTO timeline_events (incident_pk, position, timestamp, text, source, "
                "source_id) VALUES (1, 0, '2026-03-04 12:00:00', 'a', 'slack', '1'), "
                "(1, 1, '2026-03-04 12:01:00', 'b', 'notes', NULL)"
            )
        migrate.upgrade(engine)
        with engine.connect() as connection:
            keys = connection.exec_driver_sql(
                "SELECT source_key FROM timeline_events ORDER BY position"
            ).all()
        assert [key for (key,) in keys] == [source_key("slack", "1"), None]
        with session_factory(engine)() as session:
            again = TimelineEvent(
                datetime(2026, 3, 4, tzinfo=UTC), "a", source="slack", source_id="1"
            )
            assert timeline_rows.add_timeline_events(session, 1, [again]) == 0
    finally:
        engine.dispose()


def test_downgrade_to_0001_restores_the_text_key(engine: Engine) -> None:
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0001")
    with engine.connect() as connection:
        assert "source_key" not in {
            c["name"] for c in inspect(connection).get_columns("timeline_events")
        }
        uniques = inspect(connection).get_unique_constraints("timeline_events")
        assert [u["column_names"] for u in uniques] == [["incident_pk", "source", "source_id"]]
