"""Portable column types: UTC timestamps and JSON-safe front matter."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from blameless.store.tables import IncidentRow
from blameless.store.types import UTCDateTime, decode_json, encode_json


def test_timestamps_come_back_timezone_aware_in_utc(session: Session) -> None:
    paris = timezone(timedelta(hours=2))
    session.add(
        IncidentRow(
            public_id="INC-1",
            title="t",
            status="resolved",
            services=[],
            started=datetime(2026, 3, 4, 15, 58, 30, tzinfo=paris),
        )
    )
    session.commit()
    session.expunge_all()
    stored = session.scalars(select(IncidentRow)).one()
    assert stored.started == datetime(2026, 3, 4, 13, 58, 30, tzinfo=UTC)
    assert stored.started is not None and stored.started.utcoffset() == timedelta(0)
    assert stored.created_at.tzinfo is not None


def test_a_naive_timestamp_is_refused(session: Session) -> None:
    session.add(
        IncidentRow(
            public_id="INC-1",
            title="t",
            status="resolved",
            services=[],
            started=datetime(2026, 3, 4, 13, 58),
        )
    )
    with pytest.raises(StatementError, match="without a time zone"):
        session.flush()


def test_front_matter_dates_survive_json() -> None:
    value = {"on": date(2026, 3, 9), "at": [datetime(2026, 3, 9, 1, tzinfo=UTC)], "n": 1}
    encoded = encode_json(value)
    assert "2026-03-09" in str(encoded)
    assert decode_json(encoded) == value


@pytest.mark.parametrize(
    "value",
    [
        datetime(2026, 3, 4, 15, 58, 30, tzinfo=timezone(timedelta(hours=2))),
        datetime(2026, 3, 4, 13, 58, 30, 123456, tzinfo=UTC),
        datetime(999, 1, 2, 3, 4, 5, 6, tzinfo=UTC),
    ],
)
def test_sqlite_timestamps_are_written_in_sqlalchemys_own_format(value: datetime) -> None:
    dialect = sqlite.dialect()
    ours = UTCDateTime().dialect_impl(dialect).bind_processor(dialect)
    reference = sqlite.DATETIME().bind_processor(dialect)
    assert ours is not None and reference is not None
    assert ours(value) == reference(value.astimezone(UTC).replace(tzinfo=None))
    assert ours(None) is None
    with pytest.raises(ValueError, match="without a time zone"):
        ours(value.replace(tzinfo=None))
