"""Principle-level probes across the BL rules, in wording no rule was written from.

Each group is one principle: who counts as a person, which frames make a person the cause,
which shapes of hindsight, blame vocabulary, punishment and motive are blame, and which
uses of blame words assign no blame at all.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from blameless.api import lint_text

BLAMEFUL = {
    "unlisted names and names that are words": [
        "Yusuf's config push took the payment gateway offline for an hour.",
        "Ifeoma's firewall edit cut off every branch office.",
        "Sunny took down the search cluster when she resized the shards.",
        "The cascade traces back to Tamsin, who deleted the routing table by hand.",
        "The rollout was botched by Hunter, who ignored the canary.",
    ],
    "occupational roles": [
        "The freeze was caused by the night-shift technician who unplugged the wrong feed.",
        "The on-call pharmacist ought to have paged the vendor right away.",
        "Had the field engineer checked the label, the rack would have stayed up.",
        "The root cause is listed as dispatcher error on the night shift.",
    ],
    "causal frames": [
        "The actual trigger was Ngozi restarting every broker at once.",
        "Courtesy of Rafferty's cleanup script, half the customer images were deleted.",
    ],
    "hindsight shapes": [
        "Honestly, Dawn should still have rolled back when the alarms fired.",
        "The reviewer probably missed the deleted index in the diff.",
        "Shouldn't the release manager have waited for the canary to finish?",
        "In hindsight, Will should not have merged on a Friday evening.",
        "Again the data team deployed without testing the migration on a replica.",
    ],
    "blame vocabulary": [
        "Piotr fumbled the DNS change and the site vanished for twenty minutes.",
        "I nuked the staging bucket thinking it was mine.",
    ],
    "punishment": [
        "The dispatcher's badge was revoked the next morning.",
        "We will retrain Oyelaran on the change process.",
        "The contractor has to retake the safety certification before returning.",
        "The incident was noted in her performance file.",
    ],
    "motive": [
        "The operator seemed to be in a hurry to go home and skipped the checklist.",
        "The product owner cared more about the demo than about the data loss.",
    ],
}

CLEAN = {
    "blame words aimed at systems": [
        "The load balancer blamed the upstream for the resets.",
        "The fault handler in the queue consumer retried forever.",
        "The broker's fault log showed three leader elections.",
        "The scheduler missed two cron runs during the upgrade.",
        "The pipeline should have rejected the manifest.",
    ],
    "talk about blame": [
        "Blame is easy; understanding the conditions takes longer.",
        "Blaming individuals would not have found the missing lock timeout.",
        "Reporters blamed 'a rogue engineer', but no engineer did anything unusual.",
        "We apologise for the delays this caused to drivers.",
    ],
    "words and systems that look like people": [
        "Bo, the billing orchestrator, retried the charge four times.",
        "Grace periods for renewals were extended by a week.",
        "Monday's deploy took down nothing; the outage started on Tuesday.",
        "Replication stopped when the disk filled.",
        "Ada, our scheduling assistant, booked the maintenance window.",
        "Marvin, the merge bot, merged the pull request.",
        "Dawn broke over the data centre before the power came back.",
    ],
    "neutral actions and praise": [
        "Thanks to Hunter's quick rollback, the impact stayed under five minutes.",
        "Kwame deployed the build at 14:02 and watched the dashboards.",
        "The dispatcher uploaded the schedule at 06:00, as every day.",
        "We retrained the anomaly model on a year of data.",
        "The new hire joined the incident call and took notes.",
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


def test_suggestion_asks_about_the_change_of_a_possessor() -> None:
    text = "Yusuf's config push took the payment gateway offline for an hour."
    [finding] = [f for f in lint_text(text, path="s.txt") if f.rule == "BL001"]
    assert finding.suggestion is not None
    assert "the config push" in finding.suggestion
    assert "Yusuf" not in finding.suggestion


def test_suggestions_are_one_line_and_keep_phrasal_verbs_natural() -> None:
    text = "Because Ana ran the cleanup\n   script against production, it broke."
    [finding] = [f for f in lint_text(text, path="s.txt") if f.rule == "BL001"]
    assert finding.suggestion is not None
    assert "\n" not in finding.suggestion
    assert "the cleanup script to be run against production" in finding.suggestion
    text = "Sunny took down the search cluster when she resized the shards."
    [finding] = [f for f in lint_text(text, path="s.txt") if f.rule == "BL001"]
    assert finding.suggestion is not None
    assert "the search cluster to be taken down" in finding.suggestion
