"""`blameless history`: the stored revisions of a postmortem (they are never rewritten)."""

from __future__ import annotations

from typing import Annotated

import typer

from blameless.cli.app import app
from blameless.cli.db import DatabaseUrlOption, resolve_database_url


@app.command("history")
def history(
    incident_id: Annotated[
        str,
        typer.Argument(
            metavar="INCIDENT", help="The incident id, e.g. INC-2026-001.", show_default=False
        ),
    ],
    show: Annotated[
        int | None,
        typer.Option("--show", metavar="N", min=1, help="Print revision N as Markdown."),
    ] = None,
    database_url: DatabaseUrlOption = None,
) -> None:
    """List the revisions of a postmortem (number, time, actor), or print one with --show."""
    from datetime import UTC

    from blameless.errors import NotFoundError
    from blameless.services.postmortems import list_revisions
    from blameless.store.engine import transaction

    with transaction(resolve_database_url(database_url)) as session:
        revisions = list_revisions(session, incident_id)
    if show is not None:
        chosen = next((r for r in revisions if r.revision == show), None)
        if chosen is None:
            numbers = ", ".join(str(r.revision) for r in revisions)
            raise NotFoundError(f"{incident_id} has no revision {show} (it has {numbers})")
        typer.echo(chosen.markdown, nl=False)
        return
    typer.echo(f"{'revision':>8}  {'saved (UTC)':<19}  by")
    for revision in revisions:
        saved = revision.created_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
        typer.echo(f"{revision.revision:>8}  {saved}  {revision.actor or '-'}")
