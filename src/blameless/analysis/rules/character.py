"""BL003: judgements of a person's character, attention or competence."""

from __future__ import annotations

import re
from collections.abc import Iterator

from blameless.analysis.context import Context
from blameless.analysis.finding import Level
from blameless.analysis.language import (
    Agent,
    Analysis,
    agent_before,
    analyze,
    clause_subject,
    dismissed,
)
from blameless.analysis.language.evaluation import Frame, negative_acts
from blameless.analysis.language.judgement import judged_people
from blameless.analysis.language.lexicons import PERSON_ARTIFACTS, SYSTEM_NOUNS
from blameless.analysis.language.morphology import adjective_family, alternation
from blameless.analysis.rule import Hit, Rule
from blameless.analysis.rules._helpers import BLAME_UNITS, any_person, scan, unit_lexicon, words
from blameless.analysis.units import Unit

# Judgements that only ever describe people, in every derivational form (careless, carelessly,
# carelessness). "lazy" alone may describe code ("lazy loading"), so only its derivatives are here.
_CORE_WORDS = adjective_family(
    "careless sloppy reckless negligent incompetent complacent irresponsible inattentive "
    "unprofessional overconfident arrogant foolish stupid idiotic amateur+ish slapdash "
    "slipshod heedless thoughtless"
) | frozenset({"laziness", "lazily", "idiot", "idiots", "stupidity", "inattention", "cowboy"})
_CORE = re.compile(
    rf"\b(?:{alternation(_CORE_WORDS)}"
    r"|(?:not|wasn't|weren't|never) paying (?:the (?:slightest|least|faintest) (?:bit of )?|any "
    r"|much |enough |proper )?attention"
    r"|(?:lack|lacked|lacking) (?:of )?(?:basic )?common sense|no common sense"
    r"|should(?: have)? known better|should know better"
    r"|(?:lack|lacked|lacking) (?:of )?(?:attention|care|diligence|judge?ment|focus|rigou?r)"
    r"|cut(?:s|ting)? corners|asleep at the wheel"
    r"|in (?:my|our|his|her|their) (?:haste|hurry|rush))\b",
    re.IGNORECASE,
)
# Judgements that may describe things ("lazy loading", "a useless metric"): need a person.
_AMBIGUOUS = re.compile(
    r"\b(?:lazy|dumb|useless|hopeless|inexperienced|clueless|(?:couldn't|could not|can't) even"
    r"|attitude|(?:didn't|did not|doesn't|does not|don't|never) cared? (?:about|whether|if|that)"
    r"|cared (?:more|less) about"
    r"|(?:rushing|in a (?:rush|hurry)|(?:wanted|keen|eager) to) (?:to )?(?:get|go|leave|head)"
    r"(?: home| out| off)?|(?:didn't|did not|never) take (?:it|this|that|the [\w-]+) seriously"
    r"|coast(?:s|ed|ing)|phon(?:e|es|ed|ing) it in|(?:didn't|did not|never) care to [a-z]+"
    r"|too busy [a-z]+ing to [a-z]+|how seriously (?:he|she|they|[\w-]+) (?:takes?|treats?|took"
    r"|treated|is taking))\b",
    re.IGNORECASE,
)
_TECH_AFTER = frozenset(
    [
        "load",
        "loading",
        "loaded",
        "loader",
        "evaluation",
        "eval",
        "init",
        "initialization",
        "initialisation",
        "import",
        "imports",
        "terminal",
        "pipe",
        "client",
        "value",
        "values",
        "consumer",
    ]
)
_TRIGGERS = _CORE_WORDS | words(
    "paying common known know lazy dumb useless hopeless inexperienced clueless even attitude "
    "lack lacked lacking cut cuts cutting care cared bothered rushing rush hurry wanted keen "
    "eager seriously asleep haste hurry coasts coasted coasting phone phones phoned phoning busy"
)


class CharacterJudgement(Rule):
    """A judgement of the person: careless, sloppy, reckless, lazy, negligent, incompetent.

    Why:
        Character words explain nothing the next responder can use, and they teach people to
        hide their mistakes. Attention and skill vary; systems must tolerate that. Describe the
        conditions (fatigue, pressure, a confusing interface) that made the slip likely.

    Bad:
        A [sloppy] mistake was made by whoever ran the traffic shift.
        Sasha was [careless] with the maintenance window.
        The on-call engineer was clearly [not paying attention] to the graphs.

    Good:
        The service uses lazy loading for its plugin registry.
        The dashboard was useless during the outage because it read from the failed region.
        The runbook did not say which window the change needed.
    """

    id = "BL003"
    name = "character-judgement"
    message = "This judges a person's character or attention instead of describing what happened."
    suggestion = (
        "Describe the situation the person was in: what did they see, what were they juggling, "
        "and what made this step easy to get wrong?"
    )
    severity = Level.ERROR
    applies_to = BLAME_UNITS

    def check(self, unit: Unit, ctx: Context) -> Iterator[Hit]:
        """Core judgement words anywhere; ambiguous ones only about a person."""
        lex = unit_lexicon(unit, ctx)
        core: list[tuple[int, int]] = []
        for m in scan(unit.text, _TRIGGERS, _CORE):
            if _describes_system(m.analysis, m.end_index) and not any_person(m.analysis, lex):
                continue  # "a careless retry loop in the SDK"
            core.append(m.match.span())
            yield Hit(m.match.start(), m.match.end())
        analysis = analyze(unit.text)
        for first, last in judged_people(analysis, lex):
            start, end = analysis.tokens[first].start, analysis.tokens[last].end
            if dismissed(analysis, start, first) or any(
                start < other_end and other_start < end for other_start, other_end in core
            ):
                continue  # already reported as a core judgement word
            yield Hit(start, end)
        for start, end, frame in negative_acts(analysis, lex):
            if frame is Frame.EVALUATED:
                yield Hit(start, end)  # "made a right hash of", "out of his depth"
        for m in scan(unit.text, _TRIGGERS, _AMBIGUOUS):
            analysis = m.analysis
            after = m.end_index
            if after < len(analysis.tokens) and analysis.tokens[after].base in _TECH_AFTER:
                continue
            word = m.match.group().lower()
            if word == "attitude":
                if m.index == 0 or not analysis.tokens[m.index - 1].possessive:
                    continue
            elif word in {"lazy", "dumb"} or word.startswith(("too busy", "how seriously")):
                if not any_person(analysis, lex) and not any(
                    lex.could_be_name(analysis, j) for j in range(m.index)
                ):
                    continue
            else:
                subject = clause_subject(analysis, m.index, lex)
                nearest = agent_before(analysis, m.index, lex)
                if Agent.PERSON not in (nearest, subject[0] if subject else None):
                    continue
                if nearest is Agent.SYSTEM:
                    continue
            yield Hit(m.match.start(), m.match.end())


def _describes_system(analysis: Analysis, after: int) -> bool:
    """The judgement modifies a system noun that is not a person's act ("careless retry loop",
    but not "careless change")."""
    tokens = analysis.tokens
    for j in range(after, min(after + 2, len(tokens))):
        if analysis.hard_before[j] or analysis.soft_before[j]:
            return False
        if tokens[j].base in PERSON_ARTIFACTS:
            return False
        if tokens[j].base in SYSTEM_NOUNS:
            return True
    return False
