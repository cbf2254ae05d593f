"""BL007: first-person fault ("my fault", "I messed up", "this is on me")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from blameless.analysis.context import Context
from blameless.analysis.language import Agent, clause_subject
from blameless.analysis.rule import Hit, Rule
from blameless.analysis.rules._helpers import BLAME_UNITS, scan, unit_lexicon, words
from blameless.analysis.units import Unit

_SELF = re.compile(
    r"\b(?:my (?:own )?(?:fault|bad|mistake|error|screw-?up|blunder|carelessness)"
    r"|(?:this|that|it)(?: one)?(?:'s| is| was)(?: all| entirely| totally)? on (?:me|us)"
    r"|i(?:'m| am) to blame"
    r"|i (?:really |totally |completely )?(?:messed|screwed|goofed|blew|botched)"
    r"|i (?:feel|felt) (?:terrible|awful|horrible|bad|guilty|stupid)"
    r"|i (?:\w+ly )?(?:misread|mistyped|misjudged|fat-fingered|typo'd|broke|fumbled|flubbed"
    r"|bungled|nuked)|by mistake)\b",
    re.IGNORECASE,
)
_TRIGGERS = words("my this that it i i'm mistake")
# "that was me" confesses only beside an apology or a first-person act ("Sorry, that was me").
_CONFESSION = re.compile(r"\b(?:that|it|this)(?: one)?(?:'s|’s| was| is) (?:all )?me\b", re.I)
_CONTRITION = words("sorry apologies apologise apologize oops i")


class SelfBlame(Rule):
    """First-person fault: "my fault", "I messed up", "this is on me".

    Why:
        Taking the blame feels honest, but it stops the investigation just as early as blaming
        someone else, and it sets the tone for others. Describe what you saw and did, and what
        made it reasonable at the time; the review will find the conditions.

    Bad:
        [My bad]: I assumed the config was valid.
        [This is on me]; I approved the go-live date.
        Sorry all, [I misread] the dashboard and restarted the wrong cluster.

    Good:
        I joined the incident call at 07:05 and took notes.
        As executive sponsor, I own the outcome of this programme and the fix.
        The job deleted the table by mistake because its filter was empty.
    """

    id = "BL007"
    name = "self-blame"
    applies_to = BLAME_UNITS
    message = "This puts the incident down to your own fault."
    suggestion = (
        "Describe what you saw, what you did and why it made sense at the time; then ask what "
        "in the system would have caught it."
    )

    def check(self, unit: Unit, ctx: Context) -> Iterator[Hit]:
        """First-person fault phrases; "by mistake" only with a person as subject."""
        lex = unit_lexicon(unit, ctx)
        for m in scan(unit.text, _TRIGGERS, _SELF):
            if m.match.group().lower() == "by mistake":
                subject = clause_subject(m.analysis, m.index, lex)
                if subject is None or subject[0] is not Agent.PERSON:
                    continue
            yield Hit(m.match.start(), m.match.end())
        for m in scan(unit.text, _TRIGGERS, _CONFESSION):
            if m.analysis.has_any(_CONTRITION):
                yield Hit(m.match.start(), m.match.end())
