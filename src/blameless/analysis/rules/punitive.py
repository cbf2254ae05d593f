"""BL006: punishment or discipline as the outcome of the incident."""

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
    meta_talk,
    negated,
)
from blameless.analysis.language.agents import clause_start
from blameless.analysis.language.morphology import alternation, verb_family
from blameless.analysis.rule import Hit, Rule
from blameless.analysis.rules._decisions import decided_penalties
from blameless.analysis.rules._helpers import (
    BLAME_UNITS,
    any_person,
    person_after,
    scan,
    unit_lexicon,
    words,
)
from blameless.analysis.units import Unit

# Penalty verbs in all their forms; "fine" only as fined/fining ("fine" is also an adjective).
_PENALTY_VERBS = verb_family(
    "sack suspend:suspension demote:demotion reprimand discipline ban bar~ punish:punishment "
    "sanction fine~ fire~ dismiss~ terminate~ expel"
) | frozenset({"fire", "disciplined", "warned"})
_FORFEIT = verb_family("forfeit lose~") | frozenset({"lost", "lose", "loses"})
# Unambiguous: punishment whoever it lands on.
_STRONG = re.compile(
    r"\b(?:performance improvement plan|(?:on|onto) a pip|wall of shame|named and shamed"
    r"|(?:verbal|written|formal|final) warnings?|disciplinary(?: action| hearing| process)?"
    rf"|(?:cancel(?:l?ed)?|withheld|docked|{alternation(_FORFEIT)}|clawed back|lost|lose|loses)"
    r" (?:[\w'’-]+ ){0,6}?bonus(?:es)?"
    r"|bonus(?:es)? (?:[\w-]+ ){0,8}?(?:cancel(?:l?ed)?|withheld|docked|clawed back|forfeited)"
    r"|bonus(?:es)? (?:was|were|has been|have been|had been|will be|is being|got) (?:[\w-]+ )?"
    r"(?:reduced|cut|halved|slashed|scrapped)"
    r"|(?:note|letter|memo|record) (?:[\w-]+ ){0,2}?(?:placed|put|kept|added|entered) (?:on|in|to)"
    r" (?:his |her |their |the |[\w-]+['’]s )?(?:personnel |employment |hr )?file"
    r"|(?:post|share|publish|announce|circulate|broadcast|pin|put) (?:their|his|her"
    r"|the (?:[\w-]+ )?(?:offender|culprit|engineer|person|individual|employee|contractor"
    r"|developer|operator|technician|intern|perpetrator)['’]s|[A-Z][a-z]+['’]s) names?"
    r" (?:in|on|to|at|across)"
    r"|dunce(?:[- ]caps?|[- ]hats?)?|(?:wall|hall|list|board) of shame|name and shame"
    r"|names? (?:[\w'’-]+ ){0,6}?(?:read out|announced|posted|listed|published|circulated"
    r"|displayed|called out) (?:at|in|on|to|across|during) (?:the |our |a |every |each )?"
    r"(?:[\w-]+ )?(?:all-hands|all hands|town ?hall|company meeting|team meeting|stand-?up"
    r"|newsletter|briefing|assembly)"
    r"|(?:name|single out|call out|parade|shame) (?:[\w'’-]+ ){1,3}?(?:at|in front of|before) "
    r"(?:the |our |a |an |[\w'’-]+['’]s )?(?:next |whole |entire |weekly |monthly )?"
    r"(?:all-hands|all hands|town ?hall|company meeting|team meeting|everyone|company|org)"
    r"|(?:los[et]|loses|losing|stripped of|revoked?) (?:his |her |their |all |the )?(?:[\w-]+ )?"
    r"(?:rights|privileges)|as (?:a )?(?:punishment|penalty|sanction|disciplinary measure)"
    r"|(?:performance|personnel|permanent|hr) (?:file|record)s?"
    r"|(?:noted|recorded|logged|mentioned|flagged) (?:in|on) (?:his|her|their|[\w-]+['’]s)"
    r" (?:[\w-]+ )?(?:review|appraisal)"
    r"|not to send (?:him|her|them|the [\w-]+) (?:again|back)|(?:request|ask for) a replacement"
    r"|(?:through|explain|present|recount) (?:his|her|their) (?:own )?(?:mistakes?|errors?"
    r"|blunders?|screw-?ups?|failures?) (?:to|at|in front of|before)?)\b",
    re.IGNORECASE,
)
# Need a person on the receiving end: "the alert fired" is not punishment.
_PERSON_OBJECT = re.compile(
    rf"\b(?:{alternation(_PENALTY_VERBS)}"
    r"|let go|wrote (?:\w+ )?up|written up|removed (?:as|from)"
    r"|taken off|pulled from|no longer (?:permitted|allowed|welcome)|revoked"
    r"|re-?tak(?:e|es|ing)|redo(?:es)?|redid|repeat(?:s|ed|ing)?|re-?certif(?:y|ied|ication)"
    r"|re-?(?:sit|sits|sat|sitting)|re-?train(?:s|ed|ing)?"
    r"|(?:receiv(?:e|es|ed|ing)|got|gets|given|handed|fac(?:e|es|ed|ing)|earn(?:s|ed)?|served"
    r"|hit with) (?:a |an |the )?(?:[\w-]+ ){0,2}?(?:suspension|punishment|ban|fine|reprimand"
    r"|sanction|demotion|penalty|pay cut)(?![\w-])"
    r"|(?:badge|access|clearance|account|credentials|permissions|rights|privileges) (?:was|were"
    r"|has been|have been|had been|got|is being|are being) (?:\w+ )?(?:deactivated|revoked"
    r"|disabled|suspended|confiscated|pulled|cancell?ed|taken away|removed|withdrawn|stripped)"
    r"|(?:take|takes|took|taking|taken|remove|removes|removed|removing|pull|pulls|pulled|pulling"
    r"|drop|drops|dropped|dropping|stand|stood) (?:[\w.'’-]+ ){1,3}?(?:off|from) (?:the |our |his "
    r"|her |their |any |all )?(?:[\w-]+ ){0,2}?(?:rota|rotas|rotation|roster|on-call|schedule"
    r"|account|contract|project)s?"
    r"|(?:lost|lose|loses|losing) (?:his |her |their |its )?(?:deploy|deployment|production|prod"
    r"|merge|commit|admin|root|write|sudo|on-call|badge) (?:access|rights|privileges))\b",
    re.IGNORECASE,
)
_PASSIVE = frozenset(
    [
        "was",
        "were",
        "been",
        "be",
        "is",
        "are",
        "got",
        "get",
        "gets",
        "getting",
        "being",
        "has",
        "have",
    ]
)
_TRAINING = frozenset(
    ["training", "certification", "course", "exam", "test", "induction", "onboarding"]
)
_TRIGGERS = (
    _PENALTY_VERBS
    | _FORFEIT
    | words(
        "dunce dunce-cap single call parade name resit re-sit resat re-sat resits re-sits "
        "resitting re-sitting receive receives received receiving got gets given handed face faces "
        "faced facing earn earns earned served hit "
        "post share publish announce circulate broadcast pin put name names "
        "performance pip shame shamed warning warnings disciplinary bonus bonuses rights "
        "privileges fired fire sacked sack let dismissed terminated suspended demoted reprimanded "
        "discipline disciplined wrote written warned banned removed taken pulled longer revoked "
        "retake re-take redo repeat recertify re-certify recertified recertification punishment "
        "penalty sanction lost lose loses losing file files record records noted recorded logged "
        "mentioned flagged note letter memo send replacement through explain present recount "
        "repeats repeated repeating "
        "retakes retaking redoes redid retrain re-train retrains retrained retraining deactivated "
        "disabled confiscated taken take takes took taking remove removes removing pull pulls "
        "pulling drop drops dropped dropping stand stood names read announced listed published "
        "circulated displayed"
    )
)


