"""BL001: the incident is attributed to a person."""

from __future__ import annotations

import re
from collections.abc import Iterator

from blameless.analysis.context import Context
from blameless.analysis.finding import Level
from blameless.analysis.language import (
    Agent,
    Analysis,
    Lexicon,
    analyze,
    classify,
    clause_subject,
    lexicon_for,
    person_span,
)
from blameless.analysis.language.cues import dismissed
from blameless.analysis.language.lexicons import AGENT_SKIP, HUMAN_VERBS, PERSON_ARTIFACTS
from blameless.analysis.language.suggest import action_question
from blameless.analysis.rule import Hit, Rule
from blameless.analysis.rules._helpers import BLAME_UNITS, person_after, scan, unit_lexicon, words
from blameless.analysis.units import Document, Unit, UnitKind

_CAUSAL = re.compile(
    r"\b(?=[bcdtariwso])"  # every alternative's initial: most words fail here
    r"(?:because(?: of)?|caused by|due to|triggered by|attributed to|(?:the )?result of"
    r"|trac(?:es|ed|e|ing) (?:back |(?:the |this |that |it |our )?(?:[\w-]+ )?(?:back )?)?to"
    r"|(?:comes|came|boils|boiled) down to"
    r"|(?:is|was|are|were)(?: all| entirely| largely)? down to"
    r"|(?:cause|trigger|culprit|source|origin)s? (?:was|is|were)"
    r"|(?:root[- ])?(?:cause|trigger)s?:|(?:reason|cause)(?: [\w-]+){0,5}? (?:is|was) that"
    r"|courtesy of|thanks to|since"
    r"|why [^,.?!;:]+, (?:that|it|this)(?:'s|’s| is| was))\s",
    re.IGNORECASE,
)
# "Thanks to X's change" is praise unless the sentence goes on to describe damage.
_IRONIC = ("thanks", "courtesy")
_DAMAGE = words(
    "broke broken crash crashed down outage lost failed failing fell hammered overloaded "
    "corrupted deleted wiped errors error offline unavailable unreachable stalled stuck "
    "timed timeouts dropped degraded"
)
_CONSEQUENCE = re.compile(
    r"\b(?:(?:which|that|this)(?:'s| is| was) (?:why|what|how)\b|thats (?:why|what|how)\b"
    r"|(?:and |which )(?:that |this )?(?:is what )?(?:caused|led to|triggered|resulted in)\b"
    r"|(?:is|was) the (?:\w+ )?(?:reason|cause)\b|(?:is|was) (?:exactly |precisely )?what \w+"
    r"|(?:is|was) (?:exactly |precisely |the reason )?why)",
    re.IGNORECASE,
)
# Damage verbs: the subject of one is framed as the cause ("Dawn's hotfix took down ...").
_DESTRUCTIVE = re.compile(
    r"\b(?=[bcktwnh])"  # every alternative's initial: most words fail here
    r"(?:(?:broke|breaks)(?! (?:over|out|through|even|free|ground|the news))|crashed|caused"
    r"|took (?:[\w'’-]+ ){0,4}down|brought (?:[\w'’-]+ ){0,4}down"
    r"|knocked (?:[\w,.-]+ ){0,4}(?:out|over|offline|off)|took out|wiped(?: out)?|nuked|trashed"
    r"|hosed|bricked|blew up|corrupted|cut off|took (?:[\w'’-]+ ){0,4}offline)\b",
    re.IGNORECASE,
)
_TRIGGERS = words(
    "what because caused due triggered attributed result which that this reason cause broke "
    "breaks crashed took brought knocked wiped nuked traces traced trace comes came boils boiled "
    "trigger culprit source origin courtesy thanks trashed hosed bricked blew corrupted cut why "
    "down thats tracing since"
)
# "... the disruption this caused": the thing named just before the verb is its subject.
_THING_SUBJECTS = words("this it that which what these those")
# After a person, these describe a state or a need, not an action that caused something.
_STATIVE = words(
    "was were is are be been being had has have having needed need needs wanted relied could "
    "can would might may must usually often"
)
# "Because we ..." / "because everyone assumes ...": the organisation or people in general.
_COLLECTIVE = words("we us everyone everybody anyone anybody people users customers")
# "The culprit? Asha, who ...": a one-word question about the cause, answered by a person.
_CAUSE_QUESTION = re.compile(
    r"^\W*(?:the |our )?(?:real |root |actual |main )?(?:culprit|cause|reason|trigger|source"
    r"|root cause|origin)\?\s*$",
    re.IGNORECASE,
)
_WHO = re.compile(r"^\W*who\b", re.IGNORECASE)
# "Why did billing double-charge? That's Anselm's rounding patch.": a person's change as the answer.
_WHY = re.compile(r"^\W*(?:\w+, )?why\b", re.IGNORECASE)
_EXPLANATION = re.compile(
    r"^\W*(?:that|it|this)(?:'s|’s| is| was) ((?:[\w@-]+['’]s) )(?:[\w-]+ ){0,2}?"
    r"(" + "|".join(sorted(PERSON_ARTIFACTS)) + r")\b",
    re.IGNORECASE,
)
_ANSWER = re.compile(r"^\W*((?:[\w@'’-]+ ){1,4}?)(?:did|was|had)\b", re.IGNORECASE)
_QUESTION = (
    "Describe the action and the conditions around it instead of the person: what made this "
    "action possible, and why did it look reasonable at the time?"
)


