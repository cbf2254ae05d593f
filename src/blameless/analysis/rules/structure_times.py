"""ST006-ST009: the times of the write-up are consistent.

The time rules read the timeline entries and front-matter milestones as domain objects and
report what `blameless.timeline.checks.find_inconsistencies` finds, at the entry's time stamp
or at the front-matter key.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import ClassVar

from blameless.analysis.context import Context
from blameless.analysis.finding import Level
from blameless.analysis.rule import Hit, Rule
from blameless.analysis.rules._document import (
    DocumentTimeline,
    document_timeline,
    front_matter_line,
)
from blameless.analysis.units import Document
from blameless.timeline.checks import TimelineIssue, find_inconsistencies


class _TimelineCheck(Rule):
    """Shared check: the issues of `find_inconsistencies` with one of `codes`."""

    codes: ClassVar[frozenset[str]] = frozenset()
    applies_to = frozenset()

    def check_document(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        """One hit per issue, at the entry's time stamp or the front-matter key."""
        timeline, issues = _timeline_issues(doc, ctx)
        for issue in issues:
            if issue.code not in self.codes:
                continue
            if issue.event_index is not None:
                entry = timeline.entries[issue.event_index - 1]
                span: tuple[int, int] | None = (entry.stamp_start, entry.stamp_end)
            elif issue.milestone is not None:
                span = front_matter_line(doc, issue.milestone.value)
            else:
                span = None
            if span is not None:
                # Placeholder days of time-only stamps must not show up in a message.
                message = issue.message[0].upper() + issue.message[1:] + "."
                yield Hit(*span, message=message if timeline.dated else None)


def _timeline_issues(doc: Document, ctx: Context) -> tuple[DocumentTimeline, list[TimelineIssue]]:
    """The document's timeline and its inconsistencies, computed once for all time rules."""
    key = ("structure", "timeline-issues")
    if key not in ctx.cache:
        timeline = document_timeline(doc)
        events = [entry.event for entry in timeline.entries]
        max_gap = timedelta(minutes=ctx.config.timeline_max_gap_minutes)
        ctx.cache[key] = (
            timeline,
            find_inconsistencies(events, timeline.incident, max_gap=max_gap),
        )
    found: tuple[DocumentTimeline, list[TimelineIssue]] = ctx.cache[key]
    return found


class TimelineOrder(_TimelineCheck):
    """A timeline entry is earlier than the entry before it.

    Why:
        A timeline out of order usually hides a typo in a time stamp or a time zone mix-up, and
        it misleads readers about what was known when. Keep entries in time order, in one zone.
        Stamps with an offset (`+02:00`) are compared in UTC; stamps without a zone are read as
        UTC; a time without a date that goes back by more than 12 hours is the next day.

    Bad:
        ```
        ## Timeline

        - 2026-03-04 14:05 UTC — Alert fired.
        - [2026-03-04 14:01] UTC — Deploy started.
        ```

    Good:
        ```
        ## Timeline

        - 23:58 — Deploy started.
        - 00:04 — Alert fired.
        - 2026-03-05 01:10+02:00 — Rollback finished.
        ```
    """

    id = "ST006"
    name = "timeline-out-of-order"
    message = "This timeline entry is earlier than the entry before it."
    suggestion = "Check the time stamp and its time zone, or move the entry to its place."
    codes = frozenset({"unsorted"})


