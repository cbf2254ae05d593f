"""`blameless import` and `blameless export`, run in-process through `main`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from blameless.cli import main
from blameless.markdown import read_postmortem, render_postmortem
from blameless.model import Incident, Postmortem
from blameless.store.engine import sqlite_file

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the CLI; returns (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


@pytest.fixture
def folder(tmp_path: Path, sample_postmortem: Postmortem) -> Path:
    """A folder with the sample postmortem and a second one."""
    folder = tmp_path / "postmortems"
    folder.mkdir()
    (folder / "one.md").write_text(render_postmortem(sample_postmortem), encoding="utf-8")
    second = Postmortem(incident=Incident(id="INC-2026-002", title="Two"))
    (folder / "two.md").write_text(render_postmortem(second), encoding="utf-8")
    return folder


def test_import_then_export(
    db_url: str, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "import", str(folder), "--database-url", db_url, "-v")
    assert code == 0
    assert out.splitlines() == [
        "created   INC-2026-001",
        "created   INC-2026-002",
        "Imported 2 postmortems: 2 created, 0 updated, 0 unchanged.",
    ]
    code, out, err = run(capsys, "import", str(folder / "one.md"), "--database-url", db_url)
    assert out == "Imported 1 postmortem: 0 created, 0 updated, 1 unchanged.\n"
    target = tmp_path / "out" / "sub"
    code, out, err = run(capsys, "export", str(target), "--database-url", db_url)
    assert code == 0
    written = [Path(line) for line in out.splitlines()]
    assert [p.name for p in written] == [
        "INC-2026-001-production-namespace-deleted-during-staging-cleanup.md",
        "INC-2026-002-two.md",
    ]
    assert read_postmortem(written[0]) == read_postmortem(folder / "one.md")
    assert err == f"Exported 2 postmortems to {target}.\n"


def test_a_malformed_file_names_path_and_line_and_writes_nothing(
    db_url: str, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = folder / "three.md"
    bad.write_text("---\nid: INC-3\ntitle: Three\nstarted: 2026-03-04T13:58:00\n---\n")
    code, out, err = run(capsys, "import", str(folder), "--database-url", db_url)
    assert code == 2 and out == ""
    assert err.startswith(f"error: {bad}:4") and err.count("\n") == 1
    code, out, err = run(capsys, "export", str(tmp_path / "out"), "--database-url", db_url)
    assert out == "" and err.startswith("Exported 0 postmortems")


def test_import_into_an_uninitialised_database_says_what_to_do(
    empty_db_url: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "import", str(folder), "--database-url", empty_db_url)
    file = sqlite_file(empty_db_url)
    if file is None:
        expected = "error: database is not initialised: run `blameless db upgrade`\n"
    else:  # a SQLite file is not created by anything but `db upgrade`
        expected = f"error: no database at {file}: run `blameless db upgrade`\n"
        assert not file.exists()
    assert (code, err) == (2, expected)


def test_a_missing_path_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "import", str(tmp_path / "nope.md"))
    assert (code, err) == (2, f"error: {tmp_path / 'nope.md'}: no such file or folder\n")


def test_the_cli_starts_without_loading_the_database_stack() -> None:
    probe = (
        "import sys, blameless.cli; "
        "print(sorted(m for m in ('sqlalchemy', 'alembic') if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert loaded.stdout.strip() == "[]"


def test_import_after_a_timeline_import_needs_timeline_write_first(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The documented workflow: import the file, import a source, `timeline write`, import."""
    file = tmp_path / "INC-2026-001.md"
    file.write_text((EXAMPLES / "INC-2026-001-production-namespace-deleted.md").read_text())
    db = ("--database-url", db_url)
    assert run(capsys, "import", str(file), *db)[0] == 0
    pagerduty = str(EXAMPLES / "traces" / "INC-2026-001" / "pagerduty.json")
    assert (
        run(capsys, "timeline", "import", "INC-2026-001", "-s", "pagerduty", pagerduty, *db)[0] == 0
    )
    file.write_text(file.read_text().replace("## Summary\n", "## Summary\n\nEdited.\n", 1))

    code, out, err = run(capsys, "import", str(file), *db)
    assert (code, out) == (2, "")
    assert err == (
        f"error: {file}: importing this file would delete 5 timeline events of INC-2026-001 "
        "imported from sources (pagerduty: 5) that the file does not list: run `blameless "
        f"timeline write INC-2026-001 {file}` first, or pass `--replace-timeline` to delete them\n"
    )

    assert run(capsys, "timeline", "write", "INC-2026-001", str(file), *db)[0] == 0
    assert "Edited." in file.read_text() and "[source: pagerduty]" in file.read_text()
    code, out, _ = run(capsys, "import", str(file), *db)
    assert (code, out) == (0, "Imported 1 postmortem: 0 created, 1 updated, 0 unchanged.\n")


