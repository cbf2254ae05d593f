"""git history: `git log` dumps in several formats, and a real repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
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
        ("merge", "4e1d8a7c2b9f03d6e5a8c1b7f2d9e4a6c3b8f015"),
        ("tag", "tag:v1.8.0"),
        ("commit", "c7f3a90d5e2b8146a9c0f3d7e1b5a2c8d4f6e9b3"),
        ("commit", "2d8b5f1e6a3c9074b2e8d1f5a7c3e9b0d6a4f218"),
        ("commit", "9b2c4e1f7a0d3b6c8e5f2a9d1c4b7e0f3a6d9c2b"),
    ]
    assert events[0].timestamp == datetime(2026, 3, 4, 16, 5, 44, tzinfo=UTC)  # +0100
    assert (events[0].actor, events[1].text) == ("Alex Kim", "Tagged v1.8.0 at 4e1d8a7c2b")
    assert events[0].text == (
        "Merged 4e1d8a7c2b: Merge pull request #214 from acme/cleanup-require-staging-label"
    )
    assert events[3].text == (
        "Committed 2d8b5f1e6a: cleanup-stale-namespaces: refuse namespaces without env=staging"
    )
    assert events[4].timestamp == datetime(2023, 6, 12, 8, 14, 33, tzinfo=UTC)  # +0200


def test_window_filter(read: Reader, fixtures: Path) -> None:
    since = datetime(2026, 3, 4, tzinfo=UTC)
    assert len(read("git", fixtures / "git-log.txt", since=since)) == 4


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


def _fake_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> Path:
    """A `git` on PATH that runs `body` (Python) instead of the real one."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "git"
    script.write_text(f"#!{sys.executable}\nimport sys\n{body}\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    repo = tmp_path / "repo"
    repo.mkdir()
    return repo


def test_repository_with_much_stderr_does_not_block(
    read: Reader, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Far more than a pipe buffer (64 KB) on stderr before any output on stdout.
    repo = _fake_git(
        tmp_path,
        monkeypatch,
        "sys.stderr.write('warning: slow\\n' * 100_000)\nsys.stderr.flush()\n"
        "print('commit 4e1d8a7c2b9f03d6e5a8c1b7f2d9e4a6c3b8f015')\n"
        "print('Author: Alex Kim <alex@acme.example>')\n"
        "print('CommitDate: 2026-03-04T14:50:03+00:00')\nprint()\nprint('    fix')",
    )
    result: list[list[TimelineEvent]] = []
    worker = threading.Thread(target=lambda: result.append(read("git", repo)), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "reading git log blocked on a full stderr pipe"
    assert [e.text for e in result[0]] == ["Committed 4e1d8a7c2b: fix"]


def test_failing_git_keeps_its_message(
    read: Reader, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _fake_git(
        tmp_path,
        monkeypatch,
        "sys.stderr.write('fatal: bad revision\\n' + 'detail\\n' * 50_000)\nsys.exit(128)",
    )
    with pytest.raises(InputError, match=r"git log failed: fatal: bad revision$"):
        read("git", repo)
