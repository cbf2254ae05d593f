"""Shell history: bash `#epoch` lines, multi-line commands, zsh extended history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from blameless.model import TimelineEvent

Reader = Callable[..., list[TimelineEvent]]


def test_bash_history(read: Reader, fixtures: Path) -> None:
    events = read("shell", fixtures / "bash_history", actor="Ramesh Iyer")
    # The two commands above the first `#<epoch>` line have no time and are left out.
    assert [e.text for e in events] == [
        "$ kubectx prod-eu-1",
        "$ kubectl -n billing get pods",
        "$ kubectl -n billing logs invoice-api-7d9c6b5f4-x2k8p --previous | tail -n 50",
        "$ cd ~/src/platform-tools",
        "$ git pull --ff-only",
        "$ less docs/runbooks/quarterly-staging-cleanup.md",
        "$ ./scripts/cleanup-stale-namespaces.sh --older-than 30d",
        "$ kubectl config current-context",
        # a multi-line command, on one line
        '$ for ns in catalog checkout; do kubectl get namespace "$ns" -o jsonpath='
        "'{.metadata.name} {.metadata.annotations.last-deploy}{\"\\n\"}' done",
        "$ git commit -am 'cleanup-stale-namespaces: refuse namespaces without env=staging'",
        "$ git commit -am 'cleanup-stale-namespaces: print the target cluster before acting'",
        "$ git push -u origin cleanup-require-staging-label",
    ]
    cleanup = events[6]
    assert cleanup.timestamp == datetime(2026, 3, 4, 13, 58, 2, tzinfo=UTC)
    assert (cleanup.actor, cleanup.kind) == ("Ramesh Iyer", "command")
    assert cleanup.source_id == "bash_history:16"
    assert events[0].timestamp == datetime(2026, 3, 4, 13, 31, 5, tzinfo=UTC)


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
