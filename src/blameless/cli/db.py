"""`blameless db`: create and inspect the database schema."""

from __future__ import annotations

from typing import Annotated

import typer

from blameless.cli.app import app

db_app = typer.Typer(help="Create, upgrade and inspect the database schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")

DatabaseUrlOption = Annotated[
    str | None,
    typer.Option(
        "--database-url",
        metavar="URL",
        help="Database to use, e.g. sqlite:///blameless.db or postgresql://user@host/db "
        "(default: database_url from blameless.toml, then $BLAMELESS_DATABASE_URL overrides, "
        "else blameless.db next to the config file).",
        show_default=False,
    ),
]


def resolve_database_url(option: str | None) -> str:
    """The URL given on the command line, else the one from the settings."""
    if option:
        return option
    from blameless.config import load_settings

    return load_settings().database_url


@db_app.command("upgrade")
def upgrade(database_url: DatabaseUrlOption = None) -> None:
    """Create the database or migrate it to the newest schema (safe to run again)."""
    from blameless.store import migrate
    from blameless.store.engine import database, display_url

    url = resolve_database_url(database_url)
    with database(url, create=True) as engine:
        before, after = migrate.upgrade(engine)
    where = display_url(url)
    if before == after:
        typer.echo(f"{where}: already at revision {after} (head)")
    else:
        typer.echo(f"{where}: upgraded from {before or 'an empty database'} to revision {after}")


@db_app.command("current")
def current(database_url: DatabaseUrlOption = None) -> None:
    """Show the schema revision of the database (never creates one)."""
    from blameless.store import migrate
    from blameless.store.engine import database, display_url

    url = resolve_database_url(database_url)
    with database(url) as engine, engine.connect() as connection:
        revision = migrate.current_revision(connection)
    where = display_url(url)
    head = migrate.head_revision()
    if revision is None:
        typer.echo(f"{where}: not initialised (run `blameless db upgrade`)")
    elif revision == head:
        typer.echo(f"{where}: revision {revision} (head)")
    else:
        typer.echo(f"{where}: revision {revision} (newest is {head}: run `blameless db upgrade`)")
