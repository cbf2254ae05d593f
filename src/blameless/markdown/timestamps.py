"""Timestamps as postmortems write them: `2026-03-04 13:58 UTC` or ISO 8601 with a zone.

Every parsed timestamp is timezone-aware and in UTC. A timestamp without a zone is refused:
guessing the zone of an incident timeline silently reorders events.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

_UTC_SUFFIX = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})[T ](?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)\s*UTC"
)
_ISO = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?P<zone>Z|[+-]\d{2}:?\d{2})?"
)
EXPECTED = "YYYY-MM-DD HH:MM UTC or ISO 8601 with a zone, e.g. 2026-03-04T13:58:00Z"


def parse_timestamp(value: str) -> datetime:
    """Read `YYYY-MM-DD HH:MM[:SS] UTC` or ISO 8601 with `Z`/offset; return an aware UTC datetime.

    Raises `ValueError` with a message fit for the user (no zone, impossible date, bad shape).
    """
    text = value.strip()
    utc = _UTC_SUFFIX.fullmatch(text)
    if utc:
        return _checked(f"{utc['date']}T{utc['time']}+00:00", value)
    iso = _ISO.fullmatch(text)
    if iso is None:
        raise ValueError(f"cannot read timestamp {value!r} (expected {EXPECTED})")
    if iso["zone"] is None:
        raise ValueError(
            f"timestamp {value!r} has no time zone (add 'UTC', 'Z' or an offset such as +02:00)"
        )
    return _checked(text, value)


def _checked(iso_text: str, original: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(iso_text)
    except ValueError:
        raise ValueError(f"timestamp {original!r} is not a real date and time") from None
    return parsed.astimezone(UTC)


def as_utc(value: datetime) -> datetime:
    """An aware datetime converted to UTC; `ValueError` for a naive one."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(
            f"timestamp {value.isoformat(sep=' ')!r} has no time zone "
            "(add 'Z' or an offset such as +02:00)"
        )
    return value.astimezone(UTC)


def format_timeline_timestamp(value: datetime) -> str:
    """The canonical timeline form: `YYYY-MM-DD HH:MM[:SS[.ffffff]] UTC` (seconds only if set)."""
    moment = as_utc(value)
    text = moment.strftime("%Y-%m-%d %H:%M")
    if moment.second or moment.microsecond:
        text += moment.strftime(":%S")
    if moment.microsecond:
        text += f".{moment.microsecond:06d}"
    return text + " UTC"


def format_iso_timestamp(value: datetime) -> str:
    """The canonical front-matter form: `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`."""
    moment = as_utc(value)
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if moment.microsecond:
        text += f".{moment.microsecond:06d}"
    return text + "Z"
