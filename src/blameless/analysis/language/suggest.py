"""Suggestions built from the sentence itself: a systemic reframing and a "why was it possible?"."""

from __future__ import annotations

from blameless.analysis.language.lexicons import CLAUSE_STARTERS, PARTICIPLES
from blameless.analysis.language.text import Analysis

_PHRASE_STOP = frozenset(
    {"and", "which", "that", "when", "because", "so", "but", "while", "before"}
)
_MAX_WORDS = 8
_PREPOSITIONS = frozenset(
    [
        "against",
        "on",
        "in",
        "at",
        "to",
        "from",
        "into",
        "onto",
        "for",
        "during",
        "with",
        "without",
        "before",
        "after",
        "across",
        "by",
    ]
)
# "took down the cluster": the particle goes after the participle ("to be taken down").
_PARTICLES = frozenset(["down", "out", "up", "over", "off", "offline", "back"])


def phrase_after(analysis: Analysis, index: int) -> str:
    """The words from token `index` up to the next boundary or connector (at most 8)."""
    tokens = analysis.tokens
    end = index
    while (
        end < len(tokens)
        and end - index < _MAX_WORDS
        and tokens[end].low not in _PHRASE_STOP
        and tokens[end].low not in CLAUSE_STARTERS
        and (end == index or not (analysis.hard_before[end] or analysis.soft_before[end]))
    ):
        end += 1
    if end == index:
        return ""
    return " ".join(analysis.text[tokens[index].start : tokens[end - 1].end].split())


def participle(verb: str) -> str:
    """Past participle of a past-tense verb ("pushed" -> "pushed", "ran" -> "run")."""
    return PARTICIPLES.get(verb.lower(), verb.lower())


def action_question(analysis: Analysis, verb_index: int) -> str | None:
    """For "X ran the cleanup script against production": "What allowed the cleanup script to be
    run against production without a check catching it, ...?"."""
    tokens = analysis.tokens
    if verb_index >= len(tokens):
        return None
    verb = tokens[verb_index].low
    if not (verb.endswith("ed") or verb in PARTICIPLES):
        return None
    start = verb_index + 1
    particle = ""
    if start < len(tokens) and tokens[start].low in _PARTICLES:
        particle = " " + tokens[start].low
        start += 1
    phrase = phrase_after(analysis, start)
    verb_phrase = participle(verb) + particle
    if not phrase:
        return f"What made it possible for this to be {verb_phrase} without a safeguard?"
    words = phrase.split(" ")
    cut = next((k for k, word in enumerate(words) if k and word.lower() in _PREPOSITIONS), None)
    obj, rest = (
        (phrase, "") if cut is None else (" ".join(words[:cut]), " " + " ".join(words[cut:]))
    )
    return (
        f"What allowed {obj} to be {verb_phrase}{rest} without a check catching it, "
        "and what would make that safe next time?"
    )


def step_question(analysis: Analysis, index: int) -> str | None:
    """For "forgot to run the fuzzer": a question about making the step not depend on memory."""
    step = phrase_after(analysis, index)
    if not step:
        return None
    return (
        f"What would make '{step}' happen without anyone having to remember it "
        "(a default, a check in the pipeline, a prompt at the right moment)?"
    )


def object_question(analysis: Analysis, index: int) -> str | None:
    """For "screwed up the router change": a question about the thing, not the person."""
    obj = phrase_after(analysis, index)
    if not obj:
        return None
    return f"What about {obj} made this outcome possible, and what would catch it next time?"
