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
