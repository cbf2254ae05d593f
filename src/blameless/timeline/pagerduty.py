"""PagerDuty incident log entries (REST API v2 `GET /incidents/{id}/log_entries`).

Accepts a response page (`{"log_entries": [...], "more": false}`), several pages one after the
other, a top-level array of entries, or JSON Lines of entries. Each entry becomes an event: the
kind is its type without `_log_entry` (`trigger`, `acknowledge`, `notify`, `escalate`,
`annotate`, `resolve`, ...), the actor is the agent (a user or a service), and the id and
`html_url` are kept as evidence. Everything is streamed with bounded memory: the entries of a
page one by one (an export may hold one page with many thousands of entries), each with its
own line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from blameless.model import TimelineEvent
from blameless.timeline.base import (
    ImportContext,
    RecordError,
    as_mapping,
    input_error,
    optional,
    parse_iso,
    require,
)
from blameless.timeline.records import iter_json_values

SOURCE = "pagerduty"


def read(path: Path, context: ImportContext) -> Iterator[TimelineEvent]:
    """Events from PagerDuty log entries, in file order."""
    for line, value in iter_json_values(path, context, unwrap="log_entries"):
        entries: list[Any] = [value]
        if isinstance(value, dict) and "log_entries" in value:
            entries = value["log_entries"] if isinstance(value["log_entries"], list) else [None]
        for entry in entries:
            try:
                event = _event(as_mapping(entry, "log entry"), context)
            except RecordError as problem:
                context.reject(input_error(str(problem), path, line))
                continue
            if context.admit(event, path, line):
                yield event


def _event(entry: Mapping[str, Any], context: ImportContext) -> TimelineEvent:
    kind = require(entry, "type").removesuffix("_log_entry").removesuffix("_reference")
    timestamp = parse_iso(require(entry, "created_at"), context.options.tz, what="created_at")
    agent = optional(entry, "agent", dict) or {}
    channel = optional(entry, "channel", dict) or {}
    text = optional(entry, "summary") or kind
    if kind == "annotate":
        note = optional(channel, "summary") or optional(entry, "note")
        if note and note not in text:
            text = f"{text}: {note}"
    user = optional(entry, "user", dict)
    if kind == "notify" and user and optional(user, "summary") and user["summary"] not in text:
        text = f"{text} ({user['summary']} via {optional(channel, 'type') or 'unknown'})"
    return TimelineEvent(
        timestamp=timestamp,
        text=text,
        actor=optional(agent, "summary"),
        source=SOURCE,
        source_id=str(require(entry, "id")),
        kind=kind,
        link=optional(entry, "html_url"),
    )
