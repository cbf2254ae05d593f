"""ST001-ST005: the write-up answers the three questions and has a timeline and impact.

The section rules run only on Markdown documents that look like postmortems.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Literal

from blameless.analysis.context import Context
from blameless.analysis.rule import Hit, Rule
from blameless.analysis.rules._document import anchor, find_heading, looks_like_postmortem
from blameless.analysis.units import Document

WHAT_HAPPENED = (
    "what happened", "summary", "overview", "description", "narrative", "incident details",
    "details", "background", "synopsis",
)  # fmt: skip
WHY = (
    "why it happened", "why", "root cause", "root causes", "cause", "causes", "contributing",
    "analysis", "what went wrong", "causal",
)  # fmt: skip
PREVENT = (
    "how we prevent it", "prevent", "prevention", "action items", "actions", "follow ups",
    "follow up", "followups", "remediation", "remediations", "corrective", "next steps",
)  # fmt: skip
TIMELINE = ("timeline", "chronology", "sequence of events")
IMPACT = ("impact", "customer impact", "user impact", "blast radius")


class _MissingSection(Rule):
    """Shared check: a postmortem without a heading from `synonyms`.

    `config_headings` names the `LintConfig` list whose headings count too, and
    `front_matter_key` a front-matter key that answers the question without a section.
    """

    synonyms: tuple[str, ...] = ()
    config_headings: ClassVar[Literal["action_headings", "timeline_headings"] | None] = None
    front_matter_key: ClassVar[str | None] = None
    applies_to = frozenset()

    def check_document(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        """One finding at the title when no heading matches."""
        if not looks_like_postmortem(doc) or self._present(doc, ctx):
            return
        start, end = anchor(doc)
        yield Hit(start, end)

    def _present(self, doc: Document, ctx: Context) -> bool:
        if self.front_matter_key is not None and doc.front_matter.get(self.front_matter_key):
            return True
        synonyms = self.synonyms
        if self.config_headings is not None:
            extra = getattr(ctx.config, self.config_headings)
            synonyms += tuple(h.lower() for h in extra)
        return find_heading(doc, synonyms) is not None


class MissingWhatHappened(_MissingSection):
    """The postmortem does not say what happened.

    Why:
        Readers who were not there need the story first: what users saw, what the responders
        saw, and how it ended. A "What happened" or "Summary" section answers the first of the
        three questions of a postmortem.

    Bad:
        ```
        # [Checkout outage]

        ## Why it happened

        The cleanup script accepted any namespace.
        ```

    Good:
        ```
        # Checkout outage

        ## Summary

        Checkout was down for 42 minutes.
        ```
    """

    id = "ST001"
    name = "missing-what-happened"
    message = "The postmortem has no section saying what happened."
    suggestion = "Add a 'What happened' (or 'Summary') section: what users and responders saw."
    synonyms = WHAT_HAPPENED


class MissingWhy(_MissingSection):
    """The postmortem does not say why it happened.

    Why:
        The point of a postmortem is to learn what made the incident possible. A "Why it
        happened" or "Contributing factors" section answers the second of the three questions.

    Bad:
        ```
        # [Checkout outage]

        ## What happened

        Checkout was down for 42 minutes.
        ```

    Good:
        ```
        # Checkout outage

        ## Contributing factors

        - **Tooling/automation**: The cleanup script accepted any namespace.
        ```
    """

    id = "ST002"
    name = "missing-why"
    message = "The postmortem has no section explaining why it happened."
    suggestion = "Add a 'Why it happened' section: which conditions made the incident possible?"
    synonyms = WHY


class MissingPrevention(_MissingSection):
    """The postmortem does not say how we prevent it.

    Why:
        Without follow-up actions the same conditions stay in place. A "How we prevent it" or
        "Action items" section answers the third of the three questions.

    Bad:
        ```
        # [Checkout outage]

        ## What happened

        Checkout was down for 42 minutes.
        ```

    Good:
        ```
        # Checkout outage

        ## Action items

        - [ ] Make the cleanup script refuse production namespaces. [owner: @sam]
        ```
    """

    id = "ST003"
    name = "missing-prevention"
    message = "The postmortem has no section on how we prevent it."
    suggestion = "Add a 'How we prevent it' section with actions that change systems or processes."
    synonyms = PREVENT
    config_headings = "action_headings"


class MissingTimeline(_MissingSection):
    """The postmortem has no timeline.

    Why:
        A sourced timeline is the shared memory of the incident: it shows what people knew at
        each moment, and where detection and response were slow.

    Bad:
        ```
        # [Checkout outage]

        ## Summary

        Checkout was down for 42 minutes.
        ```

    Good:
        ```
        # Checkout outage

        ## Timeline

        - 2026-03-04 14:01 UTC — HighErrorRate alert fired for checkout.
        ```
    """

    id = "ST004"
    name = "missing-timeline"
    message = "The postmortem has no timeline."
    suggestion = "Add a 'Timeline' section (`blameless timeline` can import one from your tools)."
    synonyms = TIMELINE
    config_headings = "timeline_headings"


class MissingImpact(_MissingSection):
    """The postmortem does not state its impact.

    Why:
        Impact tells readers how much this mattered (who was affected, for how long, what was
        lost) and lets the team prioritise the follow-ups. Either an "Impact" section or the
        `impact` front-matter key is enough.

    Bad:
        ```
        # [Checkout outage]

        ## Summary

        Checkout was down.
        ```

    Good:
        ```
        # Checkout outage

        ## Impact

        All EU customers could not pay for 42 minutes.
        ```
    """

    id = "ST005"
    name = "missing-impact"
    message = "The postmortem does not state its impact."
    suggestion = "Add an 'Impact' section or an `impact:` line in the front matter."
    synonyms = IMPACT
    front_matter_key = "impact"
