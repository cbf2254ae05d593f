"""Who acts in a sentence: a person (name, role, pronoun, team) or a system (tool, service, bot).

Naming is not blaming, so these helpers only classify; the rules decide what is blame.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING

from blameless.analysis.language.lexicons import (
    AGENT_SKIP,
    CLAUSE_STARTERS,
    DETERMINER_PRONOUNS,
    HONORIFICS,
    HUMAN_AGENT_MODIFIERS,
    HUMAN_STEMS,
    HUMAN_VERBS,
    INTERROGATIVE_HOSTS,
    NEGATIVE_AGENTS,
    NOUN_SUFFIXES,
    OPERATOR_SYSTEM_MODIFIERS,
    PERSON_ARTIFACTS,
    PERSON_NOUNS,
    PERSON_POSSESSIONS,
    PERSON_PRONOUNS,
    SYSTEM_NOUNS,
    TEAM_NAMES,
    common_words,
    first_names,
    system_names,
    word_names,
)
from blameless.analysis.language.roles import (
    human_system_role,
    names_a_thing,
    prefixed_role,
    titled,
)
from blameless.analysis.language.text import Analysis, Token

if TYPE_CHECKING:
    from blameless.analysis.context import Context

_APPOSITIVE_DETERMINERS = frozenset({"the", "our", "a", "an", "their", "its"})
_APPOSITIVE_SYSTEMS = frozenset({"autoscaler", "operator", "assistant", "robot", "engine"})
# Lexicon words are never unlisted names, capitalised or not.
_ORDINARY = (
    SYSTEM_NOUNS | PERSON_NOUNS | AGENT_SKIP | CLAUSE_STARTERS | HUMAN_VERBS | PERSON_ARTIFACTS
)


class Agent(Enum):
    PERSON = "person"
    SYSTEM = "system"
    NOBODY = "nobody"


@dataclass(frozen=True)
class Lexicon:
    """Names for one lint run: bundled lists plus the configured systems and roster."""

    systems: frozenset[str]
    roster: frozenset[str]

    def is_name(self, analysis: Analysis, i: int) -> bool:
        """Whether token `i` is a person's name (not a system that looks like one)."""
        token = analysis.tokens[i]
        base = token.base
        if base in self.systems:
            return False
        if base in self.roster or (base.startswith("@") and "bot" not in base):
            return True
        if not token.capitalized:
            return base in first_names() and _chat_subject(analysis, i)
        if base in common_words():
            return False
        if base in first_names():
            return not _followed_by_system(analysis, i)
        if base in word_names() or _name_shaped(token):
            return _in_agent_position(analysis, i) and not _followed_by_system(analysis, i)
        return False

    def could_be_name(self, analysis: Analysis, i: int) -> bool:
        """Whether token `i` may be a given name or surname, for slots that only people fill
        ("All Mohammed had to do", "Lorcan was punished"): capitalised, no system, no listed
        ordinary word."""
        token = analysis.tokens[i]
        base = token.base
        return (
            token.capitalized
            and base not in self.systems
            and base not in common_words()
            and (base in first_names() or base in word_names() or _name_shaped(token))
        )

    def with_systems(self, words: frozenset[str]) -> Lexicon:
        """This lexicon with `words` read as systems (pronouns that point back to things)."""
        return _with_systems(self, words)


def _chat_subject(analysis: Analysis, i: int) -> bool:
    """ "sam shouldve drained the node": in chat, a lowercase given name opening a clause before
    a human or hindsight verb is a person."""
    tokens = analysis.tokens
    after = i + 1
    return (
        (i == 0 or analysis.hard_before[i] or analysis.soft_before[i])
        and after < len(tokens)
        and not analysis.hard_before[after]
        and tokens[after].low in HUMAN_VERBS
    )


def _acting_team(analysis: Analysis, i: int) -> bool:
    """ "Ops should have caught this", "QA let it through": a capitalised department acting."""
    tokens = analysis.tokens
    after = i + 1
    return (
        tokens[i].capitalized
        and (tokens[i].base != "it" or tokens[i].text == "IT")
        and after < len(tokens)
        and not analysis.hard_before[after]
        and not analysis.soft_before[after]
        and tokens[after].low in HUMAN_VERBS
    )


def _name_shaped(token: Token) -> bool:
    """An unlisted word that could be a given name: "Kwame", not "GitHub", "CI" or "Latency"."""
    word = token.text[:-2] if token.possessive else token.text
    rest = word[1:].replace("-", "")  # "Ye-jin", "Jean-luc"
    return (
        len(word) > 1
        and rest.isalpha()
        and rest.islower()
        and not token.base.endswith(NOUN_SUFFIXES)
        and token.base not in _ORDINARY
    )


