from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.mark.parametrize(
    "sentence",
    [
        "Mirela was fired the following week.",
        "The release manager got a final warning.",
        "Hamid has been suspended pending review.",
        "The SRE lost her deploy rights for a month.",
        "The vendor's engineer is no longer allowed in the data hall.",
        "Quarterly bonuses for the storage leads were withheld after the outage.",
    ],
)
def test_punishment_as_outcome(sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert "BL006" in blame(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The disk alert fired twice and paged the storage on-call engineer.",
        "Nobody was fired or disciplined over this incident.",
        "The compromised API token was revoked at 10:42.",
        "The unhealthy node was removed from the pool automatically.",
        "The job was suspended by the scheduler when the quota ran out.",
    ],
)
def test_not_punishment(sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert "BL006" not in blame(sentence)