# Euphemisms for punishment, often in scare quotes: "wants whoever pushed it 'dealt with'".
_EUPHEMISM = re.compile(
    r"(?:dealt with|made an example of|heads? (?:will|must|should|are going to) roll"
    r"|face (?:the )?consequences|pay for (?:this|it|that))"
    r"(?=['’\"”]?\s*(?:[.!?]|$|for\b|properly|accordingly|severely|appropriately|\W*$))",
    re.IGNORECASE,
)
_EUPHEMISM_TRIGGERS = words("dealt example heads head consequences pay")
# Barring a person from future work: the negation is the penalty, so it is not a denial.
_NOT_AGAIN = re.compile(
    r"\b(?:will not|won't|will no longer|shall not|is not to|are not to|will never|must not)"
    r" be (?:used|hired|engaged|booked|rehired|re-engaged|invited back|asked back|allowed back"
    r"|assigned|rostered|employed|contracted|allowed|permitted)(?: again)?"
    r"(?= (?:for|on|in|at) (?:any |our |the )?(?:future|further|more)|\W*$| again)",
    re.IGNORECASE,
)


class PunitiveOutcome(Rule):
    """Punishment as the outcome: warnings, firing, suspension, lost rights, public shaming.

    Why:
        Punishing the person closest to the trigger removes the one who knows most about how
        the system really behaves, and teaches everyone else to stay quiet. The system that let
        the slip through is unchanged.

    Bad:
        The team lead received a [verbal warning] for approving the change.
        Hiro will [lose merge rights] for two weeks.
        The contractor who cut the power is [no longer permitted] on site.

    Good:
        The HighErrorRate alert fired at 14:01 and paged the on-call engineer.
        We didn't fire anyone, and we won't.
        The leaked token was revoked within ten minutes.
    """

    id = "BL006"
    name = "punitive-outcome"
    message = "Punishment is presented as the outcome of the incident."
    suggestion = (
        "Describe what will change in systems and processes instead: what stops this from "
        "happening to the next person in the same seat?"
    )
    severity = Level.ERROR
    applies_to = BLAME_UNITS

    def check(self, unit: Unit, ctx: Context) -> Iterator[Hit]:
        """Strong punitive phrases; other punishment verbs only with a person receiving them."""
        lex = unit_lexicon(unit, ctx)
        spans: list[tuple[int, int]] = []
        for m in scan(unit.text, _TRIGGERS, _STRONG):
            spans.append(m.match.span())
            yield Hit(m.match.start(), m.match.end())
        for m in scan(unit.text, _TRIGGERS, _PERSON_OBJECT):
            start, end = m.match.span()
            if any(start < other_end and other_start < end for other_start, other_end in spans):
                continue  # already reported as a strong phrase
            if _in_title(m.analysis, m.index):
                continue  # "the Chief Fire Officer": a word of a title, not a penalty verb
            if _lands_on_person(m.analysis, m.index, m.end_index, m.match.group().lower(), lex):
                yield Hit(start, end)
        yield from _euphemisms(unit.text, lex)
        yield from _barred(unit.text, lex)
        yield from decided_penalties(unit.text, lex)


