from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.mark.parametrize(
    "sentence",
    [
        "The database admin was reckless with the failover switch.",
        "It was a careless slip by whoever merged the hotfix.",
        "Rafaela's attitude toward change review caused this.",
        "The payments squad has been complacent about certificate expiry.",
        "The on-call engineer was asleep at the wheel during the spike.",
        "Frankly, the contractor was too inexperienced for a production cut-over.",
    ],
)
def test_judgements_of_people(sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert "BL003" in blame(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The image service uses lazy loading for thumbnails.",
        "The old dashboard was useless during the outage because it read from the failed zone.",
        "Comments calling the vendor incompetent miss what the timeline shows.",
        "Reviewers avoid words like 'sloppy' in postmortems.",
    ],
)
def test_not_judgements_of_people(sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert "BL003" not in blame(sentence)
