from __future__ import annotations

from blameless.analysis.context import LintConfig
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
    assert finding.message == (
        "Detected (2026-02-01 09:05:00 UTC) is before started (2026-02-01 10:00:00 UTC)."
    )


def _findings(text: str, rule: str) -> list[tuple[int, str, str]]:
    return [(f.line, f.text, f.message) for f in lint_text(text, path="pm.md") if f.rule == rule]


def test_a_timeline_marker_before_an_earlier_milestone_points_at_the_entry() -> None:
    text = COMPLETE.replace(
        "- 2026-02-01 10:05 UTC — Lag alert fired.",
        "- 2026-02-01 10:05 UTC — Lag alert fired.\n"
        "- 2026-02-01 10:04 UTC — Queue drained. [milestone: mitigated]",
    )
    assert _findings(text, "ST007") == [
        (
            23,
            "2026-02-01 10:04",
            "Mitigated (2026-02-01 10:04:00 UTC) is before detected (2026-02-01 10:05:00 UTC).",
        )
    ]
    assert [line for line, _, _ in _findings(text, "ST006")] == [23]


def test_resolved_before_detected_in_the_front_matter_points_at_the_key() -> None:
    text = COMPLETE.replace("resolved: 2026-02-01T11:00:00Z", "resolved: 2026-02-01T10:01:00Z")
    [(line, matched, message)] = _findings(text, "ST007")
    assert (line, matched) == (6, "resolved: 2026-02-01T10:01:00Z")
    assert message.startswith("Resolved (2026-02-01 10:01:00 UTC) is before detected")


def test_markers_that_disagree_with_the_front_matter_or_repeat() -> None:
    text = COMPLETE.replace(
        "10:05 UTC — Lag alert fired.", "10:07 UTC — Lag alert fired. [milestone: detected]"
    )
    assert _findings(text, "ST008") == [
        (
            22,
            "2026-02-01 10:07",
            "Detected is 2026-02-01 10:05:00 UTC in the front matter but the timeline marks it "
            "at 2026-02-01 10:07:00 UTC.",
        )
    ]
    same_minute = text.replace("10:07 UTC — Lag", "10:05:40 UTC — Lag")
    assert _findings(same_minute, "ST008") == []
    twice = COMPLETE.replace("fired.", "fired. #started").replace(
        "deploy started.", "deploy started. [milestone: started]"
    )
    assert [line for line, _, _ in _findings(twice, "ST008")] == [22, 22]  # twice, and not 10:00


def test_gaps_inside_the_incident_are_information_with_a_configurable_threshold() -> None:
    text = COMPLETE.replace("2026-02-01 10:05 UTC — Lag", "2026-02-01 10:45 UTC — Lag")
    [finding] = [f for f in lint_text(text, path="pm.md") if f.rule == "ST009"]
    assert (finding.severity.value, finding.line, finding.text) == ("info", 22, "2026-02-01 10:45")
    assert finding.message == (
        "No event for 45m 00s between 2026-02-01 10:00:00 UTC and 2026-02-01 10:45:00 UTC, "
        "inside the incident."
    )
    relaxed = LintConfig(timeline_max_gap_minutes=60)
    assert not [f for f in lint_text(text, path="pm.md", config=relaxed) if f.rule == "ST009"]


def test_offsets_are_compared_in_utc_and_table_rows_are_entries() -> None:
    text = COMPLETE.replace("2026-02-01 10:05 UTC — Lag", "2026-02-01T11:05+01:00 — Lag")
    assert _st(text) == []
    table = COMPLETE.replace(
        "- 2026-02-01 10:00 UTC — Consumer deploy started.\n"
        "- 2026-02-01 10:05 UTC — Lag alert fired.\n",
        "| time | what |\n| --- | --- |\n| 10:05 | Lag alert fired. |\n"
        "| 10:00 | Consumer deploy started. |\n",
    )
    assert [(line, matched) for line, matched, _ in _findings(table, "ST006")] == [(24, "10:00")]
    assert _findings(table, "ST006")[0][2] == (
        "Event at 2026-02-01 10:00:00 UTC is listed after an event at 2026-02-01 10:05:00 UTC."
    )


def test_time_only_timelines_without_a_date_get_the_generic_message() -> None:
    text = "# Outage\n\n## Timeline\n\n- 10:05 — Alert fired.\n- 10:01 — Deploy started.\n"
    [finding] = [f for f in lint_text(text, path="pm.md") if f.rule == "ST006"]
    assert (finding.text, finding.message) == (
        "10:01",
        "This timeline entry is earlier than the entry before it.",
    )
