"""ST001-ST009: the write-up answers the three questions, has a timeline and impact, and its
times are consistent.

The section rules (ST001-ST005) run only on Markdown documents that look like postmortems. The
time rules (ST006-ST009) read the timeline entries and front-matter milestones as domain objects
and report what `blameless.timeline.checks.find_inconsistencies` finds, at the entry's time
stamp or at the front-matter key.
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
    anchor,
    document_timeline,
    find_heading,
    front_matter_line,
    looks_like_postmortem,
)
from blameless.analysis.units import Document
from blameless.timeline.checks import TimelineIssue, find_inconsistencies

WHAT_HAPPENED = (
    "what happened", "summary", "overview", "description", "narrative", "incident details",
    "details", "background", "synopsis",
)  # fmt: skip
WHY = (
    "why it happened", "why", "root cause", "root causes", "cause", "causes", "contributing",
    "analysis", "what went wrong", "causal",
)  # fmt: skip
PREVENT = (
    "how we prevent it", "prevent", "prevention", "action items", "actions", "follow ups",
    "follow up", "followups", "remediation", "remediations", "corrective", "next steps",
)  # fmt: skip
TIMELINE = ("timeline", "chronology", "sequence of events")
IMPACT = ("impact", "customer impact", "user impact", "blast radius")


class _MissingSection(Rule):
    """Shared check: a postmortem without a heading from `synonyms`."""

    synonyms: tuple[str, ...] = ()
    applies_to = frozenset()

    def check_document(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        """One finding at the title when no heading matches."""
        if not looks_like_postmortem(doc) or self._present(doc, ctx):
            return
        start, end = anchor(doc)
        yield Hit(start, end)

    def _present(self, doc: Document, ctx: Context) -> bool:
        return find_heading(doc, self.synonyms) is not None


class MissingWhatHappened(_MissingSection):
    """The postmortem does not say what happened.

    Why:
        Readers who were not there need the story first: what users saw, what the responders
        saw, and how it ended. A "What happened" or "Summary" section answers the first of the
        three questions of a postmortem.

    Bad:
        ```
        # [Checkout outage]

        ## Why it happened

        The cleanup script accepted any namespace.
        ```

    Good:
        ```
        # Checkout outage

        ## Summary

        Checkout was down for 42 minutes.
        ```
    """

    id = "ST001"
    name = "missing-what-happened"
    message = "The postmortem has no section saying what happened."
    suggestion = "Add a 'What happened' (or 'Summary') section: what users and responders saw."
    synonyms = WHAT_HAPPENED


class MissingWhy(_MissingSection):
    """The postmortem does not say why it happened.

    Why:
        The point of a postmortem is to learn what made the incident possible. A "Why it
        happened" or "Contributing factors" section answers the second of the three questions.

    Bad:
        ```
        # [Checkout outage]

        ## What happened

        Checkout was down for 42 minutes.
        ```

    Good:
        ```
        # Checkout outage

        ## Contributing factors

        - **Tooling/automation**: The cleanup script accepted any namespace.
        ```
    """

    id = "ST002"
    name = "missing-why"
    message = "The postmortem has no section explaining why it happened."
    suggestion = "Add a 'Why it happened' section: which conditions made the incident possible?"
    synonyms = WHY


class MissingPrevention(_MissingSection):
    """The postmortem does not say how we prevent it.

    Why:
        Without follow-up actions the same conditions stay in place. A "How we prevent it" or
        "Action items" section answers the third of the three questions.

    Bad:
        ```
        # [Checkout outage]

        ## What happened

        Checkout was down for 42 minutes.
        ```

    Good:
        ```
        # Checkout outage

        ## Action items

        - [ ] Make the cleanup script refuse production namespaces. [owner: @sam]
        ```
    """

    id = "ST003"
    name = "missing-prevention"
    message = "The postmortem has no section on how we prevent it."
    suggestion = "Add a 'How we prevent it' section with actions that change systems or processes."
    synonyms = PREVENT

    def _present(self, doc: Document, ctx: Context) -> bool:
        extra = tuple(h.lower() for h in ctx.config.action_headings)
        return find_heading(doc, PREVENT + extra) is not None


class MissingTimeline(_MissingSection):
    """The postmortem has no timeline.

    Why:
        A sourced timeline is the shared memory of the incident: it shows what people knew at
        each moment, and where detection and response were slow.

    Bad:
        ```
        # [Checkout outage]

        ## Summary

        Checkout was down for 42 minutes.
        ```

    Good:
        ```
        # Checkout outage

        ## Timeline

        - 2026-03-04 14:01 UTC — HighErrorRate alert fired for checkout.
        ```
    """

    id = "ST004"
    name = "missing-timeline"
    message = "The postmortem has no timeline."
    suggestion = "Add a 'Timeline' section (`blameless timeline` can import one from your tools)."
    synonyms = TIMELINE

    def _present(self, doc: Document, ctx: Context) -> bool:
        extra = tuple(h.lower() for h in ctx.config.timeline_headings)
        return find_heading(doc, TIMELINE + extra) is not None


class MissingImpact(_MissingSection):
    """The postmortem does not state its impact.

    Why:
        Impact tells readers how much this mattered (who was affected, for how long, what was
        lost) and lets the team prioritise the follow-ups. Either an "Impact" section or the
        `impact` front-matter key is enough.

    Bad:
        ```
        # [Checkout outage]

        ## Summary

        Checkout was down.
        ```

    Good:
        ```
        # Checkout outage

        ## Impact

        All EU customers could not pay for 42 minutes.
        ```
    """

    id = "ST005"
    name = "missing-impact"
    message = "The postmortem does not state its impact."
    suggestion = "Add an 'Impact' section or an `impact:` line in the front matter."
    synonyms = IMPACT

    def _present(self, doc: Document, ctx: Context) -> bool:
        return bool(doc.front_matter.get("impact")) or find_heading(doc, IMPACT) is not None


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
