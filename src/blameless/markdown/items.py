"""The one-line grammars of timeline events, contributing factors and action items.

Each `parse_*` takes a list line without its ending and raises `ItemError` (with a column)
when the line cannot be read; each `render_*` writes the canonical form documented in
docs/format.md.
"""

from __future__ import annotations

import re
from datetime import date

from blameless.markdown.tags import (
    ItemError,
    Tag,
    enum_value,
    positions,
    render_tags,
    split_tags,
)
from blameless.markdown.timestamps import format_timeline_timestamp, parse_timestamp
from blameless.model import (
    ActionItem,
    ActionKind,
    ActionStatus,
    ContributingFactor,
    FactorCategory,
    Milestone,
    Priority,
    TimelineEvent,
)

EVENT_TAGS = ("source", "id", "kind", "milestone", "link")
FACTOR_TAGS = ("events",)
ACTION_TAGS = ("kind", "owner", "due", "priority", "status", "tracker", "factors")

CATEGORY_LABELS: dict[FactorCategory, str] = {
    FactorCategory.CHANGE_MANAGEMENT: "Change management",
    FactorCategory.TESTING: "Testing",
    FactorCategory.TOOLING_AUTOMATION: "Tooling/automation",
    FactorCategory.ACCESS_CONTROL: "Access control",
    FactorCategory.MONITORING_ALERTING: "Monitoring/alerting",
    FactorCategory.CAPACITY: "Capacity",
    FactorCategory.DEPENDENCIES: "Dependencies",
    FactorCategory.DOCUMENTATION_RUNBOOKS: "Documentation/runbooks",
    FactorCategory.COMMUNICATION: "Communication",
    FactorCategory.PROCESS: "Process",
    FactorCategory.DESIGN_ARCHITECTURE: "Design/architecture",
    FactorCategory.OTHER: "Other",
}

_MARKER = re.compile(r"[-*+][ \t]+")
_SEPARATOR = re.compile(r"[ \t]*[—–][ \t]*|[ \t]+--?[ \t]+")
_BOLD_LEAD = re.compile(r"\*\*([^*]+?)(?::\*\*|\*\*:)[ \t]*")
_CHECKBOX = re.compile(r"\[([ xX])\][ \t]+")
_DUE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _marker_end(line: str, what: str, shape: str) -> int:
    marker = _MARKER.match(line)
    if marker is None:
        raise ItemError(f"cannot read {what}: expected '{shape}'", 1)
    return marker.end()


def _text(text: str, start: int, what: str) -> str:
    if not text:
        raise ItemError(f"cannot read {what}: the text is empty", start + 1)
    return text


def parse_event(line: str) -> TimelineEvent:
    """Read `- <timestamp> — [**<actor>**: ]<text>[ tags]`."""
    what, shape = "timeline event", "- YYYY-MM-DD HH:MM UTC — text"
    start = _marker_end(line, what, shape)
    separator = _SEPARATOR.search(line, start)
    if separator is None:
        raise ItemError(
            f"cannot read {what}: expected '{shape}' (timestamp, dash, text)", start + 1
        )
    try:
        timestamp = parse_timestamp(line[start : separator.start()])
    except ValueError as problem:
        raise ItemError(f"cannot read {what}: {problem}", start + 1) from None
    rest_start = separator.end()
    actor = None
    lead = _BOLD_LEAD.match(line, rest_start)
    if lead:
        actor, rest_start = lead[1].strip(), lead.end()
    text, tags = split_tags(line, rest_start, EVENT_TAGS)
    milestone = tags.get("milestone")
    return TimelineEvent(
        timestamp=timestamp,
        text=_text(text, rest_start, what),
        actor=actor,
        source=_value(tags, "source"),
        source_id=_value(tags, "id"),
        kind=_value(tags, "kind"),
        link=_value(tags, "link"),
        milestone=enum_value(Milestone, milestone) if milestone else None,
    )


def render_event(event: TimelineEvent) -> str:
    """The canonical line of a timeline event."""
    actor = f"**{event.actor}**: " if event.actor else ""
    tags = render_tags(
        [
            ("source", event.source),
            ("id", event.source_id),
            ("kind", event.kind),
            ("milestone", event.milestone.value if event.milestone else None),
            ("link", event.link),
        ]
    )
    return f"- {format_timeline_timestamp(event.timestamp)} — {actor}{event.text}{tags}"