def test_replace_timeline_lets_the_file_win(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "INC-2026-001.md"
    original = (EXAMPLES / "INC-2026-001-production-namespace-deleted.md").read_text()
    file.write_text(original)
    db = ("--database-url", db_url)
    run(capsys, "import", str(file), *db)
    pagerduty = str(EXAMPLES / "traces" / "INC-2026-001" / "pagerduty.json")
    run(capsys, "timeline", "import", "INC-2026-001", "-s", "pagerduty", pagerduty, *db)
    file.write_text(original.replace("## Summary\n", "## Summary\n\nEdited.\n", 1))
    code, out, _ = run(capsys, "import", str(file), "--replace-timeline", *db)
    assert (code, out) == (0, "Imported 1 postmortem: 0 created, 1 updated, 0 unchanged.\n")
    run(capsys, "export", str(tmp_path / "out"), *db)
    (exported,) = (tmp_path / "out").glob("INC-2026-001-*.md")
    assert read_postmortem(exported).timeline == read_postmortem(file).timeline


def test_a_stale_export_cannot_undo_anothers_edit(
    db_url: str, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--database-url", db_url)
    run(capsys, "import", str(folder / "one.md"), *db)
    run(capsys, "export", str(tmp_path / "a"), *db)
    run(capsys, "export", str(tmp_path / "b"), *db)
    (a,) = (tmp_path / "a").glob("INC-2026-001-*.md")
    (b,) = (tmp_path / "b").glob("INC-2026-001-*.md")
    a.write_text(a.read_text().replace("The namespace was deleted.", "Alice's summary."))
    b.write_text(b.read_text().replace("More later.", "Bob's note."))
    assert run(capsys, "import", str(a), *db)[:2] == (
        0,
        "Imported 1 postmortem: 0 created, 1 updated, 0 unchanged.\n",
    )
    assert "\nrevision: 2\n" in a.read_text()  # the file follows the stored revision
    code, out, err = run(capsys, "import", str(b), *db)
    assert (code, out) == (2, "")
    assert err == (
        f"error: {b}: this file is revision 1 of INC-2026-001, but the database has revision 2, "
        "saved since the file was exported: export it again and redo your edit there, or pass "
        "--force to overwrite revision 2\n"
    )
    run(capsys, "export", str(tmp_path / "check"), *db)
    (check,) = (tmp_path / "check").glob("INC-2026-001-*.md")
    assert "Alice's summary." in check.read_text() and "Bob's note." not in check.read_text()
    code, out, _ = run(capsys, "import", str(b), "--force", *db)
    assert (code, out) == (0, "Imported 1 postmortem: 0 created, 1 updated, 0 unchanged.\n")


def test_one_file_can_be_edited_and_imported_again_and_again(
    db_url: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = folder / "one.md"
    run(capsys, "import", str(file), "--database-url", db_url)
    for edit in ("First edit.", "Second edit."):
        file.write_text(file.read_text().replace("## Summary\n", f"## Summary\n\n{edit}\n", 1))
        code, out, err = run(capsys, "import", str(file), "--database-url", db_url)
        assert (code, out, err) == (
            0,
            "Imported 1 postmortem: 0 created, 1 updated, 0 unchanged.\n",
            "",
        )
    assert read_postmortem(file).revision == 3


def test_an_id_stored_under_another_title_needs_force(
    db_url: str, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "import", str(folder / "two.md"), "--database-url", db_url)
    clash = tmp_path / "clash.md"
    clash.write_text(
        render_postmortem(Postmortem(incident=Incident(id="INC-2026-002", title="Other"))),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "import", str(clash), "--database-url", db_url)
    assert (code, out) == (2, "")
    assert err.startswith(
        f"error: {clash}: INC-2026-002 is already 'Two' in the database; this file calls it "
        "'Other': "
    )
    assert err.count("\n") == 1


def test_export_replaces_the_file_of_a_renamed_incident(
    db_url: str, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--database-url", db_url)
    run(capsys, "import", str(folder / "two.md"), *db)
    out_dir = tmp_path / "out"
    run(capsys, "export", str(out_dir), *db)
    renamed = folder / "two.md"
    renamed.write_text(renamed.read_text().replace("Two", "Second incident"))
    assert run(capsys, "import", str(renamed), "--force", *db)[0] == 0
    code, out, err = run(capsys, "export", str(out_dir), *db)
    new = out_dir / "INC-2026-002-second-incident.md"
    assert (code, out) == (0, f"{new}\n")
    assert (
        err.splitlines()[0]
        == f"replaced {out_dir / 'INC-2026-002-two.md'} by {new} (same incident)"
    )
    assert [p.name for p in out_dir.iterdir()] == [new.name]
    assert run(capsys, "import", str(out_dir), *db)[0] == 0
