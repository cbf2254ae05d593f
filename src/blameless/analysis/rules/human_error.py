"""BL005: "human error" (and its relatives) given as the cause."""

from __future__ import annotations

import re
from collections.abc import Iterator

from blameless.analysis.context import Context
from blameless.analysis.language import Agent, Lexicon, analyze, classify, clause_subject, negated
from blameless.analysis.language.cues import universal_subject
from blameless.analysis.rule import Hit, Rule
from blameless.analysis.rules._helpers import BLAME_UNITS, person_after, scan, unit_lexicon, words
from blameless.analysis.units import Unit

# "the human", "the person", "the operator": a weak link that is a person.
_HUMAN = r"(?:[\w-]+ )?(?:human|humans|person|people|operator|user|users|engineer|staff|operators)"
_LABEL = re.compile(
    r"\b(?:(?:human|operator|operators'|developer|engineer|engineering|user|pilot|staff|personnel"
    r"|people|manual|individual|technician|contractor|admin|administrator|dba|employee|staffer"
    r"|dispatcher|pharmacist|nurse|clinician|analyst|reviewer|intern|vendor|supplier|worker"
    r"|crew|driver|programmer|coder|tester|sysadmin|responder|on-call|oncall|clerk|officer"
    r"|signaller|signalman|dispatcher|pilot|nurse|trader|volunteer|cashier|planner)"
    r"[ _](?:errors?|mistakes?|failures?|slips?|faults?|lapses?)"
    r"|(?:classified|categori[sz]ed|recorded|coded|logged|filed|ruled|listed) as (?:an? )?"
    r"(?:[\w-]+ )?(?:controller|operator|crew|staff|user|driver) (?:errors?|mistakes?)"
    r"|(?:mis|mal)-?operations?(?: by| of)?"
    r"|human factors?|pebkac|pebcak|pebmac|id-?(?:10|ten)-?t"
    r"|layer[- ]?(?:8|eight) (?:issue|problem|error)s?"
    r"|finger trouble|fat[- ]finger(?:ed|ing|s)?|wetware"
    r"|between (?:the )?(?:chair|seat|desk) and (?:the )?(?:keyboard|screen|console)"
    rf"|weak(?:est)? links?(?: in the chain)? (?:was|is|were|are) (?:the |our |a )?{_HUMAN}"
    rf"|{_HUMAN} (?:was|is|were|are) the weak(?:est)? link"
    r"|(?:people|human|personnel) (?:problem|issue)s?,? (?:and )?not (?:a |an )?(?:[\w-]+ )?"
    r"(?:problem|issue)s?)\b",
    re.IGNORECASE,
)
# A label reported as the record: "the minutes record the cause as 'volunteer error'", "we
# register this as 'human error - X'", "logged it as 'Root cause: operator error'".
_RECORDING = words(
    "record records recorded register registers registered log logs logged file files filed "
    "classify classifies classified categorise categorised categorize categorized code coded "
    "list lists listed give gives gave state states stated enter entered close closed closes "
    "mark marked write writes wrote written book booked report reports reported put under"
)
# A later clause that rejects the label: "...; the review replaced that label", "were wrong".
_REJECTED = words(
    "replaced replace wrong inaccurate incorrect misleading mistaken unfair untrue false "
    "withdrawn retracted dropped rejected corrected hid hides disagree disagrees dispute "
    "disputes disputed"
)
_MISTAKE_BY = re.compile(
    r"\b(?:(?:mistakes?|errors?|slips?|blunders?) (?:(?:was|were|had been|has been) made )?"
    r"(?:by|from|of)|(?:mistakes?|errors?|slips?|blunders?|faults?|bugs?|regressions?|defects?)"
    r" (?:(?:was|were|had been|has been) )?(?:introduced|made|caused|committed|added) by)\s",
    re.IGNORECASE,
)
# "what made the slip easy": the subject is a question, not a person.
_NOT_SUBJECT = frozenset({"what", "which", "that", "it", "this", "who"})
_MADE_MISTAKE = re.compile(
    r"\b(?:made|makes?|making) (?:a |an |the |this |that |some |too many |the same |several "
    r"|many |multiple |another |yet another )?(?:[\w-]+ )?(?:mistakes?|errors?|blunders?|slips?)\b",
    re.IGNORECASE,
)
# "It's Ambrose's mistake, not the tool's": a person's own mistake as the predicate.
_OWN_MISTAKE = re.compile(
    r"(?:['’]s|\bis|\bwas|\bwere|\bare)(?: all| entirely| simply| clearly| squarely| purely)?"
    r" ([\w-]+['’]s) (?:own )?(?:mistake|error|blunder|slip|screw-?up|doing)\b",
    re.IGNORECASE,
)
# "the error was the administrator's", "this mistake is Marco's": the possessive owns the error.
_MISTAKE_IS_THEIRS = re.compile(
    r"\b(?:mistake|error|slip|blunder|screw-?up)s? (?:is|was|were|are)(?: all| entirely| simply"
    r"| clearly| squarely)? (?:the |our |their )?([\w-]+['’]s)(?=\s*(?:[,.;:!?)]|$|and\b|alone"
    r"|own\b))",
    re.IGNORECASE,
)
_TRIGGERS = words(
    "human operator operators' developer engineer engineering user pilot staff personnel people "
    "manual individual technician contractor admin administrator dba employee staffer dispatcher "
    "pharmacist nurse clinician analyst reviewer intern vendor supplier worker crew driver "
    "programmer coder tester sysadmin responder on-call oncall clerk officer factor factors "
    "pebkac pebcak pebmac id10t id-10-t layer layer-8 finger fat fat-finger wetware chair "
    "seat desk weak weakest signaller signalman misoperation maloperation mis-operation "
    "misoperations maloperations classified categorised categorized coded "
    "fat-fingered mistake mistakes error errors slip slips blunder blunders fault faults bug bugs "
    "regression regressions defect defects doing problem problems issue issues"
)
_SUGGESTION = (
    "Name the conditions instead of the label: what made the error possible (an interface that "
    "allowed it, a missing check, time pressure), and what would have caught it?"
)


