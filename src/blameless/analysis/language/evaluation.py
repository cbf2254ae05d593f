"""Negative evaluation of a person's act, composed from a person subject and an evaluative frame.

Blame often carries no blame word: "Ferdinand made a hash of the upload", "Procurement sat on the
renewal for a month", "she was told twice and still went ahead", "rushed it to get home". Each
frame here needs a person (name, role, team, pronoun) as the subject of the act, so the same
words about a system ("the loader made a hash of the dates") stay clean. Four families:

- evaluative heads: make a (right) mess/hash/shambles of, a handling that was a fiasco, out of
  his depth, pushing half-baked builds, simply doesn't understand, couldn't be bothered;
- obligations not met: told/asked/warned to ... and still/anyway; needed to X before he Y-ed;
- neglect over a duration: sat on / ignored / left X unanswered for three weeks;
- imputed motives: rushed X to get home, skipped X so she could leave early.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum
from functools import lru_cache

from blameless.analysis.language.agents import (
    Agent,
    Lexicon,
    classify,
    clause_start,
    clause_subject,
)
from blameless.analysis.language.cues import dismissed
from blameless.analysis.language.lexicons import TEAM_NAMES
from blameless.analysis.language.morphology import inflections
from blameless.analysis.language.text import Analysis


class Frame(Enum):
    EVALUATED = "evaluated"  # judges the act or the person's competence
    UNMET = "unmet"  # an obligation or a duty left undone


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_HEADS = (
    r"(?:mess|hash|hash-up|botch|botch-up|bodge|bodge-job|shambles|fiasco|muddle|balls-up"
    r"|cock-up|pig's ear|pig’s ear|dog's breakfast|dog’s breakfast|disaster|pig's breakfast"
    r"|car crash|train wreck|trainwreck|farce|joke|mockery)"
)
_INTENSE = r"(?:(?:right|complete|total|proper|real|royal|absolute|utter|bit of|bit of a|huge) )?"
_PRODUCT_FAULTS = (
    r"(?:half-baked|half-finished|half-arsed|half-assed|shoddy|slapdash|sloppy|shabby|botched"
    r"|bodged|careless|lazy|amateurish|sub-?par|substandard|crappy|shitty|lousy|untested|rushed)"
)
_EVALUATED = re.compile(
    rf"\b(?:(?:made|make|makes|making) (?:a |an |the |this |such a |such an )?{_INTENSE}{_HEADS}"
    r"(?: of)?"
    rf"|(?:was|is|were|are|has been) (?:a |an )?{_INTENSE}{_HEADS}\b(?! of)"
    r"|(?:out of|beyond) (?:his|her|their|my|our|your) depth|in over (?:his|her|their|my|our) head"
    + r"|"
    + _PRODUCT_FAULTS
    + r" (?:[\w-]+ )?(?:builds?|releases?|patch(?:es)?|code|changes?|fix(?:es)?|work|job|configs?"
    r"|scripts?|migrations?|deploys?|deployments?|updates?)"
    r"|(?:simply|just|clearly|obviously|plainly|still|really|evidently) (?:doesn't|does not"
    r"|didn't|did not|don't|do not|can't|cannot) (?:understand|know|grasp|get|see) "
    r"(?:how|what|why|the (?:basics|difference|point))"
    r"|(?:couldn't|could not|can't|cannot|can never|could never|never|wouldn't) be bothered)",
    re.IGNORECASE,
)
_ACT_NOUNS = _set("handling management work job effort running execution attempt performance")

_TOLD = r"(?:told|asked|warned|reminded|instructed|advised|ordered|cautioned|begged)"
_UNMET = re.compile(
    rf"\b(?:(?:was|were|had been|been) {_TOLD}(?: (?:twice|again|repeatedly|explicitly|clearly"
    r"|more than once|three times|several times))?(?: not)? (?:to|about)\b"
    r"|(?:needed|need|needs|was supposed|were supposed|was meant|were meant|ought) to)",
    re.IGNORECASE,
)
_DEFIANCE = _set("anyway anyhow regardless nevertheless nonetheless regardless still ahead")
_CONTRARY = _set("and but yet")

_DURATION = (
    r"for (?:a |an |the |over |more than |nearly |almost |at least |a whole |a full |several "
    r"|two |three |four |five |six |seven |eight |nine |ten |\d+ |many |weeks? |days? )*"
    r"(?:whole |full |entire )?(?:hours?|days?|weeks?|months?|years?|fortnight|quarter|sprints?)"
)
_NEGLECT = re.compile(
    r"\b(?:(?:sat|sits|sit|sitting) on|ignored|ignores|ignoring|parked|shelved|left|leaves"
    r"|leaving|let)\b(?: [\w'’-]+){1,5}? " + _DURATION,
    re.IGNORECASE,
)
# "sat on the bridge call for three hours" is work, not neglect.
_SEATS = _set("call bridge line phone rota board panel committee chair floor fence couch sofa desk")
_UNDONE = _set("open pending sitting unattended waiting idle rotting")

_HASTE = inflections("rush hurry skip skimp bypass cut") | _set("cut rushed skipped")
_CONVENIENCE = re.compile(
    r"\b(?:so (?:that )?(?:he|she|they|i|we) (?:could|can|would)|in order to|to)"
    r" (?:(?:leave|go|get|head|knock|clock|sign) (?:off |out |away )?(?:early|home|on time)"
    r"|(?:get|go|head) (?:home|away|out)|(?:catch|make) (?:a|an|the|his|her|their|my) "
    r"(?:[\w-]+ )?(?:train|flight|bus|ferry|dinner|date|appointment)"
    r"|beat the (?:traffic|rush)|(?:hit|make) the (?:date|deadline)|start (?:the|his|her|their)"
    r" (?:weekend|holiday|leave)|knock off|clock off)",
    re.IGNORECASE,
)


# Prefilters: a frame's regex runs only when one of its words is in the text.
_EVALUATED_WORDS = _set(
    "mess hash hash-up botch botch-up bodge bodge-job shambles fiasco muddle balls-up cock-up "
    "ear breakfast disaster crash wreck trainwreck farce joke mockery depth head half-baked "
    "half-finished half-arsed half-assed shoddy slapdash sloppy shabby botched bodged careless "
    "lazy amateurish subpar sub-par substandard crappy shitty lousy untested rushed understand "
    "know grasp get see bothered"
)
_UNMET_WORDS = _set("told asked warned reminded instructed advised ordered cautioned begged") | (
    _set("needed need needs supposed meant ought")
)
_NEGLECT_WORDS = _set("hours hour days day weeks week months month years year fortnight sprint")
_CONVENIENCE_WORDS = _set(
    "early home away train flight bus ferry traffic date deadline weekend off"
)


def negative_acts(analysis: Analysis, lex: Lexicon) -> tuple[tuple[int, int, Frame], ...]:
    """Character spans of a negative evaluation of a person's act, with the frame family."""
    words = analysis.words
    if (
        words.isdisjoint(_EVALUATED_WORDS)
        and words.isdisjoint(_UNMET_WORDS)
        and words.isdisjoint(_NEGLECT_WORDS)
        and words.isdisjoint(_CONVENIENCE_WORDS)
    ):
        return ()
    return _negative_acts(analysis, lex)