class BlameAttribution(Rule):
    """The incident is presented as caused by a person.

    Why:
        "Because Ramesh pushed a bad config" ends the investigation at a person. Every incident
        has a person near the trigger; the useful question is what let an ordinary action have
        this effect. Naming what someone did is fine ("14:02 Ramesh pushed the config"); framing
        the person as the cause is not.

    Bad:
        The outage occurred because [Ramesh pushed] a bad config file.
        [Katya broke] the login flow when she rotated the signing key.
        [Tomasz is the reason] the dashboards went dark.
        [Dawn's hotfix took the booking API offline] for an hour.
        The cache stampede traces back to [Radomir], who flushed every region at once.

    Good:
        14:02 Priya restarted the pods.
        The outage occurred because the deploy pipeline accepted an unvalidated config file.
        The cleanup script broke the login flow because it matched every namespace.
        Thanks to Hunter's quick rollback, the impact stayed under five minutes.
        Bo, the booking orchestrator, took down the queue when its retry budget ran out.

    Known false positives:
        A person named as the cause of something good ("because Ana noticed the spike, we
        recovered quickly") is reported; rewrite it or suppress it inline.
    """

    id = "BL001"
    name = "blame-attribution"
    message = "This frames a person as the cause of the incident."
    suggestion = _QUESTION
    severity = Level.ERROR
    applies_to = BLAME_UNITS

    def check(self, unit: Unit, ctx: Context) -> Iterator[Hit]:
        """Causal connectors, consequence clauses and destructive verbs with a person agent."""
        lex = unit_lexicon(unit, ctx)
        seen: set[int] = set()
        for m in scan(unit.text, _TRIGGERS, _CAUSAL):
            person = person_after(m.analysis, m.end_index, lex)
            if person is None and _named_subject(m.analysis, m.end_index, lex):
                person = m.end_index  # "since Ruairí parked ...": a name in a subject slot
            if person is None or person in seen or not _acts(m.analysis, person):
                continue
            said = m.match.group().lower()
            if said.startswith(_IRONIC) and not _harmful_change(m.analysis, person):
                continue
            if said.startswith("since") and not _causal_since(m.analysis, person):
                continue
            seen.add(person)
            start, end = person_span(m.analysis, person, lex)
            verb = min(person + 1, len(m.analysis.tokens) - 1)
            if m.analysis.soft_before[verb] or m.analysis.hard_before[verb]:
                verb = person  # "traces back to Radomir, who ...": the name alone
            yield Hit(
                start,
                max(end, m.analysis.tokens[verb].end),
                suggestion=_question(m.analysis, person),
            )
        for pattern in (_CONSEQUENCE, _DESTRUCTIVE):
            for m in scan(unit.text, _TRIGGERS, pattern):
                said = m.match.group().lower()
                if (
                    said.startswith(("is", "was"))
                    and said.endswith("why")
                    and not m.analysis.has_any(_DAMAGE)
                    and not _harmful_artifact(m.analysis, m.index, lex)
                ):
                    continue  # "Ana's rollback is why the impact was small" is praise
                subject = _agent(m.analysis, m.index, lex, pattern is _DESTRUCTIVE)
                if subject is None or subject[0] is not Agent.PERSON or subject[1] in seen:
                    continue
                seen.add(subject[1])
                start, _ = person_span(m.analysis, subject[1], lex)
                end = m.match.end() if pattern is _DESTRUCTIVE or m.index - subject[1] < 4 else 0
                if not end:
                    end = m.analysis.tokens[min(subject[1] + 1, len(m.analysis.tokens) - 1)].end
                yield Hit(start, end, suggestion=_question(m.analysis, subject[1]))

        yield from _results(unit.text, lex)

    def check_document(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        """ "Who took down checkout? Amber did.": the answer to a question about damage names
        the cause."""
        lex = lexicon_for(ctx)
        for question, answer in zip(doc.units, doc.units[1:], strict=False):
            text = question.text
            if (
                question.kind is UnitKind.SENTENCE
                and _CAUSE_QUESTION.match(text)
                and not doc.text[question.end : answer.start].strip()
            ):
                reply = analyze(answer.text)
                if reply.tokens and (
                    classify(reply, 0, lex) is Agent.PERSON or lex.could_be_name(reply, 0)
                ):
                    yield Hit(answer.start, answer.start + reply.tokens[0].end)
                continue
            if (
                question.kind is not UnitKind.SENTENCE
                or doc.text[question.end : answer.start].strip()
            ):
                continue
            if not text.rstrip().endswith("?"):
                continue
            if _WHO.match(text) and (_DESTRUCTIVE.search(text) or analyze(text).has_any(_DAMAGE)):
                found = _ANSWER.match(answer.text)
            elif _WHY.match(text):
                found = _EXPLANATION.match(answer.text)
                if found is not None and found.group(2).lower() in _REMEDIES:
                    continue  # "Why did the impact stay small? That's Ana's rollback."
            else:
                continue
            if found is None:
                continue
            reply = analyze(answer.text)
            subject = range(reply.index_at(found.end(1)))
            if any(
                classify(reply, j, lex) is Agent.PERSON or lex.could_be_name(reply, j)
                for j in subject
            ):
                yield Hit(answer.start + found.start(1), answer.start + found.end())


def _question(analysis: Analysis, person: int) -> str:
    """A question about the person's action ("What allowed X to be run ...") or their change."""
    tokens = analysis.tokens
    if tokens[person].possessive:
        last = max(
            (
                j
                for j in range(person + 1, min(person + 4, len(tokens)))
                if tokens[j].base in PERSON_ARTIFACTS and not analysis.hard_before[j]
            ),
            default=None,
        )
        if last is None:
            return _QUESTION
        thing = " ".join(t.low for t in tokens[person + 1 : last + 1])
        return (
            f"What about the {thing} made this outcome possible, and what would have caught "
            "it before it took effect?"
        )
    verb = person + 1
    while verb < len(tokens) and tokens[verb].low in AGENT_SKIP:
        verb += 1
    question = action_question(analysis, verb) if verb < len(tokens) else None
    return question or _QUESTION


def _harmful_change(analysis: Analysis, person: int) -> bool:
    """ "Thanks to X's change, the clients hammered auth until it fell over": a change of the
    person's, followed by damage."""
    tokens = analysis.tokens
    return (
        tokens[person].possessive
        and any(t.base in PERSON_ARTIFACTS for t in tokens[person + 1 : person + 4])
        and analysis.has_any(_DAMAGE)
    )


# Acts that repair, and outcomes that are good: "X's rollback is why the impact stayed small".
_REMEDIES = words("rollback fix hotfix workaround failover revert rescue save")
# Outcomes that went wrong, beyond the damage words: "the ledger went read-only".
_BAD_OUTCOMES = words(
    "went stopped froze frozen hung rejected locked missing dark late paged spiked leaked "
    "exposed duplicated read-only stale empty wrong"
)


def _harmful_artifact(analysis: Analysis, index: int, lex: Lexicon) -> bool:
    """ "Kenji's change is why the ledger went read-only": a person's change (not a remedy) is
    the reason for an outcome that went wrong."""
    tokens = analysis.tokens
    for j in range(max(0, index - 4), index):
        if tokens[j].possessive and classify(analysis, j, lex) is Agent.PERSON:
            things = {t.base for t in tokens[j + 1 : index]}
            outcome = {t.low for t in tokens[index:]}
            return (
                bool(things & PERSON_ARTIFACTS)
                and not things & _REMEDIES
                and bool(outcome & _BAD_OUTCOMES)
            )
    return False


def _named_subject(analysis: Analysis, index: int, lex: Lexicon) -> bool:
    """A name-shaped word right before a past-tense verb: the subject of that verb."""
    tokens = analysis.tokens
    return (
        index + 1 < len(tokens)
        and lex.could_be_name(analysis, index)
        and tokens[index + 1].low.endswith("ed")
        and not analysis.soft_before[index + 1]
    )


_PERFECT = words("has have had been hasn't haven't 's")


def _causal_since(analysis: Analysis, person: int) -> bool:
    """ "lost a night of data since X parked the dome": "since" is causal when a person's past
    act follows and the sentence has no perfect tense ("has been empty since X drained it")."""
    tokens = analysis.tokens
    verb = person + 1
    while verb < len(tokens) and tokens[verb].low in AGENT_SKIP:
        verb += 1
    return (
        verb < len(tokens)
        and (tokens[verb].low.endswith("ed") or tokens[verb].low in HUMAN_VERBS)
        and not any(t.low in _PERFECT for t in tokens)
    )


# "X typed the wrong command, so the whole system went down": a person's act, then its result.
_RESULT = re.compile(
    r",? (?:and )?so (?:that )?(?:the |our |whole |the whole |all |every )?(?:[\w-]+ ){0,4}?"
    r"(?:(?:go|goes|went|gone|going) (?:down|offline|dark)"
    r"|crashed|died|broke|failed|fell over|stopped)\b",
    re.IGNORECASE,
)


def _results(text: str, lex: Lexicon) -> Iterator[Hit]:
    """A person's act followed by "so <system> went down": the person as the cause."""
    analysis = analyze(text)
    if "so" not in analysis.words:
        return
    for match in _RESULT.finditer(text):
        index = analysis.index_at(match.start())
        if index == 0 or dismissed(analysis, match.start(), index):
            continue
        subject = clause_subject(analysis, index - 1, lex)
        if subject is not None and subject[0] is Agent.PERSON and _acts(analysis, subject[1]):
            start, end = person_span(analysis, subject[1], lex)
            yield Hit(start, max(end, analysis.tokens[min(subject[1] + 1, index - 1)].end))


def _acts(analysis: Analysis, person: int) -> bool:
    """Whether the person token starts an action ("Ramesh pushed"), not a state or need."""
    token = analysis.tokens[person]
    if token.possessive:
        return True
    if token.low in _COLLECTIVE:
        return False
    after = person + 1
    return after < len(analysis.tokens) and analysis.tokens[after].low not in _STATIVE


def _agent(analysis: Analysis, index: int, lex: Lexicon, nearest: bool) -> tuple[Agent, int] | None:
    """The verb's agent: a person right before it ("the problem that Ramesh caused"), else the
    clause subject ("Hiro inserted the policy ... and crashed the control plane")."""
    if index and analysis.tokens[index - 1].low in _THING_SUBJECTS:
        return None
    if nearest:
        for j in range(index - 1, max(-1, index - 3), -1):
            if analysis.tokens[j].low in AGENT_SKIP:
                continue
            if classify(analysis, j, lex) is Agent.PERSON:
                return Agent.PERSON, j
            break
    return clause_subject(analysis, index, lex)
