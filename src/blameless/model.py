"""The domain objects: plain typed classes, the one interchange shape between layers.

Everything here is pure data. The Markdown format (`blameless.markdown`), the store
(`blameless.store`) and the analysis read and write these classes; none of them owns the schema.
Timestamps are timezone-aware and in UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Severity(StrEnum):
    """Incident severity: SEV1 is the worst."""

    SEV1 = "SEV1"
    SEV2 = "SEV2"
    SEV3 = "SEV3"
    SEV4 = "SEV4"
    SEV5 = "SEV5"


class IncidentStatus(StrEnum):
    """Where the incident itself stands."""

    INVESTIGATING = "investigating"
    IDENTIFIED = "identified"
    MONITORING = "monitoring"
    RESOLVED = "resolved"


class PostmortemStatus(StrEnum):
    """The review workflow of the write-up: draft -> in-review -> approved -> published."""

    DRAFT = "draft"
    IN_REVIEW = "in-review"
    APPROVED = "approved"
    PUBLISHED = "published"


class Milestone(StrEnum):
    """Key moments of an incident; each has a timestamp field on `Incident`."""

    STARTED = "started"
    DETECTED = "detected"
    ACKNOWLEDGED = "acknowledged"
    MITIGATED = "mitigated"
    RESOLVED = "resolved"


class FactorCategory(StrEnum):
    """The taxonomy of contributing factors (documented in docs/format.md)."""

    CHANGE_MANAGEMENT = "change-management"
    TESTING = "testing"
    TOOLING_AUTOMATION = "tooling-automation"
    ACCESS_CONTROL = "access-control"
    MONITORING_ALERTING = "monitoring-alerting"
    CAPACITY = "capacity"
    DEPENDENCIES = "dependencies"
    DOCUMENTATION_RUNBOOKS = "documentation-runbooks"
    COMMUNICATION = "communication"
    PROCESS = "process"
    DESIGN_ARCHITECTURE = "design-architecture"
    OTHER = "other"


class ActionKind(StrEnum):
    """What an action item does for the next incident."""

    PREVENT = "prevent"
    DETECT = "detect"
    MITIGATE = "mitigate"
    PROCESS = "process"


class Priority(StrEnum):
    P0 = "P0"
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    WONT_DO = "wont-do"


@dataclass
class Participant:
    """Someone who took part in the response. `role` is what anonymised output shows."""

    name: str
    role: str = ""
    handle: str | None = None


@dataclass
class TimelineEvent:
    """One sourced moment of the incident."""

    timestamp: datetime
    text: str
    actor: str | None = None
    source: str | None = None
    source_id: str | None = None
    kind: str | None = None
    link: str | None = None
    milestone: Milestone | None = None


@dataclass
class ContributingFactor:
    """A condition in systems or processes that made the incident possible.

    `linked_events` holds 1-based positions in the postmortem's timeline.
    """

    category: FactorCategory
    description: str
    linked_events: list[int] = field(default_factory=list)


@dataclass
class ActionItem:
    """A follow-up that changes a system or process. `linked_factors` are 1-based positions."""

    text: str
    kind: ActionKind | None = None
    owner: str | None = None
    due: date | None = None
    priority: Priority | None = None
    status: ActionStatus = ActionStatus.OPEN
    tracker_url: str | None = None
    linked_factors: list[int] = field(default_factory=list)


@dataclass
class Incident:
    """What happened, as metadata: identity, severity, scope and key times."""

    id: str
    title: str
    severity: Severity | None = None
    status: IncidentStatus = IncidentStatus.RESOLVED
    services: list[str] = field(default_factory=list)
    started: datetime | None = None
    detected: datetime | None = None
    acknowledged: datetime | None = None
    mitigated: datetime | None = None
    resolved: datetime | None = None
    impact: str | None = None

    def milestone(self, which: Milestone) -> datetime | None:
        """The timestamp recorded for a milestone, if any."""
        value: datetime | None = getattr(self, which.value)
        return value


@dataclass
class Section:
    """A `## Heading` of the write-up and its Markdown body, kept byte-for-byte.

    In the structured sections (timeline, contributing factors, action items) `body` is the
    prose before the item list and `trailer` the prose after it; the items themselves live in
    the `Postmortem` lists and are rendered between the two.
    """

    title: str
    body: str = ""
    trailer: str = ""


@dataclass
class Postmortem:
    """The write-up of one incident: the unit that is linted, stored, reviewed and published."""

    incident: Incident
    status: PostmortemStatus = PostmortemStatus.DRAFT
    authors: list[str] = field(default_factory=list)
    reviewers: list[str] = field(default_factory=list)
    revision: int = 1
    participants: list[Participant] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    factors: list[ContributingFactor] = field(default_factory=list)
    action_items: list[ActionItem] = field(default_factory=list)
    extra: dict[str, object] = field(default_factory=dict)
    """Front-matter keys this version does not know, kept so that nothing is lost."""
    preamble: str = ""
    """Prose between the `# Title` line and the first section, kept byte-for-byte."""

    def section(self, title: str) -> Section | None:
        """The first section whose title matches, case-insensitively."""
        wanted = title.casefold()
        return next((s for s in self.sections if s.title.casefold() == wanted), None)
