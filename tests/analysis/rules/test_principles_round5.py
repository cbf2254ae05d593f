"""Round-5 principle probes, in new wording: reported classifications, fault located in a
person, punishments phrased as decisions, idioms of negligence, duties not done, and
person-focused action items phrased as a role with an infinitive.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

BLAMEFUL = {
    "reported or recorded classification": [
        "The incident register gives the cause as 'staff error'.",
        "Internally we file this one under 'human error - data entry'.",
        "The ticket was closed as 'Cause: user mistake (night shift)'.",
        "Frankly I'd call it engineer error and leave it there.",
        "Our summary to the regulator states the cause as 'mistake of the operator'.",
        "This is a people issue, not a tooling issue.",
    ],
    "fault located in a person": [
        "Fault for the overdraft lies with the branch cashier.",
        "Responsibility for the lost samples rests with the lab's courier.",
        "Ms Okafor remains responsible for the overpayment to the supplier.",
        "The slip was the dispatcher's, plain and simple.",
        "This error is Tomasz's, and he knows it.",
        "All the problem is Pieter fault, not the machine.",
    ],
    "punishment phrased as a decision about a person": [
        "We agreed Ilse will not run the payroll export anymore.",
        "The trustees asked me to step down from managing the mailing list.",
        "Jarek is not allowed to approve refunds until further notice.",
        "The board decided Farah will repay part of the lost fees.",
        "The agency has been told to take Mr. Lindqvist off our project.",
        "Her name goes in the monthly incident digest so others learn.",
        "I've revoked Ottilie's admin rights for good.",
    ],
    "idioms of negligence": [
        "Rufus has been coasting since the spring.",
        "Honestly the night desk is phoning it in these days.",
        "The vendor kept dropping the ball on our firmware tickets.",
        "Piet was too busy gossiping to see the queue fill up.",
        "It shows how seriously Benedikt treats his on-call week.",
    ],
    "a duty not done": [
        "The scanner did its part; Halvard didn't do his.",
        "She knows the checklist, but she did not follow it.",
    ],
}

CLEAN = {
    "classifications that are rejected or technical": [
        "The first draft logged the cause as 'operator error'; the review replaced that label.",
        "The ticket was closed as 'Cause: disk full on the primary'.",
        "We call it the nightly reconcile job.",
        "Press stories blaming 'a cashier's slip' were wrong; no cashier touched the ledger.",
        "Some members said the fault lay with the night cashier; the auditors found it did not.",
        "The auditor's memo lists 'staff error' as the cause; we dispute that, see section 2.",
    ],
    "accountability, approval and ownership": [
        "The chief executive has accepted every recommendation and funded the new scanners.",
        "The Deputy Fire Marshal signed off the sprinkler budget on Monday.",
        "Responsibility for the follow-up rests with Ana.",
        "Ms Okafor remains responsible for the vendor relationship.",
        "The scanner did its part and the queue drained by noon.",
        "Ilse will not need to run the payroll export by hand anymore.",
    ],
}

INDIVIDUAL_ITEMS = [
    "Shift lead to recount the cash drawers by hand at close.",
    "On-call engineer to look over the queue graphs every Monday morning.",
    "Someone from finance to eyeball each payout file before it is sent.",
    "Note the slip in the cashier's next performance review.",
    "Take the cost of the reprint out of the cashier's wages.",
    "Update the onboarding guide to explain which bucket is public.",
    "Put a banner above the submit form asking people to double-check the amount.",
    "Ask the weekend volunteer to keep an eye on the stream health page.",
]

SYSTEMIC_ITEMS = [
    "Give the billing service its own read replica, so the invoice total is a real cross-check.",
    "Deploy pipeline to run the schema check on every merge.",
    "Update the importer to reject rows with a missing currency.",
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
