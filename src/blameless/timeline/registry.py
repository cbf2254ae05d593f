"""The registry of timeline importers: one entry per source, listed explicitly.

An extension registers its own importer with `register`, the same way as the built-ins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from blameless.errors import InputError
from blameless.model import TimelineEvent
from blameless.timeline import alertmanager, git, k8s_audit, pagerduty, shell, slack, tabular
from blameless.timeline.base import NUL_MESSAGE, ImportContext, has_nul, input_error

Reader = Callable[[Path, ImportContext], Iterator[TimelineEvent]]


@dataclass(frozen=True)
class Importer:
    """A named source of timeline events."""

    name: str
    read: Reader
    summary: str


_IMPORTERS: dict[str, Importer] = {}


def register(importer: Importer) -> None:
    """Add an importer; a name is registered once."""
    if importer.name in _IMPORTERS:
        raise ValueError(f"importer {importer.name!r} is already registered")
    _IMPORTERS[importer.name] = importer


def get_importer(name: str) -> Importer:
    """The importer for a source name, or an `InputError` listing the known ones."""
    try:
        return _IMPORTERS[name]
    except KeyError:
        known = ", ".join(_IMPORTERS)
        raise InputError(f"unknown timeline source {name!r} (known: {known})") from None


def importer_names() -> list[str]:
    """Names of the registered importers, in registration order."""
    return list(_IMPORTERS)


for _builtin in (
    Importer("slack", slack.read, "Slack workspace export (folder or .zip)"),
    Importer("pagerduty", pagerduty.read, "PagerDuty incident log entries (REST API v2 JSON)"),
    Importer("alertmanager", alertmanager.read, "Alertmanager webhook payloads (JSON / lines)"),
    Importer("k8s-audit", k8s_audit.read, "Kubernetes audit log (JSON Lines)"),
    Importer("git", git.read, "git repository or `git log` dump"),
    Importer("shell", shell.read, "bash/zsh history with timestamps"),
    Importer("csv", tabular.read_csv, "CSV with a column mapping"),
    Importer("jsonl", tabular.read_jsonl, "JSON Lines with a column mapping"),
):
    register(_builtin)


def read_events(
    source: str, path: Path, context: ImportContext | None = None
) -> Iterator[TimelineEvent]:
    """Stream the events of one input through the named importer, counting them.

    Event texts come out on one line.
    """
    context = context or ImportContext()
    for event in get_importer(source).read(path, context):
        # The built-ins reject such records with their line; this guards registered extensions.
        if has_nul(event):
            context.reject(input_error(f"{NUL_MESSAGE} (id {event.source_id})", path))
            continue
        context.stats.events += 1
        if "\n" in event.text or "\r" in event.text:
            event.text = one_line(event.text)
        yield event


def one_line(text: str) -> str:
    """Multi-line text (Slack messages, shell commands) as one line: a timeline item is one.

    A shell line continuation (`\\` at the end of a line) is dropped with its line break.
    """
    lines = (line.strip().removesuffix("\\").rstrip() for line in text.splitlines())
    return " ".join(line for line in lines if line)
