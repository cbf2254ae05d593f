from __future__ import annotations

from blameless.analysis.context import LintConfig
from blameless.analysis.finding import Level
from blameless.api import lint_text


def _names(text: str, config: LintConfig | None = None) -> list[str]:
    return [f.text for f in lint_text(text, path="s.txt", config=config) if f.rule == "NM001"]


def test_names_are_information_only() -> None:
    findings = [f for f in lint_text("14:02 Oluwaseun restarted the pods.", path="s.txt")]
    assert [(f.rule, f.severity) for f in findings] == [("NM001", Level.INFO)]


def test_full_names_handles_and_systems() -> None:
    assert _names("Beatriz Costa paged @kenji while Jenkins retried the build.") == [
        "Beatriz Costa",
        "@kenji",
    ]
    assert _names("The @deploy-bot tagged the release.") == []
    config = LintConfig(people={"@kenji": "database on-call"})
    assert _names("Beatriz paged @kenji.", config) == ["Beatriz", "@kenji"]


def test_roster_gives_a_fix_with_the_role() -> None:
    config = LintConfig(people={"Priya Natarajan": "incident commander"})
    text = "Priya restarted the pods. Then Priya Natarajan called the vendor."
    fixes = [f.fix for f in lint_text(text, path="s.txt", config=config) if f.rule == "NM001"]
    assert [fix.replacement if fix else None for fix in fixes] == [
        "The incident commander",
        "the incident commander",
    ]
    first = fixes[0]
    assert first is not None and text[first.start : first.end] == "Priya"


def test_possessive_is_kept_outside_the_span() -> None:
    assert _names("Ngozi's rollback finished at 10:02.") == ["Ngozi"]
