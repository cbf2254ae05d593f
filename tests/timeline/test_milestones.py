"""Milestones from markers and events, front-matter overrides, durations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from blameless.model import Incident, Milestone, TimelineEvent
from blameless.timeline.milestones import (
    compute_durations,
    format_duration,
    infer_milestones,
    marker_of,
    resolve_milestones,
)

T0 = datetime(2026, 3, 4, 13, 58, tzinfo=UTC)


def _at(
    minutes: int,
    text: str,
    source: str,
    kind: str | None = None,
    sid: str | None = None,
    milestone: Milestone | None = None,
) -> TimelineEvent:
    return TimelineEvent(
        T0 + timedelta(minutes=minutes),
        text,
        source=source,
        kind=kind,
        source_id=sid,
        milestone=milestone,
    )


EVENTS = [
    _at(-40, "old deploy", "git", "commit"),
    _at(0, "delete namespaces checkout-prod", "k8s-audit", "k8s-delete"),
    _at(3, "Alert firing: HighErrorRate", "alertmanager", "alert-firing", "fp@t/firing"),
    _at(3, "Triggered", "pagerduty", "trigger"),
    _at(5, "Acknowledged", "pagerduty", "acknowledge"),
    _at(40, "Alert resolved: HighErrorRate", "alertmanager", "alert-resolved", "fp@t/resolved"),
    _at(60, "Resolved", "pagerduty", "resolve"),
    _at(70, "Resolved again", "pagerduty", "resolve"),
]


def test_inference_from_events() -> None:
    found = infer_milestones(EVENTS)
    assert {m: (t.timestamp - T0, t.event_index) for m, t in found.items()} == {
        Milestone.STARTED: (timedelta(0), 2),
        Milestone.DETECTED: (timedelta(minutes=3), 3),
        Milestone.ACKNOWLEDGED: (timedelta(minutes=5), 5),
        Milestone.MITIGATED: (timedelta(minutes=40), 6),
        Milestone.RESOLVED: (timedelta(minutes=70), 8),
    }
    assert all(t.origin == "inferred" for t in found.values())


def test_unresolved_alert_means_no_inferred_mitigation() -> None:
    events = [*EVENTS[:5], _at(9, "other", "alertmanager", "alert-firing", "fp2@t/firing")]
    assert Milestone.MITIGATED not in infer_milestones(events)


def test_markers_beat_inference_and_front_matter_beats_markers() -> None:
    events = [*EVENTS, _at(30, "Traffic drained to EU-2 #Mitigated", "slack", "message")]
    events[3] = _at(3, "Triggered", "pagerduty", "trigger", milestone=Milestone.DETECTED)
    found = resolve_milestones(events)
    assert (found[Milestone.MITIGATED].origin, found[Milestone.MITIGATED].event_index) == (
        "marker",
        9,
    )
    assert found[Milestone.DETECTED].event_index == 4
    declared = T0 + timedelta(minutes=1)
    incident = Incident("INC-2026-001", "t", detected=declared)
    overridden = resolve_milestones(events, incident)
    assert overridden[Milestone.DETECTED].timestamp == declared
    assert overridden[Milestone.DETECTED].origin == "front matter"
    assert list(overridden) == [
        Milestone.STARTED,
        Milestone.DETECTED,
        Milestone.ACKNOWLEDGED,
        Milestone.MITIGATED,
        Milestone.RESOLVED,
    ]


def test_marker_hashtag_needs_a_word_boundary() -> None:
    assert marker_of(_at(0, "#resolved-ish", "slack")) is None
    assert marker_of(_at(0, "see issue#resolved", "slack")) is None
    assert marker_of(_at(0, "fixed it #resolved", "slack")) is Milestone.RESOLVED


def test_durations() -> None:
    durations = compute_durations(infer_milestones(EVENTS))
    assert durations.time_to_detect == timedelta(minutes=3)
    assert durations.time_to_acknowledge == timedelta(minutes=2)
    assert durations.time_to_mitigate == timedelta(minutes=37)
    assert durations.time_to_resolve == timedelta(minutes=67)
    assert durations.duration == timedelta(minutes=70)
    partial = compute_durations({Milestone.DETECTED: T0})
    assert partial.time_to_resolve is None


def test_format_duration() -> None:
    assert format_duration(timedelta(hours=1, minutes=5, seconds=9)) == "1h 05m"
    assert format_duration(timedelta(minutes=42, seconds=10)) == "42m 10s"
    assert format_duration(timedelta(seconds=-30)) == "-30s"
    assert format_duration(None) == "—"
