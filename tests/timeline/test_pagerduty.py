"""PagerDuty log entries: page objects, arrays, JSON Lines; kinds, agents, notes."""

from __future__ import annotations

import json
import tracemalloc
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


def _entry(n: int) -> dict[str, object]:
    return {
        "id": f"R{n:08d}",
        "type": "notify_log_entry",
        "summary": f"Notified responder {n} by email " + "x" * 200,
        "created_at": f"2026-03-04T14:{n // 3600 % 60:02d}:{n // 60 % 60:02d}Z",
        "agent": {"type": "user_reference", "summary": "Priya Natarajan"},
        "channel": {"type": "email"},
        "html_url": f"https://acme.pagerduty.com/incidents/Q2EU8BLNG5127X/log_entries/R{n:08d}",
    }


def test_large_page_streams_entries_in_linear_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page of 12,000 entries (about 5 MB) is parsed entry by entry, never whole again."""
    from blameless.timeline import ImportContext, read_events, records

    entries = [_entry(n) for n in range(12_000)]
    page = {"limit": 12_000, "offset": 0, "log_entries": entries, "more": False}
    path = tmp_path / "page.json"
    path.write_text(json.dumps(page, indent=1))
    size = path.stat().st_size
    parsed = 0
    real = records._decoder

    class Counting(json.JSONDecoder):
        def raw_decode(self, s: str, idx: int = 0) -> tuple[object, int]:
            nonlocal parsed
            try:
                value, end = real.raw_decode(s, idx)
            except json.JSONDecodeError as problem:
                parsed += problem.pos - idx
                raise
            parsed += end - idx
            return value, end

    monkeypatch.setattr(records, "_decoder", Counting())
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_events("pagerduty", path, ImportContext()))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (count, size > 4_000_000) == (12_000, True)
    assert parsed < 1.1 * size  # each character parsed about once: no re-parse from the start
    assert peak < size / 4  # the page is never held whole


def test_page_entries_have_their_own_lines_and_size_limit(
    read: Reader, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blameless.timeline import records

    monkeypatch.setattr(records, "MAX_VALUE_BYTES", 100_000)
    entries = [_entry(n) for n in range(1_000)]  # a page of about 400 KB, entries of 400 bytes
    path = tmp_path / "page.json"
    path.write_text(
        '{"more": false,\n "log_entries": [\n'
        + ",\n".join(json.dumps(e) for e in entries[:-1])
        + ',\n{"id": "BAD", "type": "notify_log_entry"}\n]}\n'
    )
    with pytest.raises(InputError, match="missing required field 'created_at'") as caught:
        read("pagerduty", path)
    assert caught.value.line == 1_002
    assert len(read("pagerduty", path, skip_invalid=True)) == 999
    path.write_text('{"log_entries": [{"id": "A", "summary": "' + "x" * 300_000 + '"}]}')
    with pytest.raises(InputError, match="larger than"):
        read("pagerduty", path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"log_entries": [ENTRY,]}', "Expecting value"),
        ('{"log_entries": [ENTRY ENTRY]}', "Expecting ',' delimiter"),
        ('{"log_entries": [ENTRY', "unexpected end of input inside a JSON array"),
        ('{"more": false, "log_entries": []', "unexpected end of input inside a JSON object"),
        ('{"more" false}', "Expecting ':' delimiter"),
        ('{"more": false,}', "Illegal trailing comma"),
    ],
)
def test_malformed_page(read: Reader, tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "page.json"
    path.write_text(text.replace("ENTRY", json.dumps(_entry(1))))
    with pytest.raises(InputError, match=message):
        read("pagerduty", path)