def _in_title(analysis: Analysis, index: int) -> bool:
    """A capitalised word inside a run of capitalised words, mid-sentence."""
    tokens = analysis.tokens
    if index == 0 or not tokens[index].capitalized:
        return False
    after = index + 1
    return tokens[index - 1].capitalized or (after < len(tokens) and tokens[after].capitalized)


def _barred(text: str, lex: Lexicon) -> Iterator[Hit]:
    """ "their invigilator will not be used for any future sittings": a person barred."""
    analysis = analyze(text)
    if not analysis.has_any(_NOT_AGAIN_TRIGGERS):
        return
    for match in _NOT_AGAIN.finditer(text):
        index = analysis.index_at(match.start())
        subject = clause_subject(analysis, index, lex)
        if (
            subject is not None
            and subject[0] is Agent.PERSON
            and not analysis.quoted(match.start())
            and not meta_talk(analysis, index)
        ):
            yield Hit(match.start(), match.end())


_NOT_AGAIN_TRIGGERS = words("won't not never no")


def _euphemisms(text: str, lex: Lexicon) -> Iterator[Hit]:
    """A punishment euphemism with a person in the sentence; scare quotes do not make it meta."""
    analysis = analyze(text)
    if not analysis.has_any(_EUPHEMISM_TRIGGERS):
        return
    for match in _EUPHEMISM.finditer(text):
        index = analysis.index_at(match.start())
        previous = index - 1
        if previous >= 0 and classify(analysis, previous, lex) is Agent.PERSON:
            continue  # "Ana dealt with the alert": the person acts, nobody is punished
        if (
            not negated(analysis, index)
            and not meta_talk(analysis, index)
            and any_person(analysis, lex)
        ):
            yield Hit(match.start(), match.end())