def _in_agent_position(analysis: Analysis, i: int) -> bool:
    """A capitalised word acting as a person: subject of a human verb ("Kwame triggered",
    "Varga simply skipped"), possessor of a change or of access ("Sunny's migration", "Jade's
    access"), antecedent of "who" ("Cash, who re-ran ..."), after a title ("Mr. Castillo"), or
    the agent after "by" ("messed up by Ivy")."""
    tokens = analysis.tokens
    token = tokens[i]
    if relative_antecedent(analysis, i):
        return True
    after = i + 1
    if after < len(tokens) and not analysis.hard_before[after] and not analysis.soft_before[after]:
        if token.possessive:
            following = tokens[after : after + 2]
            return any(
                t.base in PERSON_ARTIFACTS or t.base in PERSON_POSSESSIONS for t in following
            )
        while after < len(tokens) - 1 and tokens[after].low in AGENT_SKIP:
            after += 1  # "Park simply forgot", "Grace still failed to"
        if (
            tokens[after].low in HUMAN_VERBS
            or _fails_human_act(analysis, after)
            or _modal_subject(analysis, after)
        ):
            return True
    if i == 0 or analysis.hard_before[i]:
        return False
    before = tokens[i - 1].low
    return (
        before == "by"
        or before in HONORIFICS
        or (i > 1 and (tokens[i - 2].low, before) in _CAUSE_OBJECT)
    )


# "River could have limited", "Cliff will be moved off", "Dawn just had to": a modal or
# perfect auxiliary with its verb is a clause's predicate, so the word before it is its subject.
_AUXILIARIES = frozenset(
    [
        "could",
        "should",
        "would",
        "might",
        "must",
        "will",
        "won't",
        "can't",
        "couldn't",
        "shouldn't",
        "wouldn't",
        "had",
        "has",
    ]
)
_AUXILIARY_VERBS = frozenset({"have", "be", "been", "to"})


def _modal_subject(analysis: Analysis, j: int) -> bool:
    tokens = analysis.tokens
    return (
        tokens[j].low in _AUXILIARIES
        and j + 1 < len(tokens)
        and tokens[j + 1].low in _AUXILIARY_VERBS
        and not analysis.hard_before[j + 1]
    )


def _fails_human_act(analysis: Analysis, j: int) -> bool:
    """ "failed to escalate": failing at a deliberate human act marks a person, not a system;
    a listed given name ("Chance failed to open") fails at anything as a person."""
    tokens = analysis.tokens
    return (
        tokens[j].low in {"failed", "fails"}
        and j + 2 < len(tokens)
        and tokens[j + 1].low == "to"
        and (tokens[j + 2].low in HUMAN_STEMS or tokens[j - 1].base in word_names())
    )


def relative_antecedent(analysis: Analysis, i: int) -> bool:
    """Whether token `i` is the noun a relative "who" refers to: "the installer who took ...",
    "the culprit was Cash, who ...". Only people take "who", so the noun is a person."""
    tokens = analysis.tokens
    j = i + 1
    if j >= len(tokens) or tokens[j].low not in {"who", "whom"} or analysis.hard_before[j]:
        return False
    token = tokens[i]
    return (
        token.text.isalpha()
        and token.low not in INTERROGATIVE_HOSTS
        and (i == 0 or tokens[i - 1].low != "to")
    )


# "traces back to Tamsin", "because of Oyelaran": the object of a causal phrase is the agent.
_CAUSE_OBJECT = frozenset(
    [
        ("back", "to"),
        ("down", "to"),
        ("due", "to"),
        ("thanks", "to"),
        ("because", "of"),
        ("courtesy", "of"),
        ("result", "of"),
    ]
)


def _followed_by_system(analysis: Analysis, i: int) -> bool:
    """ "Harvey, the release bot" / "Travis CI": a name-like word that names a system."""
    tokens = analysis.tokens
    if tokens[i].possessive:
        return False
    j = i + 1
    if j < len(tokens) and not analysis.hard_before[j]:
        nxt = tokens[j]
        if nxt.base in SYSTEM_NOUNS or (nxt.text.isupper() and len(nxt.text) > 1):
            return not analysis.soft_before[j]
        if analysis.soft_before[j] and nxt.low in _APPOSITIVE_DETERMINERS:
            for k in range(j + 1, min(j + 5, len(tokens))):
                if tokens[k].base in SYSTEM_NOUNS or tokens[k].base in _APPOSITIVE_SYSTEMS:
                    return True
    return False


@lru_cache(maxsize=64)
def _lexicon(systems: tuple[str, ...], roster: tuple[str, ...]) -> Lexicon:
    return Lexicon(
        systems=system_names() | frozenset(s.lower() for s in systems),
        roster=frozenset(roster),
    )


@lru_cache(maxsize=64)
def _with_systems(lex: Lexicon, words: frozenset[str]) -> Lexicon:
    return Lexicon(systems=lex.systems | words, roster=lex.roster)


def lexicon_for(ctx: Context | None) -> Lexicon:
    """The lexicon for a context (cached on the configured systems and roster)."""
    if ctx is None:
        return _lexicon((), ())
    lexicon: Lexicon | None = ctx.cache.get(_LEXICON_KEY)
    if lexicon is None:  # every rule asks for it on every unit: build it once per document
        lexicon = ctx.cache[_LEXICON_KEY] = _build_lexicon(ctx)
    return lexicon


_LEXICON_KEY = ("language", "lexicon")


