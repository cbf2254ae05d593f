"""AC001-AC007: action items that only act on a person (be careful, remind, retrain, punish...)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from blameless.analysis.context import Context
from blameless.analysis.finding import Level
from blameless.analysis.language import (
    Agent,
    Analysis,
    Lexicon,
    analyze,
    classify,
    lexicon_for,
)
from blameless.analysis.rule import Hit, Rule
from blameless.analysis.rules._helpers import any_person, words
from blameless.analysis.units import Unit, UnitKind

# An item that also changes a system ("document and automate ...") is not person-only.
_SYSTEMIC = words(
    "automate automated automates automatically automatic automation enforce enforced enforces "
    "enforcing refuse refuses reject rejects block blocks blocking ci interlock interlocks drill "
    "drills exercise exercised fail-closed canary linter lint guardrail bot queue tracker "
    "register ticket tickets"
)
# A manual step is only overridden by a mechanism that runs it ("tracked in a ticket" is not one).
AUTOMATION = words(
    "automate automated automates automatically automatic automation enforce enforced enforces "
    "enforcing refuse refuses reject rejects block blocks blocking ci interlock interlocks "
    "fail-closed linter lint guardrail bot drill drills exercise exercised generate generated "
    "generates"
)
# "Replace the manual upload with an API integration": automation that removes a manual step.
_REPLACES_MANUAL = re.compile(
    r"\b(?:replac(?:e|es|ing)|remov(?:e|es|ing)|eliminat(?:e|es|ing)|retir(?:e|es|ing)"
    r"|automat(?:e|es|ing)) (?:the |a |an |our |every |each |all )?(?:[\w-]+ )?manual"
    r"|instead of (?:[\w-]+ ){0,3}(?:by hand|manually)|no longer (?:by hand|manual)",
    re.IGNORECASE,
)
_ROLE_PEOPLE = (
    r"(?:everyone|everybody|people|staff|folks|engineers|developers|devs|operators|contractors"
    r"|responders|on-call|oncall|sres|admins|users|(?:the |all |every |our )?(?:[\w-]+ ){0,2}"
    r"(?:team|teams|engineers|developers|group|staff|operators|contractors))"
)


class PersonFocusedFix(Rule):
    """Shared check of the AC0xx rules: a pattern, unless the item also changes a system."""

    pattern: ClassVar[re.Pattern[str]]
    triggers: ClassVar[frozenset[str]]
    overridable: ClassVar[bool] = True
    overrides: ClassVar[frozenset[str]] = _SYSTEMIC
    needs_person: ClassVar[bool] = False
    # Aimed at a person whatever system words the item also has ("Retrain Siobhan on the
    # automation console", "a bot that pings the on-call every Monday to look at ...").
    personal: ClassVar[re.Pattern[str] | None] = None
    applies_to = frozenset({UnitKind.ACTION_ITEM})
    severity = Level.WARNING

    def check(self, unit: Unit, ctx: Context) -> Iterator[Hit]:
        """The first match of the rule's pattern in the item."""
        analysis = analyze(unit.text)
        if not analysis.has_any(self.triggers):
            return
        if self.personal is not None:
            found = self.personal.search(unit.text)
            if found is not None and _aims_at_person(analysis, found, ctx):
                yield Hit(found.start(), found.end())
                return
        if self.overridable and analysis.has_any(self.overrides):
            return
        if self.overridable and _REPLACES_MANUAL.search(unit.text):
            return
        if self.needs_person and not any_person(analysis, lexicon_for(ctx)):
            return
        for match in self.pattern.finditer(unit.text):
            if not (self.overridable and self.spared(analysis, match, ctx)):
                yield Hit(match.start(), match.end())
                return

    def spared(self, analysis: Analysis, match: re.Match[str], ctx: Context) -> bool:
        """Whether the matched step is one the item removes ("replacing the phone calls")."""
        return _replaced(analysis, analysis.index_at(match.start()))


