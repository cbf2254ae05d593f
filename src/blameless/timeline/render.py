"""Renderings of a merged timeline for `timeline show`: JSON data, Markdown, a terminal table.

The table (`TimelineReport`) is a Rich renderable that fits the width it is given: one row per
event with a wrapping text column, or, when that column would be too narrow to read, each event
as a header line with its text indented below.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from blameless.markdown.items import render_event
from blameless.model import Milestone, TimelineEvent
from blameless.timeline.checks import TimelineIssue
from blameless.timeline.milestones import Durations, MilestoneTime, format_duration, provenance
from blameless.timeline.registry import one_line

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
    """The timeline as postmortem items, ready to paste under a file's `## Timeline` heading.

    One canonical item line per event (docs/format.md); the event behind a milestone carries
    its `[milestone: …]` tag. Milestones with their origin and the durations follow in an HTML
    comment, which the file format ignores.
    """
    marked = {t.event_index: m for m, t in milestones.items() if t.event_index is not None}
    lines = [
        # A timeline item is one line: Slack messages and shell commands may span several.
        render_event(
            replace(event, text=one_line(event.text), milestone=marked.get(index, event.milestone))
        )
        for index, event in enumerate(events, start=1)
    ]
    if lines:
        lines.append("")
    lines += ["<!-- blameless timeline show", "Milestones:"]
    for milestone, when in milestones.items():
        stamp = when.timestamp.strftime("%Y-%m-%d %H:%M:%S UTC")
        lines.append(f"  {milestone.value}: {stamp} ({provenance(when)})")
    if not milestones:
        lines.append("  none found")
    lines.append("Durations:")
    for name, label in DURATION_LABELS.items():
        lines.append(f"  {label}: {format_duration(getattr(durations, name))}")
    # `-->` inside would end the comment early and turn the rest into stray text.
    return "\n".join(line.replace("-->", "->") for line in lines) + "\n-->\n"


SHORT_SOURCES = {"k8s-audit": "k8s", "alertmanager": "alerts", "pagerduty": "pd"}
SOURCE_WIDTH = 7
MIN_ACTOR_WIDTH, MAX_ACTOR_WIDTH = 10, 28
MIN_TEXT_WIDTH = 30
"""Below this, the text column would hold a few words a line: events are stacked instead."""
_SERVICE_ACCOUNT = "system:serviceaccount:"
_SLACK_CHANNEL = re.compile(r"#[\w.-]+: ")


@dataclass(frozen=True)
class TimelineReport:
    """The terminal view of `timeline show`: events, milestones, durations and issues.

    A Rich renderable: it lays itself out for the width it is printed at.
    """

    title: str
    events: Sequence[TimelineEvent]
    milestones: Mapping[Milestone, MilestoneTime]
    durations: Durations
    issues: Sequence[TimelineIssue]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        clock = _Clock(
            [e.timestamp for e in self.events] + [t.timestamp for t in self.milestones.values()]
        )
        yield Text(self.title, style="bold")
        count = len(self.events)
        yield Text(f"{count} event{'s' if count != 1 else ''}, {clock.caption}", style="dim")
        if self.events:
            yield Text()
            yield _event_table(self.events, self.milestones, clock, width)
        yield Text()
        yield Text("Milestones", style="bold")
        yield Padding(_milestone_table(self.milestones, clock), (0, 0, 0, 2))
        yield Text("Durations", style="bold")
        yield Padding(_durations(self.durations, width - 2), (0, 0, 0, 2))
        for issue in self.issues:
            where = f" (event {issue.event_index})" if issue.event_index else ""
            line = Text("warning", style="yellow")
            line.append(f": {issue.code}: {issue.message}{where}")
            yield line


def render_report(report: TimelineReport, *, width: int = 80, color: bool = False) -> str:
    """The report as text at `width` columns (with ANSI colours when `color`)."""
    out = io.StringIO()
    console = Console(
        file=out, width=width, color_system="standard" if color else None, force_terminal=color
    )
    console.print(report)
    # Table cells are padded to the column width: trailing blanks are noise in a pipe or file.
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())


class _Clock:
    """Compact times: `HH:MM:SS` when all are on one day, `MM-DD HH:MM:SS` in one year."""

    def __init__(self, times: Sequence[datetime]) -> None:
        days = {t.date() for t in times}
        self.caption = "times UTC"
        if days:
            span = f"{min(days)} to {max(days)}" if len(days) > 1 else f"{min(days)}"
            self.caption = f"{span}, times UTC"
        if len(days) == 1:
            self.layout = "%H:%M:%S"
        elif len({t.year for t in times}) == 1:
            self.layout = "%m-%d %H:%M:%S"
        else:
            self.layout = "%Y-%m-%d %H:%M:%S"

    def __call__(self, when: datetime) -> str:
        return when.strftime(self.layout)


def _event_table(
    events: Sequence[TimelineEvent],
    milestones: Mapping[Milestone, MilestoneTime],
    clock: _Clock,
    width: int,
) -> Table | Group:
    marked = {t.event_index: m for m, t in milestones.items() if t.event_index is not None}
    number_width = len(str(len(events)))
    time_width = len(clock(events[0].timestamp))
    sources = [_short_source(e.source) for e in events]
    source_width = max(len("source"), *(len(s) for s in sources))
    actors = [_short_actor(e.actor) for e in events]
    cap = min(MAX_ACTOR_WIDTH, max(MIN_ACTOR_WIDTH, width // 5))
    actor_width = min(max((len(a) for a in actors), default=0), cap)
    fixed = number_width + time_width + source_width + actor_width + 4 * 2
    rows = [
        (index, clock(event.timestamp), source, actor, _event_text(event, marked.get(index)))
        for index, (event, source, actor) in enumerate(
            zip(events, sources, actors, strict=True), start=1
        )
    ]
    if width - fixed < MIN_TEXT_WIDTH:
        return Group(*_stacked(rows))
    table = Table(box=None, pad_edge=False, padding=(0, 1), expand=True, header_style="bold")
    table.add_column("#", justify="right", no_wrap=True, width=number_width)
    table.add_column("time", no_wrap=True, width=time_width)
    table.add_column("source", no_wrap=True, width=source_width, overflow="ellipsis")
    table.add_column("actor", no_wrap=True, width=actor_width, overflow="ellipsis")
    table.add_column("event", ratio=1, overflow="fold")
    for index, stamp, source, actor, text in rows:
        table.add_row(str(index), stamp, source, actor, text)
    return table


def _stacked(rows: Sequence[tuple[int, str, str, str, Text]]) -> Iterator[Text | Padding]:
    for index, stamp, source, actor, text in rows:
        head = Text(f"{index:>3} ", style="bold")
        head.append(f"{stamp}  {source}")
        if actor:
            head.append(f"  {actor}")
        yield head
        yield Padding(text, (0, 0, 0, 4))


def _event_text(event: TimelineEvent, inferred: Milestone | None) -> Text:
    text = Text()
    milestone = inferred or event.milestone
    if milestone is not None:
        text.append(f"[{milestone.value}]", style="bold magenta")
        text.append(" ")
    body = one_line(event.text)
    channel = _SLACK_CHANNEL.match(body) if event.source == "slack" else None
    if channel:
        # Dimmed: the source column already says Slack; the channel still tells threads apart.
        text.append(channel.group(0), style="dim")
        body = body[channel.end() :]
    text.append(body)
    return text


def _short_source(source: str | None) -> str:
    name = SHORT_SOURCES.get(source or "", source or "")
    return name if len(name) <= SOURCE_WIDTH else name[: SOURCE_WIDTH - 1] + "…"


def _short_actor(actor: str | None) -> str:
    """The actor as shown: a Kubernetes service account by its name alone."""
    if actor and actor.startswith(_SERVICE_ACCOUNT):
        return actor.rsplit(":", 1)[-1]
    return actor or ""


def _milestone_table(milestones: Mapping[Milestone, MilestoneTime], clock: _Clock) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(ratio=1, style="dim")
    if not milestones:
        table.add_row("none found", "", "")
    for milestone, when in milestones.items():
        table.add_row(milestone.value, clock(when.timestamp), _origin(when))
    return table


def _origin(when: MilestoneTime) -> str:
    """Where a milestone comes from, short: `front matter`, `marker #12`, `inferred #3: why`."""
    if when.origin == "front matter":
        return when.origin
    event = f" #{when.event_index}" if when.event_index is not None else ""
    if when.origin == "marker":
        return f"marker{event}"
    return f"{when.origin}{event}: {when.reason}"


def _durations(durations: Durations, width: int) -> Text:
    """`Time to detect 3m 00s · Time to acknowledge 2m 00s · …`, wrapped between items."""
    parts = [
        f"{label} {format_duration(getattr(durations, name))}"
        for name, label in DURATION_LABELS.items()
    ]
    lines: list[str] = []
    for part in parts:
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += " · " + part
        else:
            lines.append(part)
    return Text("\n".join(lines))