@lru_cache(maxsize=256)
def _negative_acts(analysis: Analysis, lex: Lexicon) -> tuple[tuple[int, int, Frame], ...]:
    return tuple(_frames(analysis, lex))


def _frames(analysis: Analysis, lex: Lexicon) -> Iterator[tuple[int, int, Frame]]:
    text, words = analysis.text, analysis.words
    if not words.isdisjoint(_EVALUATED_WORDS):
        for match in _EVALUATED.finditer(text):
            if _person_act(analysis, match.start(), lex, evaluative=True):
                yield match.start(), match.end(), Frame.EVALUATED
    if not words.isdisjoint(_UNMET_WORDS):
        for match in _UNMET.finditer(text):
            end = _unmet_end(analysis, match, lex)
            if end and _person_act(analysis, match.start(), lex):
                yield match.start(), end, Frame.UNMET
    if not words.isdisjoint(_NEGLECT_WORDS):
        for match in _NEGLECT.finditer(text):
            if _neglect(analysis, match) and _person_act(analysis, match.start(), lex):
                yield match.start(), match.end(), Frame.UNMET
    if not words.isdisjoint(_CONVENIENCE_WORDS):
        for match in _CONVENIENCE.finditer(text):
            act = _haste_or_self(analysis, match)
            if act is not None and _person_act(analysis, analysis.tokens[act].start, lex):
                yield analysis.tokens[act].start, match.end(), Frame.EVALUATED


