"""Pure, fast language helpers for the rules: tokens, lexicons, agents, cues and suggestions."""

from blameless.analysis.language.agents import (
    Agent,
    Lexicon,
    agent_before,
    classify,
    clause_subject,
    lexicon_for,
)
from blameless.analysis.language.cues import dismissed, meta_talk, negated
from blameless.analysis.language.roles import person_span
from blameless.analysis.language.text import Analysis, Token, analyze

__all__ = [
    "Agent",
    "Analysis",
    "Lexicon",
    "Token",
    "agent_before",
    "analyze",
    "classify",
    "clause_subject",
    "dismissed",
    "lexicon_for",
    "meta_talk",
    "negated",
    "person_span",
]
