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
        if low in EXCUSES or low in _EXCLAMATIONS:
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
    if _blame_weighed(analysis):
        return True
    if any(tokens[j].low in META_CUES or _calls_it(analysis, j) for j in range(index)):
        return True
    # "if you find yourself writing ...", "rather than 'who did this?'"
    words = analysis.words
    return "yourself" in words or ("rather" in words and "than" in words and bool(analysis.quotes))


# "I can't believe how careless ...": a negated verb of disbelief intensifies, it does not deny.
_EXCLAMATIONS = frozenset({"believe", "imagine", "overstate", "exaggerate", "overstated"})


def dismissed(analysis: Analysis, start: int, index: int) -> bool:
    """Quoted, negated or meta: the phrase at char `start` / token `index` assigns no blame."""
    return analysis.quoted(start) or negated(analysis, index) or meta_talk(analysis, index)


# Blame or punishment as the subject of a question or a denial: "Pointing fingers at the night
# shift wouldn't have prevented ...", "Would firing Priya make the next outage less likely?".
_BLAME_GERUNDS = frozenset(
    {
        "blaming",
        "pointing",
        "finger-pointing",
        "firing",
        "sacking",
        "punishing",
        "disciplining",
        "suspending",
        "shaming",
        "naming",
        "demoting",
        "reprimanding",
        "scapegoating",
    }
)
_AUXILIARIES = frozenset(
    ["would", "will", "does", "did", "do", "can", "could", "should", "is", "was"]
)


def _blame_weighed(analysis: Analysis) -> bool:
    tokens = analysis.tokens
    if not tokens:
        return False
    first = 1 if tokens[0].low in _AUXILIARIES else 0
    if first >= len(tokens) or tokens[first].low not in _BLAME_GERUNDS:
        return False
    if first:
        return analysis.text.rstrip().endswith("?")
    return any(t.low.endswith("n't") or t.low in NEGATORS for t in tokens[first + 1 :])


_CALL = frozenset({"call", "calls", "calling", "called"})
# "on the call", "a phone call"; and "I call it operator error": the writer's own verdict.
_NOT_A_NAMING = frozenset(
    {"on", "the", "a", "phone", "conference", "i", "we", "i'd", "we'd", "i'll", "we'll", "just"}
)
_CALLED_OBJECT = frozenset({"this", "it", "that", "them", "him", "her", "the", "a", "an", "people"})


def _calls_it(analysis: Analysis, j: int) -> bool:
    """ "It is easy to call this human error", "comments calling the team incompetent"."""
    tokens = analysis.tokens
    return (
        tokens[j].low in _CALL
        and j + 1 < len(tokens)
        and tokens[j + 1].low in _CALLED_OBJECT
        and (j == 0 or tokens[j - 1].low not in _NOT_A_NAMING)
    )


_UNIVERSAL = frozenset({"any", "anyone", "anybody", "everyone", "everybody", "all"})
_MODALS = frozenset({"could", "would", "might", "can", "may", "could've", "would've"})


def universal_subject(analysis: Analysis, index: int) -> bool:
    """ "any of us could have made the same slip", "anyone on the rota would have": a statement
    about what the situation makes likely for everybody, not about one person."""
    tokens = analysis.tokens
    start = max(0, index - 8)
    window = [t.low for t in tokens[start:index]]
    return any(w in _UNIVERSAL for w in window) and any(w in _MODALS for w in window)
