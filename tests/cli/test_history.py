"""`blameless history`: list the revisions of a postmortem, print one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from blameless.cli import main
from blameless.markdown import read_postmortem, render_postmortem
from blameless.model import Postmortem


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the CLI; returns (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


def test_history_lists_revisions_and_shows_one(
    db_url: str, sample_postmortem: Postmortem, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--database-url", db_url)
    file = tmp_path / "pm.md"
    file.write_text(render_postmortem(sample_postmortem), encoding="utf-8")
    run(capsys, "import", str(file), "--actor", "alex", *db)
    first = file.read_text()
    file.write_text(first.replace("The namespace was deleted.", "Rewritten."))
    run(capsys, "import", str(file), *db)

    code, out, _ = run(capsys, "history", "INC-2026-001", *db)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "revision  saved (UTC)          by"
    assert [re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", "TIME", line) for line in lines[1:]] == [
        "       1  TIME  alex",
        "       2  TIME  -",
    ]
    code, out, _ = run(capsys, "history", "INC-2026-001", "--show", "1", *db)
    assert (code, out) == (0, first)
    shown = tmp_path / "shown.md"
    shown.write_text(run(capsys, "history", "INC-2026-001", "--show", "2", *db)[1])
    assert read_postmortem(shown).sections[0].body == "\nRewritten.\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("INC-404",), "error: no postmortem for incident INC-404\n"),
        (("INC-2026-001", "--show", "7"), "error: INC-2026-001 has no revision 7 (it has 1)\n"),
    ],
)
def test_history_errors_are_one_line(
    db_url: str,
    sample_postmortem: Postmortem,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    file = tmp_path / "pm.md"
    file.write_text(render_postmortem(sample_postmortem), encoding="utf-8")
    run(capsys, "import", str(file), "--database-url", db_url)
    code, out, err = run(capsys, "history", *args, "--database-url", db_url)
    assert (code, out, err) == (2, "", message)
