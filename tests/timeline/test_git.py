"""git history: `git log` dumps in several formats, and a real repository."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from blameless.errors import InputError
from blameless.model import TimelineEvent

Reader = Callable[..., list[TimelineEvent]]


def test_default_format_dump(read: Reader, fixtures: Path) -> None:
    events = read("git", fixtures / "git-log.txt")
    assert [(e.kind, e.source_id) for e in events] == [
        ("merge", "9f3c2a1b7e6d5c4b3a2918f7e6d5c4b3a2918f7e"),
        ("tag", "tag:v2.14.1"),
        ("commit", "5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e"),
        ("commit", "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d"),
    ]
    assert events[0].timestamp == datetime(2026, 3, 4, 14, 45, 12, tzinfo=UTC)  # +0100
    assert events[0].actor == "Sam Okafor"
    assert events[2].text == "Committed 5d6e7f8a9b: cleanup: require the env=staging label"


def test_window_filter(read: Reader, fixtures: Path) -> None:
    since = datetime(2026, 3, 4, tzinfo=UTC)
    assert len(read("git", fixtures / "git-log.txt", since=since)) == 3


def test_dump_without_commit_line(read: Reader, tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    path.write_text("Author: x <x@y>\n")
    with pytest.raises(InputError, match="expected a 'commit <hash>' line") as caught:
        read("git", path)
    assert caught.value.line == 1


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_repository(read: Reader, tmp_path: Path) -> None:
    env = {
        "GIT_AUTHOR_NAME": "Alex Kim",
        "GIT_AUTHOR_EMAIL": "alex@acme.example",
        "GIT_COMMITTER_NAME": "Alex Kim",
        "GIT_COMMITTER_EMAIL": "alex@acme.example",
        "GIT_AUTHOR_DATE": "2026-03-04T14:50:03+00:00",
        "GIT_COMMITTER_DATE": "2026-03-04T14:50:03+00:00",
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-C", str(tmp_path), *args], check=True, env=env, capture_output=True
        )

    git("init", "-q")
    git("commit", "-q", "--allow-empty", "-m", "cleanup: require the env=staging label")
    git("tag", "v2.14.1")
    events = read("git", tmp_path)
    assert [(e.kind, e.actor) for e in events] == [("commit", "Alex Kim"), ("tag", "Alex Kim")]
    assert events[0].timestamp == datetime(2026, 3, 4, 14, 50, 3, tzinfo=UTC)


def test_not_a_repository(read: Reader, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="git log failed"):
        read("git", tmp_path)
