"""`blameless timeline`: import sources into an incident's timeline, show it, write it to a file."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from blameless.cli.app import app
from blameless.cli.db import DatabaseUrlOption, resolve_database_url
from blameless.cli.timeline_options import (
    Format,
    IncidentArg,
    SinceOption,
    Source,
    SourceFilterOption,
    TzOption,
    UntilOption,
    check_source_options,
    mapping_pair,
    merge_options,
    parse_zone,
    time_window,
)

if TYPE_CHECKING:
    from blameless.services.timeline import TimelineView
    from blameless.timeline.base import ProgressCallback

timeline_app = typer.Typer(
    help="Import incident traces (Slack, PagerDuty, alerts, audit logs...) into one timeline.",
    no_args_is_help=True,
)
app.add_typer(timeline_app, name="timeline")


@timeline_app.command("import")
def import_(
    incident: IncidentArg,
    path: Annotated[
        Path, typer.Argument(metavar="PATH", help="File, folder or archive to import.")
    ],
    source: Annotated[Source, typer.Option("--source", "-s", help="Kind of input.")],
    database_url: DatabaseUrlOption = None,
    tz: TzOption = "UTC",
    since: SinceOption = None,
    until: UntilOption = None,
    skip_invalid: Annotated[
        bool,
        typer.Option(
            "--skip-invalid",
            help="Skip and count malformed records instead of stopping with nothing written.",
        ),
    ] = False,
    channel: Annotated[
        list[str] | None,
        typer.Option(
            "--channel", metavar="NAME", help="Slack: channel to import (repeatable; default: all)."
        ),
    ] = None,
    include_joins: Annotated[
        bool, typer.Option("--include-joins", help="Slack: keep join/leave messages.")
    ] = False,
    slack_url: Annotated[
        str | None,
        typer.Option(
            "--slack-url", metavar="URL", help="Slack: workspace URL, to store permalinks."
        ),
    ] = None,
    all_verbs: Annotated[
        bool,
        typer.Option(
            "--all-verbs", help="Kubernetes audit: keep reads and every stage, not just mutations."
        ),
    ] = False,
    actor: Annotated[
        str | None, typer.Option("--actor", metavar="NAME", help="Shell: who ran the commands.")
    ] = None,
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="FIELD=COLUMN",
            help="CSV/JSON Lines: column of an event field (timestamp, text, actor, source, "
            "kind, id, link, milestone); repeatable.",
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            metavar="TEXT",
            help="Create the incident with this title if it is not stored.",
        ),
    ] = None,
) -> None:
    """Import one source into an incident's timeline (one transaction).

    Events already stored (same source and id) are skipped, so importing again is safe.
    """
    from blameless.services.timeline import import_timeline
    from blameless.store.engine import transaction
    from blameless.timeline.base import ImportOptions
    from blameless.timeline.tabular import check_mapping

    check_source_options(
        source,
        {
            "--channel": bool(channel),
            "--include-joins": include_joins,
            "--slack-url": slack_url is not None,
            "--all-verbs": all_verbs,
            "--actor": actor is not None,
            "--map": bool(mapping),
        },
    )
    zone = parse_zone(tz)
    pairs = dict(mapping_pair(item) for item in mapping or [])
    check_mapping(pairs)
    start, end = time_window(since, until, zone)
    options = ImportOptions(
        tz=zone,
        since=start,
        until=end,
        skip_invalid=skip_invalid,
        actor=actor,
        channels=frozenset(channel or []),
        include_joins=include_joins,
        all_verbs=all_verbs,
        mapping=pairs,
        link_base=slack_url,
    )
    url = resolve_database_url(database_url)
    with _progress(path) as progress, transaction(url) as session:
        report = import_timeline(
            session,
            incident,
            source=source.value,
            path=path,
            options=options,
            progress=progress,
            create_title=title,
        )
    for error in report.errors:
        typer.secho(f"skipped: {error}", fg=typer.colors.YELLOW, err=True)
    if report.invalid > len(report.errors):
        typer.echo(f"... and {report.invalid - len(report.errors)} more skipped", err=True)
    typer.echo(
        f"{incident}: {report.inserted} event{'s' if report.inserted != 1 else ''} imported "
        f"from {source.value} ({report.read} read, {report.duplicates} already stored, "
        f"{report.filtered} filtered out, {report.invalid} invalid skipped)."
    )


@timeline_app.command("show")
def show(
    incident: IncidentArg,
    database_url: DatabaseUrlOption = None,
    output: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    since: SinceOption = None,
    until: UntilOption = None,
    source: SourceFilterOption = None,
    dedupe_window: Annotated[
        int,
        typer.Option(
            "--dedupe-window",
            metavar="SECONDS",
            help="Drop the same text from another source within this many seconds (0: off).",
            min=0,
        ),
    ] = 120,
    max_gap: Annotated[
        int,
        typer.Option("--max-gap", metavar="MINUTES", help="Flag silences longer than this.", min=1),
    ] = 30,
    roles: Annotated[
        bool,
        typer.Option(
            "--roles", help="Show roles instead of names (config `people`, participants)."
        ),
    ] = False,
) -> None:
    """Show an incident's merged timeline with milestones, durations and inconsistencies."""
    from blameless.services.timeline import get_timeline
    from blameless.store.engine import transaction

    merge = merge_options(since, until, source, dedupe_window)
    url = resolve_database_url(database_url)
    with transaction(url) as session:
        view = get_timeline(session, incident, merge=merge, max_gap=timedelta(minutes=max_gap))
    if roles:
        view = _anonymised(view)
    _render(view, output)


