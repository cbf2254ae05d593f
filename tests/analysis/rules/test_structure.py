from __future__ import annotations

from blameless.api import lint_text

COMPLETE = """---
id: INC-7
title: Queue stalled
started: 2026-02-01T10:00:00Z
detected: 2026-02-01T10:05:00Z
resolved: 2026-02-01T11:00:00Z
---

# Queue stalled

## Overview

Orders queued for an hour.

## Customer impact

Orders were delayed by up to 60 minutes.

## Timeline

- 2026-02-01 10:00 UTC — Consumer deploy started.
- 2026-02-01 10:05 UTC — Lag alert fired.

## Root cause and contributing factors

The consumer lost its partition assignment.

## Follow-ups

- [ ] Alert on consumer group rebalances longer than 60 s. [owner: @ana] [due: 2026-03-01]
"""


def _st(text: str, path: str = "pm.md") -> list[str]:
    return sorted(f.rule for f in lint_text(text, path=path) if f.rule.startswith("ST"))


def test_complete_postmortem_with_heading_synonyms_is_clean() -> None:
    assert _st(COMPLETE) == []


def test_missing_sections_are_reported_at_the_title() -> None:
    text = "# Queue stalled\n\n## Summary\n\nOrders queued for an hour.\n"
    findings = [f for f in lint_text(text, path="pm.md") if f.rule.startswith("ST")]
    assert sorted(f.rule for f in findings) == ["ST002", "ST003", "ST004", "ST005"]
    assert {f.text for f in findings} == {"Queue stalled"}


def test_impact_in_front_matter_is_enough() -> None:
    text = COMPLETE.replace("## Customer impact", "## Notes").replace(
        "title: Queue stalled", "title: Queue stalled\nimpact: Orders delayed"
    )
    assert "ST005" not in _st(text)


def test_plain_text_and_readmes_are_not_postmortems() -> None:
    assert _st("The queue stalled for an hour.", path="note.txt") == []
    assert _st("# Tools\n\n## Installing\n\nRun pip install.\n") == []


def test_timeline_going_back_in_time() -> None:
    text = COMPLETE.replace("2026-02-01 10:05 UTC — Lag", "2026-02-01 09:55 UTC — Lag")
    [finding] = [f for f in lint_text(text, path="pm.md") if f.rule == "ST006"]
    assert finding.text == "2026-02-01 09:55"


def test_time_only_timeline_may_pass_midnight() -> None:
    text = COMPLETE.replace("2026-02-01 10:00 UTC", "23:58").replace(
        "2026-02-01 10:05 UTC", "00:03"
    )
    assert "ST006" not in _st(text)


def test_milestones_out_of_order() -> None:
    text = COMPLETE.replace("detected: 2026-02-01T10:05:00Z", "detected: 2026-02-01T09:05:00Z")
    [finding] = [f for f in lint_text(text, path="pm.md") if f.rule == "ST007"]
    assert finding.text == "detected: 2026-02-01T09:05:00Z"
    assert "before 'started'" in finding.message