# "..., replacing one-by-one phone calls", "instead of a reminder email": what the item removes.
_REPLACING = words(
    "replace replaces replacing instead rather eliminate eliminates eliminating remove removes "
    "removing retire retires retiring"
)


def _replaced(analysis: Analysis, index: int) -> bool:
    """Whether token `index` is in the object of a replacing verb of its own clause."""
    tokens = analysis.tokens
    for j in range(index, max(-1, index - 7), -1):
        if j < index and tokens[j].low in _REPLACING:
            return True
        if analysis.hard_before[j] or analysis.soft_before[j]:
            return False
    return False


_EVENTS = words("when whenever once after")
_BE = words("is are was were be been gets get got")


def _sent_on_event(analysis: Analysis, start: int, end: int, lex: Lexicon) -> bool:
    """ "..., and send an email when it transmits": a message to nobody named, triggered by a
    thing's own act, is what the system does. "Ping the team whenever a change is planned" names
    people and a planned (human) event: still a reminder."""
    tokens = analysis.tokens
    for j in range(start, min(end + 4, len(tokens))):
        if j >= end and analysis.hard_before[j]:
            return False
        if _person_or_role(analysis, j, lex):
            return False
        if j >= end and tokens[j].low in _EVENTS:
            event = tokens[j + 1 : j + 6]
            return bool(event) and not any(
                t.low in _BE or _person_or_role(analysis, k, lex)
                for k, t in enumerate(event, start=j + 1)
            )
    return False


def _person_or_role(analysis: Analysis, j: int, lex: Lexicon) -> bool:
    return classify(analysis, j, lex) is Agent.PERSON or analysis.tokens[j].base in _RECIPIENTS


_RECIPIENTS = words("team teams everyone everybody people staff on-call oncall")


def _aims_at_person(analysis: Analysis, found: re.Match[str], ctx: Context) -> bool:
    """The token after a personal verb ("Retrain Siobhan") is one person; nudges need none."""
    if found.lastindex is None:
        return True
    index = analysis.index_at(found.start(found.lastindex))
    lex = lexicon_for(ctx)
    return index < len(analysis.tokens) and (
        classify(analysis, index, lex) is Agent.PERSON or lex.could_be_name(analysis, index)
    )


class BeCareful(PersonFocusedFix):
    """The fix asks people to be more careful, attentive or vigilant.

    Why:
        Attention is not a control. People were already trying to be careful; asking for more
        changes nothing the next time someone is tired, rushed or new. Change the tool or the
        process so that the same slip is caught or harmless.

    Bad:
        [Be more careful] when editing production configs.
        On-call engineers should [pay more attention] to disk alerts.

    Good:
        Make the config tool refuse edits to production without a linked change.
        Alert when disk usage on any broker passes 80 % for ten minutes.
    """

    id = "AC001"
    name = "be-careful"
    message = "This action item relies on people being more careful."
    suggestion = "What check, default or confirmation step would catch the same slip next time?"
    pattern = re.compile(
        r"\b(?:be (?:more |extra |especially |very |really )?(?:careful|cautious|vigilant"
        r"|thoughtful|mindful|attentive|diligent|alert)"
        r"|(?:more|extra|greater|closer|additional|special|renewed|heightened|increased|better"
        r"|proper) (?:care|caution|attention|vigilance|diligence)|attention to detail"
        r"|(?:renewed|heightened|increased|greater|more|extra|closer|sharper) focus on (?:detail"
        r"|accuracy|correctness)|pay (?:more |closer |extra )?attention"
        r"|take (?:more |extra |greater )?care|think twice"
        r"|(?:stay|remain|keep) (?:more |extra )?(?:alert|vigilant|focused|sharp|awake|careful"
        r"|cautious|attentive)|on (?:their|your|our|his|her) toes"
        r"|keep (?:a close |an |their |your |our )?eyes? (?:open|peeled)"
        r"|slow(?:ing)? down|take (?:your|their|our|more|extra|enough) time"
        r"|(?:don't|do not|never|avoid) rush(?:ing)?"
        r"|read (?:every|each) (?:line|step|word)|read (?:the |it )?(?:full|entire|whole)"
        r"|read (?:[\w-]+ ){0,3}?(?:carefully|properly|thoroughly|in full))\b",
        re.IGNORECASE,
    )
    triggers = words(
        "careful cautious vigilant thoughtful mindful attentive diligent alert care "
        "caution attention vigilance diligence twice focused sharp awake toes eye eyes slow focus "
        "slowing time rush rushing read"
    )
    overridable = False


