"""Alertmanager webhooks: firing/resolved events, repeats dropped, arrays, bad payloads."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from blameless.errors import InputError
from blameless.model import TimelineEvent

Reader = Callable[..., list[TimelineEvent]]


def test_firing_and_resolved_once_each(read: Reader, fixtures: Path) -> None:
    events = read("alertmanager", fixtures / "alertmanager.jsonl")
    # Four payloads: the error-rate alert is repeated in each until it resolves.
    assert [(e.kind, e.timestamp.strftime("%H:%M:%S")) for e in events] == [
        ("alert-firing", "14:01:00"),
        ("alert-firing", "14:02:30"),
        ("alert-resolved", "14:34:30"),
        ("alert-resolved", "14:40:12"),
    ]
    first = events[0]
    assert first.timestamp == datetime(2026, 3, 4, 14, 1, 0, 412000, tzinfo=UTC)
    assert first.text == (
        "Alert firing: BillingWebHighErrorRate (service=billing-web, namespace=web, "
        "severity=page): 5xx ratio 0.97 on billing-web (threshold 0.05 for 1m)"
    )
    assert first.link and first.link.startswith("https://prometheus.prod-eu-1.acme.example/graph")
    assert first.source_id == "8e3f1c0a5b7d2e94@2026-03-04T14:01:00.412000+00:00/firing"
    assert events[2].text == (
        "Alert resolved: InvoiceApiDown (job=invoice-api, namespace=billing, severity=warning): "
        "No invoice-api target is up"
    )


def test_top_level_array(read: Reader, fixtures: Path, tmp_path: Path) -> None:
    lines = (fixtures / "alertmanager.jsonl").read_text().splitlines()
    array = tmp_path / "payloads.json"
    array.write_text("[\n" + ",\n".join(lines) + "\n]\n")
    assert read("alertmanager", array) == read("alertmanager", fixtures / "alertmanager.jsonl")


def test_bad_status_and_missing_alerts(read: Reader, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    alert = {"status": "pending", "labels": {}, "startsAt": "2026-03-04T14:01:00Z"}
    path.write_text(json.dumps({"alerts": [alert]}) + "\n" + json.dumps({"version": "4"}) + "\n")
    with pytest.raises(InputError, match="alert status must be 'firing' or 'resolved'"):
        read("alertmanager", path)
    read("alertmanager", path, skip_invalid=True)


def test_syntax_error_in_json_lines_is_skipped_to_next_line(read: Reader, tmp_path: Path) -> None:
    good = {
        "alerts": [
            {"status": "firing", "labels": {"alertname": "A"}, "startsAt": "2026-03-04T14:01:00Z"}
        ]
    }
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"alerts": [ oops\n' + json.dumps(good) + "\n")
    with pytest.raises(InputError) as caught:
        read("alertmanager", path)
    assert caught.value.line == 1
    assert [e.text for e in read("alertmanager", path, skip_invalid=True)] == ["Alert firing: A"]
