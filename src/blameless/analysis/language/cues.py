"""Signals that a phrase is not blame: quoted, negated, or part of talk *about* blame."""

from __future__ import annotations

from blameless.analysis.language.lexicons import CLAIMS, EXCUSES, META_CUES, NEGATORS
from blameless.analysis.language.text import Analysis


def negated(analysis: Analysis, index: int, window: int = 6) -> bool:
    """Whether a negator ("not", "nobody", "didn't") precedes token `index` in its clause."""
    tokens = analysis.tokens
    if index < len(tokens) and (analysis.hard_before[index] or analysis.soft_before[index]):
        return False  # a negation in the previous clause does not reach this one
    for j in range(index - 1, max(-1, index - window - 1), -1):
        low = tokens[j].low
        if low in EXCUSES:
            return False  # "that doesn't excuse X's carelessness": the excuse is negated
        if (
            low in NEGATORS
            or low.endswith("n't")
            or (low == "one" and j and tokens[j - 1].low == "no")
        ):
            return True
        if analysis.hard_before[j] or analysis.soft_before[j]:
            return False
    return False


def meta_talk(analysis: Analysis, index: int) -> bool:
    """Whether the sentence talks about blame language before token `index` ("avoid words like")."""
    tokens = analysis.tokens
    if index and tokens[0].low in CLAIMS:
        return True  # "Saying Kwame 'should have known' ignores ...": a claim being weighed
    if any(tokens[j].low in META_CUES or _calls_it(analysis, j) for j in range(index)):
        return True
    # "if you find yourself writing ...", "rather than 'who did this?'"
    words = analysis.words
    return "yourself" in words or ("rather" in words and "than" in words and bool(analysis.quotes))


def dismissed(analysis: Analysis, start: int, index: int) -> bool:
    """Quoted, negated or meta: the phrase at char `start` / token `index` assigns no blame."""
    return analysis.quoted(start) or negated(analysis, index) or meta_talk(analysis, index)


_CALL = frozenset({"call", "calls", "calling", "called"})
_CALLED_OBJECT = frozenset({"this", "it", "that", "them", "him", "her", "the", "a", "an", "people"})


def _calls_it(analysis: Analysis, j: int) -> bool:
    """ "It is easy to call this human error", "comments calling the team incompetent"."""
    tokens = analysis.tokens
    return (
        tokens[j].low in _CALL
        and j + 1 < len(tokens)
        and tokens[j + 1].low in _CALLED_OBJECT
        and (j == 0 or tokens[j - 1].low not in {"on", "the", "a", "phone", "conference"})
    )
