"""Engine creation: URL handling, SQLite connection settings and clear connection errors."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from blameless.errors import StorageError
from blameless.store import engine as engine_module
from blameless.store.engine import (
    create_database_engine,
    display_url,
    parse_database_url,
    transaction,
)


def test_plain_postgresql_urls_use_psycopg() -> None:
    assert parse_database_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert parse_database_url("postgres://u@h/db").drivername == "postgresql+psycopg"


def test_display_url_hides_the_password() -> None:
    shown = display_url("postgresql://alice:s3cret@db.example/blameless")
    assert "s3cret" not in shown
    assert "alice" in shown


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not a url", "invalid database URL"),
        ("mysql://u@h/db", "unsupported database 'mysql'"),
        ("sqlite:////no/such/folder/x.db", "no folder /no/such/folder"),
    ],
)
def test_bad_urls_are_one_clear_error(url: str, message: str) -> None:
    with pytest.raises(StorageError, match=message):
        create_database_engine(url)


def test_an_unreachable_server_is_a_storage_error_without_the_password() -> None:
    with pytest.raises(StorageError) as raised, transaction("postgresql://u:pw@127.0.0.1:1/x") as s:
        s.connection()
    assert str(raised.value).startswith("cannot use the database at postgresql://u:***@127.0.0.1")


def test_a_postgresql_server_that_never_answers_times_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine_module, "POSTGRES_CONNECT_TIMEOUT_S", 1)
    with socket.socket() as silent:  # accepts connections (backlog) but never speaks
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        started = time.monotonic()
        url = f"postgresql://u@127.0.0.1:{port}/x"
        with pytest.raises(StorageError, match="cannot use the database"), transaction(url) as s:
            s.connection()
        assert time.monotonic() - started < 5


def test_sqlite_connections_enforce_foreign_keys_and_use_wal(tmp_path: Path) -> None:
    engine = create_database_engine(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        with engine.connect() as connection:
            assert connection.scalar(text("PRAGMA foreign_keys")) == 1
            assert connection.scalar(text("PRAGMA journal_mode")) == "wal"
            assert connection.scalar(text("PRAGMA busy_timeout")) == 5000
    finally:
        engine.dispose()
