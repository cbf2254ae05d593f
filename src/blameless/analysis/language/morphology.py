"""Derivational families, so a rule names a lexeme once and matches all its forms.

"careless" also matches carelessly and carelessness; "suspend" also suspended, suspending,
suspends and (given as `suspend:suspension`) its noun. The generator is deliberately small:
English suffix rules for the regular cases, and explicit derived nouns where spelling changes.
"""

from __future__ import annotations

import re


def adjective_family(stems: str) -> frozenset[str]:
    """Adjectives with their adverbs and abstract nouns.

    careless -> carelessly, carelessness; sloppy -> sloppily, sloppiness; negligent ->
    negligently, negligence, negligency; arrogant -> arrogance; irresponsible -> irresponsibly,
    irresponsibility; idiotic -> idiotically. A `noun+ish` entry also gives the noun's
    adjective ("amateur+ish" -> amateur, amateurish, amateurishly, amateurishness).
    """
    forms: set[str] = set()
    for entry in stems.split():
        if "+" in entry:
            noun, suffix = entry.split("+")
            forms.add(noun)
            entry = noun + suffix
        forms.add(entry)
        if entry.endswith("y") and entry[-2] not in "aeiou":
            root = entry[:-1]
            forms |= {root + "ily", root + "iness"}
        elif entry.endswith(("ent", "ant")):
            forms |= {entry + "ly", entry[:-1] + "ce", entry[:-1] + "cy"}
        elif entry.endswith("ble"):
            forms |= {entry[:-1] + "y", entry[:-3] + "bility"}
        elif entry.endswith("ic"):
            forms.add(entry + "ally")
        else:
            forms |= {entry + "ly", entry + "ness"}
    return frozenset(forms)


def verb_family(stems: str) -> frozenset[str]:
    """Verbs with their inflections and, when given as `verb:noun`, their derived noun.

    punish:punishment -> punish, punishes, punished, punishing, punishment, punishments;
    bar -> bars, barred, barring (a final consonant after one vowel doubles). A trailing `~`
    keeps only the past and -ing forms, for verbs whose base is also an everyday adjective or
    noun ("fine~" -> fined, fining: "fine" itself is not a penalty).
    """
    forms: set[str] = set()
    for entry in stems.split():
        verb, _, noun = entry.partition(":")
        inflected_only = verb.endswith("~")
        verb = verb.rstrip("~")
        past, ing, third = _inflections(verb)
        forms |= {past, ing}
        if not inflected_only:
            forms |= {verb, third}
        if noun:
            forms |= {noun, noun + "s"}
    return frozenset(forms)


def inflections(stems: str) -> frozenset[str]:
    """Past, -ing and third-person forms of verbs ("push" -> pushed, pushing, pushes; "skip" ->
    skipped, skipping, skips), without the base form."""
    return frozenset(form for verb in stems.split() for form in _inflections(verb))


def _inflections(verb: str) -> tuple[str, str, str]:
    if verb.endswith("e"):
        return verb + "d", verb[:-1] + "ing", verb + "s"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ied", verb + "ing", verb[:-1] + "ies"
    if verb.endswith(("s", "x", "sh", "ch")):
        return verb + "ed", verb + "ing", verb + "es"
    if _doubles(verb):
        return verb + verb[-1] + "ed", verb + verb[-1] + "ing", verb + "s"
    return verb + "ed", verb + "ing", verb + "s"


def _doubles(verb: str) -> bool:
    """One-syllable consonant-vowel-consonant verbs double the consonant (bar, ban, drop)."""
    vowels = sum(1 for c in verb if c in "aeiou")
    return (
        vowels == 1
        and len(verb) >= 3
        and verb[-1] not in "aeiouwxy"
        and verb[-2] in "aeiou"
        and verb[-3] not in "aeiou"
    )


# British and American endings: disorganised/disorganized, analyse/analyze, behaviour/behavior.
_BRITISH = (("isation", "ization"), ("ised", "ized"), ("ising", "izing"), ("ises", "izes"))
_BRITISH_TAIL = (("ise", "ize"), ("yse", "yze"), ("our", "or"), ("ours", "ors"))


def spelling_variants(word: str) -> tuple[str, ...]:
    """The word and its other spelling (-ise/-ize, -yse/-yze, -our/-or), so a lexicon written in
    one spelling matches both: "disorganized" -> ("disorganized", "disorganised")."""
    for british, american in _BRITISH + _BRITISH_TAIL:
        if word.endswith(american) and len(word) > len(american) + 2:
            return word, word[: -len(american)] + british
        if word.endswith(british) and len(word) > len(british) + 2:
            return word, word[: -len(british)] + american
    return (word,)


def alternation(forms: frozenset[str]) -> str:
    """A regex alternation of the forms, longest first, for `\\b(?:...)\\b` patterns."""
    return "|".join(re.escape(form) for form in sorted(forms, key=lambda f: (-len(f), f)))
