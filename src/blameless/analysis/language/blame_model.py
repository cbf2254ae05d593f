"""A small bundled linear model over words and language cues: the statistical stage of BL008.

Inference is pure Python: a unit's features are strings (lowercase words and bigrams, with
people and systems replaced by `<per>`/`<sys>`, plus cues from the language layer), and its
score is the bias plus the sum of their weights, looked up in a dict. The weights are trained
offline by `bench/train_blame_model.py` and shipped in `data/` (provenance in `SOURCES.md`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import cast

from blameless.analysis.language.agents import Agent, Lexicon, classify
from blameless.analysis.language.judgement import judgement_words
from blameless.analysis.language.lexicons import (
    META_CUES,
    NEGATIVE_AGENTS,
    NEGATORS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    SYSTEM_NOUNS,
    first_names,
)
from blameless.analysis.language.text import Analysis

_DATA = Path(__file__).with_name("data")
BLAME_WEIGHTS = _DATA / "blame_model.json"
ACTION_WEIGHTS = _DATA / "action_model.json"

_FIRST_PERSON = frozenset({"i", "me", "my", "i'm", "i've", "i'd", "myself"})
_HINDSIGHT = frozenset(
    {
        "should",
        "shouldn't",
        "shouldve",
        "could",
        "couldve",
        "ought",
        "failed",
        "forgot",
        "neglected",
    }
)


@dataclass(frozen=True)
class LinearModel:
    """Logistic regression weights: `probability` of the positive class for a feature list."""

    bias: float
    weights: dict[str, float]
    threshold: float

    def probability(self, features: Iterable[str]) -> float:
        """The model's probability that the unit is positive (blame, or person-focused)."""
        score = self.bias + sum(map(self.weights.get, features, repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def load_model(path: Path) -> LinearModel:
    """Read a weights file written by `bench/train_blame_model.py`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return LinearModel(
        bias=float(data["bias"]),
        weights={str(k): float(v) for k, v in data["weights"].items()},
        threshold=float(data["threshold"]),
    )


@lru_cache(maxsize=1)
def blame_model() -> LinearModel:
    """The bundled blame-tone model for sentences (loaded once)."""
    return load_model(BLAME_WEIGHTS)


@lru_cache(maxsize=1)
def action_model() -> LinearModel:
    """The bundled person-focused-item model for action items (loaded once)."""
    return load_model(ACTION_WEIGHTS)


def blame_probability(analysis: Analysis, lex: Lexicon) -> float:
    """The blame-tone model's probability for a unit, computed once per analysis and lexicon."""
    return _probability(blame_model(), "blame", analysis, lex)


def action_probability(analysis: Analysis, lex: Lexicon) -> float:
    """The person-focused-item model's probability for an action item (computed once)."""
    return _probability(action_model(), "action", analysis, lex)


def _probability(model: LinearModel, name: str, analysis: Analysis, lex: Lexicon) -> float:
    key = (name, lex)
    probability = analysis.memo.get(key)
    if probability is None:
        probability = analysis.memo[key] = model.probability(
            features(analysis, agents(analysis, lex))
        )
    return cast(float, probability)


def agents(analysis: Analysis, lex: Lexicon) -> Sequence[Agent | None]:
    """The agent class of every token (person, system, nobody or none), computed once per
    analysis and lexicon.

    Most tokens are lowercase words that `classify` cannot make an agent: it only does so for
    listed words (roles, pronouns, system nouns, names), role prefixes, handles and a noun
    before "who". Those tokens skip it, which keeps BL008 cheap enough to run by default.
    """
    key = ("agents", lex)
    kinds = analysis.memo.get(key)
    if kinds is None:
        kinds = analysis.memo[key] = _agents(analysis, lex)
    return cast("list[Agent | None]", kinds)


def _agents(analysis: Analysis, lex: Lexicon) -> list[Agent | None]:
    listed = _listed_agents(lex)
    tokens = analysis.tokens
    last = len(tokens) - 1
    return [
        classify(analysis, i, lex)
        if token.capitalized
        or token.base in listed
        or token.base.startswith(_AGENT_PREFIXES)
        or (i < last and tokens[i + 1].low in _RELATIVES)
        else None
        for i, token in enumerate(tokens)
    ]


_AGENT_PREFIXES = ("@", "sub", "co-", "vice-", "deputy-", "assistant-")
_RELATIVES = frozenset({"who", "whom"})


@lru_cache(maxsize=16)
def _listed_agents(lex: Lexicon) -> frozenset[str]:
    """Lowercase words `classify` may read as an agent under this lexicon."""
    return (
        lex.systems
        | lex.roster
        | first_names()
        | PERSON_NOUNS
        | PERSON_PRONOUNS
        | SYSTEM_NOUNS
        | NEGATIVE_AGENTS
        | {"one", "agent", "agents", "controller", "controllers", "monitor", "monitors"}
    )


def features(analysis: Analysis, kinds: Sequence[Agent | None]) -> list[str]:
    """Feature strings of a unit: words, bigrams with agents abstracted, and language cues."""
    words: list[str] = []
    for token, kind in zip(analysis.tokens, kinds, strict=True):
        if kind is Agent.PERSON and token.base not in PERSON_NOUNS:
            words.append("<per>'s" if token.possessive else "<per>")
        elif kind is Agent.SYSTEM:
            words.append("<sys>")
        elif token.low[0].isdigit():
            words.append("<num>")
        else:
            words.append(token.low)
    out = [f"w:{word}" for word in words]
    out.extend(f"b:{a} {b}" for a, b in zip(["<s>", *words], [*words, "</s>"], strict=True))
    out.extend(_cues(analysis, kinds))
    return out


def _cues(analysis: Analysis, kinds: Sequence[Agent | None]) -> list[str]:
    tokens = analysis.tokens
    lows = analysis.words
    cues: list[str] = []
    person = Agent.PERSON in kinds
    if person:
        cues.append("c:person")
        first = kinds.index(Agent.PERSON)
        if Agent.SYSTEM not in kinds[:first]:
            cues.append("c:person-first")
    if Agent.SYSTEM in kinds:
        cues.append("c:system")
    if not lows.isdisjoint(_FIRST_PERSON):
        cues.append("c:first-person")
    if not lows.isdisjoint(judgement_words()):
        cues.append("c:judgement+person" if person else "c:judgement")
    if not lows.isdisjoint(_HINDSIGHT):
        cues.append("c:hindsight+person" if person else "c:hindsight")
    if not lows.isdisjoint(NEGATORS) or any(t.low.endswith("n't") for t in tokens):
        cues.append("c:negation")
    if not lows.isdisjoint(META_CUES) or analysis.quotes:
        cues.append("c:meta")
    return cues
