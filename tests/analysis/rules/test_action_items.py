from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.mark.parametrize(
    ("item", "rule"),
    [
        ("Everyone must stay vigilant when editing DNS records.", "AC001"),
        ("Operators need to take extra care with the bulk-delete command.", "AC001"),
        ("Send a reminder about the change freeze before each holiday.", "AC002"),
        ("Tell the storage engineers to check quotas before resizing.", "AC002"),
        ("Coach the new hire on safe rollbacks.", "AC003"),
        ("Have the contractor retake the electrical safety certification.", "AC003"),
        ("Give the on-call engineer a formal warning.", "AC004"),
        ("Take Dara off the weekend rota for a month.", "AC004"),
        ("Check the replica lag by hand before every failover.", "AC005"),
        ("Ask a teammate to eyeball the firewall diff.", "AC005"),
        ("Add a note to the wiki about the two clusters.", "AC006"),
        ("Document how to restore the ledger from snapshots.", "AC006"),
        ("Raise awareness of phishing among the finance team.", "AC007"),
        ("Run a training session on the dangers of force-push.", "AC007"),
    ],
)
def test_person_focused_items(item: str, rule: str, item_rules: Callable[[str], set[str]]) -> None:
    assert rule in item_rules(item)


@pytest.mark.parametrize(
    "item",
    [
        "Make the DNS tool refuse changes to apex records without a second approver.",
        "Automate the replica lag check and block failover when lag exceeds 5 seconds.",
        "Send release notes to the status page automatically on every deploy.",
        "Remove standing production access for all engineers; grant it per change.",
        "Document the restore path and exercise it in the monthly game-day drill.",
        "Alert the on-call when certificate expiry is less than 14 days away.",
        "Put every renewal date in the vendor register with reminders to the team queue.",
    ],
)
def test_systemic_items(item: str, item_rules: Callable[[str], set[str]]) -> None:
    assert not {r for r in item_rules(item) if r.startswith("AC0")}


PERSON_FOCUSED_IN_OTHER_WORDS = [
    "Before each cutover, the shift lead should compare the row counts by hand.",
    "Get a second engineer to look over every DNS change before it is applied.",
    "Add a checklist step asking approvers to confirm the rollback plan exists.",
    "Sanity-check the feature flag targets before each launch.",
    "Tape a notice to the generator panel saying 'Do not bypass'.",
    "Leave a comment in the Helm chart explaining the memory limit.",
    "Record the outage in the technician's personnel file.",
    "Report the engineer to HR.",
    "Have Oyelaran shadow an experienced dispatcher for two weeks.",
    "The intern should retake the change-management course.",
    "Walk the new hire through the deployment guidelines again.",
    "Talk with the payments developers about rollback discipline.",
    "Tell the night shift to double-check breaker labels.",
    "Bring up the certificate expiry at the weekly sync.",
    "Email the whole team a summary of what went wrong.",
]

SYSTEMIC_IN_OTHER_WORDS = [
    "Replace the hand-edited inventory sheet with a generated one, removing the manual copy step.",
    "Make the deploy tool compare row counts before and after the cutover and abort on a mismatch.",
    "Require two approvals in the DNS change tool before a record can be applied.",
    "Add a CI check that rejects Helm charts without memory limits.",
    "Page the on-call automatically when a certificate is within 14 days of expiry.",
    "Run the new rollback path in every quarterly game day.",
    "Remove standing admin access for all engineers and grant it per change through the broker.",
    "Add a canary stage that holds each release for 30 minutes.",
]


@pytest.mark.parametrize("text", PERSON_FOCUSED_IN_OTHER_WORDS)
def test_person_focused_items_in_any_wording(
    text: str, item_rules: Callable[[str], set[str]]
) -> None:
    assert any(rule.startswith("AC0") for rule in item_rules(text))


@pytest.mark.parametrize("text", SYSTEMIC_IN_OTHER_WORDS)
def test_automation_replacing_a_manual_step_is_systemic(
    text: str, item_rules: Callable[[str], set[str]]
) -> None:
    assert not any(rule.startswith("AC0") for rule in item_rules(text))
