"""Small stand-in rules, so the engine is tested independently of the real rule set."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

import pytest

from blameless.analysis import rules as rules_package
from blameless.analysis.context import Context
from blameless.analysis.finding import Fix, Level
from blameless.analysis.rule import Hit, Rule
from blameless.analysis.units import Document, Unit, UnitKind


class FaultWord(Rule):
    """Flags the word "fault".

    Why:
        Fault points at a person.

    Bad:
        - It was [Sam's fault] that the job failed.

    Good:
        - The job failed because the retry budget was zero.
    """

    id: ClassVar[str] = "BL900"
    name: ClassVar[str] = "test-fault"
    message: ClassVar[str] = "Fault language."
    suggestion: ClassVar[str] = "Describe the conditions."
    applies_to = frozenset({UnitKind.SENTENCE, UnitKind.TIMELINE_ENTRY})
    _pattern = re.compile(r"\w+'s fault|\bfault\b")

    def check(self, unit: Unit, ctx: Context) -> Iterator[Hit]:
        for match in self._pattern.finditer(unit.lower):
            yield Hit(match.start(), match.end())


class RemindAction(Rule):
    """Flags action items that remind people.

    Why:
        Reminders fade.

    Bad:
        - [Remind] the team to check the label.

    Good:
        - Make the script check the label.
    """

    id: ClassVar[str] = "AC900"
    name: ClassVar[str] = "test-remind"
    message: ClassVar[str] = "A reminder is not a fix."
    severity: ClassVar[Level] = Level.ERROR
    applies_to = frozenset({UnitKind.ACTION_ITEM})

    def check(self, unit: Unit, ctx: Context) -> Iterator[Hit]:
        at = unit.lower.find("remind")
        if at >= 0:
            yield Hit(at, at + len("remind"))


class NamedPerson(Rule):
    """Flags rostered people by name, with their role as the fix.

    Why:
        Roles, not names.

    Bad:
        ```
        ---
        participants:
          - name: Priya
            role: the on-call engineer
        ---
        [Priya] restarted the pod.
        ```

    Good:
        - The on-call engineer restarted the pod.
    """

    id: ClassVar[str] = "NM900"
    name: ClassVar[str] = "test-named"
    message: ClassVar[str] = "A person is named."
    severity: ClassVar[Level] = Level.INFO
    applies_to = frozenset({UnitKind.SENTENCE, UnitKind.ACTION_ITEM, UnitKind.TIMELINE_ENTRY})

    def check(self, unit: Unit, ctx: Context) -> Iterator[Hit]:
        for name, role in ctx.people.items():
            for match in re.finditer(rf"\b{re.escape(name)}\b", unit.text):
                fix = Fix(match.start(), match.end(), role)
                yield Hit(match.start(), match.end(), suggestion=f"Write {role!r}.", fix=fix)


class NeedsTimeline(Rule):
    """Flags documents with headings but no Timeline heading.

    Why:
        A timeline anchors the story.

    Bad:
        ```
        # [Outage]
        ```

    Good:
        ```
        # Outage
        ## Timeline
        ```
    """

    id: ClassVar[str] = "ST900"
    name: ClassVar[str] = "test-timeline"
    message: ClassVar[str] = "No timeline."
    applies_to = frozenset()

    def check_document(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        if doc.headings and not any(h.text.lower() == "timeline" for h in doc.headings):
            yield Hit(doc.headings[0].start, doc.headings[0].end)


TEST_RULES: tuple[type[Rule], ...] = (FaultWord, RemindAction, NamedPerson, NeedsTimeline)


@pytest.fixture
def test_rules(monkeypatch: pytest.MonkeyPatch) -> tuple[type[Rule], ...]:
    """Install the stand-in rules as the registry's built-in rules."""
    monkeypatch.setattr(rules_package, "ALL_RULES", TEST_RULES, raising=False)
    return TEST_RULES