class MilestoneOrder(_TimelineCheck):
    """The incident's milestones are out of order.

    Why:
        An incident is started, then detected, acknowledged, mitigated and resolved. Times in
        another order are a typo or a time-zone slip, and they break the durations (time to
        detect, time to mitigate) that reports compute. The milestones come from the front
        matter, else from `[milestone: …]` markers in the timeline, else from the events (as
        `blameless timeline show` infers them); the finding points at the front-matter key or
        at the timeline entry.

    Bad:
        ```
        ---
        id: INC-1
        title: Checkout outage
        started: 2026-03-04T14:00:00Z
        [detected: 2026-03-04T13:50:00Z]
        ---
        ```

        ```
        ---
        id: INC-1
        title: Checkout outage
        detected: 2026-03-04T14:03:00Z
        ---

        ## Timeline

        - [2026-03-04 13:55] UTC — Error rate back to normal. [milestone: resolved]
        ```

    Good:
        ```
        ---
        id: INC-1
        title: Checkout outage
        started: 2026-03-04T14:00:00Z
        detected: 2026-03-04T14:03:00Z
        resolved: 2026-03-04T15:10:00Z
        ---
        ```
    """

    id = "ST007"
    name = "milestones-out-of-order"
    message = "This milestone is earlier than the one before it."
    suggestion = "Milestones go started <= detected <= acknowledged <= mitigated <= resolved."
    codes = frozenset({"milestone-order"})


class MilestoneMarkerConflict(_TimelineCheck):
    """A timeline marker disagrees with the front matter, or a milestone is marked twice.

    Why:
        The front matter and the timeline should tell the same story. When the front matter
        says the incident was detected at 14:01 but the timeline marks detection at 14:05,
        one of them is wrong, and durations computed from either mislead. Times less than a
        minute apart agree (front matter is often written to the minute).

    Bad:
        ```
        ---
        id: INC-1
        title: Checkout outage
        detected: 2026-03-04T14:01:00Z
        ---

        ## Timeline

        - [2026-03-04 14:05] UTC — HighErrorRate alert fired. [milestone: detected]
        ```

        ```
        ## Timeline

        - 2026-03-04 14:40 UTC — Error rate back to normal. [milestone: mitigated]
        - [2026-03-04 14:52] UTC — Error rate normal again after a relapse. [milestone: mitigated]
        ```

    Good:
        ```
        ---
        id: INC-1
        title: Checkout outage
        detected: 2026-03-04T14:01:00Z
        ---

        ## Timeline

        - 2026-03-04 14:01 UTC — HighErrorRate alert fired. [milestone: detected]
        ```
    """

    id = "ST008"
    name = "milestone-marker-conflict"
    message = "This milestone marker disagrees with another time for the same milestone."
    suggestion = "Keep one time per milestone: fix the front matter or move the marker."
    codes = frozenset({"marker-mismatch", "duplicate-marker"})


class TimelineGap(_TimelineCheck):
    """The timeline has a long gap while the incident was going on.

    Why:
        A long silence between two entries, between the start (or detection) and the
        resolution (or mitigation), is where the story is missing: what were people trying,
        waiting for, or unable to see? Gaps often hide the most useful lessons. The threshold
        is the `timeline-max-gap-minutes` setting (default 30).

    Bad:
        ```
        ---
        id: INC-1
        title: Checkout outage
        started: 2026-03-04T14:00:00Z
        resolved: 2026-03-04T15:00:00Z
        ---

        ## Timeline

        - 2026-03-04 14:00 UTC — Deploy started.
        - [2026-03-04 14:45] UTC — Rolled back the deploy.
        ```

    Good:
        ```
        ---
        id: INC-1
        title: Checkout outage
        started: 2026-03-04T14:00:00Z
        resolved: 2026-03-04T15:00:00Z
        ---

        ## Timeline

        - 2026-03-04 14:00 UTC — Deploy started.
        - 2026-03-04 14:20 UTC — Compared error logs of the old and new versions.
        - 2026-03-04 14:45 UTC — Rolled back the deploy.
        ```

    Known false positives:
        Real quiet periods (waiting for a vendor, a restore running for an hour): that is why
        this is information, not a warning. Say in the timeline what happened meanwhile.
    """

    id = "ST009"
    name = "timeline-gap"
    message = "The timeline has a long gap before this entry, inside the incident."
    suggestion = "What happened meanwhile? Add what responders tried, waited for or could not see."
    severity = Level.INFO
    codes = frozenset({"gap"})
