"""The default postmortem template used by `blameless new`.

The guidance lives in HTML comments: invisible when rendered, ignored by the parser, and easy
to delete once a section is written. It coaches blameless writing: ask how the system made the
mistake possible, and fix systems rather than people.
"""

from __future__ import annotations

import yaml

from blameless.markdown.items import CATEGORY_LABELS
from blameless.model import Severity

_FACTOR_LIST = "\n".join(f"       - {label}" for label in CATEGORY_LABELS.values())

_BODY = """
## Summary

<!-- Two or three sentences a busy reader can stop after: what users experienced, for how
     long, and what restored service. Describe what happened, not who did it. -->

## Impact

<!-- Who was affected and how much: users, requests, revenue, data, SLOs. Use numbers and a
     time window ("12% of checkout requests failed for 42 minutes"). -->

## Timeline

All times UTC.

<!-- One event per line, in order, each with its source. Name roles or systems where you can;
     a person's action is context, not a cause. Mark the key moments with milestones:
     - 2026-03-04 13:58 UTC — **on-call engineer**: Ran the cleanup script. [source: shell]
     - 2026-03-04 14:01 UTC — Error-rate alert fired. [source: alertmanager] [milestone: detected]
     Milestones: started, detected, acknowledged, mitigated, resolved. -->

## What happened

<!-- The story in order, as the people involved experienced it: what they saw, what they
     knew at the time, and why their actions made sense to them then. Avoid hindsight
     ("should have", "failed to"): it explains nothing about the system. -->

## Why it happened

<!-- Ask "why was it possible?" rather than "who did it?". "Human error" is where the
     investigation starts, not where it ends: what in our systems and processes allowed a
     routine action to cause this, and what made it hard to notice or undo?
     List contributing factors, one per line, each with a category:
     - **Access control**: Staging and production shared one admin role. [events: 1]
     Categories:
{factors}
     [events: 1, 2] links a factor to timeline events by their position. -->

## How we prevent it

<!-- Systemic action items that change systems and processes: automation, guardrails,
     access control, validation, tests, alerts, safer rollouts. "Be more careful",
     "remind the team" or "retrain" do not prevent the next incident: ask what would make
     the mistake impossible, or harmless and quickly detected. One item per line:
     - [ ] Make the cleanup script refuse production namespaces. [kind: prevent] [owner: @team]
     Optional tags: [due: 2026-04-01] [priority: P1] [factors: 1] [tracker: URL].
     Kinds: prevent, detect, mitigate, process. Priorities: P0 to P3. Mark done items [x]. -->

## What went well

<!-- What helped: alerts that fired, tools that worked, people who helped each other. -->

## Where we got lucky

<!-- What limited the damage by chance rather than by design; each is a hidden risk. -->

## Lessons learned

<!-- What we now understand about our systems that we did not before. -->
"""


def default_template(*, incident_id: str, title: str, severity: Severity | None = None) -> str:
    """A new postmortem: front matter with `id`, `title` (and `severity`), then guided sections."""
    known = {"id": incident_id, "title": title}
    if severity is not None:
        known["severity"] = severity.value
    head = yaml.safe_dump(known, sort_keys=False, allow_unicode=True, width=1_000_000)
    blanks = "status: resolved\nservices: []\n"
    blanks += "".join(
        f"{key}:\n" for key in ("started", "detected", "acknowledged", "mitigated", "resolved")
    )
    blanks += "impact:\npostmortem_status: draft\nauthors: []\nreviewers: []\nrevision: 1\n"
    body = _BODY.replace("{factors}", _FACTOR_LIST)
    return f"---\n{head}{blanks}---\n\n# {title}\n{body}"
