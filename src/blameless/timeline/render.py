"""Plain renderings of a merged timeline: JSON data and Markdown, for `timeline show`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, replace
from typing import Any

from blameless.markdown.items import render_event
from blameless.model import Milestone, TimelineEvent
from blameless.timeline.checks import TimelineIssue
from blameless.timeline.milestones import Durations, MilestoneTime, format_duration, provenance

DURATION_LABELS = {
    "time_to_detect": "Time to detect",
    "time_to_acknowledge": "Time to acknowledge",
    "time_to_mitigate": "Time to mitigate",
    "time_to_resolve": "Time to resolve",
    "duration": "Duration",
}


def timeline_data(
    incident_id: str,
    events: Sequence[TimelineEvent],
    milestones: Mapping[Milestone, MilestoneTime],
    durations: Durations,
    issues: Sequence[TimelineIssue],
) -> dict[str, Any]:
    """A JSON-ready dict: events, milestones (with origin), durations in seconds, issues."""
    return {
        "incident": incident_id,
        "events": [
            {
                **asdict(event),
                "timestamp": event.timestamp.isoformat().replace("+00:00", "Z"),
                "milestone": event.milestone.value if event.milestone else None,
            }
            for event in events
        ],
        "milestones": {
            m.value: {
                "timestamp": t.timestamp.isoformat().replace("+00:00", "Z"),
                "origin": t.origin,
                "reason": t.reason,
                "event": t.event_index,
            }
            for m, t in milestones.items()
        },
        "durations": {
            name: value.total_seconds() if value is not None else None
            for name, value in asdict(durations).items()
        },
        "issues": [
            {
                "code": i.code,
                "message": i.message,
                "event": i.event_index,
                "milestone": i.milestone.value if i.milestone else None,
            }
            for i in issues
        ],
    }


def timeline_markdown(
    events: Sequence[TimelineEvent],
    milestones: Mapping[Milestone, MilestoneTime],
    durations: Durations,
) -> str:
    """The timeline as postmortem items, then milestones and durations as a short list."""
    marked = {t.event_index: m for m, t in milestones.items() if t.event_index is not None}
    lines = ["## Timeline", "", "All times UTC.", ""]
    for index, event in enumerate(events, start=1):
        milestone = marked.get(index, event.milestone)
        lines.append(
            render_event(event if milestone == event.milestone else _with(event, milestone))
        )
    lines += ["", "### Milestones", ""]
    for milestone, when in milestones.items():
        stamp = when.timestamp.strftime("%Y-%m-%d %H:%M:%S UTC")
        lines.append(f"- **{milestone.value}**: {stamp} ({provenance(when)})")
    lines += ["", "### Durations", ""]
    for name, label in DURATION_LABELS.items():
        lines.append(f"- {label}: {format_duration(getattr(durations, name))}")
    return "\n".join(lines) + "\n"


def _with(event: TimelineEvent, milestone: Milestone | None) -> TimelineEvent:
    return replace(event, milestone=milestone)
