"""The rule interface. A rule is a small class: id, name, message, severity, docs and a check.

Sentence and item rules implement `check(unit, ctx)` and yield `Hit`s with offsets *relative to
the unit's text*; document rules implement `check_document(doc, ctx)` with absolute offsets.
The class docstring is the rule's documentation (`blameless rule ID`, docs/rules/). It must have
the sections `Why`, `Bad`, `Good` (and may have `Known false positives`). In `Bad` examples the
expected span is marked with square brackets: `The outage happened because [Ramesh pushed] it.`
Every example runs as a test with exact spans (the format is in `blameless.analysis.docs`).

A `Fix` in a `Hit` uses the same offsets as the hit: relative to `unit.text` from `check`,
absolute from `check_document`; the engine makes them absolute on the `Finding`.
A rule with `default_enabled = False` runs only when `select`ed by id or prefix.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from blameless.analysis.finding import Fix, Level
from blameless.analysis.units import Document, Unit, UnitKind

if TYPE_CHECKING:
    from blameless.analysis.context import Context


@dataclass(frozen=True)
class Hit:
    """A match of a rule: a span, and optionally a message/suggestion specific to it."""

    start: int
    end: int
    suggestion: str | None = None
    message: str | None = None
    fix: Fix | None = None


class Rule:
    """Base class for all rules. Subclasses set the class attributes and one check method."""

    id: ClassVar[str]
    name: ClassVar[str]
    message: ClassVar[str]
    suggestion: ClassVar[str] = ""
    severity: ClassVar[Level] = Level.WARNING
    applies_to: ClassVar[frozenset[UnitKind]] = frozenset({UnitKind.SENTENCE})
    default_enabled: ClassVar[bool] = True
    fallback_for: ClassVar[str | None] = None
    """An id prefix ("BL"): run on a unit only when no other rule of that family hit it."""

    def check(self, unit: Unit, ctx: Context) -> Iterator[Hit]:
        """Hits inside one unit (offsets relative to `unit.text`)."""
        return iter(())

    def check_document(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        """Hits over the whole document (absolute offsets)."""
        return iter(())
