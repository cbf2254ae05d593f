"""ST010: required sections that are present but still empty."""

from __future__ import annotations

from blameless.analysis.context import LintConfig
from blameless.api import lint_text
from blameless.markdown.template import default_template


def st010(text: str) -> list[str]:
    return [f.text for f in lint_text(text, config=LintConfig(select=["ST010"]))]


def test_the_new_postmortem_template_lists_every_unanswered_question() -> None:
    text = default_template(incident_id="INC-2026-001", title="Checkout down")
    assert st010(text) == [
        "Summary",
        "Impact",
        "Timeline",
        "What happened",
        "Why it happened",
        "How we prevent it",
    ]


def test_a_note_on_time_zones_is_not_a_timeline() -> None:
    text = "# Outage\n\n## Timeline\n\nAll times UTC.\n\n## Summary\n\nDown for an hour.\n"
    assert st010(text) == ["Timeline"]


def test_content_in_a_subsection_fills_the_section() -> None:
    text = (
        "# Outage\n\n## Why it happened\n\n### Contributing factors\n\n"
        "- **Testing**: The config had no schema check.\n\n## Summary\n\nDown.\n"
    )
    assert st010(text) == []


def test_impact_in_front_matter_answers_an_empty_impact_section() -> None:
    text = "---\nid: INC-1\ntitle: t\nimpact: EU checkout down 42 minutes.\n---\n# t\n\n## Impact\n"
    assert st010(text) == []


def test_plain_prose_is_not_a_postmortem() -> None:
    assert st010("## Notes\n\nNothing here.\n\n## Summary\n") == ["Summary"]
    assert st010("Just one sentence about an outage.") == []
