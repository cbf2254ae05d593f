"""Round-3 principle probes, written in new wording (names, domains and phrasing of our own).

Each group is one principle: an open judgement lexicon used only in person frames, British and
American spellings, chat register, causal and hindsight frames, talk about blame or punishment
that rejects it, and person-focused action items in other words.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

BLAMEFUL = {
    "judgement adjective in a person frame": [
        "Everyone knows Lisbeth was hopelessly disorganized during the move.",
        "I can't believe how gullible the night clerk was with that caller.",
        "What else would you expect from someone as forgetful as Marguerite?",
        "That was a cavalier call by the duty manager.",
        "It was a lamebrained decision by Cormac to patch both racks at once.",
        "Tobias's pigheaded approach cost us the weekend.",
        "It was thoughtless of Renata to skip the handover.",
        "The locum seemed utterly unfocused on the ward round.",
        "You can't be surprised, given how feckless the vendor's support team is.",
    ],
    "British and American spellings are one word": [
        "The warehouse lead was so disorganised that two pallets shipped twice.",
    ],
    "negative verbs of a person's handling": [
        "The change board rubber-stamped the firewall rule without a diff.",
        "Our support agent goofed and refunded the wrong order.",
        "We in the payments squad messed this whole thing up.",
    ],
    "chat register": [
        "priya shouldve paused the sync before the cutover tbh",
        "the vendor engineer pulled the uplink and thats why every till went dark",
        "Amazing work Declan, truly flawless rollout 🙄",
        "mgmt wants the person who wiped the bucket 'dealt with'",
    ],
    "causal and blame frames": [
        "The review traced the breach to Odile, who shared her token in a ticket.",
        "Not to single anyone out, but Baptiste's edit is why the queue went read-only.",
        "The relief driver took the wrong ramp and knocked 3,200 homes off the grid.",
        "Honestly this one is on Hope.",
        "The commissioning engineer is culpable for the misrouted feed.",
    ],
    "hindsight and haste": [
        "In his hurry, Piotr restarted the wrong controller.",
        "If Ms. Varga had checked the manifest properly, she'd have seen the extra crate.",
        "If I'd looked at the plan twice, the tables would still be there.",
        "Security should have spotted the open bucket weeks ago.",
        "The packer loaded the pallet without even weighing it.",
        "Leopold, who can never be bothered to label cables, unplugged the core switch.",
        "It's always the billing folks who let these price errors through.",
    ],
    "human error labels and codes": [
        "The stoppage was categorised as signaller error.",
        "Outcome code: OPERATOR_ERROR / maloperation by the shift technician.",
    ],
    "punishment and shaming": [
        "Let's share the offender's name in the all-staff channel.",
        "Bonuses for the whole night-shift crew have been withheld this year because of it.",
    ],
}

CLEAN = {
    "judgement words that describe a system": [
        "A careless cache invalidation path in the client doubled the load.",
        "The old dashboard was useless during the failover.",
        "The on-call engineer was exhausted after three pages in a row.",
        "Ingrid's training plan was inadequate for the new console.",
        "The API was as unreliable as the vendor's status page suggested.",
    ],
    "blame aimed at a thing": [
        "The blame rests with a mislabeled patch panel in row four.",
        "The blame for the delay sits with the expired certificate.",
    ],
    "blame or punishment discussed and rejected": [
        "Blaming the warehouse team would not have stopped a single mislabeled parcel.",
        "Would suspending Oona make the next release safer? No, and we won't.",
    ],
    "ordinary frames": [
        "Great job Declan, the rollout was flawless.",
        "Ana's rollback is why the impact stayed small.",
        "Kai's change is why we now have a canary stage.",
        "The alert was dealt with within five minutes.",
    ],
}

INDIVIDUAL_ITEMS = [
    "Set up a weekly calendar reminder asking the warehouse leads to recount stock.",
    "Foster a culture of care around payroll changes.",
    "Restate the lock-out rule at the monthly toolbox talk.",
    "Take your time and read every line of the migration before approving it.",
    "Revoke console access for whoever skipped the sign-off.",
    "Add a WARNING note to the top of the export script's usage text.",
    "Put the packer back through forklift safety training.",
]

SYSTEMIC_ITEMS = [
    "Remove standing console access for everyone and grant it per change.",
    "Schedule the restore job in the backup tool's calendar and alert when it fails.",
]


def _cases(groups: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(name, text) for name, texts in groups.items() for text in texts]


@pytest.mark.parametrize(("principle", "sentence"), _cases(BLAMEFUL))
def test_blameful(principle: str, sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert blame(sentence), principle


@pytest.mark.parametrize(("principle", "sentence"), _cases(CLEAN))
def test_clean(principle: str, sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert not blame(sentence), principle


@pytest.mark.parametrize("item", INDIVIDUAL_ITEMS)
def test_person_focused_items(item: str, item_rules: Callable[[str], set[str]]) -> None:
    assert any(rule.startswith("AC0") for rule in item_rules(item))


@pytest.mark.parametrize("item", SYSTEMIC_ITEMS)
def test_systemic_items(item: str, item_rules: Callable[[str], set[str]]) -> None:
    assert not any(rule.startswith("AC0") for rule in item_rules(item))
