"""The Typer application and the one place where errors become messages and exit codes."""

from __future__ import annotations

import sys
from typing import Annotated

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
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", help="Also print the traceback of an error (before the command name)."
        ),
    ] = False,
) -> None:
    """Blameless postmortems as code."""
    _state["debug"] = debug


def fail(message: str) -> None:
    """Print one error line on stderr (used for usage problems found by commands)."""
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; translate every `BlamelessError` into one line on stderr and an exit code.

    Typer itself handles usage errors (exit 2) and `typer.Exit`. With `--debug` the traceback
    comes first, but the exit code stays the error's: scripts must not read a crash as findings.
    """
    _state["debug"] = False
    try:
        app(args=argv, prog_name="blameless")
    except BlamelessError as problem:
        _print_traceback()
        fail(str(problem))
        sys.exit(problem.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as bug:  # a bug of ours: say so in one line, keep the traceback for --debug
        _print_traceback()
        fail(
            f"internal error ({type(bug).__name__}: {bug}); this is a bug in blameless, "
            "please report it with the output of the same command run with --debug"
        )
        sys.exit(3)


def _print_traceback() -> None:
    if _state["debug"]:
        import traceback

        traceback.print_exc(file=sys.stderr)
