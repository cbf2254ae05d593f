"""Shared plumbing for the blame rules: scan a unit for a pattern, skipping quoted/negated/meta."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from blameless.analysis.context import Context
from blameless.analysis.language import (
    Agent,
    Analysis,
    Lexicon,
    analyze,
    classify,
    dismissed,
    lexicon_for,
)
from blameless.analysis.language.lexicons import PERSON_NOUNS, PERSON_PRONOUNS
from blameless.analysis.units import Unit, UnitKind

# Blame can hide in prose, timeline entries and action items alike.
BLAME_UNITS = frozenset({UnitKind.SENTENCE, UnitKind.TIMELINE_ENTRY, UnitKind.ACTION_ITEM})


@dataclass(frozen=True, slots=True)
class Match:
    """A pattern match in an analysed unit: the regex match and the index of its first token."""

    analysis: Analysis
    match: re.Match[str]
    index: int

    @property
    def end_index(self) -> int:
        """Index of the first token after the match."""
        return self.analysis.index_at(self.match.end())


def scan(text: str, triggers: frozenset[str], pattern: re.Pattern[str]) -> Iterator[Match]:
    """Matches of `pattern` in `text` that are not quoted, negated or meta-talk.

    `triggers` is a cheap prefilter: no token of the text in it means no regex run at all.
    """
    analysis = analyze(text)
    if not analysis.has_any(triggers):
        return
    for match in pattern.finditer(text):
        index = analysis.index_at(match.start())
        if index < len(analysis.tokens) and not dismissed(analysis, match.start(), index):
            yield Match(analysis, match, index)


def person_after(analysis: Analysis, index: int, lex: Lexicon, limit: int = 4) -> int | None:
    """Index of a person among the next `limit` tokens, if one comes before any system."""
    for j in range(index, min(index + limit, len(analysis.tokens))):
        if j > index and (analysis.hard_before[j] or analysis.soft_before[j]):
            return None
        kind = classify(analysis, j, lex)
        if kind is Agent.PERSON:
            return j
        if kind is Agent.SYSTEM and _role_follows(analysis, j):
            return j + 1  # "the release manager", "the database admin"
        if kind is not None:
            return None
    return None


def _role_follows(analysis: Analysis, j: int) -> bool:
    following = j + 1
    return (
        following < len(analysis.tokens)
        and not analysis.hard_before[following]
        and not analysis.soft_before[following]
        and analysis.tokens[following].base in PERSON_NOUNS
        and analysis.tokens[following].base not in PERSON_PRONOUNS
    )


def any_person(analysis: Analysis, lex: Lexicon) -> bool:
    """Whether any token of the unit is a person."""
    return any(classify(analysis, j, lex) is Agent.PERSON for j in range(len(analysis.tokens)))


def words(text: str) -> frozenset[str]:
    """A prefilter set from a space-separated string."""
    return frozenset(text.split())


# "they"/"them" may point back to things: "The replicas lagged. Had they been tested, ..."
_THEY = frozenset({"they", "them"})
_DISCOURSE = ("discourse", "previous unit")
# Words ending in -s that are no plural noun.
_NOT_PLURAL = words(
    "always as is was has does its this his hers yes thus perhaps whereas unless across "
    "towards afterwards sometimes besides plus less news status access process series"
)


def unit_lexicon(unit: Unit, ctx: Context) -> Lexicon:
    """The document's lexicon for one unit, with "they"/"them" read as things when the sentence
    just before speaks of things and of no person ("Calls run on a separate radio system. Had
    they shared the gateway, ..."). Rules see units in document order; call this on every unit."""
    seen: tuple[Unit, Lexicon] | None = ctx.cache.get(_DISCOURSE)
    if seen is not None and seen[0].start == unit.start and seen[0].kind is unit.kind:
        return seen[1]
    lex = lexicon_for(ctx)
    resolved = lex
    analysis = analyze(unit.text)
    if seen is not None and analysis.has_any(_THEY) and _follows(seen[0], unit):
        before = analyze(seen[0].text)
        if (
            _plural_things(before, lex)
            and not any_person(before, lex)
            and not _minded_they(analysis)
        ):
            resolved = lex.with_systems(_THEY)
    ctx.cache[_DISCOURSE] = (unit, resolved)
    return resolved


# Acts only a mind performs: "The alerts fired. They ignored them." still means people.
_MINDED = words(
    "ignored ignore ignores forgot forget forgets skipped neglected decided chose refused knew "
    "thought assumed believed wanted noticed overlooked disregarded rushed panicked guessed "
    "bothered agreed"
)


def _minded_they(analysis: Analysis) -> bool:
    """Whether "they" is the subject of a deliberate or mental act (a person, whatever came
    before)."""
    tokens = analysis.tokens
    for j, token in enumerate(tokens[:-1]):
        if token.low == "they":
            k = j + 1
            while k < len(tokens) - 1 and tokens[k].low in _ADVERBS:
                k += 1
            if tokens[k].low in _MINDED:
                return True
    return False


_ADVERBS = words("just simply still also then never obviously clearly apparently")


def _follows(previous: Unit, unit: Unit) -> bool:
    """The unit comes right after `previous` in the same section (a space or line between)."""
    return (
        previous.kind is unit.kind
        and previous.section == unit.section
        and 0 <= unit.start - previous.end <= 2
    )


def _plural_things(analysis: Analysis, lex: Lexicon) -> bool:
    """Whether the text names things in the plural ("the gateways", "trauma calls")."""
    return any(
        len(t.low) > 3
        and t.low.endswith("s")
        and not t.low.endswith(("ss", "us", "is", "'s", "’s"))
        and t.low not in _NOT_PLURAL
        and classify(analysis, j, lex) is not Agent.PERSON
        for j, t in enumerate(analysis.tokens)
    )
