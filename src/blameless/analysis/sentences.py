"""A fast sentence splitter: one regex pass plus an abbreviation list, with exact offsets.

A sentence ends at `.`, `!` or `?` (and any closing quotes or brackets) followed by whitespace,
unless the word before the period is a known abbreviation or an initial ("J."), or the next
sentence would start with a lowercase letter ("e.g. the cache").

No sentence is longer than `MAX_SENTENCE` characters: a longer run (a pasted log line, prose
without full stops) is cut at the last clause boundary or space before the limit, so rules never
see an unbounded unit.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    {
        "e.g",
        "i.e",
        "etc",
        "vs",
        "cf",
        "approx",
        "incl",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "no",
        "fig",
        "ca",
        "min",
        "max",
        "sec",
        "hr",
        "hrs",
        "mins",
        "est",
        "dept",
        "inc",
        "ltd",
        "co",
        "corp",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "a.m",
        "p.m",
        "u.s",
    }
)

MAX_SENTENCE = 1000
_CLAUSE_END = re.compile(r"[,;:)\]]\s|\s[-–—]+\s")
# The word before the punctuation is found by `_word_before`, not by the pattern: a leading
# `[\w.]*` makes the regex quadratic on a long run of word characters (a pasted token).
_BOUNDARY = re.compile(r"([.!?]+)([\"')\]’”*_]*)\s+(?=(\S))")
_WORD_CHARS = re.compile(r"[\w.\-]")
_WORD_LOOKBACK = 16  # longer than any abbreviation, so a longer word is never one
_SPACE = " \t\r\n"


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans `(start, end)` of the sentences in `text[start:end]`, whitespace trimmed."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _BOUNDARY.finditer(text, start, end):
        if match.group(1) == "." and _is_abbreviation(_word_before(text, match.start(), begin)):
            continue
        if match.group(3).islower():
            continue
        _append(text, begin, match.end(2), spans)
        begin = match.end()
    _append(text, begin, end, spans)
    return spans


def _word_before(text: str, stop: int, floor: int) -> str:
    """The word (letters, digits, dots, dashes) ending at `stop`, if short enough to matter."""
    begin = stop
    while begin > floor and _WORD_CHARS.match(text, begin - 1) and stop - begin <= _WORD_LOOKBACK:
        begin -= 1
    return text[begin:stop]


def _is_abbreviation(word: str) -> bool:
    if len(word) == 1 and word.isalpha():
        return True  # an initial, "J. Smith", or a list label "a."
    return word.lower().lstrip("(") in ABBREVIATIONS


def _append(text: str, begin: int, stop: int, spans: list[tuple[int, int]]) -> None:
    while True:
        while begin < stop and text[begin] in _SPACE:
            begin += 1
        while stop > begin and text[stop - 1] in _SPACE:
            stop -= 1
        if stop - begin <= MAX_SENTENCE:
            break
        cut = _cut(text, begin, begin + MAX_SENTENCE)
        spans.append((begin, cut))
        begin = cut
    if stop > begin:
        spans.append((begin, stop))


def _cut(text: str, begin: int, limit: int) -> int:
    """Where to end an over-long sentence: after the last clause end, else space, before `limit`."""
    floor = begin + MAX_SENTENCE // 2  # never leave a tiny piece
    ends = [match.start() + 1 for match in _CLAUSE_END.finditer(text, floor, limit)]
    if ends:
        return ends[-1]
    space = max(text.rfind(char, floor, limit) for char in _SPACE)
    return space if space > floor else limit