@timeline_app.command("write")
def write(
    incident: IncidentArg,
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="Postmortem Markdown file to update in place.")
    ],
    database_url: DatabaseUrlOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    source: SourceFilterOption = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Write even when the file lists timeline events (or edited texts) that are "
            "not stored: they are lost. Without it, `blameless import FILE` them first.",
        ),
    ] = False,
) -> None:
    """Replace the timeline items of a postmortem file with the stored timeline.

    Only the items change: the front matter and all prose are kept byte for byte. Refused when
    the file lists events that are not stored (import the file first), unless --force.
    """
    from blameless.services.timeline import write_timeline
    from blameless.store.engine import transaction

    merge = merge_options(since, until, source, 120)
    url = resolve_database_url(database_url)
    with transaction(url) as session:
        count = write_timeline(session, incident, file, merge=merge, force=force)
    typer.echo(f"{file}: wrote {count} timeline event{'s' if count != 1 else ''}.")


@timeline_app.command("sources")
def sources() -> None:
    """List the sources `blameless timeline import` reads."""
    from blameless.timeline.registry import get_importer, importer_names

    for name in importer_names():
        typer.echo(f"{name:<13} {get_importer(name).summary}")


def _anonymised(view: TimelineView) -> TimelineView:
    from dataclasses import replace

    from blameless.config import load_settings
    from blameless.timeline.people import anonymise, people_roles

    mapping = people_roles(load_settings().table.get("people"), view.participants)
    return replace(view, events=anonymise(view.events, mapping))


def _render(view: TimelineView, output: Format) -> None:
    from blameless.timeline.render import timeline_data, timeline_markdown

    if output is Format.json:
        import json

        data = timeline_data(
            view.incident.id, view.events, view.milestones, view.durations, view.issues
        )
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif output is Format.markdown:
        typer.echo(timeline_markdown(view.events, view.milestones, view.durations), nl=False)
    else:
        _render_table(view)


def _render_table(view: TimelineView) -> None:
    from rich.console import Console

    from blameless.timeline.render import TimelineReport, render_report

    title = f"{view.incident.id} — {view.incident.title}"
    report = TimelineReport(title, view.events, view.milestones, view.durations, view.issues)
    console = Console()
    color = console.color_system is not None
    typer.echo(render_report(report, width=console.width, color=color), nl=False)


@contextmanager
def _progress(path: Path) -> Iterator[ProgressCallback | None]:
    """A Rich bar of bytes read, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(f"Reading {path.name}", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total or None)

        yield advance
