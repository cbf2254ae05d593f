"""Splicing timeline items into a postmortem's text: only the items change, byte for byte."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from blameless.markdown import default_template, parse_postmortem
from blameless.model import Milestone, TimelineEvent
from blameless.timeline.splice import item_line, splice_timeline, unstored_events

ITEMS = [
    "- 2026-03-04 14:01 UTC — Alert fired. [source: alertmanager] [id: a1]",
    "- 2026-03-04 14:03 UTC — **Priya**: Acknowledged. [source: pagerduty] [id: p1]",
]
HEAD = "---\nid: INC-1\ntitle: T\nstarted:   # fill in\ndetected:\n---\n\n# T\n\n"


def test_new_file_keeps_its_front_matter_and_comments() -> None:
    text = default_template(incident_id="INC-1", title="Billing down")
    written = splice_timeline(text, ITEMS)
    anchor = "Milestones: started, detected, acknowledged, mitigated, resolved. -->\n"
    before, after = text.split(anchor)
    assert written == before + anchor + "\n" + "\n".join(ITEMS) + "\n" + after
    assert "\nstarted:\ndetected:\n" in written  # the empty keys of `blameless new`
    assert [e.text for e in parse_postmortem(written).timeline] == ["Alert fired.", "Acknowledged."]


def test_items_are_replaced_and_the_text_around_them_kept() -> None:
    text = (
        HEAD + "## Timeline\n\nAll times UTC.\n\n- 2026-03-04 13:00 UTC — old\n\n"
        "- 2026-03-04 13:05 UTC — older  \n\nSee the  *log*.\n\n## Impact\n\nNone.\n"
    )
    written = splice_timeline(text, ITEMS)
    assert written == (
        HEAD + "## Timeline\n\nAll times UTC.\n\n" + "\n".join(ITEMS) + "\n"
        "\nSee the  *log*.\n\n## Impact\n\nNone.\n"
    )


def test_crlf_and_byte_order_mark_are_kept() -> None:
    text = "\ufeff" + (HEAD + "## Timeline\n\n- 2026-03-04 13:00 UTC — old\n").replace("\n", "\r\n")
    written = splice_timeline(text, ITEMS)
    assert written.startswith("\ufeff---\r\n")
    assert "\n" not in written.replace("\r\n", "")
    assert len(parse_postmortem(written).timeline) == 2


def test_section_without_items_and_file_without_section() -> None:
    text = HEAD + "## Timeline\nAll times UTC.\n## Impact\n\nNone."
    assert splice_timeline(text, ITEMS[:1]) == (
        HEAD + "## Timeline\nAll times UTC.\n\n" + ITEMS[0] + "\n\n## Impact\n\nNone."
    )
    text = HEAD + "## Impact\n\nNone."
    assert splice_timeline(text, ITEMS[:1]) == (
        HEAD + "## Impact\n\nNone.\n\n## Timeline\n\nAll times UTC.\n\n" + ITEMS[0] + "\n"
    )


def test_list_lines_in_code_and_comments_are_not_items() -> None:
    text = (
        HEAD + "## Timeline\n\n```\n- 2026-03-04 13:00 UTC — in a fence\n```\n\n"
        "<!--\n- 2026-03-04 13:00 UTC — in a comment\n-->\n"
    )
    written = splice_timeline(text, ITEMS[:1])
    assert written == text + "\n" + ITEMS[0] + "\n"


def test_unstored_events() -> None:
    t0 = datetime(2026, 3, 4, 14, 1, tzinfo=UTC)
    alert = TimelineEvent(t0, "Alert\nfired.", source="alertmanager", source_id="a1")
    page = TimelineEvent(t0, "Paged.", actor="Priya", source="pagerduty", source_id="p1")
    stored = [alert, replace(page, milestone=Milestone.ACKNOWLEDGED)]
    as_listed = [replace(alert, text="Alert fired."), page]  # the file keeps texts on one line
    assert unstored_events(as_listed, stored, []) == []
    added = TimelineEvent(t0, "Called the DB team.")
    edited = replace(page, text="Paged (edited).")
    assert unstored_events([*as_listed, added, edited], stored, []) == [added, edited]
    # A new marker is a change too, unless it is one that the new items carry.
    marked = replace(as_listed[0], milestone=Milestone.DETECTED)
    assert unstored_events([marked], stored, []) == [marked]
    assert unstored_events([marked], stored, [item_line(marked)]) == []