class Reminder(PersonFocusedFix):
    """The fix reminds, emails or tells people, with nothing enforced.

    Why:
        A reminder fades within weeks and never reaches the person who joins next month. If
        the rule matters, make a system enforce it or make the risky path impossible.

    Bad:
        [Remind] everyone that pull requests run the pipeline.
        [Email all engineers] about the flighting policy.

    Good:
        Turn off automatic pipeline runs for pull requests in every repository.
        Notify the channel automatically when a risky change is scheduled.
    """

    id = "AC002"
    name = "reminder"
    message = "This action item reminds people instead of changing the system."
    suggestion = "What would enforce this, so that nobody has to remember it?"
    pattern = re.compile(
        rf"\b(?:remind(?:er|ers|ing|ed|s)?|(?:ping|tell|notify|inform|e-?mail|message|warn|brief) "
        rf"{_ROLE_PEOPLE}|circulate|memo|announce(?:ment)?|reinforce|re-?read"
        rf"|communicate (?:to|the)"
        rf"|send (?:a |an )?(?:note|e-?mail|message|reminder)|ask {_ROLE_PEOPLE} to"
        rf"|let (?:everyone|people|the team) know"
        rf"|talk (?:to|with) {_ROLE_PEOPLE}|tell (?:[\w'’()-]+ ){{1,6}}?(?:to|that)"
        rf"|tell (?:him|her|them)"
        rf"|(?:pin|post|drop|send|share|put|leave|write) (?:a |an )?(?:[\w-]+ )?(?:message|note"
        rf"|reminder|announcement|post|shout-?out) (?:in|to|on|into)"
        rf"|broadcast (?:[\w-]+ ){{0,4}}?(?:in|to|on|across) (?:the |all |every |each )?"
        rf"(?:[\w-]+ )?(?:channel|channels|slack|e-?mail|staff|teams?|everyone|company)"
        rf"|(?:mention|raise|bring up|discuss|repeat|reiterate|restate|re-?emphasi[sz]e|reaffirm"
        rf"|stress|cover) (?:[\w-]+ ){{0,8}}?(?:at|in|during) "
        rf"(?:the |our |each |every |next |a )?(?:[\w-]+ ){{0,2}}?(?:stand-?ups?|retros?"
        rf"|all-hands|meetings?|syncs?|huddles?|briefings?|toolbox talks?|talks?|inductions?)"
        rf"|reiterate|re-?emphasi[sz]e|reaffirm"
        rf"|e-?mail (?:everyone|everybody|all|the (?:whole |entire )?(?:team|org|company)))\b",
        re.IGNORECASE,
    )
    personal = re.compile(
        r"\b(?:pings?|nudges?|reminds?|e-?mails?|messages?|prompts?)"
        r" (?:the |a |an |our |each |every )?"
        r"(?:[\w-]+ ){0,2}?(?:on-?call|people|team|engineers?|owners?|staff|everyone|lead|leads"
        r"|manager|managers|admins?|operators?)(?: [\w-]+){0,4}? to (?:look|check|review|verify"
        r"|remember|confirm|read|eyeball|glance|go through)\b",
        re.IGNORECASE,
    )

    def spared(self, analysis: Analysis, match: re.Match[str], ctx: Context) -> bool:
        """Also a message the system sends on its own event ("send an email when it transmits")."""
        start, end = analysis.index_at(match.start()), analysis.index_at(match.end())
        return super().spared(analysis, match, ctx) or _sent_on_event(
            analysis, start, end, lexicon_for(ctx)
        )

    triggers = words(
        "nudge nudges prompt prompts pings "
        "remind reminder reminders reminding reminded reminds ping tell notify "
        "inform email e-mail message warn brief circulate memo announce "
        "announcement reinforce reread re-read communicate send ask let talk mention raise "
        "bring discuss repeat pin post drop share put leave write broadcast reiterate restate "
        "reemphasise re-emphasise reemphasize re-emphasize reaffirm stress cover"
    )


