"""`blameless lint`, `blameless rules` and `blameless rule ID`.

Heavy modules are imported inside the commands: `blameless lint` must start fast.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from blameless.cli.app import app

if TYPE_CHECKING:
    from blameless.analysis.engine import FileResult


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    GITHUB = "github"


class FailOn(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Color(StrEnum):
    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


def _selectors(values: list[str] | None) -> tuple[str, ...]:
    return tuple(
        part.strip().upper() for value in values or [] for part in value.split(",") if part.strip()
    )


@app.command()
def lint(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files to lint (.txt and .text as plain text, others as Markdown), folders (their "
            ".md and .markdown files, recursively), or - for stdin (alone). "
            "Default: the current folder (stdin only with - or --stdin-filename).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.TEXT,
    select: Annotated[
        list[str] | None,
        typer.Option(help="Only these rules: ids or prefixes, comma-separated (replaces config)."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(help="Skip these rules: ids or prefixes, comma-separated (adds to config)."),
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option(help="Exit 1 when a finding is at least this severe.")
    ] = FailOn.WARNING,
    fix: Annotated[
        bool, typer.Option("--fix", help="Apply safe fixes in place and report what was fixed.")
    ] = False,
    config: Annotated[
        Path | None,
        typer.Option(help="Config file to use instead of the nearest one found upward."),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Lint files in this many processes.")
    ] = 1,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            help="Read stdin (as with -) and report it under this name, which also picks the "
            "format (.txt: plain text) and the config file."
        ),
    ] = None,
    color: Annotated[
        Color, typer.Option(help="Colour text output (auto: on a terminal, unless NO_COLOR).")
    ] = Color.AUTO,
) -> None:
    """Lint postmortems for blame language, weak action items and missing structure.

    Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage, config or input error.
    """
    from blameless.analysis.finding import Level
    from blameless.lintrun import LintOptions, discover, lint_paths, lint_stdin

    chosen, skipped = _selectors(select), _selectors(ignore)
    _check_selectors([*chosen, *skipped])
    options = LintOptions(
        config_file=str(config) if config else None, select=chosen, ignore=skipped, fix=fix
    )
    from_stdin = _reads_stdin(paths or [], stdin_filename)
    results: list[FileResult]
    if from_stdin:
        result = lint_stdin(sys.stdin.read(), stdin_filename, options)
        if fix:
            sys.stdout.write(result.text)
        results = [result]
    else:
        files, empty = discover(paths or ["."])
        for folder in empty:
            typer.echo(f"warning: no Markdown files found in {folder}", err=True)
        results = lint_paths(files, options, jobs=jobs)
    colored = _use_color(color, output_format)
    report = _render(results, output_format, colored)
    # typer.echo strips escape codes whenever stdout is not a terminal, even for --color always.
    typer.echo(report, nl=False, err=from_stdin and fix, color=colored)
    threshold = Level(fail_on.value).rank
    if any(f.severity.rank >= threshold for result in results for f in result.findings):
        raise typer.Exit(1)


def _reads_stdin(paths: list[str], stdin_filename: str | None) -> bool:
    """Stdin is read only when asked for: `-`, or `--stdin-filename` without paths."""
    if "-" in paths and len(paths) > 1:
        raise typer.BadParameter("- (stdin) cannot be combined with other paths", param_hint="PATH")
    if stdin_filename is not None and paths and paths != ["-"]:
        raise typer.BadParameter(
            "--stdin-filename reads stdin and cannot be combined with paths", param_hint="PATH"
        )
    return paths == ["-"] or (not paths and stdin_filename is not None)


def _check_selectors(selectors: list[str]) -> None:
    from blameless.analysis.registry import all_rules, unknown_selectors
    from blameless.errors import ConfigError

    unknown = unknown_selectors(selectors, all_rules())
    if unknown:
        raise ConfigError(f"unknown rule or prefix: {', '.join(unknown)} (see `blameless rules`)")


def _use_color(color: Color, output_format: OutputFormat) -> bool:
    if output_format is not OutputFormat.TEXT or color is Color.NEVER:
        return False
    if color is Color.ALWAYS:
        return True
    # NO_COLOR (no-color.org) is a display preference, not a blameless setting.
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _render(results: list[FileResult], output_format: OutputFormat, color: bool) -> str:
    from blameless.analysis import output

    typed = results
    if output_format is OutputFormat.JSON:
        return output.format_json(typed)
    if output_format is OutputFormat.GITHUB:
        return output.format_github(typed)
    if output_format is OutputFormat.SARIF:
        from importlib.metadata import version

        from blameless.analysis.registry import all_rules

        return output.format_sarif(typed, all_rules(), version=version("blameless"))
    return output.format_text(typed, color=color)


@app.command("rules")
def list_rules() -> None:
    """List every rule: id, name, default severity and what it flags."""
    from blameless.analysis.registry import all_rules

    rules = all_rules()
    width = max((len(rule.name) for rule in rules), default=4)
    for rule in rules:
        typer.echo(f"{rule.id:<5}  {rule.name:<{width}}  {rule.severity.value:<7}  {rule.message}")


@app.command("rule")
def show_rule(
    rule_id: Annotated[str, typer.Argument(metavar="ID", help="Rule id, e.g. BL001.")],
) -> None:
    """Show a rule's documentation: what it flags, why, and bad and good examples."""
    from blameless.analysis.docs import render_rule
    from blameless.analysis.registry import get_rule

    text = render_rule(get_rule(rule_id))
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        typer.echo(text, nl=False)
