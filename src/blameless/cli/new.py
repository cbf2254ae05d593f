"""Commands for postmortem files: `blameless new` and `blameless check-format`.

Heavy modules (YAML, the parser) are imported inside the commands to keep startup fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from blameless.cli.app import app
from blameless.cli.db import DatabaseUrlOption
from blameless.errors import BlamelessError, InputError
from blameless.model import Severity


@app.command("new")
def new(
    title: Annotated[str, typer.Argument(help='The incident title, e.g. "Checkout down in EU".')],
    directory: Annotated[
        Path,
        typer.Option("--dir", "-d", help="Folder for the new file (created if missing)."),
    ] = Path("."),
    incident_id: Annotated[
        str | None,
        typer.Option("--id", help="Incident id; default: the next id of incident_id_format."),
    ] = None,
    severity: Annotated[
        Severity | None,
        typer.Option("--severity", "-s", case_sensitive=False, help="SEV1 (worst) to SEV5."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", "-f", help="Overwrite the file if it already exists.")
    ] = False,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Start a postmortem from the default template and print the path of the new file.

    The new id comes after every id used by the files in the folder and, when the database
    exists, by the incidents stored in it.
    """
    from datetime import date

    from blameless.config import load_settings
    from blameless.ids import ids_in_folder, next_incident_id, postmortem_filename
    from blameless.markdown.template import default_template

    title = title.strip()
    if not title or "\n" in title:
        raise InputError("the title must be one non-empty line")
    if directory.exists() and not directory.is_dir():
        raise InputError("is a file, not a folder (--dir names a folder)", path=directory)
    existing = ids_in_folder(directory)
    if incident_id is None:
        settings = load_settings(directory if directory.is_dir() else Path.cwd())
        existing += _stored_incident_ids(database_url or settings.database_url, directory)
        incident_id = next_incident_id(settings.incident_id_format, existing, today=date.today())
    elif not incident_id.strip() or any(sep in incident_id for sep in "/\\\n"):
        raise InputError(f"invalid incident id {incident_id!r}")
    path = directory / postmortem_filename(incident_id, title)
    text = default_template(incident_id=incident_id, title=title, severity=severity)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as problem:
        raise InputError(f"cannot create the folder: {problem.strerror}", path=directory) from None
    try:
        with path.open("w" if force else "x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise InputError("already exists (use --force to overwrite it)", path=path) from None
    except OSError as problem:
        raise InputError(f"cannot write file: {problem.strerror}", path=path) from None
    typer.echo(str(path))


def _stored_incident_ids(url: str, directory: Path) -> list[str]:
    """The incident ids of the database at `url`; none when there is no database (or a warning).

    A missing SQLite file is not created: a folder without a database is a normal start.
    """
    from blameless.services.postmortems import incident_ids
    from blameless.store.engine import sqlite_file, transaction

    try:
        file = sqlite_file(url)
        if file is not None and not file.exists():
            return []
        with transaction(url) as session:
            return incident_ids(session)
    except BlamelessError as problem:
        typer.secho(
            f"warning: the incident ids in the database were not checked ({problem}): "
            f"the new id only follows the files in {directory}",
            err=True,
        )
        return []


@app.command("check-format")
def check_format(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Postmortem files, or folders to search for *.md files "
            "(skipping README.md files and hidden folders).",
        ),
    ],
) -> None:
    """Check that postmortem files follow the file format (exit 2 if any is malformed)."""
    from blameless.markdown.parse import check_postmortem, read_text

    malformed = False
    for path in _markdown_files(paths):
        try:
            errors: list[BlamelessError] = list(check_postmortem(read_text(path), path=str(path)))
        except InputError as problem:
            errors = [problem]
        for error in errors:
            typer.echo(str(error))
        if errors:
            malformed = True
        else:
            typer.echo(f"{path}: ok")
    if malformed:
        raise typer.Exit(2)


def _markdown_files(paths: list[Path]) -> list[Path]:
    from blameless.files import markdown_files

    files: list[Path] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        found = markdown_files(path, postmortems_only=True)
        if not found:
            typer.secho(f"warning: {path}: no Markdown files in this folder", err=True)
        files.extend(found)
    return files
