from __future__ import annotations

from collections.abc import Callable

from blameless.api import lint_text


def _rules(document: str) -> list[str]:
    return [f.rule for f in lint_text(document, path="pm.md")]


POSTMORTEM = """# Cache outage

## Action items

{items}
"""


def test_owner_and_due_date_tags_and_text() -> None:
    items = "\n".join(
        [
            "- [ ] Alert on cache eviction rate above 1k/s. [owner: @li] [due: 2026-05-01]",
            "- [ ] Cap the retry budget at 3 attempts. Owner: storage team. Due: 2026-06-01",
            "- [ ] Shard the session cache by tenant.",
            "- [x] Roll back the eviction policy. [owner: @li]",
        ]
    )
    found = _rules(POSTMORTEM.format(items=items))
    assert found.count("AC101") == 1
    assert found.count("AC102") == 1


def test_vague_items(item_rules: Callable[[str], set[str]]) -> None:
    assert "AC103" in item_rules("Improve monitoring.")
    assert "AC103" in item_rules("Make deploys more robust.")
    assert "AC103" not in item_rules("Improve the deploy tool so that it refuses unsigned images.")
    assert "AC103" not in item_rules("Alert when p99 latency exceeds 800 ms for 5 minutes.")


def test_no_systemic_action_is_reported_once_at_the_heading() -> None:
    items = "- [ ] Remind engineers to check the cluster.\n- [ ] Be more careful with prod."
    findings = [f for f in lint_text(POSTMORTEM.format(items=items), path="pm.md")]
    [finding] = [f for f in findings if f.rule == "AC104"]
    assert finding.text == "Action items"


def test_one_systemic_item_is_enough() -> None:
    items = "- [ ] Remind engineers to check the cluster.\n- [ ] Make the script refuse prod."
    assert "AC104" not in _rules(POSTMORTEM.format(items=items))
