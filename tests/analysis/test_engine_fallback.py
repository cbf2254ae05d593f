"""Fallback rules (the model stage) and duplicate hits, through the real engine loop."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from blameless.analysis.context import Context, LintConfig
from blameless.analysis.engine import lint_document
from blameless.analysis.rule import Hit, Rule
from blameless.analysis.segment import segment_markdown
from blameless.analysis.units import Unit


class Culprit(Rule):
    id: ClassVar[str] = "BL901"
    name: ClassVar[str] = "test-culprit"
    message: ClassVar[str] = "Culprit."

    def check(self, unit: Unit, ctx: Context) -> Iterator[Hit]:
        for match in re.finditer(r"culprit", unit.lower):
            yield Hit(match.start(), match.end())
            yield Hit(match.start(), match.end())  # a second pattern finding the same span


class Tone(Rule):
    id: ClassVar[str] = "BL902"
    name: ClassVar[str] = "test-tone"
    message: ClassVar[str] = "Tone."
    fallback_for: ClassVar[str | None] = "BL"

    def check(self, unit: Unit, ctx: Context) -> Iterator[Hit]:
        if "sam" in unit.lower:
            yield Hit(0, 3)


def run(text: str) -> list[tuple[str, str]]:
    config = LintConfig()
    doc = segment_markdown(text, config)
    findings = lint_document(doc, [Culprit(), Tone()], Context(config=config))
    return [(f.rule, f.text) for f in findings]


def test_a_fallback_rule_is_silent_where_its_family_already_found_something() -> None:
    assert run("Sam is the culprit.") == [("BL901", "culprit")]


def test_a_fallback_rule_speaks_where_its_family_found_nothing() -> None:
    assert run("Sam broke it again, as usual.") == [("BL902", "Sam")]


def test_the_same_span_of_one_rule_is_reported_once() -> None:
    assert run("The culprit was a leaked descriptor.") == [("BL901", "culprit")]


def test_model_stage_rules_are_fallbacks_of_their_families() -> None:
    from blameless.analysis.rules.model_stage import BlameTone, PersonFocusedItem

    assert (BlameTone.fallback_for, PersonFocusedItem.fallback_for) == ("BL", "AC0")
