"""BL004: hindsight and counterfactuals aimed at a person (should have, failed to, forgot)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from blameless.analysis.context import Context
from blameless.analysis.language import (
    Agent,
    Analysis,
    Lexicon,
    agent_before,
    analyze,
    classify,
    clause_subject,
)
from blameless.analysis.language.evaluation import Frame, negative_acts
from blameless.analysis.language.lexicons import HUMAN_VERBS
from blameless.analysis.language.suggest import step_question
from blameless.analysis.rule import Hit, Rule
from blameless.analysis.rules._helpers import BLAME_UNITS, person_after, scan, unit_lexicon, words
from blameless.analysis.units import Unit

_HEDGE = (
    r"(?: (?:still|really|just|easily|at least|probably|definitely|also|simply|surely|certainly"
    r"|never))?"
)
_TRIGGER = re.compile(
    r"\b(?=[scowfnidjamul])"  # every alternative's initial: most words fail here
    rf"(?:should(?:n't| not)?{_HEDGE} have|should've|shouldve|could{_HEDGE} have|could've"
    r"|couldve|should of"
    rf"|ought(?:n't| not)? to{_HEDGE} have|would have known"
    r"|fail(?:ed|s|ing)? to|forg(?:ot|otten|et|ets|etting)(?: to)?|neglect(?:ed|s|ing)?(?: to)?"
    r"|ignor(?:ed|es|ing)"
    r"|disregard(?:ed|s|ing)?|overlooked|didn't bother|never bothered|did not bother"
    r"|(?:just|only|simply) had to"
    r"|all (?:he|she|they|you|i|we|[A-Z][a-z]+|the [\w-]+) (?:had|needed|has|needs) to do"
    r"|(?:didn't|did not|never) (?:check|notice|verify|test|read|follow|look|ask|wait|think)"
    r"|never (?:ran|tested|tried|checked|noticed|verified|read|followed|looked|asked|waited"
    r"|reviewed|validated|opened|bothered|updated|escalated|confirmed)"
    r"|(?:was|were|is|are) supposed to"
    r"|would(?:n't)? have (?:\w+ly )?(?:caught|prevented|stopped|avoided|spotted|noticed"
    r"|flagged|averted|saved)"
    r"|skipped|went unnoticed by|unnoticed by|missed by|missed"
    r"|let (?:[\w-]+ ){1,3}?(?:through|slip(?: through)?|slide)"
    r"|without (?:even |so much as |ever |once |first )?(?:any |a )?(?:testing|tests?|checking"
    r"|reading|verifying|review(?:ing)?|asking|looking|thinking|telling anyone|waiting"
    r"|weighing|glancing|confirming|double-checking))\b",
    re.IGNORECASE,
)
# "Could the reviewer not have noticed ...?": a rhetorical question is hindsight too.
_RHETORICAL = re.compile(
    r"^\W*(?:could(?:n't)?|should(?:n't)?|why (?:didn't|did|couldn't|wasn't)|how (?:did|could))\s",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(r"\b(?:if(?: only)?|had)\s", re.IGNORECASE)
# A person's own share of the work left undone ("the alarm did its job; Callum didn't do his"),
# or a known step knowingly skipped ("he knows this, but he did not do it").
_DUTY_UNDONE = re.compile(
    r"(?:\b(?:didn't|did not|never|doesn't|does not) do (?:his|hers|theirs)"
    r"(?: (?:part|job|bit|share))?(?=\W*$|[;,.]| and\b| but\b)"
    r"|\bknows? (?:this|that|it|the [\w-]+)(?: well| perfectly well)?,? (?:but|yet|and still)"
    r" (?:he|she|they) (?:did not|didn't|never|does not|doesn't) (?:do|follow|use|apply|run"
    r"|check) (?:it|this|that|them)\b)",
    re.IGNORECASE,
)
_TRIGGERS = words(
    "should should've could could've ought would fail failed fails failing forgot forgotten "
    "forget forgets forgetting neglect neglected neglects neglecting ignored ignores ignoring "
    "disregard disregarded disregards disregarding overlooked bother bothered had didn't did "
    "never skipped unnoticed missed if without why how shouldn't couldn't supposed all shouldve "
    "couldve let know knows doesn't does"
)
_ANYONE = frozenset({"anyone", "any", "everyone", "anybody"})
_PASSIVE_BY = ("unnoticed by", "missed by")


class Counterfactual(Rule):
    """Hindsight aimed at a person: should have, could have, failed to, forgot, neglected.

    Why:
        Counterfactuals describe a world that did not happen and judge the person against
        knowledge they did not have at the time. Ask instead what made the action look right,
        and what would make the safe path the easy one. "The tool should have refused the
        command" is fine: it is aimed at a system.

    Bad:
        Our release engineer [forgot to] run the config fuzzer before the deploy.
        Obviously Bogdan [should have] asked for approval first.
        The SRE team [failed to] notice the saturation.

    Good:
        The audit tool that should have stopped the command had a bug.
        The health check failed to detect the stuck worker.
        If you find yourself writing 'should have', rewrite the sentence around the system.
    """

    id = "BL004"
    name = "counterfactual"
    applies_to = BLAME_UNITS
    message = "Hindsight judges a person against what only became clear afterwards."
    suggestion = (
        "Ask what made the action look right at the time, and what would make the safe path "
        "the default (a check, a prompt, an automated step)."
    )

    def check(self, unit: Unit, ctx: Context) -> Iterator[Hit]:
        """Counterfactual phrases whose agent is a person."""
        lex = unit_lexicon(unit, ctx)
        for m in scan(unit.text, _TRIGGERS, _TRIGGER):
            phrase = m.match.group().lower()
            analysis = m.analysis
            if phrase.endswith(_PASSIVE_BY):
                agent = Agent.PERSON if person_after(analysis, m.end_index, lex) else None
            elif phrase.startswith("all "):
                # "All Yusuf had to do was ...": the slot after "all" only holds an agent
                found = person_after(analysis, m.index + 1, lex, limit=2)
                named = lex.could_be_name(analysis, m.index + 1)
                agent = Agent.PERSON if found is not None or named else None
            elif phrase.endswith("supposed to"):
                # "was supposed to verify ... and didn't": an expected step, then its absence
                agent = agent_before(analysis, m.index, lex)
                if not _not_done_later(analysis, m.end_index):
                    continue
            elif phrase.startswith("never ") and _passive(analysis, m.index):
                continue  # "the motor operator was never tested": its subject is the patient
            elif phrase.startswith("would"):
                agent = _hindsight_agent(analysis, m.index, lex)
            elif phrase.startswith("without "):
                subject = clause_subject(analysis, m.index, lex)
                agent = subject[0] if subject else None
            else:
                agent = agent_before(analysis, m.index, lex)
                if _coordinated(analysis, m.index):
                    subject = clause_subject(analysis, m.index, lex)
                    agent = subject[0] if subject else agent
                if phrase.startswith(("could", "ought")) and _by_anyone(analysis, m.index):
                    continue
            if agent is Agent.PERSON:
                yield Hit(
                    m.match.start(),
                    m.match.end(),
                    suggestion=step_question(analysis, _step_index(analysis, m.end_index)),
                )
        for start, end, frame in negative_acts(analyze(unit.text), lex):
            if frame is Frame.UNMET:
                yield Hit(
                    start, end
                )  # "told twice ... and still went ahead", "sat on it for weeks"
        for m in scan(unit.text, _TRIGGERS, _DUTY_UNDONE):
            agent = agent_before(m.analysis, m.index, lex)
            if agent is Agent.PERSON or (m.index and lex.could_be_name(m.analysis, m.index - 1)):
                yield Hit(m.match.start(), m.match.end())
        for m in scan(unit.text, _TRIGGERS, _RHETORICAL):
            person = person_after(m.analysis, m.end_index, lex, limit=5)
            if person is not None and unit.text.rstrip().endswith("?"):
                yield Hit(m.match.start(), m.analysis.tokens[person].end)
        for m in scan(unit.text, _TRIGGERS, _CONDITIONAL):
            hit = _hindsight_conditional(m.analysis, m.index, lex)
            if hit is not None:
                yield hit


def _hindsight_conditional(analysis: Analysis, index: int, lex: Lexicon) -> Hit | None:
    """ "If Yara had waited ..." / "Had Carmen looked ...": hindsight about a person's choice."""
    tokens = analysis.tokens
    word = tokens[index].low
    wish = word == "if" and index + 1 < len(tokens) and tokens[index + 1].low == "only"
    if not wish and not _would(analysis):
        return None  # a counterfactual conditional pairs "had" with "would" (or "if only")
    if word == "had":
        if index and not analysis.hard_before[index] and not analysis.soft_before[index]:
            return None  # mid-clause "had" is an ordinary verb
        subject_end = _subject_end(analysis, index + 1)
        if subject_end is None:
            return None
        person = person_after(analysis, index + 1, lex, limit=subject_end - index - 1)
        if person is None and _unknown_name(analysis, index + 1, lex):
            person = index + 1  # "Had Mateus read ...": a capitalised subject nobody listed
        if person is None:
            return None
        return Hit(tokens[index].start, tokens[person].end)
    following = index + 1
    if following < len(tokens) and tokens[following].low in _HAD_CONTRACTIONS:
        return Hit(tokens[index].start, tokens[following].end)  # "If I'd read the diff ..."
    person = person_after(analysis, index + 1, lex, limit=3)
    if (
        person is None
        and lex.could_be_name(analysis, following)
        and _own_attention(analysis, following + 1)
    ):  # "If Lucky was checking ..., she would": the pronoun confirms a person
        return Hit(tokens[index].start, tokens[following + 1].end)
    if person is None or classify(analysis, person, lex) is not Agent.PERSON:
        return None
    for j in range(person + 1, min(person + 3, len(tokens))):
        if tokens[j].low == "had" or _own_attention(analysis, j):
            return Hit(tokens[index].start, tokens[j].end)
    return None


