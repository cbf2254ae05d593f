"""Normalise, merge, de-duplicate and filter events from several sources.

All timestamps become UTC (naive ones are read in the given zone). Events are sorted stably by
time, so events at the same instant keep their input order. Two events are duplicates when they
share (source, source id), or — across different sources — when their normalised text is equal
and they lie within `text_window` of each other (the same note pasted in Slack and PagerDuty).
The earlier event is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, tzinfo

from blameless.model import TimelineEvent

DEFAULT_TEXT_WINDOW = timedelta(minutes=2)
_SPACES = re.compile(r"\s+")
_CHANNEL_PREFIX = re.compile(r"^#[\w.-]+: ")


@dataclass(frozen=True)
class MergeOptions:
    """How to merge: time window, sources kept, text de-duplication window (None: off)."""

    since: datetime | None = None
    until: datetime | None = None
    sources: frozenset[str] = frozenset()
    text_window: timedelta | None = DEFAULT_TEXT_WINDOW
    tz: tzinfo = UTC


def to_utc(when: datetime, tz: tzinfo = UTC) -> datetime:
    """A timestamp in UTC; a naive one is read in `tz`."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=tz)
    return when.astimezone(UTC)


def merge_events(
    streams: Iterable[Iterable[TimelineEvent]], options: MergeOptions | None = None
) -> list[TimelineEvent]:
    """One sorted, de-duplicated, filtered timeline from several event streams."""
    options = options or MergeOptions()
    since = to_utc(options.since, options.tz) if options.since else None
    until = to_utc(options.until, options.tz) if options.until else None
    selected: list[TimelineEvent] = []
    for stream in streams:
        for event in stream:
            if options.sources and event.source not in options.sources:
                continue
            when = event.timestamp
            if when.tzinfo is not UTC:
                when = to_utc(when, options.tz)
                event = replace(event, timestamp=when)
            if (since and when < since) or (until and when > until):
                continue
            selected.append(event)
    selected.sort(key=lambda e: e.timestamp)
    return deduplicate(selected, options.text_window)


def deduplicate(
    events: Iterable[TimelineEvent], text_window: timedelta | None = DEFAULT_TEXT_WINDOW
) -> list[TimelineEvent]:
    """Drop repeats of (source, source id) and, across sources, of text within the window.

    `events` must be sorted by time.
    """
    seen_ids: set[tuple[str | None, str]] = set()
    last_by_text: dict[str, tuple[datetime, str | None]] = {}
    kept: list[TimelineEvent] = []
    for event in events:
        if event.source_id is not None:
            key = (event.source, event.source_id)
            if key in seen_ids:
                continue
            seen_ids.add(key)
        if text_window is not None:
            text = normalise_text(event.text)
            previous = last_by_text.get(text)
            if (
                previous is not None
                and previous[1] != event.source
                and event.timestamp - previous[0] <= text_window
            ):
                continue
            last_by_text[text] = (event.timestamp, event.source)
        kept.append(event)
    return kept


def normalise_text(text: str) -> str:
    """Text compared for de-duplication: no Slack channel prefix, case-folded, spaces collapsed."""
    return _SPACES.sub(" ", _CHANNEL_PREFIX.sub("", text)).strip().casefold()
