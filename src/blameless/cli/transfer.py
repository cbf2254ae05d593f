"""`blameless import` and `blameless export`: move postmortem files in and out of the database."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from blameless.cli.app import app
from blameless.cli.db import DatabaseUrlOption, resolve_database_url

PROGRESS_THRESHOLD = 20
"""Fewer files than this finish too fast for a progress bar to help."""


@app.command("import")
def import_(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Postmortem files, or folders searched for *.md files "
            "(README.md and hidden folders are skipped).",
            show_default=False,
        ),
    ],
    database_url: DatabaseUrlOption = None,
    actor: Annotated[
        str | None,
        typer.Option("--actor", help="Name recorded on the revisions this import creates."),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List each incident and what happened to it.")
    ] = False,
    replace_timeline: Annotated[
        bool,
        typer.Option(
            "--replace-timeline",
            help="Let a file's timeline replace the stored one even where that deletes events "
            "added with `blameless timeline import` (refused by default).",
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Import files that are refused by default: a file older than the stored "
            "postmortem (its revision: is lower), or one whose id is stored under another title.",
        ),
    ] = False,
) -> None:
    """Import postmortem Markdown files into the database.

    All files are read first: if one cannot be read, nothing is written.

    A known incident id updates the stored postmortem, adding a revision if its content changed,
    and the file's revision: is set to the new revision. Refused unless --force: a changed file
    whose revision: is lower than the stored one (it was exported before someone else's change),
    and a file whose id is stored under another title. The file's timeline replaces the stored
    one; if that would delete events imported from a source, run
    `blameless timeline write INCIDENT FILE` first (or pass --replace-timeline).
    """
    from blameless.errors import InputError
    from blameless.files import collect_files
    from blameless.services.postmortem_files import record_revision
    from blameless.services.postmortems import import_postmortems
    from blameless.store.engine import transaction

    url = resolve_database_url(database_url)
    files = collect_files(paths, postmortems_only=True)
    with _progress("Reading", len(files)) as advance, transaction(url) as session:
        report = import_postmortems(
            session,
            files,
            actor=actor,
            on_progress=advance,
            replace_timeline=replace_timeline,
            force=force,
        )
    for path, revision in report.revisions.items():
        try:
            record_revision(path, revision)
        except InputError as problem:
            typer.secho(
                f"warning: {problem}; its next import will need --force unless it says "
                f"revision: {revision}",
                err=True,
            )
    if verbose:
        for outcome, ids in (
            ("created", report.created),
            ("updated", report.updated),
            ("unchanged", report.unchanged),
        ):
            for incident_id in ids:
                typer.echo(f"{outcome:<9} {incident_id}")
    total = len(report.created) + len(report.updated) + len(report.unchanged)
    typer.echo(
        f"Imported {total} postmortem{'s' if total != 1 else ''}: {len(report.created)} created, "
        f"{len(report.updated)} updated, {len(report.unchanged)} unchanged."
    )


@app.command("export")
def export(
    directory: Annotated[
        Path,
        typer.Argument(
            help="Folder to write <id>-<slug>.md files into (created if missing).",
            file_okay=False,
            show_default=False,
        ),
    ],
    database_url: DatabaseUrlOption = None,
) -> None:
    """Export every stored postmortem as a Markdown file.

    A *.md file in the folder with the same incident id under another name (the title changed)
    is replaced by the new file.
    """
    from blameless.services.postmortem_files import export_postmortems
    from blameless.services.postmortems import count_postmortems
    from blameless.store.engine import transaction

    url = resolve_database_url(database_url)
    with transaction(url) as session:
        count = count_postmortems(session)
        with _progress("Writing", count) as advance:
            report = export_postmortems(session, directory, on_progress=advance)
    written = report.written
    for path in written:
        typer.echo(str(path))
    for older, newer in report.replaced.items():
        typer.echo(f"replaced {older} by {newer} (same incident)", err=True)
    typer.echo(
        f"Exported {len(written)} postmortem{'s' if len(written) != 1 else ''} to {directory}.",
        err=True,
    )


@contextmanager
def _progress(verb: str, total: int) -> Iterator[Callable[[Path], None] | None]:
    """A Rich progress bar on stderr for many files on a terminal; otherwise nothing."""
    if total < PROGRESS_THRESHOLD or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(f"{verb} {total} files", total=total)
        yield lambda _path: bar.advance(task)
