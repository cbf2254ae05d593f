"""Options shared by the `blameless timeline` commands, and their validation.

Usage mistakes (an option of another source, an empty time window) are reported as such
before any file or database is opened.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from blameless.errors import InputError

if TYPE_CHECKING:
    from blameless.timeline.merge import MergeOptions


class Source(StrEnum):
    slack = "slack"
    pagerduty = "pagerduty"
    alertmanager = "alertmanager"
    k8s_audit = "k8s-audit"
    git = "git"
    shell = "shell"
    csv = "csv"
    jsonl = "jsonl"


class Format(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


IncidentArg = Annotated[
    str, typer.Argument(metavar="INCIDENT", help="Incident id, e.g. INC-2026-001.")
]
TzOption = Annotated[
    str,
    typer.Option(
        "--tz",
        metavar="ZONE",
        help="Time zone of timestamps that carry none (an IANA name such as Europe/Paris).",
    ),
]
SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since", metavar="TIME", help="Keep events at or after this time (ISO 8601 or epoch)."
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        "--until", metavar="TIME", help="Keep events at or before this time (ISO 8601 or epoch)."
    ),
]

SourceFilterOption = Annotated[
    list[str] | None,
    typer.Option("--source", "-s", help="Only events of this source (repeatable)."),
]


SOURCE_OPTIONS: dict[str, tuple[Source, ...]] = {
    "--channel": (Source.slack,),
    "--include-joins": (Source.slack,),
    "--slack-url": (Source.slack,),
    "--all-verbs": (Source.k8s_audit,),
    "--actor": (Source.shell,),
    "--map": (Source.csv, Source.jsonl),
}
"""The sources each source-specific option of `timeline import` applies to."""


def check_source_options(source: Source, given: dict[str, bool]) -> None:
    """A source-specific option given with another source is a usage error, not ignored."""
    for option, used in given.items():
        sources = SOURCE_OPTIONS[option]
        if used and source not in sources:
            names = " or ".join(f"--source {s.value}" for s in sources)
            raise typer.BadParameter(
                f"applies to {names} only, not to --source {source.value}",
                param_hint=f"'{option}'",
            )


def merge_options(
    since: str | None, until: str | None, source: list[str] | None, dedupe_window: int
) -> MergeOptions:
    """The `timeline show/write` filters as merge options; `--dedupe-window 0` turns it off."""
    from blameless.timeline.merge import MergeOptions

    start, end = time_window(since, until, None)
    return MergeOptions(
        since=start,
        until=end,
        sources=frozenset(source or []),
        text_window=timedelta(seconds=dedupe_window) if dedupe_window > 0 else None,
    )


def parse_zone(name: str) -> tzinfo:
    """The `--tz` zone; an unknown name is an input error with an example."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(f"unknown time zone {name!r} for --tz (e.g. UTC, Europe/Paris)") from None


def time_window(
    since: str | None, until: str | None, zone: tzinfo | None
) -> tuple[datetime | None, datetime | None]:
    """`--since` and `--until` as times; an empty window is a usage error, not an empty result."""
    start, end = _time(since, zone, "--since"), _time(until, zone, "--until")
    if start is not None and end is not None and end < start:
        raise typer.BadParameter(
            f"{until} is before --since {since}: no event can fall in this window",
            param_hint="'--until'",
        )
    return start, end


def _time(value: str | None, zone: tzinfo | None, option: str) -> datetime | None:
    if value is None:
        return None
    from datetime import UTC

    from blameless.timeline.base import RecordError, parse_any_time

    try:
        return parse_any_time(value, zone or UTC)
    except RecordError as problem:
        raise InputError(f"{option}: {problem}") from None


def mapping_pair(item: str) -> tuple[str, str]:
    """One `--map FIELD=COLUMN` as (field, column)."""
    field, sep, column = item.partition("=")
    if not sep or not field.strip() or not column.strip():
        raise InputError(f"--map expects FIELD=COLUMN, got {item!r}")
    return field.strip(), column.strip()
