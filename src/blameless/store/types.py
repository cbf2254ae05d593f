"""Column types that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always returned timezone-aware.

    SQLite has no time zones: values are written as naive UTC and given `UTC` back on read.
    A naive value is refused on write, because its zone would be a guess.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = _as_utc(value)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any] | None:
        """On SQLite, SQLAlchemy's own text format, written by `isoformat` in C.

        Bulk imports convert one timestamp per row: the generic path cost twice as much.
        """
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)
        return _sqlite_text

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def _as_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError(f"refusing to store a timestamp without a time zone: {value}")
    return value.astimezone(UTC)


def _sqlite_text(value: datetime | None) -> str | None:
    # The format of SQLAlchemy's SQLite DATETIME: "2026-03-04 12:00:00.000000".
    if value is None:
        return None
    # The first 26 characters leave out "+00:00"; cheaper than replace(tzinfo=None).
    return _as_utc(value).isoformat(" ", "microseconds")[:26]


_TAG = "$blameless"


def encode_json(value: Any) -> Any:
    """Make front-matter values JSON-safe; YAML dates and timestamps become tagged objects."""
    if isinstance(value, datetime):
        return {_TAG: "datetime", "value": value.isoformat()}
    if isinstance(value, date):
        return {_TAG: "date", "value": value.isoformat()}
    if isinstance(value, dict):
        return {str(key): encode_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [encode_json(item) for item in value]
    return value


def decode_json(value: Any) -> Any:
    """The inverse of `encode_json`."""
    if isinstance(value, dict):
        if set(value) == {_TAG, "value"}:
            kind, text = value[_TAG], value["value"]
            return datetime.fromisoformat(text) if kind == "datetime" else date.fromisoformat(text)
        return {key: decode_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [decode_json(item) for item in value]
    return value