class HumanErrorCause(Rule):
    """ "Human error", "operator error" or a person's mistake given as the cause.

    Why:
        "Human error" is where an investigation should start, not where it ends. It names no
        condition anyone can change. Every slip happens inside a system that allowed it, did not
        catch it, and turned it into an outage.

    Bad:
        Root cause: [human error] by a data-centre contractor.
        The failure is attributed to a [mistake by] the staff member running phase three.
        The network team keeps [making the same mistakes].

    Good:
        The 'human error' label in the first draft hid three missing safeguards.
        The parser raised an error on the malformed row.
        A configuration error in the load balancer sent traffic to unhealthy hosts.
    """

    id = "BL005"
    name = "human-error-cause"
    applies_to = BLAME_UNITS
    message = "'Human error' as a cause names no condition that can be changed."
    suggestion = _SUGGESTION

    def check(self, unit: Unit, ctx: Context) -> Iterator[Hit]:
        """Human-error labels, and mistakes attributed to a person."""
        lex = unit_lexicon(unit, ctx)
        labelled: list[tuple[int, int]] = []
        for m in scan(unit.text, _TRIGGERS, _LABEL):
            labelled.append(m.match.span())
            yield Hit(m.match.start(), m.match.end())
        for m in scan(unit.text, _TRIGGERS, _MISTAKE_BY):
            if any(start <= m.match.start() < end for start, end in labelled):
                continue  # "human error by ..." is already reported as a label
            if person_after(m.analysis, m.end_index, lex) is not None:
                yield Hit(m.match.start(), m.match.end() - 1)
        yield from _recorded_labels(unit.text, lex, labelled)
        for m in (
            *scan(unit.text, _TRIGGERS, _OWN_MISTAKE),
            *scan(unit.text, _TRIGGERS, _MISTAKE_IS_THEIRS),
        ):
            owner = m.analysis.index_at(m.match.start(1))
            if classify(m.analysis, owner, lex) is Agent.PERSON or lex.could_be_name(
                m.analysis, owner
            ):
                yield Hit(m.match.start(1), m.match.end())
        for m in scan(unit.text, _TRIGGERS, _MADE_MISTAKE):
            if m.index and m.analysis.tokens[m.index - 1].low in _NOT_SUBJECT:
                continue
            if universal_subject(m.analysis, m.index):
                continue  # "any of us could have made the same slip"
            subject = clause_subject(m.analysis, m.index, lex)
            if subject is not None and subject[0] is Agent.PERSON:
                yield Hit(m.match.start(), m.match.end())


def _recorded_labels(text: str, lex: Lexicon, seen: list[tuple[int, int]]) -> Iterator[Hit]:
    """A quoted human-error label that the sentence records as the cause and does not reject."""
    if "'" not in text and "\u2018" not in text and '"' not in text and "\u201c" not in text:
        return
    analysis = analyze(text)
    if not any(t.low in _RECORDING for t in analysis.tokens):
        return
    for pattern in (_LABEL, _MISTAKE_BY):
        for match in pattern.finditer(text):
            start = match.start()
            if not analysis.quoted(start) or any(a <= start < b for a, b in seen):
                continue
            index = analysis.index_at(start)
            if pattern is _MISTAKE_BY and person_after(analysis, index + 2, lex) is None:
                continue
            tokens = analysis.tokens
            if not any(t.low in _RECORDING for t in tokens[:index]) or negated(analysis, index):
                continue
            later = range(index + 1, len(tokens))
            if any(tokens[j].low in _REJECTED or negated(analysis, j, window=4) for j in later):
                continue  # "logged as 'operator error'; the review replaced that label"
            seen.append(match.span())
            yield Hit(start, match.end())
