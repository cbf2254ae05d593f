"""Put timeline items into the text of a postmortem file, leaving every other byte as it was.

`timeline write` must not re-render the file: the front matter keeps the keys `blameless new`
leaves empty on purpose (`started:` …), its comments and its layout, and the prose keeps its
exact bytes. Only the item lines of the Timeline section are replaced — after
`unstored_events` has found none of them that replacing would lose.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from blameless.markdown.blocks import (
    LineKind,
    classify,
    content,
    heading_text,
    is_list_item,
    split_lines,
)
from blameless.markdown.frontmatter import split_front_matter
from blameless.markdown.items import render_event
from blameless.markdown.parse import structured_kind
from blameless.model import TimelineEvent
from blameless.timeline.registry import one_line

_BOM = "\ufeff"
NEW_SECTION = ("## Timeline", "", "All times UTC.", "")
"""The section added to a file that has none, before its items."""


def splice_timeline(text: str, items: Sequence[str]) -> str:
    """`text` with the items of its Timeline section replaced by `items` (lines, no endings).

    Blank lines between the old items go with them; the text before the first item and after
    the last one stays. A section without items gets them after its last line of text, a file
    without a Timeline section gets one at its end. New lines use the file's line ending.
    `text` must be a well-formed postmortem (`blameless.markdown.parse_postmortem`).
    """
    bom = _BOM if text.startswith(_BOM) else ""
    lines = split_lines(text.removeprefix(bom))
    eol = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    new = [item + eol for item in items]
    body = split_front_matter(lines) + 1
    kinds = classify(lines[body:])
    headings = [body + i for i, kind in enumerate(kinds) if kind is LineKind.H2]
    ends = [*headings[1:], len(lines)]
    for start, end in zip(headings, ends, strict=True):
        if structured_kind(heading_text(lines[start])) != "timeline":
            continue
        found = [
            i
            for i in range(start + 1, end)
            if kinds[i - body] is LineKind.TEXT and is_list_item(content(lines[i]))
        ]
        if found:
            lines[found[0] : found[-1] + 1] = new
        else:
            if not lines[start].endswith("\n"):
                lines[start] += eol
            section = lines[start + 1 : end]
            lines[start + 1 : end] = _appended(section, new, eol, followed=end < len(lines))
        return bom + "".join(lines)
    tail = [line + eol for line in NEW_SECTION] + new
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += eol
    if lines and content(lines[-1]).strip():
        tail.insert(0, eol)
    return bom + "".join(lines + tail)


def unstored_events(
    listed: Iterable[TimelineEvent], stored: Iterable[TimelineEvent], written: Iterable[str]
) -> list[TimelineEvent]:
    """The events a file lists that neither the store nor the new items keep.

    An event is kept when its item line is among the `written` lines, or when an event with the
    same time, actor, text and tags is stored (with the same milestone, if the file marks one).
    So a line added in the file, an edited text or a new `[milestone: …]` marker is reported,
    while the markers that `timeline write` itself added are not.
    """
    lines = set(written)
    kept: dict[str, set[object]] = {}
    for event in stored:
        kept.setdefault(item_line(event, with_milestone=False), set()).add(event.milestone)
    lost = []
    for event in listed:
        if item_line(event) in lines:
            continue
        milestones = kept.get(item_line(event, with_milestone=False))
        if milestones is None or (
            event.milestone is not None and event.milestone not in milestones
        ):
            lost.append(event)
    return lost


def item_line(event: TimelineEvent, *, with_milestone: bool = True) -> str:
    """The canonical item line of an event, on one line (optionally without its milestone)."""
    milestone = event.milestone if with_milestone else None
    return render_event(replace(event, text=one_line(event.text), milestone=milestone))


def _appended(section: list[str], new: list[str], eol: str, *, followed: bool) -> list[str]:
    """A section's lines (after its heading) with `new` after its last line of text.

    A blank line goes before the items, and after them when another heading follows at once.
    """
    last = max((i for i, line in enumerate(section) if content(line).strip()), default=-1)
    head, rest = section[: last + 1], section[last + 1 :]
    if head and not head[-1].endswith("\n"):
        head[-1] += eol
    after = [eol] if followed and not rest else []
    return [*head, eol, *new, *after, *rest]
