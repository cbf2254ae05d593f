from __future__ import annotations

from collections.abc import Callable

import pytest

from blameless.api import lint_text


@pytest.mark.parametrize(
    "sentence",
    [
        "Siobhan should have paused the rollout after the first canary failed.",
        "The DBA neglected to take a snapshot before the schema change.",
        "The payments team failed to notice the queue growing all night.",
        "Had Mateus read the diff, he would have seen the deleted index.",
        "If the operator had waited five minutes, the replica would have caught up.",
        "Clearly someone could have checked the target cluster first.",
        "He switched to the production context and forgot to switch back.",
    ],
)
def test_hindsight_aimed_at_people(sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert "BL004" in blame(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The admission controller should have rejected the manifest.",
        "The readiness probe failed to detect the deadlocked worker.",
        "Any engineer could have made this change with the tools we had.",
        "We ask what made sense at the time instead of writing 'should have'.",
        "The wiki simply did not mention the second cluster.",
        "Ramón had joined the call by 14:10.",
    ],
)
def test_systemic_or_meta_counterfactuals(sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert "BL004" not in blame(sentence)


def test_suggestion_quotes_the_forgotten_step() -> None:
    text = "Ahmed forgot to drain the node before the kernel upgrade."
    [finding] = [f for f in lint_text(text, path="s.txt") if f.rule == "BL004"]
    assert finding.text == "forgot to"
    assert "'drain the node'" in finding.suggestion
