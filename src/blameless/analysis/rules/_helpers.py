"""Shared plumbing for the blame rules: scan a unit for a pattern, skipping quoted/negated/meta."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from blameless.analysis.language import Agent, Analysis, Lexicon, analyze, classify, dismissed
from blameless.analysis.language.lexicons import PERSON_NOUNS, PERSON_PRONOUNS
from blameless.analysis.units import UnitKind

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
