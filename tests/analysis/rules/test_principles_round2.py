"""Round-2 principle probes, written in new wording (names, domains and phrasing of our own).

Each group is one principle: derivational families of judgement and penalty words, syntactic
frames that make a person the cause, counterfactual shapes, punitive or shaming outcomes, and
uses of blame words that assign no blame to a person.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

BLAMEFUL = {
    "judgement words in any derivational form": [
        "The handover notes were written amateurishly by the weekend cover.",
        "Her recklessness during the cutover put two warehouses offline.",
        "Bartholomew's laziness about the checklist is well known.",
        "The shift's incompetence turned a small leak into a flood.",
        "The rota was drawn up negligently by the depot supervisor.",
    ],
    "penalty words in any form, landing on a person": [
        "The signalling contractor was fined twenty thousand pounds for the cable strike.",
        "The firm was fined and its dispatcher barred from the control room.",
        "Ms. Okonkwo received a suspension while HR looks into the night.",
        "The junior analyst is barred from the production console until March.",
        "Lorcan was punished with a month of weekend shifts.",
        "Tomasz forfeits his share of this year's team bonus.",
        "She must resit the forklift certification before driving again.",
        "Because of the outage, Imelda's admin access is revoked for now.",
    ],
    "public shaming": [
        "We will single out the analyst responsible at Friday's town hall.",
        "The tester got a dunce hat sticker on his monitor for the week.",
    ],
    "a relative 'who' makes the noun before it a person": [
        "It was the rigger who brought the crane's power feed down.",
        "The culprit was Sterling, who restarted the scheduler twice during the sale.",
    ],
    "causal frames with a person as the cause": [
        "The reason for the double charges is that Anouk replayed the settlement file.",
        "Who wiped the staging bucket? The summer intern did, while tidying up.",
        "Root cause: @okafor dropped the orders index during peak.",
        "The stock mismatch was the fault of Benedikt in receiving.",
        "Gwendolyn's purge is why the archive lost three days of scans.",
        "The billing drift is all down to Priyanka, who edited the rates table by hand.",
    ],
    "human error in other words": [
        "The weakest link was the human sitting at the console.",
        "Honestly, the problem sat between the chair and the keyboard.",
        "We filed it as a layer 8 problem in the warehouse.",
    ],
    "counterfactual shapes": [
        "The porter was supposed to lock the chiller panel after the inspection but didn't.",
        "One glance at the manifest by Corentin would have caught the duplicate pallet.",
        "Even after the banner appeared, Okafor still failed to escalate the backlog.",
        "All Lucinda needed to do was tick the dry-run box.",
        "Looking back, we should never have scheduled the migration during the sale.",
        "Varga simply skipped the pre-flight script.",
        "The supplier's inspectors never tested the valves under pressure.",
    ],
    "a denial of an excuse keeps the blame": [
        "The form is confusing, but that does not excuse Idris's carelessness with the refunds.",
    ],
}

CLEAN = {
    "blame aimed at a system": [
        "Consul is to blame for the stale routes: it kept the dead node registered.",
        "Blame the load balancer: it kept sending traffic to a drained node.",
        "The cache is to blame for the stale prices.",
    ],
    "blame reported and rejected": [
        "Commentators blamed the release manager, but the timeline shows no such change.",
        "Some forum posts blamed the DBA, which the logs do not support.",
        "Claiming the operator 'should have noticed' overlooks that the alarm was muted.",
    ],
    "frames whose agent is a system or an act of help": [
        "It was the retry loop that took the ledger offline.",
        "It was Ana who spotted the spike first.",
        "Who noticed the spike first? Amara did, at 02:10.",
        "The reason is that the scheduler retried without backoff.",
        "A canary stage would have caught the bad build.",
        "The queue was supposed to drain within a minute and didn't.",
        "The weak link was the single NAT gateway.",
        "Root cause: the importer retried every failed row without backoff.",
        "Ana's quick rollback is why the impact stayed small.",
        "The standby pump's motor operator was never tested under load.",
        "Nobody knew who restarted the broker until the audit log was read.",
    ],
    "lookalikes of penalty words": [
        "The fine print in the contract caps the penalty at one month of fees.",
        "Everything looked fine after the restart.",
        "The kernel suspended disk writes while the snapshot ran.",
        "The leaked key was revoked within minutes.",
        "Nobody was punished for the outage.",
        "The vendor barred unsigned firmware from the update channel.",
    ],
}

INDIVIDUAL_ITEMS = [
    ("Host a brown-bag so the platform team appreciates the blast radius of schema changes.",),
    ("Everyone to complete the compliance e-learning by March.",),
    ("Write a Notion page describing the failover steps.",),
    ("[OPS-77] Drop a message in #warehouse about the freeze window.",),
    ("Broadcast the new cut-off times in the all-staff channel.",),
    ("Owner: Lucia — tell the carriers again to confirm pickups before noon.",),
    ("Mandatory sign-off on firewall changes via email before they are applied.",),
    ("All pickers to remain vigilant around the conveyor.",),
    ("Keep everyone on their toes during peak week.",),
    ("Circulate the write-up to regional managers so they understand the cost.",),
    ("We'll raise the daylight-saving trap at the next platform sync.",),
]

SYSTEMIC_ITEMS = [
    "Post deploy events to #deploys automatically from the pipeline.",
    "Require an approved review in the code host before firewall changes can merge.",
    "[NET-12] Make the switch config tool reject VLAN ids outside the site range.",
    "Owner: Lucia — alert when a carrier pickup is not confirmed by 11:00.",
]


def _cases(groups: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(name, text) for name, texts in groups.items() for text in texts]


@pytest.mark.parametrize(("principle", "sentence"), _cases(BLAMEFUL))
def test_blameful(principle: str, sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert blame(sentence), principle


@pytest.mark.parametrize(("principle", "sentence"), _cases(CLEAN))
def test_clean(principle: str, sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert not blame(sentence), principle


@pytest.mark.parametrize(("item",), INDIVIDUAL_ITEMS)
def test_person_focused_items(item: str, item_rules: Callable[[str], set[str]]) -> None:
    assert any(rule.startswith("AC0") for rule in item_rules(item))


@pytest.mark.parametrize("item", SYSTEMIC_ITEMS)
def test_systemic_items(item: str, item_rules: Callable[[str], set[str]]) -> None:
    assert not any(rule.startswith("AC0") for rule in item_rules(item))
