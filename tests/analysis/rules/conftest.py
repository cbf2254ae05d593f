"""Helpers for the rule tests: lint through the real engine and collect rule ids."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from blameless.analysis.context import LintConfig
from blameless.analysis.finding import Finding, Level
from blameless.api import lint_text


def _blame(text: str, config: LintConfig | None = None) -> set[str]:
    return {
        f.rule
        for f in lint_text(text, path="sentence.txt", config=config)
        if f.rule.startswith("BL") and f.severity is not Level.INFO
    }


def _item(text: str) -> list[Finding]:
    return lint_text(f"## Action items\n\n- [ ] {text}\n", path="item.md")


@pytest.fixture
def blame() -> Callable[..., set[str]]:
    """BL rule ids (warning or error) that fire on one sentence."""
    return _blame


@pytest.fixture
def item_rules() -> Callable[[str], set[str]]:
    """Rule ids that fire on one action item under an `## Action items` heading."""
    return lambda text: {f.rule for f in _item(text)}
