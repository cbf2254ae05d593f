"""Round-4 principle probes, in new wording: general mechanisms rather than surface phrases.

A person's act evaluated negatively (evaluative heads, unmet obligations, neglect over a
duration, imputed motives), person detection beyond names, causal frames, punishment, false
alarms from system subjects and universal subjects, and person-focused action items.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

BLAMEFUL = {
    "evaluative head of a person's act": [
        "Ferdinand made a proper hash of the tariff upload.",
        "The night supervisor made an absolute shambles of the handover.",
        "Our cabling contractor was well out of her depth on the fibre splice.",
        "The kiosk squad keeps pushing half-baked patches to the ticket machines.",
        "Honestly, Radek's handling of the renewal was a fiasco.",
        "The billing lead simply doesn't understand how proration works.",
        "Ottoline could not be bothered to label the spare disks.",
    ],
    "obligation not met": [
        "Lucinda was asked twice to pause the import and went ahead anyway.",
        "The locum was warned about the interaction but still signed the prescription.",
        "Nikolai needed to check the tariff date with finance before he launched the batch.",
        "The duty controller failed to escalate when the third alarm sounded.",
    ],
    "neglect over a duration": [
        "Procurement sat on the licence renewal for a whole month.",
        "The account manager left our ticket unanswered for nine days.",
        "Henrike ignored the disk warnings for two weeks.",
    ],
    "imputed motive": [
        "Apparently Orla skipped the soak test so she could catch an early train.",
        "The fitter rushed the brake check to get home before the storm.",
    ],
    "person detection": [
        "If only Mr Fairweather had opened the diff before approving it.",
        "The duplicate refunds trace back to Dr Bell, who reran the batch.",
        "Fault introduced by K. Adeyemi in ticket OPS-771 (wrong rounding mode).",
        "Technician from supplier side plug wrong cable, so whole lab network go down.",
        "Whoever merged this was not paying the least bit of attention.",
        "The subcontractor keeps sending shoddy patches to the depot.",
        "Sorry everyone, that was me, I pointed the importer at the live ledger.",
    ],
    "causal frames": [
        "The depot lost a full day of scans since Emeka switched the handhelds to demo mode.",
        "In case anyone asks why the kiosks froze at noon, that's Jolene's locale change.",
        "It's Ambrose's mistake, not the tool's, that every invoice doubled.",
        "Could have been avoided completely if the new hire had only waited.",
    ],
    "punishment": [
        "His merge rights have been taken away until further notice.",
        "The director wants to take Lorcan off the weekend rota for good.",
        "We were told that their courier will not be used again for any future deliveries.",
        "Both testers' names were read out at the town hall as a warning to everyone.",
    ],
}

BLAMEFUL_DOCUMENTS = [
    "The cause? Ingeborg, who pasted the staging key into the payroll job.",
    "So, why did the tills freeze? That's Casimir's locale patch.",
]

CLEAN = {
    "evaluative words about things": [
        "The legacy loader made a hash of the date columns.",
        "The schema from 2019 was a shambles of nullable fields.",
        "The half-baked retry logic in the SDK doubled the load.",
        "The pump was out of its depth once the inflow doubled.",
        "The ticket sat in the triage queue for three weeks because nobody owned it.",
        "Ana sat on the bridge call for three hours coordinating the rollback.",
        "We moved the window so the crew could get home before midnight.",
        "Kai needed to restart the node twice before it rejoined.",
        "The exporter made a mess of the currency column when the locale changed.",
        "Why did the error rate drop so fast? That's Ana's rollback.",
    ],
    "system subjects and roles that name things": [
        "The printer driver crashed and the spooler failed to restart.",
        "The council suspended the payments pilot after the first week.",
        "The Postgres operator failed over the primary and took the replica offline.",
    ],
    "universal subjects and rejected blame": [
        "With that console layout, any of us could have made the same mistake.",
        "Anyone on the rota would have made that slip at four in the morning.",
        "It is tempting to blame the night shift, and it would be unfair.",
    ],
    "ordinary frames": [
        "Since Ana joined the team, the runbooks have been rewritten twice.",
        "The queue has been empty since Tomasz drained it at noon.",
        "Ms Page approved the rollout plan at 09:10.",
    ],
}

INDIVIDUAL_ITEMS = [
    "Retrain Gwendolyn on the batch automation console.",
    "Mention the slip to the dispatcher's line manager and note it on his record.",
    "Renewed focus on detail when editing rate cards.",
    "Pair the new payroll clerk with an experienced colleague so he learns the export.",
    "Tell the supplier (once more) that manifests must arrive by noon.",
    "Create a page listing which batch jobs must never overlap.",
    "Add a line to the release checklist saying schema changes should avoid Fridays.",
    "Write up the cold-standby steps in the team wiki.",
    "go through the refunds report for outliers every evening",
    "Name repeat offenders in the monthly quality summary.",
    "Ask the agency to remove the technician involved from our contract.",
    "The apprentice is to sit the forklift safety module again.",
    "Set up a bot that nudges the release manager every Friday to look at the expiry list.",
]

SYSTEMIC_ITEMS = [
    "Alert the on-call when any certificate expires within 14 days.",
    "Remove unhealthy nodes from the load-balancer rotation automatically.",
    "Add a cron job that checks the refunds report every evening and pages on outliers.",
]


def _cases(groups: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(name, text) for name, texts in groups.items() for text in texts]


@pytest.mark.parametrize(("principle", "sentence"), _cases(BLAMEFUL))
def test_blameful(principle: str, sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert blame(sentence), principle


@pytest.mark.parametrize("text", BLAMEFUL_DOCUMENTS)
def test_blameful_question_and_answer(text: str, blame: Callable[[str], set[str]]) -> None:
    assert "BL001" in blame(text)


@pytest.mark.parametrize(("principle", "sentence"), _cases(CLEAN))
def test_clean(principle: str, sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert not blame(sentence), principle


@pytest.mark.parametrize("item", INDIVIDUAL_ITEMS)
def test_person_focused_items(item: str, item_rules: Callable[[str], set[str]]) -> None:
    assert any(rule.startswith("AC0") for rule in item_rules(item))


@pytest.mark.parametrize("item", SYSTEMIC_ITEMS)
def test_systemic_items(item: str, item_rules: Callable[[str], set[str]]) -> None:
    assert not any(rule.startswith("AC0") for rule in item_rules(item))
