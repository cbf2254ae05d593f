"""PagerDuty log entries: page objects, arrays, JSON Lines; kinds, agents, notes."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from blameless.errors import InputError
from blameless.model import TimelineEvent

Reader = Callable[..., list[TimelineEvent]]


def test_log_entries_page(read: Reader, fixtures: Path) -> None:
    events = read("pagerduty", fixtures / "pagerduty.json")
    assert [e.kind for e in events] == ["trigger", "notify", "acknowledge", "annotate", "resolve"]
    ack = events[2]
    assert ack.actor == "Priya Natarajan"
    assert ack.timestamp == datetime(2026, 3, 4, 14, 3, tzinfo=UTC)
    assert ack.source_id == "R3ACK8Q2EU5127BLNG0000000C"
    assert ack.link and ack.link.startswith("https://acme.pagerduty.com/incidents/Q2EU8BLNG5127X/")
    assert events[3].text == (
        "Note added: billing namespace in prod-eu-1 deleted at 13:58 by the staging cleanup "
        "script. Restoring from Git with Argo CD, blocked on ExternalSecrets auth. IC: Lucía "
        "Fernández, Slack #inc-billing-eu."
    )
    assert (events[0].actor, events[0].timestamp.strftime("%H:%M:%S")) == (
        "Alertmanager (prod-eu-1)",
        "14:01:05",
    )
    assert events[1].text == "Notified Priya Natarajan by push notification."
    assert (events[4].actor, events[4].timestamp) == (
        "Lucía Fernández",
        datetime(2026, 3, 4, 15, 10, tzinfo=UTC),
    )


def test_array_and_json_lines_give_the_same_events(
    read: Reader, fixtures: Path, tmp_path: Path
) -> None:
    entries = json.loads((fixtures / "pagerduty.json").read_text())["log_entries"]
    array = tmp_path / "entries.json"
    array.write_text(json.dumps(entries, indent=2))
    lines = tmp_path / "entries.jsonl"
    lines.write_text("\n".join(json.dumps(e) for e in entries) + "\n")
    expected = read("pagerduty", fixtures / "pagerduty.json")
    assert read("pagerduty", array) == expected
    assert read("pagerduty", lines) == expected


def test_missing_created_at_names_the_line(read: Reader, tmp_path: Path) -> None:
    path = tmp_path / "entries.jsonl"
    path.write_text(
        '{"id": "A", "type": "trigger_log_entry", "created_at": "2026-03-04T14:01:05Z"}\n'
        '{"id": "B", "type": "acknowledge_log_entry"}\n'
    )
    with pytest.raises(InputError) as caught:
        read("pagerduty", path)
    assert (caught.value.line, caught.value.message) == (2, "missing required field 'created_at'")
    assert [e.source_id for e in read("pagerduty", path, skip_invalid=True)] == ["A"]


def test_empty_input_is_not_an_error(read: Reader, tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_text("")
    assert read("pagerduty", path) == []
    path.write_text('{"log_entries": [], "more": false}')
    assert read("pagerduty", path) == []
