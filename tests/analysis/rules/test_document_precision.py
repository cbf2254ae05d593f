"""Precision on whole documents, in new wording: what the rules get wrong once sentences have
neighbours and action items describe product behaviour.

Principles: a "they"/"them" whose antecedent in the sentence before is a group of things; the
subject of "Had X <participle>" (a person found after the verb is an object); a step the item
removes ("replacing the phone calls"); a message the system sends on its own event; "phone" as
a device rather than an act; "blame" as the object of a preposition (talk about blame).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from blameless.analysis.context import LintConfig
from blameless.analysis.finding import Level
from blameless.api import lint_text


def _paragraph_blame(text: str) -> set[str]:
    """BL rule ids (warning or error) on a Markdown paragraph, sentences seen in order."""
    findings = lint_text(f"## What happened\n\n{text}\n", path="doc.md", config=LintConfig())
    return {f.rule for f in findings if f.rule.startswith("BL") and f.severity is not Level.INFO}


THINGS_BEFORE_PRONOUN = [
    "The spare pumps sit on a separate power feed. Had they shared the main feed, the flood "
    "would have reached the lower deck.",
    "The retry timers were fixed at ten seconds. They should have been randomised from the start.",
    "The old brokers kept the previous certificate in memory. They failed to reload it after "
    "the rotation.",
    "Ward telemetry uses its own uplinks.\nHad they gone through the shared router, the "
    "monitors would have gone dark.",
]

PEOPLE_BEFORE_PRONOUN = [
    "The storage team was paged at 01:40. Had they looked at the graph, the failover would "
    "have been avoided.",
    "Two contractors ran the migration. They failed to check the row counts.",
    "The queue alerts fired at 02:10. They ignored them until morning.",
    "The dashboards showed the lag for an hour. They simply forgot to look.",
]


@pytest.mark.parametrize("text", THINGS_BEFORE_PRONOUN)
def test_pronoun_pointing_back_to_things_is_no_person(text: str) -> None:
    assert _paragraph_blame(text) == set()


@pytest.mark.parametrize("text", PEOPLE_BEFORE_PRONOUN)
def test_pronoun_pointing_back_to_people_stays_flagged(text: str) -> None:
    assert "BL004" in _paragraph_blame(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Had it relied on the operators, the switchover would have taken an hour.",
        "Had it waited on them, the patch would have shipped a week later.",
        "Had the sirens relied on them, the warning would have come late.",
    ],
)
def test_had_with_a_thing_subject_is_clean(blame: Callable[[str], set[str]], sentence: str) -> None:
    assert blame(sentence) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Had Ines waited for the canary, the rollout would have stopped at one percent.",
        "Had the night operator read the warning, the pumps would have kept running.",
        "Had they checked the queue depth, the outage would have been avoided.",
        "Had our release manager not approved it, nothing would have shipped.",
    ],
)
def test_had_with_a_person_subject_stays_flagged(
    blame: Callable[[str], set[str]], sentence: str
) -> None:
    assert "BL004" in blame(sentence)


@pytest.mark.parametrize(
    "item",
    [
        "Add a self-service rebooking page for passengers, replacing one-by-one phone calls.",
        "Push a firmware setting to every supported phone model that staggers reconnects.",
        "Replace the Friday reminder message with a hard stop in the release tool.",
        "Show 'Your payment is queued' after ten seconds and send an email when it settles.",
        "Send an email once the parcel leaves the depot.",
    ],
)
def test_items_that_change_a_system_are_clean(
    item_rules: Callable[[str], set[str]], item: str
) -> None:
    assert not {"AC002", "AC005"} & item_rules(item)


@pytest.mark.parametrize(
    ("item", "rule"),
    [
        ("Phone each depot manager before the tariff change goes live.", "AC005"),
        ("Confirm the cutover time with the vendor by phone.", "AC005"),
        ("Send an email to the platform team when you schedule a failover.", "AC002"),
        ("Ping the team in chat whenever a schema change is planned.", "AC002"),
        ("Instead of a lock, remind everyone to check the queue first.", "AC002"),
    ],
)
def test_person_focused_items_stay_flagged(
    item_rules: Callable[[str], set[str]], item: str, rule: str
) -> None:
    assert rule in item_rules(item)


@pytest.mark.parametrize(
    "sentence",
    [
        "These write-ups are full of timeline lines a keyword search may confuse with blame.",
        "Two drafts in this folder read like blame to Priya, on purpose.",
        "Sort each sentence into blame or praise, then compare the counts.",
    ],
)
def test_blame_as_a_topic_is_clean(blame: Callable[[str], set[str]], sentence: str) -> None:
    assert blame(sentence) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "The blame for the wiped volume lies with Tobias.",
        "Everyone knows the night shift is to blame for the dropped orders.",
        "Leadership blamed Odile for the missed deadline.",
    ],
)
def test_blame_assigned_stays_flagged(blame: Callable[[str], set[str]], sentence: str) -> None:
    assert "BL002" in blame(sentence)
