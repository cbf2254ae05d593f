"""The library entry points of the linter: lint a string or a file, get findings back."""

from __future__ import annotations

from pathlib import Path

from blameless.analysis.context import LintConfig
from blameless.analysis.finding import Finding
from blameless.errors import InputError


def lint_text(
    text: str, *, path: str | None = None, config: LintConfig | None = None
) -> list[Finding]:
    """Findings for `text` (Markdown, or plain text when `path` ends in `.txt`).

    `path` is only used for display, per-file ignores and the choice of format; without
    `config`, the default settings apply (no config file is read).
    """
    from blameless.analysis.engine import lint_text as run

    return run(text, config or LintConfig(), path=path)


def lint_file(path: str | Path, *, config: LintConfig | None = None) -> list[Finding]:
    """Findings for a file; without `config`, settings come from the nearest config file."""
    from blameless.lintconfig import load_lint_config

    file = Path(path)
    text = read_source(file)
    return lint_text(text, path=str(path), config=config or load_lint_config(file))


def read_source(path: Path) -> str:
    """A file's text as UTF-8 (a BOM is dropped); `InputError` naming the file otherwise."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=path) from None
    except OSError as problem:
        raise InputError(f"cannot read: {problem.strerror}", path=path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        line = data.count(b"\n", 0, problem.start) + 1
        raise InputError("not UTF-8 text (cannot decode)", path=path, line=line) from None
