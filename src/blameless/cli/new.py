"""Commands for postmortem files: `blameless new` and `blameless check-format`.

Heavy modules (YAML, the parser) are imported inside the commands to keep startup fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from blameless.cli.app import app, fail
from blameless.cli.db import DatabaseUrlOption
from blameless.errors import BlamelessError, ConfigError, InputError
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
        typer.Option(
            "--id",
            help="Incident id (letters, digits, - _ .), not used by another file of the folder "
            "or the database; default: the next id of incident_id_format.",
        ),
    ] = None,
    severity: Annotated[
        Severity | None,
        typer.Option("--severity", "-s", case_sensitive=False, help="SEV1 (worst) to SEV5."),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", "-f", help="Overwrite the file if it already exists (same id and title)."
        ),
    ] = False,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Start a postmortem from the default template and print the path of the new file.

    The new id comes after every id used by the files in the folder and, when the database
    exists, by the incidents stored in it.
    """
    from datetime import date

    from blameless.config import load_settings
    from blameless.ids import (
        check_incident_id,
        ids_in_folder,
        next_incident_id,
        postmortem_filename,
    )
    from blameless.markdown.template import default_template

    title = title.strip()
    if not title or "\n" in title:
        raise InputError("the title must be one non-empty line")
    if directory.exists() and not directory.is_dir():
        raise InputError("is a file, not a folder (--dir names a folder)", path=directory)
    if incident_id is not None:
        check_incident_id(incident_id)
    settings = load_settings(directory if directory.is_dir() else Path.cwd())
    stored = _stored_incident_ids(
        database_url or settings.database_url, directory, chosen=incident_id is not None
    )
    if incident_id is None:
        existing = [*ids_in_folder(directory), *stored]
        incident_id = next_incident_id(settings.incident_id_format, existing, today=date.today())
        try:
            check_incident_id(incident_id)
        except InputError as problem:
            raise ConfigError(f"incident_id_format makes {problem.message}") from None
    path = directory / postmortem_filename(incident_id, title)
    _refuse_a_used_id(incident_id, path, stored)
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


def _refuse_a_used_id(incident_id: str, path: Path, stored: list[str]) -> None:
    """Refuse an id that another file of the folder or a stored incident already has.

    The file about to be overwritten (`--force`) may hold the id: it is the same postmortem.
    """
    from blameless.ids import files_with_id, front_matter_id

    others = [file for file in files_with_id(path.parent, incident_id) if file != path]
    if others:
        raise InputError(
            f"incident id {incident_id!r} is already used by {others[0]} (choose another --id)"
        )
    same_file = path.is_file() and front_matter_id(path) == incident_id
    if incident_id in stored and not same_file:
        raise InputError(
            f"incident id {incident_id!r} is already used by an incident in the database "
            "(choose another --id)"
        )


def _stored_incident_ids(url: str, directory: Path, *, chosen: bool) -> list[str]:
    """The incident ids of the database at `url`; none when there is no database (or a warning).

    `chosen`: the id was given with --id (the warning then says it was not checked).

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
        effect = "is only checked against" if chosen else "only follows"
        typer.secho(
            f"warning: the incident ids in the database were not checked ({problem}): "
            f"the new id {effect} the files in {directory}",
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
    """Check that postmortem files follow the file format.

    Format problems go to stdout, files that cannot be read to stderr; either makes the exit
    status 2, after every file was checked.
    """
    from blameless.markdown.parse import check_postmortem, read_text

    failed = False
    for path in _markdown_files(paths):
        try:
            errors = check_postmortem(read_text(path), path=str(path))
        except InputError as problem:
            if problem.path is None:
                problem.path = str(path)
            fail(str(problem))
            failed = True
            continue
        for error in errors:
            typer.echo(str(error))
        if errors:
            failed = True
        else:
            typer.echo(f"{path}: ok")
    if failed:
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
