"""ST010: a section the postmortem needs is there, but nothing has been written in it yet."""

from __future__ import annotations

from collections.abc import Iterator

from blameless.analysis.context import Context
from blameless.analysis.rule import Hit, Rule
from blameless.analysis.rules._document import heading_level, looks_like_postmortem, normalise
from blameless.analysis.rules.structure_sections import (
    IMPACT,
    PREVENT,
    TIMELINE,
    WHAT_HAPPENED,
    WHY,
)
from blameless.analysis.units import Document, Unit, UnitKind

_REQUIRED = WHAT_HAPPENED + WHY + PREVENT + TIMELINE + IMPACT


class EmptySection(Rule):
    """A section that answers one of the postmortem's questions is still empty.

    Why:
        A heading with nothing under it (or only the template's guiding comments) reads as
        answered in a table of contents but tells the reader nothing. This catches drafts
        that are about to be sent for review with a question left open.

    Bad:
        ```
        # Checkout outage

        ## Summary

        Checkout was down for 42 minutes.

        ## [Why it happened]

        <!-- Ask "why was it possible?" -->
        ```

    Good:
        ```
        # Checkout outage

        ## Summary

        Checkout was down for 42 minutes.

        ## Why it happened

        The cleanup script accepted any namespace.
        ```
    """

    id = "ST010"
    name = "empty-section"
    message = "This section is still empty."
    suggestion = "Write this section before review, or remove the heading if it does not apply."
    applies_to = frozenset()

    def check_document(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        """One finding at each required heading whose section has no prose, item or entry."""
        if not looks_like_postmortem(doc):
            return
        timeline_extra = tuple(h.lower() for h in ctx.config.timeline_headings)
        extra = tuple(h.lower() for h in ctx.config.action_headings) + timeline_extra
        for index, heading in enumerate(doc.headings):
            title = f" {normalise(heading.text)} "
            if not any(f" {name} " in title for name in _REQUIRED + extra):
                continue
            if self._impact_in_front_matter(doc, heading):
                continue
            end = _section_end(doc, index)
            # A timeline needs entries: "All times UTC." alone is not a timeline.
            timeline = any(f" {name} " in title for name in TIMELINE + timeline_extra)
            content = [u for u in doc.units if heading.end <= u.start < end]
            if timeline:
                content = [u for u in content if u.kind is UnitKind.TIMELINE_ENTRY]
            if not content:
                yield Hit(
                    heading.start,
                    heading.end,
                    message=f"The '{heading.text.strip()}' section is still empty.",
                )

    @staticmethod
    def _impact_in_front_matter(doc: Document, heading: Unit) -> bool:
        title = f" {normalise(heading.text)} "
        is_impact = any(f" {name} " in title for name in IMPACT)
        return is_impact and bool(doc.front_matter.get("impact"))


def _section_end(doc: Document, index: int) -> int:
    """Where the section of `doc.headings[index]` ends: the next heading at its level or above."""
    level = heading_level(doc, doc.headings[index])
    for later in doc.headings[index + 1 :]:
        if heading_level(doc, later) <= level:
            return later.start
    return len(doc.text)
