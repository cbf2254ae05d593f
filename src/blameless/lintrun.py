"""Lint files and folders: discovery, per-file settings, a process pool and `--fix`.

The CLI calls this; `blameless.analysis` stays pure (text in, findings out).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from blameless.analysis.context import LintConfig
from blameless.analysis.engine import FileResult
from blameless.errors import InputError

FOLDER_SUFFIXES = (".md", ".markdown")
"""What a folder is searched for: other files (`.txt`...) are linted only when named."""
SKIPPED_DIRS = frozenset({"node_modules", "venv", "__pycache__", "site-packages"})


@dataclass(frozen=True)
class LintOptions:
    """What the command line adds to the settings of each file."""

    config_file: str | None = None
    select: tuple[str, ...] = ()  # replaces the configured `select` when given
    ignore: tuple[str, ...] = ()  # added to the configured `ignore`
    fix: bool = False


def discover(paths: Sequence[str]) -> list[str]:
    """The files to lint: named files as given, Markdown files of folders (recursively, sorted)."""
    found: list[str] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(sorted(_walk(path)))
        elif path.exists():
            found.append(name)
        else:
            raise InputError("no such file or directory", path=name)
    return found


def _walk(folder: Path) -> list[str]:
    files: list[str] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS]
        files.extend(
            os.path.join(root, name)
            for name in names
            if name.lower().endswith(FOLDER_SUFFIXES) and not name.startswith(".")
        )
    return files


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
    """Lint one file; with `options.fix`, write the fixed text back in place."""
    from blameless.api import read_source

    file = Path(path)
    text = read_source(file)
    result = lint_source(text, path, config_for(file, options), fix=options.fix)
    if result.fixed:
        file.write_bytes(result.text.encode("utf-8"))
    return result


def lint_paths(paths: Sequence[str], options: LintOptions, *, jobs: int = 1) -> list[FileResult]:
    """Lint files in order; `jobs > 1` spreads them over a process pool."""
    if jobs <= 1 or len(paths) < 2:
        return [lint_file(path, options) for path in paths]
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, len(paths) // (jobs * 4))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(lint_file, paths, [options] * len(paths), chunksize=chunk))


def lint_stdin(text: str, filename: str | None, options: LintOptions) -> FileResult:
    """Lint text read from stdin; `filename` picks the format and the config file."""
    display = filename or "-"
    config = config_for(Path(filename or "stdin.md").absolute(), options)
    return lint_source(text, display, config, fix=options.fix)
