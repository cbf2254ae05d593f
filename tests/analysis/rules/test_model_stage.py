"""BL008 and AC008: the statistical stage flags only with a person (BL008), at its threshold,
and stays silent on clean whole postmortems."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from blameless.analysis.context import LintConfig
from blameless.api import lint_text

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "corpus"
EXAMPLES = ROOT / "examples"


def test_bl008_is_on_by_default() -> None:
    findings = lint_text("Typical Benedikt: he took the shortcut again.", path="s.txt")
    assert any(f.rule == "BL008" for f in findings)


def test_bl008_can_be_switched_off() -> None:
    findings = lint_text(
        "Typical Benedikt: he took the shortcut again.",
        path="s.txt",
        config=LintConfig(ignore=["BL008"]),
    )
    assert all(f.rule != "BL008" for f in findings)


def test_bl008_needs_a_person() -> None:
    findings = lint_text("Typical cron job: it took the shortcut again.", path="s.txt")
    assert all(f.rule != "BL008" for f in findings)


def test_bl008_span_prefers_a_name_over_a_pronoun() -> None:
    findings = lint_text("Typical Benedikt: he took the shortcut again.", path="s.txt")
    spans = [f.text for f in findings if f.rule == "BL008"]
    assert spans == ["Benedikt"]


def test_bl008_leaves_a_neutral_timeline_line_alone(blame: Callable[..., set[str]]) -> None:
    text = "Odile deployed the release at 16:40, as the calendar allowed."
    assert "BL008" not in blame(text)


def test_bl008_leaves_thanks_and_a_person_s_finding_alone(
    blame: Callable[..., set[str]],
) -> None:
    assert "BL008" not in blame("Thanks to Leopold for forwarding the reports to the channel.")
    assert "BL008" not in blame("Zainab's look at the heap dump found the leaking cache.")


def test_bl008_is_silent_on_the_clean_corpus_and_examples() -> None:
    paths = sorted(CORPUS.glob("*-*.md")) + sorted(EXAMPLES.glob("INC-*.md"))
    assert paths
    for path in paths:
        findings = lint_text(path.read_text(encoding="utf-8"), path=str(path))
        assert [f.line for f in findings if f.rule in ("BL008", "AC008")] == [], path


def test_ac008_flags_an_unlisted_person_focused_wording(
    item_rules: Callable[[str], set[str]],
) -> None:
    assert "AC008" in item_rules("Have a word with the release team about Friday deploys")
    assert "AC008" not in item_rules("Run every deploy through a canary with automatic rollback")
