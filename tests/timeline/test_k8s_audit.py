"""Kubernetes audit log: mutations at ResponseComplete by default, who/what/answer."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from blameless.errors import InputError
from blameless.model import TimelineEvent

Reader = Callable[..., list[TimelineEvent]]


def test_namespace_deletion_with_identity(read: Reader, fixtures: Path) -> None:
    events = read("k8s-audit", fixtures / "k8s-audit.jsonl")
    assert [e.kind for e in events] == ["k8s-delete", "k8s-create", "k8s-create", "k8s-patch"]
    deletion = events[0]
    assert deletion.actor == "system:serviceaccount:ops:staging-cleanup"
    assert deletion.text == "delete namespaces checkout-prod → 200 (kubectl/v1.29.2)"
    # stageTimestamp, nanoseconds cut to microseconds
    assert deletion.timestamp == datetime(2026, 3, 4, 13, 58, 31, 187654, tzinfo=UTC)
    assert deletion.source_id == "0f1e2d3c-1111-4aaa-8bbb-000000000002"
    assert events[2].text == (
        "create deployments checkout-prod/checkout-api → 201 (velero/v1.13.0)"
    )
    assert events[3].text.startswith("patch deployments checkout-prod/checkout-api → 403")


def test_all_verbs_keeps_reads_and_stages(read: Reader, fixtures: Path) -> None:
    events = read("k8s-audit", fixtures / "k8s-audit.jsonl", all_verbs=True)
    assert len(events) == 7
    assert events[1].source_id == "0f1e2d3c-1111-4aaa-8bbb-000000000002/RequestReceived"
    assert events[1].text.endswith("[RequestReceived]")


def test_malformed_line_stops_or_is_counted(read: Reader, fixtures: Path, tmp_path: Path) -> None:
    lines = (fixtures / "k8s-audit.jsonl").read_text().splitlines()
    broken = json.loads(lines[2])
    del broken["user"]
    path = tmp_path / "audit.log"
    path.write_text("\n".join([lines[0], "{not json", json.dumps(broken), *lines[3:]]) + "\n")
    with pytest.raises(InputError) as caught:
        read("k8s-audit", path)
    assert (caught.value.path, caught.value.line) == (str(path), 2)
    assert caught.value.message.startswith("invalid JSON")
    assert len(read("k8s-audit", path, skip_invalid=True)) == 3


def test_missing_file(read: Reader, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read input"):
        read("k8s-audit", tmp_path / "nope.log")