class Retrain(PersonFocusedFix):
    """The fix retrains, mentors or re-certifies the people involved.

    Why:
        Retraining the person involved implies the person was the defect. The conditions that
        made the slip likely stay the same for everyone else. Organisation-wide drills on a new
        mechanism are a different thing: they exercise the system.

    Bad:
        [Retrain] the contractor on switching procedures.
        Send the operator on a [refresher] course.

    Good:
        Run the new break-glass procedure in the quarterly drill with every responder.
        Make the switching panel require a second key to bypass the UPS.
    """

    personal = re.compile(
        r"\b(?:re-?train|coach|mentor|re-?certify) (\w+)(?!['’])\b", re.IGNORECASE
    )
    id = "AC003"
    name = "retrain-individual"
    message = "This action item retrains a person instead of changing the system."
    suggestion = "What made the procedure easy to get wrong, and how can the tool make it safe?"
    pattern = re.compile(
        r"\b(?:re-?train(?:ed|ing|s)?|mentor(?:ing|ed|s)?|coach(?:ing|ed|es)?|refresher"
        r"|re-?certif(?:y|ied|ication)|retake|redo (?:the |his |her |their )?(?:[\w-]+ )?training"
        r"|(?:additional|extra|more|remedial) training"
        r"|shadow (?:a |an |the )?(?:[\w-]+ )?(?:senior|experienced|colleague|mentor|lead|sre"
        r"|engineer|expert)"
        r"|(?:repeat|retake|redo|re-do|resit|re-sit)s? (?:the |his |her |their |a )?"
        r"(?:[\w-]+ ){0,3}(?:module|course|training|certification|exam|onboarding|class|lesson"
        r"|quiz)"
        r"|walk (?:the |him |her |them |our )(?:[\w'’-]+ ){0,2}?through"
        r"|pair (?:[\w'’-]+ ){1,4}?with (?:a |an )?(?:senior|experienced|veteran|mentor|buddy)"
        r"|(?:complete|sit|take|do|attend|pass|repeat) (?:the |a |his |her |their )?"
        r"(?:[\w-]+ ){0,3}?"
        r"(?:course|training|module|certification|exam|induction|class) again"
        r"|train (?:him|her|them|the (?:[\w-]+ )?(?:engineer|operator|contractor|technician|dba"
        r"|developer|intern|hire|pharmacist|dispatcher))"
        r"|(?:send|put) (?:[\w'’-]+ ){1,4}?back (?:through|to|on|into)"
        r"|(?:send|put) (?:him|her|them|the [\w-]+(?: [\w-]+)?) through (?:the |a |an )?"
        r"(?:[\w-]+ ){0,3}?(?:training|course|class|induction|certification))\b",
        re.IGNORECASE,
    )
    triggers = words(
        "retrain re-train retrained retraining mentor mentoring mentored coach "
        "coaching coached refresher recertify re-certify recertification retake "
        "redo training shadow repeat repeats resit walk pair train send put again"
    )


