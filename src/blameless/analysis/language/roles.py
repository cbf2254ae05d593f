"""Person cues that need a word's neighbours: titles, initials, and role nouns that name things.

"Ms Page" and "T. Okonkwo" are people whatever the surname is ("Page" is also a system noun);
"the GPU driver" and "the e-voting pilot" are things although "driver" and "pilot" are roles;
"the duty controller" is a person although "controller" is usually software.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from blameless.analysis.language.lexicons import (
    CLAUSE_STARTERS,
    HONORIFICS,
    HUMAN_VERBS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    SYSTEM_NOUNS,
)
from blameless.analysis.language.text import Analysis

if TYPE_CHECKING:
    from blameless.analysis.language.agents import Lexicon


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Role nouns that also name a thing: a driver (software), a pilot (a trial).
_THING_ROLES = _set("driver drivers pilot pilots")
# Nouns that are software by default but people after a human modifier ("the duty controller").
_HUMAN_SYSTEM_ROLES = _set("controller controllers monitor monitors")
_HUMAN_MODIFIERS = _set(
    "duty shift night day relief senior junior traffic area signal flight ground mission "
    "incident section station network-control fire safety financial"
)


def titled(analysis: Analysis, i: int) -> bool:
    """ "Ms Page", "Dr. Osei", "T. Okonkwo": a capitalised word after a title or an initial."""
    tokens = analysis.tokens
    if i == 0 or not tokens[i].capitalized or tokens[i].text.isupper():
        return False
    before = tokens[i - 1]
    if analysis.hard_before[i] or analysis.soft_before[i]:
        return False
    if before.low in HONORIFICS and before.capitalized:
        return True
    gap = analysis.text[before.end : tokens[i].start]
    return len(before.text) == 1 and before.text.isupper() and gap.startswith(".")


def names_a_thing(analysis: Analysis, i: int) -> bool:
    """ "the GPU driver", "the encoder's driver", "the e-voting pilot": a role noun whose modifier
    is technical (an acronym, a system noun, an e- or -ing word, a plural noun, a system's)."""
    tokens = analysis.tokens
    if tokens[i].base not in _THING_ROLES or i == 0 or analysis.hard_before[i]:
        return False
    modifier = tokens[i - 1]
    if analysis.soft_before[i] or modifier.possessive:
        return modifier.possessive and modifier.base in SYSTEM_NOUNS
    return (
        (modifier.text.isupper() and len(modifier.text) > 1)
        or modifier.base in SYSTEM_NOUNS
        or modifier.low.startswith("e-")
        or (modifier.low.endswith("ing") and modifier.low != "racing")
        or (modifier.low.endswith("s") and not modifier.low.endswith("ss"))  # "payments pilot"
    )


def prefixed_role(base: str) -> bool:
    """ "subcontractor", "co-pilot", "vice-chair": a role noun behind a prefix is a role."""
    if not base.startswith(_ROLE_PREFIXES):
        return False  # most words: one test instead of one per prefix
    for prefix in _ROLE_PREFIXES:
        if base.startswith(prefix) and base[len(prefix) :] in PERSON_NOUNS:
            return True
    return False


_ROLE_PREFIXES = ("sub-", "sub", "co-", "vice-", "deputy-", "assistant-")


def human_system_role(analysis: Analysis, i: int) -> bool:
    """ "the duty controller", "the night-shift monitor": software nouns that a human modifier
    turns into a job."""
    tokens = analysis.tokens
    if tokens[i].base not in _HUMAN_SYSTEM_ROLES or i == 0 or analysis.hard_before[i]:
        return False
    modifier = tokens[i - 1].low
    return modifier in _HUMAN_MODIFIERS or modifier.split("-")[-1] in _HUMAN_MODIFIERS


def person_span(analysis: Analysis, i: int, lex: Lexicon) -> tuple[int, int]:
    """Character span of the person phrase at token `i` ("the junior operator", "Priya Rao")."""
    tokens = analysis.tokens
    start = i
    while start > 0 and not analysis.hard_before[start] and not analysis.soft_before[start]:
        prev = tokens[start - 1]
        if prev.low in {"the", "a", "an", "our", "their", "this", "that", "one"} or (
            prev.low in PERSON_NOUNS and prev.low not in PERSON_PRONOUNS
        ):
            start -= 1
            if prev.low in {"the", "a", "an", "our", "their", "this", "that", "one"}:
                break
        else:
            break
    start = _modifiers_start(analysis, start)
    end = i
    if (
        end + 1 < len(tokens)
        and lex.is_name(analysis, i)
        and tokens[end + 1].capitalized
        and not tokens[i].possessive
        and not analysis.soft_before[end + 1]
        and not analysis.hard_before[end + 1]
        and tokens[end + 1].base not in SYSTEM_NOUNS
    ):
        end += 1  # a surname
    return tokens[start].start, tokens[end].end


_DETERMINERS = frozenset({"the", "a", "an", "our", "their", "this", "that", "one"})


def _modifiers_start(analysis: Analysis, start: int) -> int:
    """ "the release captain", "the night-shift technician": modifiers back to a determiner."""
    tokens = analysis.tokens
    if start == 0 or tokens[start].low in _DETERMINERS:
        return start
    for j in range(start - 1, max(-1, start - 4), -1):
        if analysis.hard_before[j + 1] or analysis.soft_before[j + 1]:
            return start
        if tokens[j].low in _DETERMINERS:
            return j
        if tokens[j].low in HUMAN_VERBS or tokens[j].low in CLAUSE_STARTERS or tokens[j].possessive:
            return start
    return start
