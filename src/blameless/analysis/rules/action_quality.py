"""AC101-AC104: action items have an owner and a due date, are specific, and include at least
one systemic change."""

from __future__ import annotations

import re
from collections.abc import Iterator

from blameless.analysis.context import Context
from blameless.analysis.finding import Level
from blameless.analysis.rule import Hit, Rule
from blameless.analysis.rules._document import item_line, looks_like_postmortem
from blameless.analysis.rules.action_checks import PERSON_FOCUSED_RULES
from blameless.analysis.units import Document, Unit, UnitKind

_OWNER = re.compile(
    r"\[owner:\s*[^\]\s]|\bowners?:\s*\S|\bDRI:\s*\S|\bassigned to\b|(?<![\w.])@[\w-]+",
    re.IGNORECASE,
)
_DUE = re.compile(
    r"\[due:\s*[^\]\s]|\bdue:?\s*\S|\b(?:by|before|until)\s+(?:\d{4}-\d{2}-\d{2}|end of|the end of"
    r"|q[1-4]\b|next (?:week|sprint|month|quarter)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct"
    r"|nov|dec)[a-z]*\b)|\[tracker:",
    re.IGNORECASE,
)
_DONE = re.compile(r"^\s*[-*+]\s+\[[xX]\]|\[status:\s*(?:done|wont-do)\]")
_VAGUE_START = re.compile(
    r"^\W*(?:improve|enhance|review|investigate|look into|consider|revisit|evaluate|explore"
    r"|think about|discuss|increase|better|strengthen|optimi[sz]e|clean up|work on|fix)\b",
    re.IGNORECASE,
)
_VAGUE_ANYWHERE = re.compile(
    r"\b(?:as needed|where possible|if possible|going forward|in general|etc\.?|and so on"
    r"|more robust|better)\b",
    re.IGNORECASE,
)
_CONCRETE = re.compile(r"\d|\b(?:so that|when|by adding|alert on|alert when|refuse|reject)\b")
_VAGUE_MAX_WORDS = 6


def _action_items(doc: Document) -> list[Unit]:
    return [u for u in doc.units if u.kind is UnitKind.ACTION_ITEM]


class MissingOwner(Rule):
    """An action item has no owner.

    Why:
        An action without an owner is a wish. Name the person or team who will drive it, with
        an `[owner: ...]` tag (or "Owner: ..." text).

    Bad:
        ```
        ## Action items

        - [ ] [Make the cleanup script refuse production namespaces.] [due: 2026-04-01]
        ```

    Good:
        ```
        ## Action items

        - [ ] Make the cleanup script refuse production namespaces. [owner: @sam]
        ```
    """

    id = "AC101"
    name = "action-without-owner"
    message = "This action item has no owner."
    suggestion = "Add an owner: `[owner: @handle]`."
    severity = Level.INFO
    applies_to = frozenset()

    def check_document(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        """Action items whose line has no owner tag, "Owner:" text or @handle."""
        for unit in _action_items(doc):
            if not _OWNER.search(item_line(doc, unit)):
                yield Hit(unit.start, unit.end)


class MissingDueDate(Rule):
    """An action item has no due date.

    Why:
        Without a date, follow-ups drift behind feature work until the next incident. Add a
        `[due: YYYY-MM-DD]` tag, "Due: ..." text, or link the tracker ticket that holds it.

    Bad:
        ```
        ## Action items

        - [ ] [Make the cleanup script refuse production namespaces.] [owner: @sam]
        ```

    Good:
        ```
        ## Action items

        - [ ] Make the cleanup script refuse production namespaces. [due: 2026-04-01]
        ```
    """

    id = "AC102"
    name = "action-without-due-date"
    message = "This action item has no due date."
    suggestion = "Add a due date: `[due: YYYY-MM-DD]`, or link the ticket with `[tracker: URL]`."
    severity = Level.INFO
    applies_to = frozenset()

    def check_document(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        """Action items whose line has no due tag, "Due:" text, deadline or tracker link."""
        for unit in _action_items(doc):
            line = item_line(doc, unit)
            if not _DUE.search(line) and not _DONE.search(line):
                yield Hit(unit.start, unit.end)


class VagueAction(Rule):
    """An action item is vague or unbounded ("Improve monitoring").

    Why:
        A vague action cannot be finished or checked. Say what will change and how you will
        know it is done: which alert, which threshold, which check in which tool.

    Bad:
        [Improve monitoring].
        Make the deploy pipeline [more robust].

    Good:
        Alert when checkout error rate stays above 2 % for five minutes.
        Improve the cleanup script so that it refuses namespaces without the staging label.
    """

    id = "AC103"
    name = "vague-action"
    message = "This action item is too vague to be finished or checked."
    suggestion = "Say exactly what changes and how you will know it is done."
    severity = Level.WARNING
    applies_to = frozenset({UnitKind.ACTION_ITEM})

    def check(self, unit: Unit, ctx: Context) -> Iterator[Hit]:
        """A short item led by a vague verb, or a vague phrase without anything concrete."""
        text = unit.text
        if _CONCRETE.search(text):
            return
        words = len(text.split())
        start = _VAGUE_START.search(text)
        if start is not None and words <= _VAGUE_MAX_WORDS:
            yield Hit(len(text) - len(text.lstrip()), len(text.rstrip().rstrip(".")))
            return
        anywhere = _VAGUE_ANYWHERE.search(text)
        if anywhere is not None:
            yield Hit(anywhere.start(), anywhere.end())


class NoSystemicAction(Rule):
    """None of the action items changes a system: every one relies on people.

    Why:
        Reminders, retraining and "be careful" leave the conditions of the incident in place.
        A postmortem needs at least one action that changes a tool, guardrail, test, alert,
        default or process that a system enforces.

    Bad:
        ```
        # Checkout outage

        ## [Action items]

        - [ ] Remind engineers to check the cluster before running scripts.
        - [ ] Be more careful with production access.
        ```

    Good:
        ```
        # Checkout outage

        ## Action items

        - [ ] Remind engineers about the cleanup runbook.
        - [ ] Make the cleanup script refuse production namespaces.
        ```
    """

    id = "AC104"
    name = "no-systemic-action"
    message = "No action item changes a system; all of them rely on people."
    suggestion = "Add at least one action that changes a tool, guardrail, test, alert or default."
    severity = Level.WARNING
    applies_to = frozenset()

    def check_document(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        """Reported at the action-items heading when every item is person-focused."""
        items = _action_items(doc)
        if not items or not looks_like_postmortem(doc):
            return
        checks = [rule() for rule in PERSON_FOCUSED_RULES]
        for unit in items:
            if not any(next(iter(check.check(unit, ctx)), None) for check in checks):
                return
        section = items[0].section
        for heading in doc.headings:
            if heading.text == section:
                yield Hit(heading.start, heading.end)
                return
        yield Hit(items[0].start, items[0].end)
