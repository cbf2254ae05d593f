"""Shell history: bash `#epoch` lines, multi-line commands, zsh extended history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from blameless.model import TimelineEvent

Reader = Callable[..., list[TimelineEvent]]


def test_bash_history(read: Reader, fixtures: Path) -> None:
    events = read("shell", fixtures / "bash_history", actor="Priya Natarajan")
    assert [e.text for e in events] == [
        "$ kubectl config use-context prod-eu",
        "$ ./scripts/cleanup.sh --older-than 7d",
        "$ kubectl create namespace checkout-prod",
        "$ velero restore create --from-backup daily-20260304-1300 "
        "--include-namespaces checkout-prod",
    ]
    assert events[1].timestamp == datetime(2026, 3, 4, 13, 58, tzinfo=UTC)
    assert events[1].actor == "Priya Natarajan"
    assert events[1].source_id == "bash_history:5"


def test_zsh_history_and_untimed_lines(read: Reader, tmp_path: Path) -> None:
    path = tmp_path / ".zsh_history"
    path.write_text(
        "echo old\n: 1772632680:0;./scripts/cleanup.sh\n: 1772634300:2;kubectl get ns\n"
    )
    events = read("shell", path)
    assert [(e.text, e.timestamp.minute) for e in events] == [
        ("$ ./scripts/cleanup.sh", 58),
        ("$ kubectl get ns", 25),
    ]


def test_empty_history(read: Reader, tmp_path: Path) -> None:
    path = tmp_path / "h"
    path.write_bytes(b"")
    assert read("shell", path) == []
