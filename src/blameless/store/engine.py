"""Engines and sessions from a database URL, with driver errors turned into `StorageError`.

SQLite gets foreign keys, WAL and a busy timeout on every connection; `postgresql://` URLs use
psycopg 3, the driver `blameless[postgres]` installs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from blameless.errors import BlamelessError, StorageError

SQLITE_BUSY_TIMEOUT_MS = 5000
POSTGRES_CONNECT_TIMEOUT_S = 10
"""An unreachable PostgreSQL host fails after this long instead of hanging (libpq waits forever)."""


def parse_database_url(url: str | URL) -> URL:
    """A SQLAlchemy URL, with `postgresql://` mapped to the psycopg 3 driver."""
    try:
        parsed = make_url(url)
    except exc.ArgumentError:
        raise StorageError(
            f"invalid database URL {str(url)!r}: expected e.g. sqlite:///blameless.db "
            "or postgresql://user@host/dbname"
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def display_url(url: str | URL) -> str:
    """The URL as it may be shown to a user: the password is masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except exc.ArgumentError:
        return str(url)


def create_database_engine(url: str | URL, **options: Any) -> Engine:
    """An engine for `url`; raises `StorageError` for an unsupported or malformed URL."""
    parsed = parse_database_url(url)
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise StorageError(
            f"unsupported database {backend!r} in {display_url(parsed)}: use sqlite or postgresql"
        )
    path = sqlite_file(parsed)
    if path is not None and not path.parent.is_dir():
        raise StorageError(f"cannot open the SQLite database: no folder {path.parent}")
    if backend == "postgresql" and "connect_timeout" not in parsed.query:
        options["connect_args"] = {
            "connect_timeout": POSTGRES_CONNECT_TIMEOUT_S,
            **options.get("connect_args", {}),
        }
    try:
        engine = create_engine(parsed, **options)
    except exc.NoSuchModuleError:
        raise StorageError(f"no driver for {display_url(parsed)}") from None
    except ImportError as problem:
        raise StorageError(
            f"the driver for {backend} is not installed ({problem.name}): "
            "pip install 'blameless[postgres]'"
        ) from None
    if backend == "sqlite":
        event.listen(engine, "connect", _configure_sqlite)
    return engine


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        # WAL lets readers (the web app) work while an import writes.
        cursor.execute("PRAGMA journal_mode = WAL")
    finally:
        cursor.close()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions bound to `engine`; objects stay readable after commit."""
    return sessionmaker(engine, expire_on_commit=False)


def describe_db_error(problem: exc.DBAPIError, url: str | URL) -> StorageError:
    """One clear line for a driver error, naming the database but never its password."""
    detail = str(problem.orig).strip().splitlines()[0] if problem.orig else str(problem)
    if isinstance(problem, exc.OperationalError):
        return StorageError(f"cannot use the database at {display_url(url)}: {detail}")
    return StorageError(f"database error at {display_url(url)}: {detail}")


def sqlite_file(url: str | URL) -> Path | None:
    """The file of a SQLite URL; None for other databases and in-memory SQLite."""
    parsed = parse_database_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database or "")


def require_existing(url: str | URL) -> None:
    """Raise `StorageError` when `url` names a SQLite file that does not exist.

    Opening it would create an empty file, typically in the wrong folder.
    """
    path = sqlite_file(url)
    if path is not None and not path.exists():
        raise StorageError(f"no database at {path}: run `blameless db upgrade`")


@contextmanager
def database(url: str | URL, *, create: bool = False) -> Iterator[Engine]:
    """An engine for one command: driver errors become `StorageError`, disposed at the end.

    A missing SQLite file is an error unless `create` (only `db upgrade` creates databases).
    """
    if not create:
        require_existing(url)
    engine = create_database_engine(url)
    try:
        yield engine
    except BlamelessError:
        raise
    except exc.DBAPIError as problem:
        raise describe_db_error(problem, url) from problem
    finally:
        engine.dispose()


@contextmanager
def transaction(url: str | URL) -> Iterator[Session]:
    """A session in one transaction for a command: committed on success, rolled back on error."""
    with database(url) as engine, session_factory(engine)() as session, session.begin():
        yield session