def _own_attention(analysis: Analysis, j: int) -> bool:
    """A past progressive judged by its own consequence for the same person: "If Lucky was
    checking the dashboard, she would see ...". "If the engineer was asleep, the page would
    escalate" has another subject in its main clause, so it describes the system."""
    tokens = analysis.tokens
    if tokens[j].low not in {"was", "were"} or j + 1 >= len(tokens):
        return False
    if not tokens[j + 1].low.endswith("ing"):
        return False
    return any(
        tokens[k].low in {"he", "she", "they"} and tokens[k + 1].low == "would"
        for k in range(j + 2, len(tokens) - 1)
    )


# "Had it depended on them": a subject that is no person; its clause names things.
_THING_SUBJECTS = frozenset({"it", "this", "that", "there", "these", "those"})
_PARTICIPLES = words(
    "been not done known seen taken run gone kept left read sent built made put set cut shut "
    "got gotten given held brought thought"
)


def _subject_end(analysis: Analysis, start: int) -> int | None:
    """Where the subject of "Had <subject> <participle>" ends: a person found after the verb
    ("Had it depended on them") is an object, not the one whose choice is judged. None when the
    subject is a thing pronoun."""
    tokens = analysis.tokens
    if start < len(tokens) and tokens[start].low in _THING_SUBJECTS:
        return None
    for j in range(start + 1, min(start + 5, len(tokens))):
        low = tokens[j].low
        if low.endswith("ed") or low in _PARTICIPLES or low in HUMAN_VERBS:
            return j
    return start + 5


