"""BL002: explicit fault vocabulary aimed at a person."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from blameless.analysis.context import Context
from blameless.analysis.finding import Level
from blameless.analysis.language import (
    Agent,
    Analysis,
    Lexicon,
    agent_before,
    analyze,
    classify,
    dismissed,
    negated,
)
from blameless.analysis.language.lexicons import NEGATORS
from blameless.analysis.language.suggest import object_question
from blameless.analysis.rule import Hit, Rule
from blameless.analysis.rules._helpers import (
    BLAME_UNITS,
    any_person,
    person_after,
    scan,
    unit_lexicon,
    words,
)
from blameless.analysis.units import Unit

# Words that are blame wherever they point, unless a system is the one that "botched" it.
_ACTION = re.compile(
    r"\b(?=[smlbgfdrpw])"  # every alternative's initial: most words fail here
    r"(?:screwed(?: [\w-]+){0,3}? up|screw-?up|messed(?: [\w-]+){0,3}? up|mess-up"
    r"|left (?:a|the|this) mess|botched|bungled|goofed|fumbled|flubbed"
    r"|(?:drop|drops|dropped|dropping) the ball|blew it|rubber-?stamp(?:ed|s|ing)?|phoned it in"
    r"|slacked off|winged it)\b",
    re.IGNORECASE,
)
_BLAME = re.compile(
    r"\b(?=[atbcg])"  # every alternative's initial: most words fail here
    r"(?:at fault|to blame|blam(?:e|ed|es|ing)(?![-\w])"
    r"(?! (?:words?|language|culture|game|phrases?"
    r"|-?free|lists?))|culprits?|guilty|culpable|culpability|blameworthy)\b",
    re.IGNORECASE,
)
_FAULT = re.compile(r"\b(?:fault|mess|screw-?up|blunder)\b", re.IGNORECASE)
_ON_PERSON = re.compile(
    r"\b(?:this|that|it)(?: [\w-]+)?(?:'s| is| was)(?: all| entirely| squarely| firmly)? on\s",
    re.IGNORECASE,
)
_RESPONSIBLE = re.compile(
    r"\b(?:responsible|responsibility|accountable) for (?:the |this |that |our )?(?:[\w-]+ ){0,3}?"
    r"(?:outage|incident|failure|downtime|breach|loss|crash|disruption|deletion|mess|damage"
    r"|overpayment|accident|near-miss|leak|exposure|mistake|error|overcharge|spill)s?\b"
    r"|\b(?:responsibility|fault|blame) (?:\w+ ){0,4}?(?:lies|lay|rests|sits|belongs)\b",
    re.IGNORECASE,
)
_TRIGGERS = words(
    "screwed screw-up screwup messed mess-up mess botched bungled goofed fumbled flubbed dropped "
    "drop drops dropping "
    "blew fault "
    "blame blamed blames blaming culprit culprits guilty on responsible responsibility accountable "
    "culpable culpability blameworthy rubber-stamped rubber-stamp rubberstamped phoned slacked "
    "winged"
)
_FAULT_OWNERS = frozenset(["my", "his", "her", "their", "our", "your", "whose", "its"])
_NEEDS_PERSON = frozenset({"culprit", "culprits", "guilty", "culpable", "culpability"})
_SELF = frozenset({"me", "us", "myself", "ourselves"})
# "Talk about blame", "a culture of blame", "confuse with blame", "reads like blame": blame as
# a topic or a kind of language, the object of a preposition, not assigned to anyone.
_TOPIC = words("about of no with like as than into from toward towards between")
# "Blame would have been easy here": blame as the subject of a remark about blame itself.
_REMARK_VERBS = frozenset(
    ["is", "was", "would", "will", "can", "could", "might", "does", "doesn't", "isn't", "seems"]
)
# "fault detector", "fault tolerance": "fault" as a technical modifier, not a person's fault.
_FAULT_COMPOUNDS = words(
    "detector detectors detection handler handlers handling tolerance tolerant injection "
    "injector domain domains line lines code codes isolation zone zones condition conditions "
    "path paths model recovery state counter counters log logs report reports signal bit mode "
    "modes tree trees analysis"
)
_CONTRAST = words("but however yet though although which")
_REJECTIONS = words(
    "unfounded wrong mistaken incorrect false unfair baseless untrue disproved contradicts "
    "contradicted inaccurate misleading"
)
_PASSIVE = words("was were been be being got gets get is are")


@lru_cache(maxsize=16)
def _extra(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


class BlameWords(Rule):
    """Fault vocabulary aimed at a person: fault, blame, culprit, screwed up, botched.

    Why:
        Words of fault turn a review into a trial. People who expect blame share less, and the
        next incident is explained worse. Describe what happened and what made it possible.

    Bad:
        The deletion was entirely [the developer's fault].
        Let's be honest: Maya [screwed up] the router change.
        The [culprit] is Oksana's policy insert.
        [This one is on] Quinn.
        The rollout was [botched] by Hunter, who ignored the canary.

    Good:
        Nobody on the team is at fault for trusting a validator that had always passed.
        A fault in the transfer switch made the power come back as a surge.
        The culprit was a memory leak in the sidecar.
        Quinn is responsible for the follow-up on alert routing.
        The load balancer blamed the backend for the resets.
        The primary's fault detector missed the partition.
        Reporters blamed 'a rogue engineer', but no engineer did anything unusual.

    Known false positives:
        "Fault" as a noun for people outside an incident ("at fault in the insurance claim").
    """

    id = "BL002"
    name = "blame-words"
    message = "Fault vocabulary aims this sentence at a person."
    suggestion = (
        "Replace the judgement with a description: what happened, what the person could see at "
        "the time, and what in the system let it matter."
    )
    severity = Level.ERROR
    applies_to = BLAME_UNITS

    def check(self, unit: Unit, ctx: Context) -> Iterator[Hit]:
        """Blame words with a person in reach; `fault` only when someone owns it."""
        lex = unit_lexicon(unit, ctx)
        text = unit.text
        for m in scan(text, _TRIGGERS, _ACTION):
            if agent_before(m.analysis, m.index, lex) is not Agent.SYSTEM or _passive_by_person(
                m.analysis, m.index, m.end_index, lex
            ):
                question = object_question(m.analysis, m.end_index)
                yield Hit(m.match.start(), m.match.end(), suggestion=question)
        for m in scan(text, _TRIGGERS, _BLAME):
            if _blame_not_assigned(m.analysis, m.index, lex):
                continue
            word = m.match.group().lower()
            if word in _NEEDS_PERSON and not any_person(m.analysis, lex):
                continue
            yield Hit(m.match.start(), m.match.end())
        for m in scan(text, _TRIGGERS, _FAULT):
            if m.index == 0 or _technical_fault(m.analysis, m.index, lex):
                continue
            if _reported_then_denied(m.analysis, m.index):
                continue  # "members said the fault lay with X; the trustees said it did not"
            owner = m.analysis.tokens[m.index - 1]
            if _fault_of_person(m.analysis, m.index, lex):
                yield Hit(m.match.start(), m.analysis.tokens[m.index + 2].end)
            elif _bare_owner(m.analysis, m.index - 1, lex):
                yield Hit(owner.start, m.match.end())  # "is Marco fault": a possessive unmarked
            elif owner.low in _FAULT_OWNERS or owner.possessive:
                start = (
                    _determiner_start(m.analysis, m.index - 1) if owner.possessive else owner.start
                )
                yield Hit(start, m.match.end())
        for m in scan(text, _TRIGGERS, _ON_PERSON):
            person = person_after(m.analysis, m.end_index, lex, limit=2)
            if person is None and lex.could_be_name(m.analysis, m.end_index):
                person = m.end_index  # "this one is on Hope": the slot only holds a person
            if person is not None and m.analysis.tokens[person].low not in _SELF:
                yield Hit(m.match.start(), m.match.end() - 1)
        for m in scan(text, _TRIGGERS, _RESPONSIBLE):
            if not _lies_with_system(m.analysis, m.end_index, lex) and not _reported_then_denied(
                m.analysis, m.index
            ):
                yield Hit(m.match.start(), m.match.end())
        yield from _sarcasm(text, lex)
        extra = _extra(tuple(ctx.config.blame_phrases))
        if extra is not None:
            for start, end in _scan_all(text, extra):
                yield Hit(start, end)


# Praise followed by an eye-roll, facepalm, unamused or clown emoji is sarcasm aimed at a person.
_SARCASM_EMOJI = ("\U0001f644", "\U0001f926", "\U0001f612", "\U0001f921", "\U0001f611")
_PRAISE = re.compile(
    r"\b(?:(?:great|good|nice|amazing|awesome|fantastic|stellar|brilliant|superb|excellent)"
    r" (?:job|work|call|stuff|one)|well done|bravo|kudos|nailed(?: it)?|thanks a lot"
    r"|flawless|genius|slick)\b",
    re.IGNORECASE,
)


def _sarcasm(text: str, lex: Lexicon) -> Iterator[Hit]:
    """ "Great job Yusuf, really nailed that cutover 🙄": ironic praise of a person."""
    if not any(emoji in text for emoji in _SARCASM_EMOJI):
        return
    match = _PRAISE.search(text)
    if match is not None and any_person(analyze(text), lex):
        yield Hit(match.start(), match.end())


def _passive_by_person(analysis: Analysis, index: int, after: int, lex: Lexicon) -> bool:
    """ "The migration was messed up by Ivy": a passive whose agent follows "by"."""
    tokens = analysis.tokens
    if not index or tokens[index - 1].low not in _PASSIVE:
        return False
    for j in range(after, min(after + 6, len(tokens))):
        if analysis.hard_before[j]:
            return False
        if tokens[j].low == "by":
            return person_after(analysis, j + 1, lex) is not None
    return False


def _blame_not_assigned(analysis: Analysis, index: int, lex: Lexicon) -> bool:
    """Blame as a topic ("a culture of blame"), a remark about blame ("Blame would have been
    easy"), a system blaming a system ("the load balancer blamed the backend"), or a quoted
    accusation that the sentence rejects ("blamed 'the intern'; there is no intern")."""
    tokens = analysis.tokens
    if index and tokens[index - 1].low in _TOPIC:
        return True
    after = index + 1
    if (
        tokens[index].low in {"blame", "blaming"}
        and (index == 0 or analysis.hard_before[index])
        and any(t.low in _REMARK_VERBS for t in tokens[after : after + 3])
    ):
        return True  # "Blame would have been easy", "Blaming individuals would not have ..."
    if tokens[index].low == "to" and agent_before(analysis, index, lex) is Agent.SYSTEM:
        return True  # "Flux is to blame for the revert"
    if (
        tokens[index].low == "to"
        and 0 < index < len(tokens) - 1
        and tokens[index - 1].low not in _PASSIVE
    ):
        after += 1  # "easy to blame X, and it would be wrong": the same checks from "blame"
    if tokens[after - 1].low.startswith("blam"):
        lies = next(
            (j for j in range(after, min(after + 6, len(tokens))) if tokens[j].low in _LIES), None
        )
        if lies is not None and _lies_with_system(analysis, lies + 1, lex):
            return True  # "The blame (for the delay) lies with a stale ARP entry"
        if agent_before(analysis, index, lex) is Agent.SYSTEM or _aimed_at_system(
            analysis, after, lex
        ):
            return True
        if _rejected_later(analysis, after):
            return True
        if after < len(tokens) and analysis.quoted(tokens[after].start + 1):
            return any(
                negated(analysis, j) or tokens[j].low in _REJECTIONS
                for j in range(after + 1, len(tokens))
            )
    return False


_LIES = words("lies lay rests sits belongs lie rest")


def _lies_with_system(analysis: Analysis, after: int, lex: Lexicon) -> bool:
    """ "(the blame) lies with a stale ARP entry": what the blame rests on is no person."""
    tokens = analysis.tokens
    if after >= len(tokens) or tokens[after].low not in {"with", "on", "in", "at"}:
        return False
    person = person_after(analysis, after + 1, lex, limit=5)
    return person is None and not lex.could_be_name(analysis, after + 1)


_REPORTING = words(
    "said say says claimed claim claims alleged suggested argued thought felt believed reported "
    "insisted"
)
_COPULAS = words("is was 's were are")


def _reported_then_denied(analysis: Analysis, index: int) -> bool:
    """ "Members said the fault lay with X; the trustees have said it did not": fault reported
    as someone's claim, and denied in a later clause."""
    tokens = analysis.tokens
    if not any(t.low in _REPORTING for t in tokens[:index]):
        return False
    later = [j for j in range(index + 1, len(tokens)) if analysis.hard_before[j]]
    return bool(later) and any(
        negated(analysis, j, window=8)
        or tokens[j].low in _REJECTIONS
        or tokens[j].low in NEGATORS
        or tokens[j].low.endswith("n't")
        for j in range(later[0], len(tokens))
    )


def _bare_owner(analysis: Analysis, owner: int, lex: Lexicon) -> bool:
    """ "The whole problem is Marco fault": a person right before "fault" after a copula."""
    tokens = analysis.tokens
    return (
        owner > 0
        and tokens[owner - 1].low in _COPULAS
        and not tokens[owner].possessive
        and (classify(analysis, owner, lex) is Agent.PERSON or lex.could_be_name(analysis, owner))
    )


def _fault_of_person(analysis: Analysis, index: int, lex: Lexicon) -> bool:
    """ "the fault of Rohan on the trading desk": a person owns the fault through "of"."""
    tokens = analysis.tokens
    return (
        index + 2 < len(tokens)
        and tokens[index + 1].low == "of"
        and person_after(analysis, index + 2, lex, limit=3) == index + 2
    )


def _aimed_at_system(analysis: Analysis, after: int, lex: Lexicon) -> bool:
    """ "Blame the cache": the blamed party (the verb's object) is a system."""
    tokens = analysis.tokens
    for j in range(after, min(after + 4, len(tokens))):
        if j > after and (analysis.hard_before[j] or analysis.soft_before[j]):
            return False
        kind = classify(analysis, j, lex)
        if kind is not None:
            return kind is Agent.SYSTEM and person_after(analysis, j, lex) is None
    return False


_THAT_BLAME = words("it that this")


def _rejected_later(analysis: Analysis, after: int) -> bool:
    """ "People blamed the engineer, but the evidence does not support that", "It would be easy
    to blame X, and it would be wrong": blame that a later clause of the sentence rejects."""
    tokens = analysis.tokens
    for j in range(after, len(tokens)):
        rejoinder = (
            tokens[j].low == "and" and j + 1 < len(tokens) and tokens[j + 1].low in _THAT_BLAME
        )  # "..., and it would also be wrong"
        if (tokens[j].low in _CONTRAST or rejoinder) and (
            analysis.soft_before[j] or analysis.hard_before[j]
        ):
            return any(
                negated(analysis, k, window=8) or tokens[k].low in _REJECTIONS
                for k in range(j + 1, len(tokens))
            )
    return False


def _technical_fault(analysis: Analysis, index: int, lex: Lexicon) -> bool:
    """ "The primary's fault detector", "the job's fault": a fault of or in a system."""
    tokens = analysis.tokens
    after = index + 1
    if (
        after < len(tokens)
        and not analysis.hard_before[after]
        and tokens[after].base in _FAULT_COMPOUNDS
    ):
        return True
    owner = index - 1
    return tokens[owner].possessive and classify(analysis, owner, lex) is Agent.SYSTEM


def _determiner_start(analysis: Analysis, index: int) -> int:
    """Start of "the developer's" rather than "developer's"."""
    tokens = analysis.tokens
    if index > 0 and tokens[index - 1].low in {"the", "a", "an"}:
        return tokens[index - 1].start
    return tokens[index].start


def _scan_all(text: str, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Spans of configured blame phrases that are not quoted, negated or meta."""
    analysis = analyze(text)
    for match in pattern.finditer(text):
        if not dismissed(analysis, match.start(), analysis.index_at(match.start())):
            yield match.start(), match.end()
