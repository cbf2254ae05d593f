"""AC005-AC007: action items that add a manual check, only document, or raise awareness."""

from __future__ import annotations

import re

from blameless.analysis.rules._helpers import words
from blameless.analysis.rules.action_items import (
    AUTOMATION,
    BeCareful,
    Discipline,
    PersonFocusedFix,
    Reminder,
    Retrain,
)


class ManualCheck(PersonFocusedFix):
    """The fix is a manual check that depends on someone remembering to do it.

    Why:
        A manual step works until the day it is skipped, usually the busiest day. Automate the
        check, or build it into the tool that makes the change.

    Bad:
        [Manually] double-check the target router before shifting traffic.
        [Ask a colleague] to look over your plan before merging.

    Good:
        Make the traffic-shift tool refuse targets outside the primary network.
        Enforce branch protection so infrastructure changes apply only after review.
    """

    id = "AC005"
    name = "manual-check"
    message = "This action item adds a manual check that depends on someone remembering it."
    suggestion = "Could a tool run this check every time, or refuse the change when it fails?"
    pattern = re.compile(
        r"^\W*go through|\b(?:manual(?:ly)?|by hand|(?:look|read|skim|comb|scroll) through"
        r"|double-?check|spot-?check|eyeball|ask (?:a |another |the )?"
        r"(?:colleague|teammate|peer|reviewer|someone|second person|buddy)|look over|make sure"
        r"|phone (?:the|each|every|all|them|him|her|round|around|ahead|back)|by (?:tele)?phone"
        r"|(?:tele)?phone (?:tree|chain|round)|call (?:the|them)|log in to (?:each|every)"
        r"|verify by hand|try each"
        r"|glance (?:over|at|through)|sanity-?check|keep an eye on|by eye"
        r"|(?<!\ba )(?<!\ban )(?<!\bthe )(?<!real )(?<!independent )cross-?check"
        r"|visually (?:check|inspect|confirm|verify)"
        r"|asking (?:the )?(?:[\w-]+ )?(?:reviewers?|approvers?|people|engineers"
        r"|operators) to (?:verify|check|confirm|make sure|look)"
        r"|(?:review|reviews|sign-?offs?|approvals?|checks?|confirmations?) (?:[\w-]+ ){0,5}?"
        r"(?:over|via|on|by|through|in) (?:slack|teams|chat|e-?mail|phone|dm|whatsapp)"
        r"|^\W*(?:\|\s*\d+\s*\|\s*)?(?:the |a |an |our )?(?:[\w-]+ ){0,2}?(?:lead|operator"
        r"|engineer|technician|master|volunteer|someone|somebody|on-call|manager|clerk|staff"
        r"|officer|analyst|reviewer|person|supervisor|steward)(?: from [\w-]+)?"
        r" (?:to (?:check|compare|review|preview|walk|inspect|verify|look|listen|watch|recount"
        r"|eyeball|confirm|read|monitor)"
        r"|(?:checks|reviews|inspects|looks at|walks) (?:[\w-]+ ){0,6}?"
        r"(?:every|each) (?:[\w-]+ )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
        r"|morning|evening|day|night|shift|week))"
        r"|(?:have|get) (?:someone|somebody|a colleague|a teammate"
        r"|a peer|another [\w-]+|a second [\w-]+) (?:to )?(?:look|check|review|verify|read"
        r"|confirm|eyeball|glance))\b",
        re.IGNORECASE,
    )
    triggers = words(
        "manual manually hand double-check doublecheck double spot-check eyeball go read skim comb "
        "scroll "
        "ask look make phone call log verify try glance sanity-check sanity cross-check eye "
        "visually checklist have get review reviews sign-off sign-offs signoff approval "
        "approvals checks confirmation confirmations keep lead operator engineer technician "
        "master volunteer someone somebody on-call manager clerk staff officer analyst reviewer "
        "person supervisor steward"
    )
    overrides = AUTOMATION


