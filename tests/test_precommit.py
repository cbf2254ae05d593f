"""The pre-commit hook works: `pre-commit try-repo` installs this repository and lints a file.

Slow-ish (pre-commit builds a virtualenv from the committed tree), but kept in the suite.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_hook_lints_markdown_files(tmp_path: Path) -> None:
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t")
    env.update(GIT_COMMITTER_EMAIL="t@t")
    # try-repo installs what is committed: clone HEAD so other people's uncommitted work
    # in the checkout does not leak in.
    hook_repo = tmp_path / "hook-repo"
    assert run(["git", "clone", "-q", str(ROOT), str(hook_repo)], tmp_path, env).returncode == 0
    work = tmp_path / "work"
    work.mkdir()
    assert run(["git", "init", "-q"], work, env).returncode == 0
    (work / "clean.md").write_text("# Outage\n\nThe cache expired early.\n", encoding="utf-8")
    (work / "stale.md").write_text(
        "<!-- blameless-disable-next-line BL -->\nThe cache expired early.\n", encoding="utf-8"
    )
    (work / "notes.py").write_text("x = 1\n", encoding="utf-8")
    assert run(["git", "add", "."], work, env).returncode == 0

    base = [str(PRE_COMMIT), "try-repo", str(hook_repo), "blameless-lint", "--verbose"]
    clean = run([*base, "--files", "clean.md", "notes.py"], work, env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "No findings in 1 file." in clean.stdout

    stale = run([*base, "--files", "stale.md"], work, env)
    assert stale.returncode == 0, stale.stdout + stale.stderr  # info is below --fail-on
    assert "stale.md:1:1: X001" in stale.stdout
