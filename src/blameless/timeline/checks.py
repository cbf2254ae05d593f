"""Inconsistencies of a timeline and its milestones, for `blameless timeline show` and ST rules.

The linter calls `find_inconsistencies(postmortem.timeline, postmortem.incident)`; each issue
names the 1-based event it is about, which the caller maps to a line of the file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from itertools import pairwise

from blameless.model import Incident, Milestone, TimelineEvent
from blameless.timeline.milestones import (
    ORDER,
    MilestoneTime,
    clock,
    format_duration,
    marker_of,
    resolve_milestones,
)

DEFAULT_MAX_GAP = timedelta(minutes=30)
MARKER_TOLERANCE = timedelta(minutes=1)
"""A marker this close to the front-matter time agrees with it (front matter is often rounded)."""


@dataclass(frozen=True)
class TimelineIssue:
    """An inconsistency of a timeline: code, message, and the event (1-based) or milestone."""

    code: str
    message: str
    event_index: int | None = None
    milestone: Milestone | None = None


def find_inconsistencies(
    events: Sequence[TimelineEvent],
    incident: Incident | None = None,
    *,
    max_gap: timedelta | None = DEFAULT_MAX_GAP,
) -> list[TimelineIssue]:
    """What does not add up in a timeline and its milestones, in a stable order.

    Codes: `unsorted` (an event earlier than the one before it), `duplicate-marker` (a
    milestone marked twice), `marker-mismatch` (a marker a minute or more away from the
    front-matter time),
    `milestone-order` (e.g. resolved before detected), `gap` (no event for longer than
    `max_gap` inside the incident window). `event_index` is 1-based in `events`.
    """
    issues: list[TimelineIssue] = []
    for index in range(1, len(events)):
        if events[index].timestamp < events[index - 1].timestamp:
            issues.append(
                TimelineIssue(
                    "unsorted",
                    f"event at {clock(events[index].timestamp)} is listed after an event at "
                    f"{clock(events[index - 1].timestamp)}",
                    index + 1,
                )
            )
    issues.extend(_marker_issues(events, incident))
    milestones = resolve_milestones(events, incident)
    issues.extend(_order_issues(milestones))
    if max_gap is not None:
        issues.extend(_gap_issues(events, milestones, max_gap))
    return issues


def _marker_issues(
    events: Sequence[TimelineEvent], incident: Incident | None
) -> list[TimelineIssue]:
    issues: list[TimelineIssue] = []
    seen: set[Milestone] = set()
    for index, event in enumerate(events, start=1):
        marked = marker_of(event)
        if marked is None:
            continue
        if marked in seen:
            issues.append(
                TimelineIssue(
                    "duplicate-marker", f"{marked} is marked more than once", index, marked
                )
            )
        seen.add(marked)
        declared = incident.milestone(marked) if incident else None
        if declared is not None and abs(declared - event.timestamp) >= MARKER_TOLERANCE:
            issues.append(
                TimelineIssue(
                    "marker-mismatch",
                    f"{marked} is {clock(declared)} in the front matter but the timeline "
                    f"marks it at {clock(event.timestamp)}",
                    index,
                    marked,
                )
            )
    return issues


def _order_issues(milestones: Mapping[Milestone, MilestoneTime]) -> list[TimelineIssue]:
    issues: list[TimelineIssue] = []
    present = [milestones[m] for m in ORDER if m in milestones]
    for position, later in enumerate(present):
        for earlier in present[:position]:
            if later.timestamp < earlier.timestamp:
                issues.append(
                    TimelineIssue(
                        "milestone-order",
                        f"{later.milestone} ({clock(later.timestamp)}) is before "
                        f"{earlier.milestone} ({clock(earlier.timestamp)})",
                        later.event_index,
                        later.milestone,
                    )
                )
                break
    return issues


def _gap_issues(
    events: Sequence[TimelineEvent],
    milestones: Mapping[Milestone, MilestoneTime],
    max_gap: timedelta,
) -> list[TimelineIssue]:
    start = milestones.get(Milestone.STARTED) or milestones.get(Milestone.DETECTED)
    end = milestones.get(Milestone.RESOLVED) or milestones.get(Milestone.MITIGATED)
    if start is None or end is None:
        return []
    issues: list[TimelineIssue] = []
    inside = [
        (i, e)
        for i, e in enumerate(events, start=1)
        if start.timestamp <= e.timestamp <= end.timestamp
    ]
    for (_, before), (index, after) in pairwise(inside):
        gap = after.timestamp - before.timestamp
        if gap > max_gap:
            issues.append(
                TimelineIssue(
                    "gap",
                    f"no event for {format_duration(gap)} between {clock(before.timestamp)} and "
                    f"{clock(after.timestamp)}, inside the incident",
                    index,
                )
            )
    return issues
