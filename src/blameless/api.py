"""The library entry points of the linter: lint a string or a file, get findings back."""

from __future__ import annotations

from pathlib import Path

from blameless.analysis.context import LintConfig
from blameless.analysis.finding import Finding


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
    from blameless.files import read_text
    from blameless.lintconfig import load_lint_config

    file = Path(path)
    text = read_text(file)
    return lint_text(text, path=str(path), config=config or load_lint_config(file))
