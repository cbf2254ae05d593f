from hypothesis import given
from hypothesis import strategies as st

from blameless.analysis.context import LintConfig
from blameless.analysis.segment import mask, roster, segment_markdown, segment_plain
from blameless.analysis.units import UnitKind

DOC = """---
title: Outage
participants:
  - name: Priya Natarajan
    role: on-call engineer
    handle: "@priya"
---
# Outage

The deploy failed. See `kubectl get pods` and https://example.com/a.b for logs.

> Quoted words are skipped.

```
code is skipped
```

    indented code is skipped

| time | event |
| --- | --- |
| 10:00 | Alert fired. |

## Timeline

- 10:01 — Paged the on-call. [source: pagerduty]

## Action Items

- [ ] Add a label check
  to the script. [owner: @sam]
- [x] Done item.
"""


def units(text: str) -> list[tuple[UnitKind, str]]:
    doc = segment_markdown(text, LintConfig())
    for unit in doc.units:
        assert len(unit.text) == unit.end - unit.start
    return [(unit.kind, text[unit.start : unit.end]) for unit in doc.units]


def test_markdown_units_by_kind_with_exact_offsets() -> None:
    assert units(DOC) == [
        (UnitKind.SENTENCE, "The deploy failed."),
        (
            UnitKind.SENTENCE,
            "See `kubectl get pods` and https://example.com/a.b for logs.",
        ),
        (UnitKind.SENTENCE, "10:00"),
        (UnitKind.SENTENCE, "Alert fired."),
        (UnitKind.TIMELINE_ENTRY, "10:01 — Paged the on-call."),
        (UnitKind.ACTION_ITEM, "Add a label check\n  to the script."),
        (UnitKind.ACTION_ITEM, "Done item."),
    ]


def test_inline_code_urls_and_metadata_are_masked_in_unit_text() -> None:
    doc = segment_markdown(DOC, LintConfig())
    assert "kubectl" not in doc.units[1].text
    assert "example" not in doc.units[1].text
    assert doc.units[1].text.startswith("See ") and doc.units[1].text.endswith(" for logs.")
    assert "owner" not in doc.text[doc.units[5].start : doc.units[5].end]


def test_headings_have_sections_and_front_matter_gives_the_roster() -> None:
    doc = segment_markdown(DOC, LintConfig())
    assert [(h.text, h.section) for h in doc.headings] == [
        ("Outage", None),
        ("Timeline", "Timeline"),
        ("Action Items", "Action Items"),
    ]
    assert roster(doc.front_matter) == {
        "Priya Natarajan": "on-call engineer",
        "@priya": "on-call engineer",
    }


def test_configured_headings_choose_item_kinds() -> None:
    config = LintConfig(action_headings=["next steps"], timeline_headings=["what happened when"])
    text = "### Next steps:\n\n- Fix it.\n\n# What happened when\n\n* 10:00 it broke\n"
    assert units_with(text, config) == [
        (UnitKind.ACTION_ITEM, "Fix it."),
        (UnitKind.TIMELINE_ENTRY, "10:00 it broke"),
    ]


def units_with(text: str, config: LintConfig) -> list[tuple[UnitKind, str]]:
    doc = segment_markdown(text, config)
    return [(unit.kind, text[unit.start : unit.end]) for unit in doc.units]


def test_comments_in_code_are_not_collected() -> None:
    text = "<!-- a -->\n\n```\n<!-- b -->\n```\n"
    assert [c.body for c in segment_markdown(text, LintConfig()).comments] == [" a "]


def test_plain_text_paragraphs_and_lists() -> None:
    text = "First one. Second one.\n\n- item one\n- item two. Still two.\n"
    doc = segment_plain(text, LintConfig())
    assert [text[u.start : u.end] for u in doc.units] == [
        "First one.",
        "Second one.",
        "item one",
        "item two.",
        "Still two.",
    ]


@given(st.text(alphabet=st.sampled_from(list("ab `|>-#*[]()<!:\n ")), max_size=80))
def test_segmentation_never_breaks_offsets(text: str) -> None:
    masked = mask(text)
    assert len(masked) == len(text)
    doc = segment_markdown(text, LintConfig())
    for unit in [*doc.units, *doc.headings]:
        assert 0 <= unit.start < unit.end <= len(text)
        assert unit.text == masked[unit.start : unit.end]
