from __future__ import annotations

from collections.abc import Callable

import pytest

from blameless.api import lint_text


@pytest.mark.parametrize(
    "sentence",
    [
        "Checkout failed because Anneke deleted the payment queue.",
        "The cluster went down because the new intern restarted every node at once.",
        "The outage was caused by a vendor's technician unplugging the wrong rack.",
        "Tobias is the reason the billing run stopped.",
        "Lindiwe's schema change took the reporting API down for an hour.",
        "Kwame rotated the TLS key without a rollover window, which is why clients failed.",
        "Jonas flipped the flag in every region and that caused the cache stampede.",
        "The batch stalled and the problem that Marisol caused lasted until noon.",
    ],
)
def test_person_framed_as_the_cause(sentence: str, blame: Callable[[str], set[str]]) -> None:
    assert "BL001" in blame(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "09:14 Anneke deleted the stale payment queue.",
        "Tobias restarted the pods and the error rate dropped.",
        "Checkout failed because the deploy tool accepted an unvalidated manifest.",
        "Jenkins broke the build when the cache volume filled up.",
        "The queue backed up because the billing team was in a change freeze.",
        "The outage was longer because we had no runbook for the failover.",
        "Thanks to the DBA team, the restore finished before the morning peak.",
        "Otto, our autoscaler, caused the node churn by consolidating too eagerly.",
    ],
)
def test_actions_and_systems_are_not_attribution(
    sentence: str, blame: Callable[[str], set[str]]
) -> None:
    assert "BL001" not in blame(sentence)


def test_span_is_agent_and_verb_and_suggestion_quotes_the_object() -> None:
    text = "Checkout failed because Anneke deleted the payment queue."
    [finding] = [f for f in lint_text(text, path="s.txt") if f.rule == "BL001"]
    assert finding.text == "Anneke deleted"
    assert "the payment queue" in finding.suggestion
    assert finding.suggestion.endswith("?")


def test_configured_system_name_is_not_a_person(blame: Callable[..., set[str]]) -> None:
    from blameless.analysis.context import LintConfig

    text = "The release stalled because Simone locked the deploy queue."
    assert "BL001" in blame(text)
    assert "BL001" not in blame(text, LintConfig(systems=["Simone"]))