_POSSESSIONS = frozenset(
    [
        "badge",
        "access",
        "clearance",
        "account",
        "credentials",
        "permissions",
        "rights",
        "privileges",
    ]
)
_OWNERS = frozenset(["his", "her", "their", "my", "our", "your"])


def _owned_by_person(analysis: Analysis, index: int, lex: Lexicon) -> bool:
    """ "The field engineer's site badge was deactivated": a person's badge or access."""
    for j in range(max(0, index - 4), index):
        token = analysis.tokens[j]
        if token.low in _OWNERS or (
            token.possessive and classify(analysis, j, lex) is Agent.PERSON
        ):
            return True
    return False


def _one_person_after(analysis: Analysis, after: int, lex: Lexicon) -> bool:
    """ "Retrain Isabela", "retrain the engineer": one person, named or by role, not a group."""
    tokens = analysis.tokens
    if after >= len(tokens):
        return False
    token = tokens[after]
    if token.capitalized and not analysis.hard_before[after] and token.base not in lex.systems:
        return token.text[1:].islower()  # a proper name right after the verb
    person = person_after(analysis, after, lex, limit=3)
    return person is not None and not tokens[person].low.endswith("s")


_ROSTERS = (
    "rota",
    "rotas",
    "rotation",
    "rotations",
    "roster",
    "rosters",
    "on-call",
    "schedule",
    "account",
    "accounts",
    "contract",
    "contracts",
    "project",
    "projects",
)
_RECEIVING = words(
    "receive receives received receiving got gets given handed face faces faced facing earn "
    "earns earned served hit"
)
# After an elliptical passive participle: "(was) barred from", "suspended pending".
_PASSIVE_FOLLOWERS = frozenset(["from", "for", "until", "pending", "indefinitely", "without"])


def _elliptical_passive(analysis: Analysis, index: int, after: int, lex: Lexicon) -> bool:
    """A person right before a penalty participle that a passive phrase follows."""
    tokens = analysis.tokens
    return (
        index > 0
        and tokens[index].low.endswith("ed")
        and not analysis.hard_before[index]
        and not analysis.soft_before[index]
        and classify(analysis, index - 1, lex) is Agent.PERSON
        and (after >= len(tokens) or tokens[after].low in _PASSIVE_FOLLOWERS)
    )


def _lands_on_person(analysis: Analysis, index: int, after: int, word: str, lex: Lexicon) -> bool:
    """A person is the object ("fired the engineer") or the passive subject ("Jo was fired")."""
    tokens = analysis.tokens
    if word.split()[0] in _POSSESSIONS:
        return _owned_by_person(analysis, index, lex)
    if word.endswith(_ROSTERS) and (" off " in word or " from " in word):
        return person_after(analysis, index + 1, lex, limit=4) is not None or lex.could_be_name(
            analysis, index + 1
        )  # "take Lorcan off the weekend rota", not "remove the node from the rotation"
    if word.startswith(("retrain", "re-train")):
        return _one_person_after(analysis, after, lex)
    if word.startswith(
        ("re-tak", "retak", "redo", "redid", "repeat", "re-cert", "recert", "re-s", "resi", "resa")
    ):
        following = {t.base for t in tokens[after : after + 4]}
        if word.startswith(("re-cert", "recert")) or following & _TRAINING:
            return any_person(analysis, lex)
        return False
    if word == "revoked":
        return any(
            t.possessive and classify(analysis, j, lex) is Agent.PERSON
            for j, t in enumerate(tokens)
        )
    if word.split()[0] in _RECEIVING:
        subject = clause_subject(analysis, index, lex)
        return subject is not None and subject[0] is Agent.PERSON
    if person_after(analysis, after, lex, limit=3) is not None:
        return True
    if _elliptical_passive(analysis, index, after, lex):
        return True  # "the firm was fined and its dispatcher barred from the control room"
    subject = clause_subject(analysis, index, lex)
    if subject is None:
        start = clause_start(analysis, index)
        if start < index and lex.could_be_name(analysis, start):
            subject = (Agent.PERSON, start)  # "Lorcan was punished": penalties land on people
    if subject is None or subject[0] is not Agent.PERSON:
        return False
    if word.startswith(("no longer", "los")) or word in {"removed as", "removed from", "taken off"}:
        return True
    previous = {t.low for t in tokens[max(0, index - 3) : index]}
    return bool(previous & _PASSIVE)
