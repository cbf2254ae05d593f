"""Key times of an incident from its timeline, the durations between them, and inconsistencies.

Precedence, highest first: the postmortem's front matter (`Incident.started` ...), explicit
markers in the timeline (an event's `milestone`, or a `#mitigated`-style hashtag in its text),
then inference from the events:

- detected: the first firing alert (Alertmanager) or PagerDuty trigger;
- acknowledged: the first PagerDuty acknowledge;
- mitigated: when the last firing alert resolved, once every firing alert has resolved;
- resolved: the last PagerDuty resolve;
- started: the last change (Kubernetes mutation, git commit/merge/tag, shell command) within
  `change_lookback` before detection — a candidate to confirm, never more.

Durations: time to detect = detected − started; time to acknowledge, mitigate and resolve are
measured from detection; `duration` is resolved − started.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from blameless.model import Incident, Milestone, TimelineEvent

ORDER = (
    Milestone.STARTED,
    Milestone.DETECTED,
    Milestone.ACKNOWLEDGED,
    Milestone.MITIGATED,
    Milestone.RESOLVED,
)
DEFAULT_CHANGE_LOOKBACK = timedelta(minutes=30)
CHANGE_SOURCES = frozenset({"k8s-audit", "git", "shell"})
_Test = Callable[[TimelineEvent], bool]
_HASHTAG = re.compile(
    r"(?<![\w#])#(started|detected|acknowledged|mitigated|resolved)(?![\w:-])", re.I
)


@dataclass(frozen=True)
class MilestoneTime:
    """When a milestone happened, where that comes from, and the event (1-based) behind it."""

    milestone: Milestone
    timestamp: datetime
    origin: str
    """`front matter`, `marker` or `inferred`."""
    reason: str
    event_index: int | None = None


@dataclass(frozen=True)
class Durations:
    """Time to detect / acknowledge / mitigate / resolve, and the whole duration (None: unknown)."""

    time_to_detect: timedelta | None
    time_to_acknowledge: timedelta | None
    time_to_mitigate: timedelta | None
    time_to_resolve: timedelta | None
    duration: timedelta | None


def marker_of(event: TimelineEvent) -> Milestone | None:
    """The milestone an event is explicitly marked with, if any."""
    if event.milestone is not None:
        return event.milestone
    found = _HASHTAG.search(event.text)
    return Milestone(found.group(1).lower()) if found else None


def infer_milestones(
    events: Sequence[TimelineEvent], *, change_lookback: timedelta = DEFAULT_CHANGE_LOOKBACK
) -> dict[Milestone, MilestoneTime]:
    """Milestones from explicit markers, else from the events (see the module docs)."""
    found: dict[Milestone, MilestoneTime] = {}
    for index, event in enumerate(events, start=1):
        marked = marker_of(event)
        if marked is not None and marked not in found:
            found[marked] = MilestoneTime(
                marked, event.timestamp, "marker", f"marked on event {index}", index
            )

    def first(milestone: Milestone, reason: str, test: _Test, *, last: bool = False) -> None:
        indexes = [i for i, e in enumerate(events, start=1) if test(e)]
        if milestone not in found and indexes:
            index = indexes[-1] if last else indexes[0]
            when = events[index - 1].timestamp
            found[milestone] = MilestoneTime(milestone, when, "inferred", reason, index)

    first(Milestone.DETECTED, "first firing alert or page", _is_detection)
    first(Milestone.ACKNOWLEDGED, "first PagerDuty acknowledge", _is_pagerduty("acknowledge"))
    first(Milestone.RESOLVED, "last PagerDuty resolve", _is_pagerduty("resolve"), last=True)
    if Milestone.MITIGATED not in found:
        _infer_mitigated(events, found)
    detected = found.get(Milestone.DETECTED)
    if detected is not None:
        since = detected.timestamp - change_lookback
        first(
            Milestone.STARTED,
            "last change before detection (a candidate: confirm it)",
            lambda e: _is_change(e) and since <= e.timestamp <= detected.timestamp,
            last=True,
        )
    return found


def resolve_milestones(
    events: Sequence[TimelineEvent],
    incident: Incident | None = None,
    *,
    change_lookback: timedelta = DEFAULT_CHANGE_LOOKBACK,
) -> dict[Milestone, MilestoneTime]:
    """Milestones with the front matter of `incident` overriding markers and inference."""
    found = infer_milestones(events, change_lookback=change_lookback)
    if incident is not None:
        for milestone in ORDER:
            value = incident.milestone(milestone)
            if value is not None:
                found[milestone] = MilestoneTime(
                    milestone, value, "front matter", "as written in the postmortem"
                )
    return {m: found[m] for m in ORDER if m in found}


def compute_durations(milestones: Mapping[Milestone, MilestoneTime | datetime]) -> Durations:
    """Durations between milestones; None where either end is unknown."""
    times = {m: v.timestamp if isinstance(v, MilestoneTime) else v for m, v in milestones.items()}

    def between(start: Milestone, end: Milestone) -> timedelta | None:
        if start in times and end in times:
            return times[end] - times[start]
        return None

    return Durations(
        time_to_detect=between(Milestone.STARTED, Milestone.DETECTED),
        time_to_acknowledge=between(Milestone.DETECTED, Milestone.ACKNOWLEDGED),
        time_to_mitigate=between(Milestone.DETECTED, Milestone.MITIGATED),
        time_to_resolve=between(Milestone.DETECTED, Milestone.RESOLVED),
        duration=between(Milestone.STARTED, Milestone.RESOLVED),
    )


def format_duration(value: timedelta | None) -> str:
    """A duration as `1h 05m`, `42m 10s` or `—` when unknown; negative values keep their sign."""
    if value is None:
        return "—"
    seconds = int(value.total_seconds())
    sign, seconds = ("-", -seconds) if seconds < 0 else ("", seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}h {minutes:02d}m"
    return f"{sign}{minutes}m {secs:02d}s" if minutes else f"{sign}{secs}s"


def provenance(when: MilestoneTime) -> str:
    """Where a milestone time comes from, e.g. `inferred: first PagerDuty acknowledge`."""
    return when.origin if when.origin == "front matter" else f"{when.origin}: {when.reason}"


def clock(when: datetime) -> str:
    """A timestamp as `YYYY-MM-DD HH:MM:SS UTC`."""
    return when.strftime("%Y-%m-%d %H:%M:%S UTC")


def _is_detection(event: TimelineEvent) -> bool:
    return event.kind == "alert-firing" or (event.source == "pagerduty" and event.kind == "trigger")


def _is_pagerduty(kind: str) -> _Test:
    return lambda event: event.source == "pagerduty" and event.kind == kind


def _is_change(event: TimelineEvent) -> bool:
    return event.source in CHANGE_SOURCES and event.kind not in (None, "k8s-get")


def _infer_mitigated(
    events: Sequence[TimelineEvent], found: dict[Milestone, MilestoneTime]
) -> None:
    firing = {
        e.source_id.rsplit("/", 1)[0] for e in events if e.kind == "alert-firing" and e.source_id
    }
    resolved = [
        (i, e) for i, e in enumerate(events, start=1) if e.kind == "alert-resolved" and e.source_id
    ]
    if not firing or firing - {e.source_id.rsplit("/", 1)[0] for _, e in resolved if e.source_id}:
        return
    index, event = max(resolved, key=lambda pair: pair[1].timestamp)
    found[Milestone.MITIGATED] = MilestoneTime(
        Milestone.MITIGATED, event.timestamp, "inferred", "every firing alert resolved", index
    )
