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
        if context.admit(event, path, line):
            yield event


def _event(record: Mapping[str, Any], verb: str, stage: str, tz: Any) -> TimelineEvent:
    # Called for every kept line of logs with millions of lines: plain dict access on purpose.
    when = record.get("stageTimestamp") or require(record, "requestReceivedTimestamp")
    timestamp = parse_iso(when, tz, what="stageTimestamp")
    user = record.get("user")
    actor = user.get("username") if isinstance(user, dict) else None
    if not isinstance(actor, str):
        raise RecordError("missing required field 'user.username'")
    impersonated = record.get("impersonatedUser")
    if isinstance(impersonated, dict) and isinstance(impersonated.get("username"), str):
        actor = f"{impersonated['username']} (impersonated by {actor})"
    ref = record.get("objectRef")
    ref = ref if isinstance(ref, dict) else {}
    target = _text(ref.get("resource")) or _text(record.get("requestURI")) or "?"
    subresource, name, namespace = (
        _text(ref.get("subresource")),
        _text(ref.get("name")),
        _text(ref.get("namespace")),
    )
    if subresource:
        target += f"/{subresource}"
    if name:
        target += f" {namespace}/{name}" if namespace else f" {name}"
    elif namespace:
        target += f" in {namespace}"
    status = record.get("responseStatus")
    code = status.get("code") if isinstance(status, dict) else None
    text = f"{verb} {target}" + (f" → {code}" if isinstance(code, int) else "")
    agent = _text(record.get("userAgent"))
    if agent:
        text += f" ({agent.split(' ', 1)[0]})"
    audit_id = record.get("auditID")
    if audit_id is None:
        raise RecordError("missing required field 'auditID'")
    if stage != FINAL_STAGE:
        text += f" [{stage}]"
        audit_id = f"{audit_id}/{stage}"
    return TimelineEvent(
        timestamp=timestamp,
        text=text,
        actor=actor,
        source=SOURCE,
        source_id=str(audit_id),
        kind=f"k8s-{verb}",
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
