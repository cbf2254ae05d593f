"""Inconsistencies: order of milestones, markers, silences, unsorted items."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from blameless.model import Incident, Milestone, TimelineEvent
from blameless.timeline.checks import find_inconsistencies

T0 = datetime(2026, 3, 4, 14, 0, tzinfo=UTC)


def _at(minutes: int, text: str = "x", milestone: Milestone | None = None) -> TimelineEvent:
    return TimelineEvent(T0 + timedelta(minutes=minutes), text, milestone=milestone)


def test_consistent_timeline_has_no_issue() -> None:
    events = [_at(0, milestone=Milestone.DETECTED), _at(20), _at(40, milestone=Milestone.RESOLVED)]
    assert find_inconsistencies(events) == []


def test_resolved_before_detected_names_the_event() -> None:
    events = [_at(0, milestone=Milestone.RESOLVED), _at(5, milestone=Milestone.DETECTED)]
    issues = find_inconsistencies(events)
    assert [(i.code, i.event_index, i.milestone) for i in issues] == [
        ("milestone-order", 1, Milestone.RESOLVED)
    ]
    assert issues[0].message == (
        "resolved (2026-03-04 14:00:00 UTC) is before detected (2026-03-04 14:05:00 UTC)"
    )


def test_front_matter_order_and_marker_mismatch() -> None:
    incident = Incident("INC-1", "t", detected=T0 + timedelta(minutes=9), resolved=T0)
    events = [_at(5, milestone=Milestone.DETECTED)]
    codes = [(i.code, i.event_index) for i in find_inconsistencies(events, incident)]
    assert codes == [("marker-mismatch", 1), ("milestone-order", None)]


def test_gap_inside_the_incident_only() -> None:
    events = [
        _at(-120),
        _at(0, milestone=Milestone.DETECTED),
        _at(10),
        _at(55),
        _at(60, milestone=Milestone.RESOLVED),
        _at(200),
    ]
    issues = find_inconsistencies(events, max_gap=timedelta(minutes=30))
    assert [(i.code, i.event_index) for i in issues] == [("gap", 4)]
    assert "no event for 45m 00s between" in issues[0].message
    assert find_inconsistencies(events, max_gap=None) == []


def test_unsorted_and_duplicate_markers() -> None:
    events = [_at(10, milestone=Milestone.DETECTED), _at(5), _at(12, "again #detected")]
    assert [(i.code, i.event_index) for i in find_inconsistencies(events)] == [
        ("unsorted", 2),
        ("duplicate-marker", 3),
    ]


def test_a_marker_less_than_a_minute_from_the_front_matter_agrees() -> None:
    incident = Incident("INC-1", "t", detected=T0)
    close = TimelineEvent(T0 + timedelta(seconds=59), "Alert fired #detected")
    assert find_inconsistencies([close], incident) == []
    far = TimelineEvent(T0 + timedelta(seconds=60), "Alert fired #detected")
    assert [i.code for i in find_inconsistencies([far], incident)] == ["marker-mismatch"]
