"""Merging sources: UTC, stable order, de-duplication by id and by text, filters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from blameless.model import TimelineEvent
from blameless.timeline.merge import MergeOptions, merge_events

T0 = datetime(2026, 3, 4, 14, 0, tzinfo=UTC)


def _event(minutes: float, text: str, source: str, source_id: str | None = None) -> TimelineEvent:
    return TimelineEvent(T0 + timedelta(minutes=minutes), text, source=source, source_id=source_id)


def test_sorted_stably_and_in_utc() -> None:
    paris = TimelineEvent(datetime(2026, 3, 4, 15, 1, tzinfo=ZoneInfo("Europe/Paris")), "b", "x")
    naive = TimelineEvent(datetime(2026, 3, 4, 14, 1), "c", source="csv")
    same_a, same_b = _event(1, "a", "slack"), _event(1, "a2", "pagerduty")
    merged = merge_events([[same_a, paris], [same_b, naive]])
    assert [e.text for e in merged] == ["a", "b", "a2", "c"]
    assert all(e.timestamp.tzinfo is UTC for e in merged)


def test_naive_times_use_the_merge_zone() -> None:
    naive = TimelineEvent(datetime(2026, 3, 4, 15, 0), "x")
    merged = merge_events([[naive]], MergeOptions(tz=timezone(timedelta(hours=1))))
    assert merged[0].timestamp == T0


def test_duplicate_source_ids_are_dropped() -> None:
    first, again = _event(1, "ack", "pagerduty", "R1"), _event(1, "ack", "pagerduty", "R1")
    other_source = _event(1, "ack", "slack", "R1")
    assert merge_events([[first], [again, other_source]], MergeOptions(text_window=None)) == [
        first,
        other_source,
    ]


def test_same_text_across_sources_within_window() -> None:
    slack = _event(0, "#incident-checkout: Restoring from backup", "slack", "s1")
    pagerduty = _event(1, "Restoring  from BACKUP", "pagerduty", "p1")
    later = _event(5, "restoring from backup", "csv", "c1")
    same_source = _event(1.5, "#ops: restoring from backup", "slack", "s2")
    merged = merge_events([[slack, same_source], [pagerduty, later]])
    assert [e.source_id for e in merged] == ["s1", "s2", "c1"]
    assert len(merge_events([[slack], [pagerduty]], MergeOptions(text_window=None))) == 2


def test_window_and_source_filters() -> None:
    events = [_event(m, f"e{m}", s) for m, s in [(0, "slack"), (10, "git"), (20, "slack")]]
    options = MergeOptions(since=T0 + timedelta(minutes=5), sources=frozenset({"slack"}))
    assert [e.text for e in merge_events([events], options)] == ["e20"]
    options = MergeOptions(until=T0 + timedelta(minutes=10))
    assert [e.text for e in merge_events([events], options)] == ["e0", "e10"]