def category_from(label: str) -> FactorCategory | None:
    """The category named by a label or slug, ignoring case and punctuation."""
    slug = re.sub(r"[^a-z0-9]+", "-", label.casefold()).strip("-")
    try:
        return FactorCategory(slug)
    except ValueError:
        return None


def parse_factor(line: str) -> ContributingFactor:
    """Read `- **<Category>**: <description>[ [events: 1, 2]]`."""
    what = "contributing factor"
    start = _marker_end(line, what, "- **Category**: description")
    lead = _BOLD_LEAD.match(line, start)
    if lead is None:
        raise ItemError(
            f"cannot read {what}: expected '- **Category**: description' "
            f"with a category among {', '.join(CATEGORY_LABELS.values())}",
            start + 1,
        )
    category = category_from(lead[1])
    if category is None:
        raise ItemError(
            f"unknown contributing-factor category {lead[1].strip()!r} "
            f"(expected one of {', '.join(CATEGORY_LABELS.values())})",
            start + 3,
        )
    text, tags = split_tags(line, lead.end(), FACTOR_TAGS)
    events = tags.get("events")
    return ContributingFactor(
        category=category,
        description=_text(text, lead.end(), what),
        linked_events=positions(events) if events else [],
    )


def render_factor(factor: ContributingFactor) -> str:
    """The canonical line of a contributing factor."""
    tags = render_tags([("events", factor.linked_events)])
    return f"- **{CATEGORY_LABELS[factor.category]}**: {factor.description}{tags}"


def parse_action(line: str) -> ActionItem:
    """Read `- [ ] <text>[ tags]` (or `- [x]` for a done item)."""
    what, shape = "action item", "- [ ] text"
    start = _marker_end(line, what, shape)
    box = _CHECKBOX.match(line, start)
    if box is None:
        raise ItemError(f"cannot read {what}: expected '{shape}' or '- [x] text'", start + 1)
    text, tags = split_tags(line, box.end(), ACTION_TAGS)
    done = box[1] != " "
    status = enum_value(ActionStatus, tags["status"]) if "status" in tags else None
    if done and status not in (None, ActionStatus.DONE):
        raise ItemError(
            f"action item is checked [x] but has [status: {status}] "
            "(uncheck it, or drop the status)",
            tags["status"].column,
        )
    if not done and status is ActionStatus.DONE:
        raise ItemError(
            "action item has [status: done] but is not checked (write '- [x]' instead)",
            tags["status"].column,
        )
    kind, priority, factors = tags.get("kind"), tags.get("priority"), tags.get("factors")
    return ActionItem(
        text=_text(text, box.end(), what),
        kind=enum_value(ActionKind, kind) if kind else None,
        owner=_value(tags, "owner"),
        due=_due(tags),
        priority=enum_value(Priority, priority) if priority else None,
        status=ActionStatus.DONE if done else (status or ActionStatus.OPEN),
        tracker_url=_value(tags, "tracker"),
        linked_factors=positions(factors) if factors else [],
    )


def render_action(item: ActionItem) -> str:
    """The canonical line of an action item."""
    box = "[x]" if item.status is ActionStatus.DONE else "[ ]"
    shown_status = item.status if item.status in _WRITTEN_STATUSES else None
    tags = render_tags(
        [
            ("kind", item.kind.value if item.kind else None),
            ("owner", item.owner),
            ("due", item.due.isoformat() if item.due else None),
            ("priority", item.priority.value if item.priority else None),
            ("status", shown_status.value if shown_status else None),
            ("tracker", item.tracker_url),
            ("factors", item.linked_factors),
        ]
    )
    return f"- {box} {item.text}{tags}"


_WRITTEN_STATUSES = (ActionStatus.IN_PROGRESS, ActionStatus.WONT_DO)


def _value(tags: dict[str, Tag], name: str) -> str | None:
    tag = tags.get(name)
    return tag.value if tag else None


def _due(tags: dict[str, Tag]) -> date | None:
    tag = tags.get("due")
    if tag is None:
        return None
    try:
        if not _DUE.fullmatch(tag.value):
            raise ValueError
        return date.fromisoformat(tag.value)
    except ValueError:
        raise ItemError(
            f"[due: {tag.value}] is not a date (expected YYYY-MM-DD)", tag.column
        ) from None
