"""Names mapped to roles for anonymised output."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from blameless.errors import ConfigError
from blameless.model import Participant, TimelineEvent
from blameless.timeline.people import anonymise, people_roles


def test_roles_from_participants_and_setting() -> None:
    roles = people_roles(
        {"Sam Okafor": "incident commander", "@alex": "scribe"},
        [Participant("Priya Natarajan", "on-call engineer", "@priya")],
    )
    assert roles == {
        "Priya Natarajan": "on-call engineer",
        "priya": "on-call engineer",
        "Sam Okafor": "incident commander",
        "alex": "scribe",
    }
    with pytest.raises(ConfigError, match="people must be a table"):
        people_roles(["Sam"])


def test_anonymise_actor_and_text() -> None:
    event = TimelineEvent(
        datetime(2026, 3, 4, 14, 5, tzinfo=UTC),
        "@Priya Natarajan I'm IC, pinging @priya and Samuel",
        actor="Sam Okafor",
    )
    roles = {
        "Priya Natarajan": "on-call engineer",
        "priya": "on-call engineer",
        "Sam": "IC",
        "Sam Okafor": "incident commander",
    }
    (out,) = anonymise([event], roles)
    assert out.actor == "incident commander"
    assert out.text == "[on-call engineer] I'm IC, pinging [on-call engineer] and Samuel"
    assert anonymise([event], {}) == [event]
