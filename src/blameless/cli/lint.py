"""`blameless lint`, `blameless rules` and `blameless rule ID`.

Heavy modules are imported inside the commands: `blameless lint` must start fast.
"""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from blameless.cli.app import app, fail

if TYPE_CHECKING:
    from blameless.analysis.engine import FileResult
    from blameless.errors import BlamelessError


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
    errors: list[BlamelessError] = []
    if from_stdin:
        result = lint_stdin(sys.stdin.read(), stdin_filename, options)
        if fix:
            sys.stdout.write(result.text)
        results = [result]
    else:
        found = discover(paths or ["."])
        for folder in found.empty_folders:
            typer.echo(f"warning: no Markdown files found in {folder}", err=True)
        results, errors = lint_paths(found.files, options, jobs=jobs)
        errors = [*found.missing, *errors]
    for error in errors:
        fail(str(error))
    colored = _use_color(color, output_format)
    report = _render(results, errors, output_format, colored)
    # typer.echo strips escape codes whenever stdout is not a terminal, even for --color always.
    typer.echo(report, nl=False, err=from_stdin and fix, color=colored)
    if errors:  # an unread file may hide findings: input errors outrank findings
        raise typer.Exit(2)
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


def _render(
    results: list[FileResult],
    errors: list[BlamelessError],
    output_format: OutputFormat,
    color: bool,
) -> str:
    from blameless.analysis import output

    if output_format is OutputFormat.JSON:
        report = json.loads(output.format_json(results))
        report["errors"] = [
            {"path": error.path, "line": error.line, "message": error.message} for error in errors
        ]
        return json.dumps(report, indent=2) + "\n"
    if output_format is OutputFormat.GITHUB:
        return output.format_github(results)
    if output_format is OutputFormat.SARIF:
        from importlib.metadata import version

        from blameless.analysis.registry import all_rules

        log = json.loads(output.format_sarif(results, all_rules(), version=version("blameless")))
        log["runs"][0]["invocations"] = [_sarif_invocation(errors)]
        return json.dumps(log, indent=2) + "\n"
    return output.format_text(results, color=color)


def _sarif_invocation(errors: list[BlamelessError]) -> dict[str, object]:
    """The run's invocation: unread files are error notifications, and the run did not succeed."""
    from urllib.parse import quote

    notifications = []
    for error in errors:
        location: dict[str, object] = {"uri": quote((error.path or "").replace("\\", "/"))}
        physical: dict[str, object] = {"artifactLocation": location}
        if error.line is not None:
            physical["region"] = {"startLine": error.line}
        notifications.append(
            {
                "level": "error",
                "message": {"text": error.message},
                "locations": [{"physicalLocation": physical}],
            }
        )
    return {"executionSuccessful": not errors, "toolExecutionNotifications": notifications}


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