class Discipline(PersonFocusedFix):
    """The fix punishes someone: warnings, revoked access or badges, lost bonuses, rotations.

    Why:
        Punishment teaches people to hide mistakes and removes the person who knows the
        failure best. Access changes are fine when they apply to everyone by design (least
        privilege), not as a penalty for one person.

    Bad:
        Give the developer a [written warning].
        [Revoke the contractor's] data-centre badge.

    Good:
        Remove standing production access for everyone and grant it per change.
        Require a second authorised key to bypass the UPS.
    """

    id = "AC004"
    name = "discipline"
    message = "This action item punishes a person instead of changing the system."
    suggestion = "What would stop the same action from causing harm, whoever takes it?"
    pattern = re.compile(
        r"\b(?:(?:verbal|written|formal|final) warning|warn (?:the |him |her |them )"
        r"|disciplin(?:e|ary)|reprimand|(?:fire|dismiss|suspend|demote) (?:the |him |her |them )"
        r"|(?:revoke|remove|suspend|withdraw) (?:the )?(?:[\w-]+ )?[\w-]+['’]s"
        r"|(?:revoke|remove|suspend|withdraw) (?:his|her|their)"
        r"|(?:revoke|remove|suspend|withdraw|strip|pull|disable) (?:[\w-]+ ){0,3}?(?:access|rights"
        r"|privileges|permissions|badge|credentials|accounts?) (?:for|from|of) (?:whoever"
        r"|the (?:[\w-]+ )?(?:engineer|person|individual|contractor|developer|operator"
        r"|technician|intern|dba|admin|tech|culprit|offender)\b|him\b|her\b|them\b"
        r"|(?-i:[A-Z][a-z]+)\b(?!['’]s))"
        r"|(?:what|everything) (?:he|she|they|[\w-]+) did wrong"
        r"|(?:take|remove|pull|drop) (?:[\w'’-]+ ){0,3}?(?:off|from) (?:the |our |their |this )?"
        r"(?:[\w-]+ )?(?:rotation|rota|roster|on-call|team|project|release|account|contract|site)"
        r"|(?:note|record|log|put|mark) (?:it|this|that|the [\w-]+) (?:on|in|against) (?:the )?"
        r"(?:his|her|their|[\w-]+['’]s) (?:[\w-]+ ){0,2}?(?:file|record|appraisal|evaluation)"
        r"|(?:deduct|dock|recover|take) (?:[\w'’-]+ ){0,8}?(?:from|out of)"
        r" (?:the |his |her |their )?"
        r"(?:[\w'’-]+['’]s )?(?:pay|wages?|salary|salaries|bonus)"
        r"|(?:name|single out|call out) (?:[\w'’-]+ ){1,6}?at (?:the |our |a )?(?:[\w-]+ ){0,3}?"
        r"(?:all-hands|all hands|town ?hall|stand-?up|company meeting)"
        r"|(?:list|name|publish|post|rank|shame|call out|single out) (?:the )?(?:[\w-]+ )?"
        r"(?:offenders|culprits|perpetrators)"
        r"|(?:list|name|publish|post|rank) (?:[\w-]+ ){0,3}?by name"
        r"|report (?:[\w'’-]+ ){0,4}?to (?:[\w'’-]+ ){0,3}?(?:manager|boss|lead|hr|supervisor"
        r"|employer)|bonus(?:es)?|performance (?:improvement )?plan"
        r"|(?:performance|personnel|hr|permanent) (?:file|record|review)"
        r"|(?:request|ask for|demand) (?:a |an )?(?:replacement|different (?:engineer|technician"
        r"|contractor)))\b",
        re.IGNORECASE,
    )
    triggers = words(
        "warning warn discipline disciplinary reprimand fire dismiss suspend demote "
        "revoke take remove pull report bonus bonuses performance withdraw wrong personnel "
        "permanent replacement different hr strip disable drop note record log put mark list name "
        "publish post rank shame call single deduct dock recover"
    )
    overridable = False
    needs_person = True
