from datetime import UTC, datetime, timedelta, timezone

import pytest

from blameless.markdown.timestamps import (
    format_iso_timestamp,
    format_timeline_timestamp,
    parse_timestamp,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-04 13:58 UTC", datetime(2026, 3, 4, 13, 58, tzinfo=UTC)),
        ("2026-03-04 13:58:07 UTC", datetime(2026, 3, 4, 13, 58, 7, tzinfo=UTC)),
        ("2026-03-04T13:58:00Z", datetime(2026, 3, 4, 13, 58, tzinfo=UTC)),
        ("2026-03-04T15:58:00+02:00", datetime(2026, 3, 4, 13, 58, tzinfo=UTC)),
        ("2026-03-04T08:58-0500", datetime(2026, 3, 4, 13, 58, tzinfo=UTC)),
        ("2026-03-04 13:58:00.250 UTC", datetime(2026, 3, 4, 13, 58, 0, 250000, tzinfo=UTC)),
    ],
)
def test_parse_timestamp_reads_both_forms_into_utc(text: str, expected: datetime) -> None:
    parsed = parse_timestamp(text)
    assert parsed == expected
    assert parsed.tzinfo is UTC


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("2026-03-04 13:58", "has no time zone"),
        ("2026-03-04T13:58:00", "has no time zone"),
        ("2026-02-30 10:00 UTC", "is not a real date"),
        ("yesterday at noon", "cannot read timestamp"),
        ("2026-03-04 13:58 CET", "cannot read timestamp"),
    ],
)
def test_parse_timestamp_explains_what_is_wrong(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_timestamp(text)


def test_timeline_form_shows_seconds_only_when_set() -> None:
    minute = datetime(2026, 3, 4, 15, 58, tzinfo=timezone(timedelta(hours=2)))
    assert format_timeline_timestamp(minute) == "2026-03-04 13:58 UTC"
    assert format_timeline_timestamp(minute.replace(second=5)) == "2026-03-04 13:58:05 UTC"
    fraction = minute.replace(microsecond=120)
    assert format_timeline_timestamp(fraction) == "2026-03-04 13:58:00.000120 UTC"


def test_iso_form_ends_in_z() -> None:
    assert format_iso_timestamp(datetime(2026, 3, 4, 13, 58, tzinfo=UTC)) == "2026-03-04T13:58:00Z"


def test_formatting_refuses_naive_datetimes() -> None:
    with pytest.raises(ValueError, match="no time zone"):
        format_iso_timestamp(datetime(2026, 3, 4, 13, 58))
