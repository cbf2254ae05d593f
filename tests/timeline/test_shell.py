"""Shell history: bash `#epoch` lines, multi-line commands, zsh extended history."""

from __future__ import annotations

import re
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
    # No id in a history file: a hash of the content, so the same command re-read matches.
    assert re.fullmatch(r"[0-9a-f]{16}", cleanup.source_id or "")
    again = read("shell", fixtures / "bash_history", actor="Ramesh Iyer")
    assert [e.source_id for e in again] == [e.source_id for e in events]
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


def test_same_file_name_other_content_gets_other_ids(read: Reader, tmp_path: Path) -> None:
    # alice/.bash_history and bob/.bash_history: same name, same lines, other commands.
    ids = []
    for user, command in (("alice", "kubectl get ns"), ("bob", "git log")):
        path = tmp_path / user / ".bash_history"
        path.parent.mkdir()
        path.write_text(f"#1772632680\n{command}\n#1772632690\nls\n")
        ids.append({e.source_id for e in read("shell", path, actor=user)})
    assert len(ids[0] | ids[1]) == 4


def test_a_command_repeated_in_one_second_is_two_events(read: Reader, tmp_path: Path) -> None:
    path = tmp_path / ".zsh_history"
    path.write_text(": 1772632680:0;ls\n: 1772632680:0;ls\n")
    first, second = read("shell", path)
    assert second.source_id == f"{first.source_id}-2"
