"""BL008 and AC008: the statistical stage flags only with a person (BL008), at its threshold."""

from __future__ import annotations

from collections.abc import Callable

from blameless.analysis.context import LintConfig
from blameless.api import lint_text

OPT_IN = LintConfig(select=["BL"])


def test_bl008_is_opt_in() -> None:
    findings = lint_text("Typical Benedikt: he took the shortcut again.", path="s.txt")
    assert all(f.rule != "BL008" for f in findings)


def test_bl008_needs_a_person() -> None:
    findings = lint_text(
        "Typical cron job: it took the shortcut again.", path="s.txt", config=OPT_IN
    )
    assert all(f.rule != "BL008" for f in findings)


def test_bl008_span_prefers_a_name_over_a_pronoun() -> None:
    findings = lint_text(
        "Typical Benedikt: he took the shortcut again.", path="s.txt", config=OPT_IN
    )
    spans = [f.text for f in findings if f.rule == "BL008"]
    assert spans == ["Benedikt"]


def test_bl008_leaves_a_neutral_timeline_line_alone(blame: Callable[..., set[str]]) -> None:
    text = "Odile deployed the release at 16:40, as the calendar allowed."
    assert "BL008" not in blame(text, OPT_IN)


def test_ac008_flags_an_unlisted_person_focused_wording(
    item_rules: Callable[[str], set[str]],
) -> None:
    assert "AC008" in item_rules("Have a word with the release team about Friday deploys")
    assert "AC008" not in item_rules("Run every deploy through a canary with automatic rollback")
