"""Tokens with offsets, quote spans and clause boundaries, computed once per unit text."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Hashable
from functools import lru_cache
from typing import NamedTuple

_TOKEN = re.compile(r"[@\w][\w\-]*(?:['’][\w]+)*")
# A quote opens after a non-word character and closes before one, so "Katya's" is no quote;
# inside a quote an apostrophe between letters is no close ("'a clerk's mistake'").
_QUOTE = re.compile(
    r"""(?<!\w)(?:'((?:[^'\n]|(?<=\w)'(?=\w)){2,}?)'|‘((?:[^’\n]|(?<=\w)’(?=\w)){2,}?)’"""
    r"""|"([^"\n]{2,}?)"|“([^”\n]{2,}?)”)(?!\w)"""
)
_HARD_BOUNDARY = re.compile(r"[;()\[\]—–]|:\s|\s-\s|\s--\s")
_SOFT_BOUNDARY = re.compile(r",")


class Token(NamedTuple):
    """One word: its exact span, lowercase form, and base (possessive `'s` removed)."""

    start: int
    end: int
    text: str
    low: str
    base: str
    possessive: bool
    capitalized: bool


class Analysis:
    """What the rules need to know about one piece of text, computed once."""

    __slots__ = (
        "_starts",
        "hard_before",
        "memo",
        "quotes",
        "soft_before",
        "text",
        "tokens",
        "words",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        # Derived facts that depend on more than the text (e.g. agent classes under a lexicon),
        # computed once per key by the language layer; an analysis is shared by every rule.
        self.memo: dict[Hashable, object] = {}
        tokens: list[Token] = []
        for match in _TOKEN.finditer(text):
            word = match.group()
            low = word.lower()
            if "’" in low:
                low = low.replace("’", "'")
            possessive = low.endswith("'s")
            base = low[:-2] if possessive else low
            start, end = match.span()
            tokens.append(Token(start, end, word, low, base, possessive, word[0].isupper()))
        self.tokens = tokens
        words = {t.low for t in tokens} | {t.base for t in tokens}
        for token in tokens:
            if "-" in token.low or "_" in token.low:
                # "lunch-and-learn" also holds "lunch", "HUMAN_ERROR" also "error"
                words.update(token.low.replace("_", "-").split("-"))
        self.words = frozenset(words)
        self._starts = [t.start for t in tokens]
        self.quotes = [m.span() for m in _QUOTE.finditer(text)] if _has_quote(text) else []
        hard: list[bool] = []
        soft: list[bool] = []
        previous_end = 0
        for token in tokens:
            gap = text[previous_end : token.start]
            if gap == " ":  # most words are apart by one space: no boundary
                hard.append(False)
                soft.append(False)
            else:
                hard.append(bool(_HARD_BOUNDARY.search(gap)))
                soft.append("," in gap)
            previous_end = token.end
        self.hard_before = hard
        self.soft_before = soft

    def index_at(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect_left(self._starts, offset)

    def quoted(self, offset: int) -> bool:
        """Whether a character offset lies inside a quotation."""
        return any(start < offset < end for start, end in self.quotes)

    def has_any(self, words: frozenset[str]) -> bool:
        """Cheap prefilter: does any of `words` occur as a token?"""
        return not self.words.isdisjoint(words)


def _has_quote(text: str) -> bool:
    return "'" in text or '"' in text or "‘" in text or "“" in text


@lru_cache(maxsize=2048)
def analyze(text: str) -> Analysis:
    """The shared, cached analysis of a unit's text."""
    return Analysis(text)
