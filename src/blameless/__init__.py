"""blameless: blameless postmortems as code.

The public API is imported lazily, so that `import blameless` (and the CLI) start fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from blameless.analysis.finding import Finding, Level
    from blameless.api import lint_file, lint_text
    from blameless.markdown import parse_postmortem, read_postmortem, render_postmortem

__all__ = [
    "Finding",
    "Level",
    "lint_file",
    "lint_text",
    "parse_postmortem",
    "read_postmortem",
    "render_postmortem",
]

_HOMES = {
    "Finding": "blameless.analysis.finding",
    "Level": "blameless.analysis.finding",
    "lint_file": "blameless.api",
    "lint_text": "blameless.api",
    "parse_postmortem": "blameless.markdown",
    "read_postmortem": "blameless.markdown",
    "render_postmortem": "blameless.markdown",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'blameless' has no attribute {name!r}")
