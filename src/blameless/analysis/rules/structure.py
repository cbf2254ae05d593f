"""ST001-ST007: the write-up answers the three questions, has a timeline and impact, and its
times are consistent. Only for Markdown documents that look like postmortems."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime

from blameless.analysis.context import Context
from blameless.analysis.rule import Hit, Rule
from blameless.analysis.rules._document import anchor, find_heading, looks_like_postmortem
from blameless.analysis.units import Document, UnitKind

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

MILESTONES = ("started", "detected", "acknowledged", "mitigated", "resolved")


class _MissingSection(Rule):
    """Shared check: a postmortem without a heading from `synonyms`."""

    synonyms: tuple[str, ...] = ()
    applies_to = frozenset()

    def check_document(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        """One finding at the title when no heading matches."""
        if not looks_like_postmortem(doc) or self._present(doc, ctx):
            return
        start, end = anchor(doc)
        yield Hit(start, end)

    def _present(self, doc: Document, ctx: Context) -> bool:
        return find_heading(doc, self.synonyms) is not None


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

    def _present(self, doc: Document, ctx: Context) -> bool:
        extra = tuple(h.lower() for h in ctx.config.action_headings)
        return find_heading(doc, PREVENT + extra) is not None


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

    def _present(self, doc: Document, ctx: Context) -> bool:
        extra = tuple(h.lower() for h in ctx.config.timeline_headings)
        return find_heading(doc, TIMELINE + extra) is not None


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

    def _present(self, doc: Document, ctx: Context) -> bool:
        return bool(doc.front_matter.get("impact")) or find_heading(doc, IMPACT) is not None


_STAMP = re.compile(
    r"^\W*(?:(\d{4}-\d{2}-\d{2})[ T])?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\b)?"
)
_DAY = 24 * 60 * 60


class TimelineOrder(Rule):
    """A timeline entry is earlier than the entry before it.

    Why:
        A timeline out of order usually hides a typo in a time stamp or a time zone mix-up, and
        it misleads readers about what was known when. Keep entries in time order, in one zone.

    Bad:
        ```
        ## Timeline

        - 2026-03-04 14:05 UTC — Alert fired.
        - [2026-03-04 14:01] UTC — Deploy started.
        ```

    Good:
        ```
        ## Timeline

        - 23:58 — Deploy started.
        - 00:04 — Alert fired.
        ```
    """

    id = "ST006"
    name = "timeline-out-of-order"
    message = "This timeline entry is earlier than the entry before it."
    suggestion = "Check the time stamp and its time zone, or move the entry to its place."
    applies_to = frozenset()

    def check_document(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        """Consecutive timeline stamps that go back in time (time-only stamps may pass midnight)."""
        previous: tuple[str | None, int] | None = None
        for unit in doc.units:
            if unit.kind is not UnitKind.TIMELINE_ENTRY:
                continue
            match = _STAMP.match(unit.text)
            if match is None:
                continue
            day, hours, minutes, seconds, meridiem = match.groups()
            hour = int(hours) % 12 + (12 if meridiem and meridiem.lower() == "p" else 0)
            if not meridiem:
                hour = int(hours)
            moment = hour * 3600 + int(minutes) * 60 + int(seconds or 0)
            if previous is not None and _went_back(previous, (day, moment)):
                start = unit.start + match.start(1 if day else 2)
                yield Hit(start, unit.start + match.end())
            previous = (day, moment)


def _went_back(before: tuple[str | None, int], after: tuple[str | None, int]) -> bool:
    (day_a, time_a), (day_b, time_b) = before, after
    if day_a and day_b:
        return (day_b, time_b) < (day_a, time_a)
    if day_a or day_b:
        return False  # one stamp has a date and the other not: nothing to compare safely
    return time_b < time_a and time_a - time_b < _DAY // 2  # a bigger jump is past midnight


class MilestoneOrder(Rule):
    """The front-matter milestones are out of order.

    Why:
        An incident is started, then detected, acknowledged, mitigated and resolved. Times in
        another order are a typo or a time-zone slip, and they break the durations (time to
        detect, time to mitigate) that reports compute.

    Bad:
        ```
        ---
        id: INC-1
        title: Checkout outage
        started: 2026-03-04T14:00:00Z
        [detected: 2026-03-04T13:50:00Z]
        ---
        ```

    Good:
        ```
        ---
        id: INC-1
        title: Checkout outage
        started: 2026-03-04T14:00:00Z
        detected: 2026-03-04T14:03:00Z
        resolved: 2026-03-04T15:10:00Z
        ---
        ```
    """

    id = "ST007"
    name = "milestones-out-of-order"
    message = "This milestone is earlier than the one before it."
    suggestion = "Milestones go started <= detected <= acknowledged <= mitigated <= resolved."
    applies_to = frozenset()

    def check_document(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        """Each present milestone must not precede the previous present one."""
        last: tuple[str, datetime] | None = None
        for key in MILESTONES:
            moment = _moment(doc.front_matter.get(key))
            if moment is None:
                continue
            if last is not None and moment < last[1]:
                span = _front_matter_line(doc, key)
                if span is not None:
                    message = f"'{key}' ({moment:%Y-%m-%d %H:%M}) is before '{last[0]}'."
                    yield Hit(span[0], span[1], message=message)
            last = (key, moment)


def _moment(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def _front_matter_line(doc: Document, key: str) -> tuple[int, int] | None:
    match = re.search(rf"^{key}\s*:.*$", doc.text, re.MULTILINE)
    if match is None:
        return None
    return match.start(), len(match.group().rstrip()) + match.start()