class DocumentationOnly(PersonFocusedFix):
    """The fix is a wiki page, README line, runbook note or sign that nothing enforces.

    Why:
        Documentation helps only the people who find it, read it and remember it under pressure.
        On its own it is a weak fix; pair it with a change that a system enforces or exercises.

    Bad:
        [Document the] recovery procedure.
        [Add a line to the runbook]: do not run against production.

    Good:
        Automate the snapshot and restore path and exercise it daily.
        Make the maintenance job refuse production targets without an approved change.
    """

    id = "AC006"
    name = "documentation-only"
    message = "This action item only documents; nothing enforces or exercises it."
    suggestion = "What change in a tool or process would make the documented rule hold by itself?"
    pattern = re.compile(
        r"\b(?:document(?:ed|ing)? (?:the|how|that|this|our|a|an|what|why|when|where)"
        r"|(?:(?:update|edit|extend|expand|improve|add to) (?:the |a |our )?(?:[\w-]+ ){0,3}?"
        r"|write (?:the |a |our )?(?:[\w-]+ )?)"
        r"(?:readme|wiki|runbook|docs|documentation|playbook|faq|guide|handbook)"
        r"|(?:add|put|place|show) (?:a |an )?(?:[\w-]+ )?(?:note|line|banner|message|text|caption)"
        r" (?:[\w'’-]+ ){0,6}?(?:asking|telling|reminding|urging|warning) (?:the )?(?:[\w-]+ )?"
        r"(?:users|people|donors|customers|staff|engineers|everyone|visitors|readers)"
        r"|(?:add|put|write|post|hang|place) (?:a |an )?(?:[\w-]+ )?(?:line|note|section|paragraph"
        r"|comment|warning|sign|notice|caveat) (?:to|in|on|into) (?:the |a |our |each |every )?"
        r"(?:[\w-]+ )?(?:runbook|wiki|readme|docs?|documentation|playbook|panel|door|wall|guide"
        r"|handbook|page|template|checklist|form)|wiki page|warning sign"
        r"|(?:create|write|make|start|set up|build) (?:a |an )?(?:[\w-]+ )?(?:page|doc|document"
        r"|list|spreadsheet|sheet) (?:listing|that lists|describing|explaining|documenting)"
        r"|write (?:up|down) (?:[\w-]+ ){0,5}?(?:in|on|to|into) (?:the |a |our )?(?:[\w-]+ )?"
        r"(?:confluence|notion|wiki|sharepoint|readme|runbook|docs?|handbook|google docs?)"
        r"|(?:add|put|write|place) (?:a |an )?(?:[\w-]+ )?(?:line|note|section|paragraph|warning"
        r"|caveat|banner) (?:to|in|on|at|into) (?:[\w'’-]+ ){0,6}?(?:help|usage|man page|--help"
        r"|docstring|readme|motd|login banner)(?: text| output| page| message)?"
        r"|(?:confluence|notion|sharepoint|wiki|google|intranet) (?:page|doc|space|article|entry)"
        r"|write (?:up )?(?:a |an |the )?(?:[\w-]+ ){0,2}?(?:page|doc|document|article|write-?up"
        r"|explainer|how-?to|guide|faq)"
        r"|(?:add|put|post|hang|place|stick|attach|print|display|mount|tape|pin|affix) (?:up )?"
        r"(?:a |an |the )?(?:[\w-]+ )?(?:signs?|stickers?|posters?|placards?|banners?|notices?"
        r"|laminated card)"
        r"|(?:add|write|leave|put) (?:a |an )?(?:[\w-]+ )?(?:code |inline |source )?comments?"
        r" (?:above|below|next to|beside|in|on|at|explaining|to explain|that explains))\b",
        re.IGNORECASE,
    )
    triggers = words(
        "document documented documenting readme wiki runbook docs documentation "
        "playbook faq guide handbook line note section paragraph comment warning "
        "sign notice caveat tape pin affix signs sticker stickers poster posters placard banner "
        "card comments notices confluence notion sharepoint intranet write page create make "
        "start set build template checklist form update edit extend expand improve add put place "
        "show asking telling reminding urging"
    )


class Awareness(PersonFocusedFix):
    """The fix is generic awareness: training sessions, encouragement, "understand the impact".

    Why:
        Awareness campaigns change little under pressure. A scheduled drill that exercises a new
        mechanism is different: it tests the system as well as the people.

    Bad:
        Make staff [aware] that the validator is not a full test.
        [Encourage] people to speak up when they are unsure.

    Good:
        Run the new failover path in the quarterly game-day drill.
        Make the validator fail the release when it skips a check.
    """

    id = "AC007"
    name = "awareness"
    message = "This action item raises awareness instead of changing the system."
    suggestion = (
        "What mechanism would make the risk visible or impossible at the moment it matters?"
    )
    pattern = re.compile(
        r"\b(?:(?:promote|foster|build|instil|instill|cultivate|nurture|create|drive|embed"
        r"|strengthen) (?:a |an |the |our )?(?:[\w-]+ )?culture (?:of|around|where|in which)"
        r"|aware(?:ness)?|encourage|educate|education|understands? the (?:impact|importance"
        r"|risks?|consequences)|speak up|lunch[- ]and[- ]learn|brown[- ]bag|hold (?:a |an )?"
        r"(?:[\w-]+ )?(?:session|meeting|workshop|talk)|run (?:a |an )?(?:[\w-]+ ){0,2}"
        r"(?:training|session|sessions|workshop)"
        r"|(?:training|sessions?|workshop) (?:on|about|for)|e-?learning|webinars?"
        r"|(?:host|organi[sz]e|schedule|arrange|give) (?:a |an )?(?:[\w-]+ )?(?:session|talk"
        r"|workshop|lunch-and-learn|brown-bag|presentation|webinar)"
        r"|so (?:that )?(?:[\w-]+ ){1,3}?(?:appreciates?|realis(?:es?)|realiz(?:es?)"
        r"|understands? (?:how|why|what))"
        r"|(?:share|circulate|send|forward) (?:this|the|our) (?:[\w-]+ )?(?:postmortem"
        r"|post-mortem|write-?up|incident report|report|retro|review)"
        r"(?: widely| with (?:everyone|all|the))?)\b",
        re.IGNORECASE,
    )
    triggers = words(
        "aware awareness encourage educate education understand understands speak "
        "lunch brown-bag hold run training session sessions workshop e-learning elearning "
        "webinar webinars host organise organize schedule arrange give appreciate appreciates "
        "realise realises realize realizes share circulate forward culture"
    )


PERSON_FOCUSED_RULES: tuple[type[PersonFocusedFix], ...] = (
    BeCareful,
    Reminder,
    Retrain,
    Discipline,
    ManualCheck,
    DocumentationOnly,
    Awareness,
)
