"""Round-6 principle probes, in new wording: given names that are also words acting through a
modal or perfect auxiliary, office-holder roles, and penalties landing on them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

BLAMEFUL = {
    "a word-name as the subject of hindsight": [
        "Sterling should have held the release until the freeze ended.",
        "Rusty could have tried the restore on a copy first.",
        "Dusty just had to rerun the import with the dry-run flag.",
        "Misty failed to open the handover notes before taking the pager.",
    ],
    "an office holder as the subject of hindsight": [
        "The bursar neglected to reconcile the ledger before the audit.",
        "The treasurer forgot to renew the domain, and the site went dark.",
    ],
    "a penalty landing on a word-name or an office holder": [
        "The warden has been written up over the missed fire drill.",
        "Lucky has been suspended pending the review.",
    ],
    "a conditional about a person's own attention": [
        "If Rowan was reading the error log, she would notice the retries piling up.",
        "If Sterling was watching the queue graph, he would catch the backlog early.",
    ],
    "penalties in new words": [
        "Her quarterly bonus was halved after the incident.",
        "A warning letter has been put on Tobias's file.",
        "The slip will be flagged on his next appraisal.",
        "Mireille will no longer be allowed near the payroll system.",
        "The committee will decide whether Oona stays on as treasurer.",
        "They said I'd have to resit the safety course before driving the forklift again.",
    ],
}

CLEAN = {
    "word-names and office nouns that name no agent of blame": [
        "Summer will be our busiest season for bookings.",
        "The registrar service should have rejected the duplicate enrolment.",
        "The bursar's report was filed on time.",
        "Rusty bolts on the rack could have loosened the power feed.",
        "The trustees approved funding for a second reviewer on every payment run.",
        "The bonus calculation job was cut from the nightly batch.",
        "We'll review whether the queue stays healthy as traffic grows.",
        "Guests will not be allowed near the server room without an escort.",
        "A note was added to the runbook file about the new flag.",
        "I'll page the database team if the lag passes a minute.",
        "If the primary engineer was sleeping, the page would go to the secondary.",
    ],
}


def _cases(groups: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(name, text) for name, texts in groups.items() for text in texts]


@pytest.mark.parametrize(("principle", "sentence"), _cases(BLAMEFUL))
def test_blameful(principle: str, sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert blame(sentence), principle


@pytest.mark.parametrize(("principle", "sentence"), _cases(CLEAN))
def test_clean(principle: str, sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert not blame(sentence), principle