def _person_act(analysis: Analysis, start: int, lex: Lexicon, *, evaluative: bool = False) -> bool:
    """Whether the act at char `start` has a person subject and is not quoted, negated or meta."""
    index = analysis.index_at(start)
    if index >= len(analysis.tokens) or dismissed(analysis, start, index):
        return False
    tokens = analysis.tokens
    if evaluative and index:
        # "Radek's handling (of the renewal) was a fiasco": a person's act as the subject
        for j in range(max(0, index - 6), index):
            if (
                tokens[j].possessive
                and j + 1 < index
                and tokens[j + 1].base in _ACT_NOUNS
                and classify(analysis, j, lex) is Agent.PERSON
            ):
                return True
        if tokens[index].low in {"out", "beyond", "in"}:
            return _subject_kind(analysis, index, lex) is not Agent.SYSTEM
    return _subject_kind(analysis, index, lex) is Agent.PERSON


def _subject_kind(analysis: Analysis, index: int, lex: Lexicon) -> Agent | None:
    """The clause subject, counting a capitalised team or a name-shaped word that opens the
    clause ("Procurement sat on ...", "Ottoline could not be bothered ...")."""
    subject = clause_subject(analysis, index, lex)
    if subject is not None:
        return subject[0]
    start = clause_start(analysis, index)
    token = analysis.tokens[start]
    if start < index and (
        (token.base in TEAM_NAMES and token.capitalized) or lex.could_be_name(analysis, start)
    ):
        return Agent.PERSON
    return None


def _unmet_end(analysis: Analysis, match: re.Match[str], lex: Lexicon) -> int:
    """End of an unmet obligation: told to X "and still/anyway" did Y, or needed to X "before
    he" did Y. Zero when the obligation may have been met."""
    tokens = analysis.tokens
    after = analysis.index_at(match.end())
    told = match.group().lower().startswith(("was", "were", "had", "been"))
    for j in range(after, len(tokens)):
        low = tokens[j].low
        if told and low in _CONTRARY:
            rest = {t.low for t in tokens[j + 1 : j + 5]}
            if rest & _DEFIANCE:
                return tokens[min(j + 4, len(tokens) - 1)].end
        if not told and low == "before" and j + 2 < len(tokens):
            pronoun, verb = tokens[j + 1], tokens[j + 2]
            if (pronoun.low in {"he", "she", "they", "i", "we"} and verb.low.endswith("ed")) or (
                pronoun.low in {"he", "she", "they"} and verb.low in _IRREGULAR_PAST
            ):
                return verb.end
    return 0


_IRREGULAR_PAST = _set("ran began went took sent hit put set made kicked wrote started")


def _neglect(analysis: Analysis, match: re.Match[str]) -> bool:
    """ "sat on the approval for three weeks", "left our ticket unanswered for nine days"."""
    phrase = match.group().lower()
    words = phrase.split()
    if words[0].startswith(("sat", "sit")):
        return not _SEATS & set(words[2:-1])
    if words[0].startswith(("left", "leav", "let")):
        return any(
            w in _UNDONE or (w.startswith("un") and w.endswith("ed") and len(w) > 5) for w in words
        )
    return True


def _haste_or_self(analysis: Analysis, match: re.Match[str]) -> int | None:
    """The act a convenience motive explains: a hasty act ("rushed the check to get home") or,
    when the motive's own subject is a pronoun ("so she could leave early"), the clause's verb."""
    tokens = analysis.tokens
    index = analysis.index_at(match.start())
    pronoun_motive = match.group().lower().startswith("so")
    for j in range(index - 1, max(-1, index - 8), -1):
        if analysis.hard_before[j + 1]:
            break
        if tokens[j].low in _HASTE:
            return j
        if pronoun_motive and tokens[j].low.endswith("ed") and j > 0:
            return j
    return None
