"""Lint files and folders: discovery, per-file settings, a process pool and `--fix`.

The CLI calls this; `blameless.analysis` stays pure (text in, findings out).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from blameless.analysis.context import LintConfig
from blameless.analysis.engine import FileResult
from blameless.errors import BlamelessError, ConfigError, InputError
from blameless.files import decode, has_bom, markdown_files, read_bytes, write_text


@dataclass(frozen=True)
class LintOptions:
    """What the command line adds to the settings of each file."""

    config_file: str | None = None
    select: tuple[str, ...] = ()  # replaces the configured `select` when given
    ignore: tuple[str, ...] = ()  # added to the configured `ignore`
    fix: bool = False


@dataclass(frozen=True)
class Discovery:
    """What the paths named on the command line stand for."""

    files: list[str]
    empty_folders: list[str]  # named folders without any Markdown file
    missing: list[InputError]  # named paths that do not exist


def discover(paths: Sequence[str]) -> Discovery:
    """The files to lint, the named folders without Markdown files and the missing paths.

    Named files come as given; folders give their Markdown files (recursively, sorted, see
    `blameless.files.markdown_files`).
    """
    found: list[str] = []
    empty: list[str] = []
    missing: list[InputError] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            inside = [str(file) for file in markdown_files(path)]
            found.extend(inside)
            if not inside:
                empty.append(name)
        elif path.exists():
            found.append(name)
        else:
            missing.append(InputError("no such file or folder", path=name))
    return Discovery(list(dict.fromkeys(found)), empty, missing)


_CONFIGS: dict[tuple[str, str | None], LintConfig] = {}


def config_for(path: Path, options: LintOptions) -> LintConfig:
    """The settings for one file: its config file (cached per folder) plus the options."""
    from blameless.lintconfig import load_lint_config

    key = (str(path.parent.resolve()), options.config_file)
    if key not in _CONFIGS:
        explicit = Path(options.config_file) if options.config_file else None
        _CONFIGS[key] = load_lint_config(path, config_file=explicit)
    config = _CONFIGS[key]
    if options.select or options.ignore:
        config = replace(
            config,
            select=list(options.select) or config.select,
            ignore=[*config.ignore, *options.ignore],
        )
    return config


def lint_source(text: str, path: str, config: LintConfig, *, fix: bool) -> FileResult:
    """Lint one text; with `fix`, the result holds the fixed text and the fix count."""
    from blameless.analysis.engine import lint_text
    from blameless.analysis.fix import fix_text

    if not fix:
        return FileResult(path, text, lint_text(text, config, path=path))
    fixed, count, findings = fix_text(text, lambda t: lint_text(t, config, path=path))
    return FileResult(path, fixed, findings, fixed=count)


def lint_file(path: str, options: LintOptions) -> FileResult:
    """Lint one file; with `options.fix`, write the fixed text back in place.

    The rewrite keeps the file's byte-order mark and line endings.
    """
    file = Path(path)
    data = read_bytes(file)
    result = lint_source(decode(data, file), path, config_for(file, options), fix=options.fix)
    if result.fixed:
        write_text(file, result.text, bom=has_bom(data))
    return result


def _lint_or_error(path: str, options: LintOptions) -> FileResult | BlamelessError:
    """Lint one file, or return why it cannot be read (a configuration error still stops all)."""
    try:
        return lint_file(path, options)
    except ConfigError:
        raise
    except BlamelessError as problem:
        if problem.path is None:
            problem.path = path
        return problem


def lint_paths(
    paths: Sequence[str], options: LintOptions, *, jobs: int = 1
) -> tuple[list[FileResult], list[BlamelessError]]:
    """Lint files in order; `jobs > 1` spreads them over a process pool.

    A file that cannot be read or parsed does not stop the others: its error is returned with
    the results of the rest.
    """
    if jobs <= 1 or len(paths) < 2:
        outcomes = [_lint_or_error(path, options) for path in paths]
    else:
        from concurrent.futures import ProcessPoolExecutor

        chunk = max(1, len(paths) // (jobs * 4))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            outcomes = list(
                pool.map(_lint_or_error, paths, [options] * len(paths), chunksize=chunk)
            )
    results = [outcome for outcome in outcomes if isinstance(outcome, FileResult)]
    errors = [outcome for outcome in outcomes if isinstance(outcome, BlamelessError)]
    return results, errors


def lint_stdin(text: str, filename: str | None, options: LintOptions) -> FileResult:
    """Lint text read from stdin; `filename` picks the format and the config file."""
    display = filename or "-"
    config = config_for(Path(filename or "stdin.md").absolute(), options)
    return lint_source(text, display, config, fix=options.fix)
