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
    assert [e.kind for e in events] == [
        "k8s-delete",
        *["k8s-deletecollection"] * 2,
        "k8s-patch",
        *["k8s-create"] * 5,
        "k8s-patch",
        *["k8s-create"] * 3,
    ]
    deletion = events[0]
    assert deletion.actor == "ramesh.iyer@acme.example"  # the identity of the kube context
    assert deletion.text == "delete namespaces billing → 200 (kubectl/v1.29.2)"
    # stageTimestamp, nanoseconds cut to microseconds
    assert deletion.timestamp == datetime(2026, 3, 4, 13, 58, 5, 689142, tzinfo=UTC)
    assert deletion.source_id == "4c1e7a2b-0005-4d8e-9f3a-6b0c2d5e8f1a"
    assert (events[1].actor, events[1].text) == (
        "system:serviceaccount:kube-system:namespace-controller",
        "deletecollection pods in billing → 200 (kube-controller-manager/v1.29.2)",
    )
    assert events[6].text == (
        "create serviceaccounts/token billing/external-secrets-vault → 403 "
        "(external-secrets/v0.9.13)"
    )
    assert (events[7].actor, events[7].timestamp.strftime("%H:%M:%S")) == (
        "kenji.watanabe@acme.example",
        "14:26:12",
    )


def test_all_verbs_keeps_reads_and_stages(read: Reader, fixtures: Path) -> None:
    events = read("k8s-audit", fixtures / "k8s-audit.jsonl", all_verbs=True)
    assert len(events) == 21
    assert events[1].text == (
        "get pods/log billing/invoice-api-7d9c6b5f4-x2k8p → 200 (kubectl/v1.29.2)"
    )
    assert events[2].text == "list endpoints → 200 (prometheus/2.50.1)"
    assert events[4].source_id == "4c1e7a2b-0005-4d8e-9f3a-6b0c2d5e8f1a/RequestReceived"
    assert events[4].text == "delete namespaces billing (kubectl/v1.29.2) [RequestReceived]"


def test_malformed_line_stops_or_is_counted(read: Reader, fixtures: Path, tmp_path: Path) -> None:
    lines = (fixtures / "k8s-audit.jsonl").read_text().splitlines()
    broken = json.loads(lines[5])  # the namespace deletion: a mutation, so it is read
    del broken["user"]
    path = tmp_path / "audit.log"
    path.write_text("\n".join([lines[0], "{not json", json.dumps(broken), *lines[6:]]) + "\n")
    with pytest.raises(InputError) as caught:
        read("k8s-audit", path)
    assert (caught.value.path, caught.value.line) == (str(path), 2)
    assert caught.value.message.startswith("invalid JSON")
    assert len(read("k8s-audit", path, skip_invalid=True)) == 12


def test_missing_file(read: Reader, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read input"):
        read("k8s-audit", tmp_path / "nope.log")