_MODAL_PERFECT = frozenset({"could", "might", "couldn't", "may"})
_HAD_CONTRACTIONS = frozenset({"i'd", "he'd", "she'd", "they'd", "we'd", "you'd"})


def _would(analysis: Analysis) -> bool:
    """The main clause of a counterfactual: would, wouldn't, would've, "he'd have", or a modal
    perfect ("could have been avoided", "might have")."""
    words = analysis.words
    if "would" in words or "wouldn't" in words or "would've" in words:
        return True
    tokens = analysis.tokens
    if any(
        t.low in _MODAL_PERFECT and k + 1 < len(tokens) and tokens[k + 1].low == "have"
        for k, t in enumerate(tokens)
    ):
        return True
    return any(
        t.low in _HAD_CONTRACTIONS and k + 1 < len(tokens) and tokens[k + 1].low == "have"
        for k, t in enumerate(tokens)
    )


def _passive(analysis: Analysis, index: int) -> bool:
    return index > 0 and analysis.tokens[index - 1].low in _BE


_BE = frozenset({"was", "were", "is", "are", "be", "been", "being", "got"})


def _not_done_later(analysis: Analysis, index: int) -> bool:
    """ "..., and didn't" / "but never did": the expected step did not happen."""
    return any(
        t.low in {"didn't", "never", "wasn't", "weren't", "forgot", "not"}
        for t in analysis.tokens[index:]
    )


# "a second reviewer would have caught it" proposes a process; "Jade would have" judges Jade.
_INDEFINITE = frozenset({"a", "an", "another", "any", "second", "extra", "additional", "one"})


def _hindsight_agent(analysis: Analysis, index: int, lex: Lexicon) -> Agent | None:
    """Who "would have caught" it: a definite person as subject, or "by <person>" before."""
    tokens = analysis.tokens
    for j in range(index - 1, 0, -1):
        if analysis.hard_before[j + 1] or tokens[j].low in {"if", "when", "because"}:
            break
        if tokens[j - 1].low == "by" and classify(analysis, j, lex) is Agent.PERSON:
            return Agent.PERSON
    subject = clause_subject(analysis, index, lex)
    if subject is None or subject[0] is not Agent.PERSON:
        return None
    before = {t.low for t in tokens[max(0, subject[1] - 2) : subject[1]]}
    return None if before & _INDEFINITE else Agent.PERSON


def _by_anyone(analysis: Analysis, index: int) -> bool:
    """ "Anyone could have made this change": a statement about the system."""
    return any(analysis.tokens[j].low in _ANYONE for j in range(max(0, index - 3), index))


def _step_index(analysis: Analysis, index: int) -> int:
    """Skip "to"/"have" so the question quotes the step itself ("run the fuzzer")."""
    tokens = analysis.tokens
    while index < len(tokens) and tokens[index].low in {"to", "have", "the"}:
        if tokens[index].low == "the":
            break
        index += 1
    return index


def _coordinated(analysis: Analysis, index: int) -> bool:
    """ "He switched the cluster and forgot to ...": the subject is the clause's, not "cluster"."""
    j = index - 1
    while j >= 0 and analysis.tokens[j].low in {"simply", "just", "also", "then", "clearly"}:
        j -= 1
    return j >= 0 and analysis.tokens[j].low in {"and", "but", "then", "or", "yet"}


def _unknown_name(analysis: Analysis, index: int, lex: Lexicon) -> bool:
    """A capitalised word that is neither listed as a system nor written in capitals (CI)."""
    if index >= len(analysis.tokens):
        return False
    token = analysis.tokens[index]
    return (
        token.capitalized
        and not token.text.isupper()
        and token.base not in lex.systems
        and classify(analysis, index, lex) is None
    )
