"""What the linter reports: a finding with a rule, a span, a message and a suggestion."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    """Severity of a finding. Ordered: error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True)
class Fix:
    """A safe, mechanical replacement of the document's characters [start, end)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Finding:
    """One problem at one place. Lines and columns are 1-based; end_column is exclusive."""

    rule: str
    name: str
    severity: Level
    path: str | None
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    message: str
    suggestion: str
    start: int = 0
    end: int = 0
    fix: Fix | None = None

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of a finding (documented in docs/lint.md)."""
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity.value,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
        }
