"""What a rule may consult besides the text: the lint configuration and the document's roster."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DEFAULT_ACTION_HEADINGS = ("action items", "how we prevent it", "follow-ups", "remediation")
DEFAULT_TIMELINE_HEADINGS = ("timeline",)
DEFAULT_TIMELINE_MAX_GAP_MINUTES = 30.0


@dataclass
class LintConfig:
    """Lint settings, already validated (see `blameless.config` for where they come from)."""

    select: list[str] = field(default_factory=list)  # ids or prefixes; empty = all defaults
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)  # glob -> ids/prefixes
    severity: dict[str, str] = field(default_factory=dict)  # id -> error|warning|info
    people: dict[str, str] = field(default_factory=dict)  # name or handle -> role
    systems: list[str] = field(default_factory=list)  # names that are systems here, not people
    blame_phrases: list[str] = field(default_factory=list)  # extra phrases that are blame
    action_headings: list[str] = field(default_factory=lambda: list(DEFAULT_ACTION_HEADINGS))
    timeline_headings: list[str] = field(default_factory=lambda: list(DEFAULT_TIMELINE_HEADINGS))
    timeline_max_gap_minutes: float = DEFAULT_TIMELINE_MAX_GAP_MINUTES  # ST009 threshold
    root: str | None = (
        None  # folder of the config file; `per_file_ignores` globs are relative to it
    )


@dataclass
class Context:
    """Per-document context handed to every rule."""

    config: LintConfig
    people: dict[str, str] = field(default_factory=dict)  # roster: config people + participants
    path: str | None = None
    # Work the rules share within one document, e.g. `cache[("tokens", unit.start)]`.
    cache: dict[Any, Any] = field(default_factory=dict)
