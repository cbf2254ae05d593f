"""Punishments phrased as decisions about a person (BL006): "Marco will not make uploads
anymore", "asked me to step back from", "will pay back part of", "his name in the bulletin"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from blameless.analysis.language import Agent, Analysis, Lexicon, analyze, clause_subject
from blameless.analysis.language.cues import meta_talk
from blameless.analysis.language.lexicons import first_names
from blameless.analysis.language.text import Token
from blameless.analysis.rule import Hit
from blameless.analysis.rules._helpers import any_person, words

# A person barred from a task: the negation or prohibition is the penalty. "won't need to" and
# "will no longer have to" relieve a person of a chore, so they are not prohibitions.
_RESTRICTED = re.compile(
    r"\b(?:(?:is|are|am|was|were|'m|'s|'re)? ?(?:not|no longer|(?:won't|will not|will no longer)"
    r" be) (?:allowed|permitted) (?:to|near|back)"
    r"|(?:will not|won't|will no longer|may no longer|can no longer|is no longer to)"
    r" (?!need\b|have\b|be\b|get\b|see\b|notice\b)[a-z]+)\b",
    re.IGNORECASE,
)
_FROM_NOW_ON = re.compile(
    r"\b(?:anymore|any more|again|until|for the rest of|for good|from now on|only internal"
    r"|for (?:the )?(?:next|rest|remainder))\b",
    re.IGNORECASE,
)
# Asked to step back: the step is imposed, not chosen.
_STEP_BACK = re.compile(
    r"\b(?:asked|told|requested|required|made|instructed|ordered)\b[^.;]{0,40}?"
    r"\b(?:step|stand)(?:s|ped|ping|ing)? (?:back|down|aside) from\b",
    re.IGNORECASE,
)
# A person's post put in question: "will review whether she stays on as coordinator".
_TENURE = re.compile(
    r"\b(?:review|decide|consider|discuss|assess|look at)(?:s|es|ed|ing)? whether (?:he|she|they"
    r"|[A-Z][a-z]+) (?:stays?|remains?|keeps? (?:his|her|their) (?:job|role|post|place)"
    r"|continues?|can stay|should stay)(?: on)?(?: as| in| at|\W*$)",
)
_REPAY = re.compile(
    r"\b(?:(?:pay|pays|paid|paying) back|repa(?:y|ys|id|ying)) (?:part|some|half|all|the cost"
    r"|the loss|the lost|the money|the difference)",
    re.IGNORECASE,
)
_DOCKED = re.compile(
    r"\b(?:deduct|dock)(?:s|ed|ing)? (?:[\w'’-]+ ){0,8}?from (?:the |his |her |their )?"
    r"(?:[\w.'’-]+['’]s )?(?:pay|wages?|salary|salaries|pay ?cheque|paycheck)\b",
    re.IGNORECASE,
)
_NAME_PUBLISHED = re.compile(
    r"\b(?:his|her|their|[\w-]+['’]s) names? (?:[\w-]+ ){0,3}?(?:in|into|on) (?:the |our |a |an "
    r"|every |each |next )?(?:[\w-]+ ){0,3}?(?:bulletin|digest|newsletter|notice ?board"
    r"|memo|round-?up|safety alert)s?\b",
    re.IGNORECASE,
)
_PULLED = re.compile(
    r"\b(?:pull|cut|revok|withdr[ae]w|suspend|disabl|remov)[a-z]* (?:[\w.'’-]+['’]s|his|her"
    r"|their) (?:[\w-]+ ){0,3}?(?:access|rights|privileges|badge|permissions)\b",
    re.IGNORECASE,
)
_TRIGGERS = words(
    "not no won't allowed permitted longer step stand stepped stepping pay paid paying repay "
    "repays repaid repaying deduct deducted dock docked name names pull pulled pulling cut "
    "revoked revoke withdrew withdrawn suspended disabled removed whether"
)


def decided_penalties(text: str, lex: Lexicon) -> Iterator[Hit]:
    """Penalties decided about a person, whatever words carry the decision."""
    analysis = analyze(text)
    if not analysis.has_any(_TRIGGERS):
        return
    for match in _RESTRICTED.finditer(text):
        index = analysis.index_at(match.start())
        allowed = "allowed" in match.group().lower() or "permitted" in match.group().lower()
        if (allowed or _FROM_NOW_ON.search(text, match.end())) and _person_subject(
            analysis, index, lex
        ):
            yield Hit(match.start(), match.end())
    for pattern in (_STEP_BACK, _DOCKED, _NAME_PUBLISHED, _PULLED, _TENURE):
        for match in pattern.finditer(text):
            if _live(analysis, match.start()) and any_person(analysis, lex):
                yield Hit(match.start(), match.end())
    for match in _REPAY.finditer(text):
        if _person_subject(analysis, analysis.index_at(match.start()), lex):
            yield Hit(match.start(), match.end())


def _plural(token: Token) -> bool:
    return token.low.endswith("s") and token.base not in first_names()


def _live(analysis: Analysis, start: int) -> bool:
    return not analysis.quoted(start) and not meta_talk(analysis, analysis.index_at(start))


def _person_subject(analysis: Analysis, index: int, lex: Lexicon) -> bool:
    subject = clause_subject(analysis, index, lex)
    person = subject is not None and subject[0] is Agent.PERSON
    if not person and index:
        # "Jarek is not allowed to"; "Guests will not be allowed" is a rule for a group
        person = lex.could_be_name(analysis, index - 1) and not _plural(analysis.tokens[index - 1])
    return person and _live(analysis, analysis.tokens[index].start)
