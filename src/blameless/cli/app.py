"""The Typer application and the one place where errors become messages and exit codes."""

from __future__ import annotations

import sys
from typing import Annotated

import click
import typer

from blameless.errors import BlamelessError

app = typer.Typer(
    name="blameless",
    help="Blameless postmortems as code: lint, store and publish incident write-ups.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state = {"debug": False}


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"blameless {version('blameless')}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
) -> None:
    """Blameless postmortems as code."""
    _state["debug"] = debug


def fail(message: str) -> None:
    """Print one error line on stderr (used for usage problems found by commands)."""
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; translate every error into one line on stderr and an exit code."""
    command = typer.main.get_command(app)
    try:
        result = command.main(args=argv, prog_name="blameless", standalone_mode=False)
    except click.exceptions.Exit as stop:
        sys.exit(stop.exit_code)
    except click.exceptions.Abort:
        typer.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as problem:
        problem.show()
        sys.exit(2)
    except BlamelessError as problem:
        if _state["debug"]:
            raise
        fail(str(problem))
        sys.exit(problem.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(result if isinstance(result, int) else 0)
