import re

from blameless.markdown import default_template, parse_postmortem
from blameless.markdown.items import CATEGORY_LABELS
from blameless.model import Severity

DEFAULT_SECTIONS = [
    "Summary",
    "Impact",
    "Timeline",
    "What happened",
    "Why it happened",
    "How we prevent it",
    "What went well",
    "Where we got lucky",
    "Lessons learned",
]


def test_template_parses_with_the_default_sections() -> None:
    text = default_template(
        incident_id="INC-2026-001", title="DB: failover", severity=Severity.SEV2
    )
    pm = parse_postmortem(text)
    assert (pm.incident.id, pm.incident.title) == ("INC-2026-001", "DB: failover")
    assert pm.incident.severity is Severity.SEV2
    assert [section.title for section in pm.sections] == DEFAULT_SECTIONS
    assert (pm.timeline, pm.factors, pm.action_items) == ([], [], [])
    assert "\n# DB: failover\n" in text


def test_guidance_is_in_comments_and_coaches_blameless_writing() -> None:
    pm = parse_postmortem(default_template(incident_id="X", title="T"))
    why = pm.section("Why it happened")
    prevent = pm.section("How we prevent it")
    assert why is not None and prevent is not None
    assert "why was it possible?" in why.body
    assert all(label in why.body for label in CATEGORY_LABELS.values())
    for word in ("automation", "guardrails", "access control", "validation", "Be more careful"):
        assert word in prevent.body
    for section in pm.sections:
        visible = re.sub(r"<!--.*?-->", "", section.body, flags=re.S)
        assert visible.strip() in ("", "All times UTC."), section.title