def _build_lexicon(ctx: Context) -> Lexicon:
    roster: list[str] = []
    for key in ctx.people:
        for part in key.lower().replace("@", " @").split():
            roster.append(part)
    return _lexicon(tuple(ctx.config.systems), tuple(sorted(roster)))


def classify(analysis: Analysis, i: int, lex: Lexicon) -> Agent | None:
    """Is token `i` a person, a system, a negative agent ("nobody"), or neither?"""
    token = analysis.tokens[i]
    base = token.base
    if base in NEGATIVE_AGENTS or (base == "one" and i > 0 and analysis.tokens[i - 1].low == "no"):
        return Agent.NOBODY
    if titled(analysis, i):
        return Agent.PERSON  # "Ms Page", "T. Okonkwo", whatever the surname also means
    if base in lex.systems:
        return Agent.SYSTEM
    if human_system_role(analysis, i):
        return Agent.PERSON
    if base in TEAM_NAMES and _acting_team(analysis, i):
        return Agent.PERSON
    if base in {"agent", "agents"} and i and analysis.tokens[i - 1].low in HUMAN_AGENT_MODIFIERS:
        return Agent.PERSON
    if base in DETERMINER_PRONOUNS:
        return None
    if base in PERSON_NOUNS or base in PERSON_PRONOUNS or prefixed_role(base):
        return _role(analysis, i)
    if _contracted_pronoun(token.low):
        return Agent.PERSON  # "I'll have to redo", "she'd been told"
    if lex.is_name(analysis, i):
        return Agent.PERSON
    if relative_antecedent(analysis, i) and base not in lex.systems:
        return Agent.PERSON  # "the third-party installer who ..."
    if base in SYSTEM_NOUNS:
        return Agent.SYSTEM
    return None


_CONTRACTED = frozenset({"i", "he", "she", "we", "they", "you"})
_CONTRACTIONS = ("'ll", "'m", "'d", "'ve", "'re", "’ll", "’m", "’d", "’ve", "’re")


def _contracted_pronoun(low: str) -> bool:
    """A personal pronoun with a contracted auxiliary: "I'll", "she'd", "they've"."""
    if not low.endswith(_CONTRACTIONS):
        return False
    return low[: low.rfind("'" if "'" in low else "’")] in _CONTRACTED


def _role(analysis: Analysis, i: int) -> Agent | None:
    tokens = analysis.tokens
    token = tokens[i]
    previous = tokens[i - 1] if i > 0 and not analysis.hard_before[i] else None
    if (
        token.base in {"operator", "operators"}
        and previous is not None
        and (
            previous.base in OPERATOR_SYSTEM_MODIFIERS
            or (previous.capitalized and i > 1 and previous.base not in first_names())
        )
    ):
        return Agent.SYSTEM
    if token.low == "us" and token.text == "US":
        return None  # the country, as in "the US team"
    if names_a_thing(analysis, i):
        return Agent.SYSTEM
    nxt = tokens[i + 1] if i + 1 < len(tokens) and not analysis.hard_before[i + 1] else None
    if (
        nxt is not None
        and not token.possessive
        and token.base not in PERSON_PRONOUNS
        and not analysis.soft_before[i + 1]
        and nxt.base in SYSTEM_NOUNS
        and nxt.base not in {"team", "group"}
    ):
        return None  # a modifier: "developer access", "customer configuration"
    return Agent.PERSON


def agent_before(analysis: Analysis, index: int, lex: Lexicon, limit: int = 8) -> Agent | None:
    """The nearest agent left of token `index` in the same clause (the verb's likely subject)."""
    stop = max(0, index - limit)
    for j in range(index - 1, stop - 1, -1):
        token = analysis.tokens[j]
        if token.low in AGENT_SKIP:
            if analysis.hard_before[j]:
                return None
            continue
        kind = classify(analysis, j, lex)
        if kind is not None:
            return kind
        if analysis.hard_before[j] or token.low in CLAUSE_STARTERS:
            return None
    return None


def clause_start(analysis: Analysis, index: int) -> int:
    """Index of the first token of the clause holding token `index`."""
    for j in range(index, 0, -1):
        if analysis.hard_before[j] or analysis.tokens[j - 1].low in CLAUSE_STARTERS:
            return j
    return 0


def clause_subject(analysis: Analysis, index: int, lex: Lexicon) -> tuple[Agent, int] | None:
    """The first agent of the clause holding token `index`, with its token index."""
    for j in range(clause_start(analysis, index), index):
        kind = classify(analysis, j, lex)
        if kind is not None:
            return _head(analysis, j, index, lex) if kind is Agent.SYSTEM else (kind, j)
    return None


def _head(analysis: Analysis, j: int, limit: int, lex: Lexicon) -> tuple[Agent, int]:
    """ "The network engineering team": a system word modifying a person noun is no agent."""
    for k in range(j + 1, min(j + 3, limit)):
        if analysis.hard_before[k] or analysis.soft_before[k]:
            break
        if (
            analysis.tokens[k].base in PERSON_NOUNS
            and analysis.tokens[k].base not in PERSON_PRONOUNS
            and classify(analysis, k, lex) is Agent.PERSON  # not "the Kafka operator"
        ):
            return Agent.PERSON, k
    return Agent.SYSTEM, j
