"""Prometheus Alertmanager webhook payloads (`"version": "4"`).

Input: one payload per line, a top-level array of payloads, or concatenated payloads. Every
alert of a payload gives a `firing` event at `startsAt`; an alert whose status is `resolved`
also gives a `resolved` event at `endsAt`. Alertmanager re-sends an alert on every group
interval, so events are identified by fingerprint and start time and repeats are dropped.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
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

SOURCE = "alertmanager"
_LABELS_SHOWN = ("service", "job", "namespace", "severity", "instance")


def read(path: Path, context: ImportContext) -> Iterator[TimelineEvent]:
    """Events from Alertmanager webhook payloads, each alert state once."""
    seen: set[str] = set()
    for line, value in iter_json_values(path, context):
        try:
            payload = as_mapping(value, "webhook payload")
            alerts = require(payload, "alerts", list)
            events = [e for alert in alerts for e in _events(as_mapping(alert, "alert"), context)]
        except RecordError as problem:
            context.reject(input_error(str(problem), path, line))
            continue
        for event in events:
            if event.source_id in seen or not context.admit(event, path, line):
                continue
            seen.add(event.source_id or "")
            yield event


def _events(alert: Mapping[str, Any], context: ImportContext) -> list[TimelineEvent]:
    labels = as_mapping(require(alert, "labels", dict), "labels")
    annotations = optional(alert, "annotations", dict) or {}
    status = require(alert, "status")
    if status not in ("firing", "resolved"):
        raise RecordError(f"alert status must be 'firing' or 'resolved', got {status!r}")
    name = optional(labels, "alertname") or "alert"
    starts = parse_iso(require(alert, "startsAt"), context.options.tz, what="startsAt")
    identity = optional(alert, "fingerprint") or _label_key(labels)
    shown = ", ".join(f"{k}={labels[k]}" for k in _LABELS_SHOWN if isinstance(labels.get(k), str))
    summary = optional(annotations, "summary") or optional(annotations, "description") or ""
    detail = f"{name}" + (f" ({shown})" if shown else "") + (f": {summary}" if summary else "")
    base_id = f"{identity}@{starts.isoformat()}"
    link = optional(alert, "generatorURL")
    events = [_make(starts, f"Alert firing: {detail}", f"{base_id}/firing", "alert-firing", link)]
    if status == "resolved":
        ends = parse_iso(require(alert, "endsAt"), context.options.tz, what="endsAt")
        if ends.year > 1:
            resolved_text = f"Alert resolved: {detail}"
            events.append(_make(ends, resolved_text, f"{base_id}/resolved", "alert-resolved", link))
    return events


def _make(when: datetime, text: str, source_id: str, kind: str, link: str | None) -> TimelineEvent:
    return TimelineEvent(
        timestamp=when, text=text, source=SOURCE, source_id=source_id, kind=kind, link=link
    )


def _label_key(labels: Mapping[str, Any]) -> str:
    return ",".join(f"{k}={v}" for k, v in sorted(labels.items()))
