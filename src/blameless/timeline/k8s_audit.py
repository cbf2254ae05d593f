"""Kubernetes audit log (`audit.k8s.io/v1` Event objects, one per line).

By default only mutations are kept (verbs create, update, patch, delete, deletecollection) at
stage `ResponseComplete`, timed by `stageTimestamp`: who changed what, and with which answer.
`ImportOptions.all_verbs` keeps every verb and stage. The audit id is the event's source id.
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
from blameless.timeline.records import iter_json_lines

SOURCE = "k8s-audit"
MUTATING_VERBS = frozenset({"create", "update", "patch", "delete", "deletecollection"})
FINAL_STAGE = "ResponseComplete"


def read(path: Path, context: ImportContext) -> Iterator[TimelineEvent]:
    """Events from a Kubernetes audit log in JSON Lines."""
    keep_all = context.options.all_verbs
    tz = context.options.tz
    for line, value in iter_json_lines(path, context):
        try:
            record = as_mapping(value, "audit event")
            stage = require(record, "stage")
            verb = require(record, "verb")
            if not keep_all and (stage != FINAL_STAGE or verb not in MUTATING_VERBS):
                context.stats.filtered += 1
                continue
            event = _event(record, verb, stage, tz)
        except RecordError as problem:
            context.reject(input_error(str(problem), path, line))
            continue
        if context.in_window(event.timestamp):
            yield event


def _event(record: Mapping[str, Any], verb: str, stage: str, tz: Any) -> TimelineEvent:
    when = record.get("stageTimestamp") or require(record, "requestReceivedTimestamp")
    timestamp = parse_iso(when, tz, what="stageTimestamp")
    user = as_mapping(require(record, "user", dict), "user")
    actor = require(user, "username")
    impersonated = optional(record, "impersonatedUser", dict)
    if impersonated and optional(impersonated, "username"):
        actor = f"{impersonated['username']} (impersonated by {actor})"
    ref = optional(record, "objectRef", dict) or {}
    target = optional(ref, "resource") or optional(record, "requestURI") or "?"
    if optional(ref, "subresource"):
        target += f"/{ref['subresource']}"
    name = optional(ref, "name")
    namespace = optional(ref, "namespace")
    if name:
        target += f" {namespace}/{name}" if namespace else f" {name}"
    elif namespace:
        target += f" in {namespace}"
    status = optional(record, "responseStatus", dict) or {}
    code = status.get("code")
    text = f"{verb} {target}" + (f" → {code}" if isinstance(code, int) else "")
    agent = optional(record, "userAgent")
    if agent:
        text += f" ({agent.split(' ', 1)[0]})"
    if stage != FINAL_STAGE:
        text += f" [{stage}]"
    return TimelineEvent(
        timestamp=timestamp,
        text=text,
        actor=actor,
        source=SOURCE,
        source_id=str(require(record, "auditID")) + ("" if stage == FINAL_STAGE else f"/{stage}"),
        kind=f"k8s-{verb}",
        link=None,
    )
