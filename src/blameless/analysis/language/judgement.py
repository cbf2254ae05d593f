"""An open lexicon of judgements, matched only in frames where it judges a person.

A broad negative lexicon (a filtered VADER subset plus project words) would flag "a careless
retry loop" or "a useless dashboard" if matched anywhere. So a word counts only when a person
frame holds it: "<person> was <word>", "how <word> <person> was", "as <word> as <person>",
"a <word> move by <person>", "<person>'s <word> decision", "<word> of <person> to ...".
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from blameless.analysis.language.agents import Agent, Lexicon, classify
from blameless.analysis.language.lexicons import AGENT_SKIP, PERSON_ARTIFACTS, vader_judgements
from blameless.analysis.language.morphology import adjective_family, spelling_variants
from blameless.analysis.language.text import Analysis

# Written for this project (Apache-2.0): judgements the VADER list lacks.
_PROJECT_WORDS = (
    "boneheaded cavalier inept clumsy absent-minded absentminded feckless bumbling lax "
    "dim-witted dimwitted half-assed ham-fisted cack-handed ham-handed pigheaded pig-headed "
    "gung-ho trigger-happy cocky sloppy negligent slapdash slipshod heedless inattentive "
    "overconfident complacent incompetent disrespectful unreliable lazy"
)


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_COPULAS = _set(
    "was is were are seemed seems seem looked looks appeared appears been being be sounded "
    "acted acts"
)
# Degree words between a copula and its adjective ("was hopelessly disorganised").
_DEGREE = _set(
    "so very too really pretty completely utterly extremely incredibly just plain downright "
    "frankly quite rather totally clearly simply also always often hopelessly genuinely "
    "remarkably astonishingly unbelievably a bit little somewhat that"
)
# What a person does or decides: "a boneheaded move by X", "X's cavalier approach".
_ACT_NOUNS = PERSON_ARTIFACTS | _set(
    "move moves decision decisions call choice choices handling work job effort performance "
    "behavior behaviour conduct approach response judgment judgement attitude idea stunt "
    "blunder blunders"
)


@cache
def judgement_words() -> frozenset[str]:
    """Judgement adjectives and epithets in both spellings (disorganised/disorganized), with
    their adverbs and abstract nouns."""
    base = vader_judgements() | frozenset(_PROJECT_WORDS.split())
    forms = adjective_family(" ".join(base)) | base
    return frozenset(variant for form in forms for variant in spelling_variants(form))


def judged_people(analysis: Analysis, lex: Lexicon) -> Iterator[tuple[int, int]]:
    """Token spans (first, last) of a judgement word in a person frame."""
    words = judgement_words()
    if analysis.words.isdisjoint(words):
        return
    tokens = analysis.tokens
    for i, token in enumerate(tokens):
        if token.low not in words:
            continue
        span = _frame(analysis, i, lex)
        if span is not None:
            yield span


def _frame(analysis: Analysis, i: int, lex: Lexicon) -> tuple[int, int] | None:
    tokens = analysis.tokens
    before = _skip_back(analysis, i - 1)
    if before >= 0 and tokens[before].low in _COPULAS:
        subject = _skip_back(analysis, before - 1, _AGENT_ADVERBS)
        if (
            subject >= 0
            and not tokens[subject].possessive
            and _person_or_name(analysis, subject, lex)
        ):
            return subject, i  # "Lisbeth was hopelessly disorganised"
        if before >= 1 and tokens[before - 1].low == "how":
            return None
    if before >= 0 and tokens[before].low == "how" and _person_then_copula(analysis, i + 1, lex):
        return before, i  # "how cavalier Femi was"
    nxt = i + 1
    if nxt + 1 < len(tokens) and not _broken(analysis, nxt):
        follower = tokens[nxt].low
        after = nxt + 1
        as_as = before >= 0 and tokens[before].low == follower == "as"
        if as_as and _person_at(analysis, after, lex):
            return before, after  # "as disorganised as Ingrid"
        if follower == "of" and tokens[after].low != "the" and _person_at(analysis, after, lex):
            return i, after  # "thoughtless of Renata to ..."
        if follower in _ACT_NOUNS:
            if tokens[after].low == "by" and _person_at(analysis, after + 1, lex):
                return i, after + 1  # "a boneheaded move by Hiroshi"
            if i and tokens[i - 1].possessive and _person(analysis, i - 1, lex):
                return i - 1, nxt  # "Tobias's pigheaded approach"
    return None


_AGENT_ADVERBS = AGENT_SKIP | frozenset({"honestly", "frankly", "always", "often"})


def _skip_back(analysis: Analysis, j: int, skip: frozenset[str] = _DEGREE) -> int:
    while j >= 0 and analysis.tokens[j].low in skip and not analysis.hard_before[j + 1]:
        j -= 1
    return j


def _broken(analysis: Analysis, j: int) -> bool:
    return analysis.hard_before[j] or analysis.soft_before[j]


def _person(analysis: Analysis, j: int, lex: Lexicon) -> bool:
    return classify(analysis, j, lex) is Agent.PERSON


def _person_or_name(analysis: Analysis, j: int, lex: Lexicon) -> bool:
    """A person, or an unclassified capitalised word shaped like a name ("Lisbeth")."""
    kind = classify(analysis, j, lex)
    return kind is Agent.PERSON or (kind is None and lex.could_be_name(analysis, j))


def _person_at(analysis: Analysis, j: int, lex: Lexicon) -> bool:
    """A person phrase starting at `j` ("the duty manager", "Cormac", "someone")."""
    tokens = analysis.tokens
    for k in range(j, min(j + 4, len(tokens))):
        if k > j and _broken(analysis, k):
            return False
        if _person_or_name(analysis, k, lex) if k == j else _person(analysis, k, lex):
            return not tokens[k].possessive  # "the vendor's status page" is no person
        if classify(analysis, k, lex) is not None:
            return False
    return False


def _person_then_copula(analysis: Analysis, j: int, lex: Lexicon) -> bool:
    """ "(how cavalier) Femi was", "(how gullible) the night clerk was"."""
    tokens = analysis.tokens
    for k in range(j, min(j + 5, len(tokens) - 1)):
        if _broken(analysis, k + 1):
            return False
        if tokens[k].possessive:
            continue  # "how feckless the vendor's support team is": the head comes later
        if _person_or_name(analysis, k, lex) if k == j else _person(analysis, k, lex):
            return tokens[k + 1].low in _COPULAS or tokens[k + 1].low in {"had", "has", "have"}
    return False
