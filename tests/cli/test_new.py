"""`blameless new` and `blameless check-format`, run through the real entry point."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from blameless.cli import main
from blameless.markdown import read_postmortem
from blameless.model import Severity

YEAR = date.today().year


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_new_writes_the_template_with_the_next_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "new", "Checkout down in EU", "--severity", "sev2")
    assert (code, out) == (0, f"INC-{YEAR}-001-checkout-down-in-eu.md\n")
    pm = read_postmortem(Path(out.strip()))
    assert (pm.incident.id, pm.incident.title) == (f"INC-{YEAR}-001", "Checkout down in EU")
    assert pm.incident.severity is Severity.SEV2
    code, out, _ = run(capsys, "new", "Search: slow queries!")
    assert (code, out) == (0, f"INC-{YEAR}-002-search-slow-queries.md\n")


def test_new_continues_after_ids_found_in_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "notes.md").write_text(f"---\nid: 'INC-{YEAR}-007'\ntitle: Old\n---\n")
    (posts / f"INC-{YEAR}-003-broken.md").write_text("no front matter at all")
    (posts / f"INC-{YEAR - 1}-050-last-year.md").write_text("")
    code, out, _ = run(capsys, "new", "Next one", "--dir", "posts")
    assert code == 0
    assert out == f"{Path('posts') / f'INC-{YEAR}-008-next-one.md'}\n"


def test_new_uses_the_configured_id_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "blameless.toml").write_text('incident_id_format = "PM{year}-{seq:04d}"\n')
    code, out, _ = run(capsys, "new", "Queue backlog", "--dir", "sub")
    assert code == 0
    assert out == f"{Path('sub') / f'PM{YEAR}-0001-queue-backlog.md'}\n"


def test_new_refuses_to_overwrite_without_force(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "new", "Outage", "--id", "INC-9")
    Path("INC-9-outage.md").write_text("edited")
    code, out, err = run(capsys, "new", "Outage", "--id", "INC-9")
    assert (code, out) == (2, "")
    assert err == "error: INC-9-outage.md: already exists (use --force to overwrite it)\n"
    assert Path("INC-9-outage.md").read_text() == "edited"
    code, out, _ = run(capsys, "new", "Outage", "--id", "INC-9", "--force")
    assert (code, out) == (0, "INC-9-outage.md\n")
    assert Path("INC-9-outage.md").read_text().startswith("---\nid: INC-9\n")


def test_new_continues_after_ids_stored_in_the_database(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stored = tmp_path / "elsewhere"
    run(capsys, "new", "Stored", "--dir", str(stored), "--id", f"INC-{YEAR}-004")
    assert run(capsys, "import", str(stored), "--database-url", db_url)[0] == 0
    (tmp_path / "blameless.toml").write_text(f'database_url = "{db_url}"\n')
    code, out, err = run(capsys, "new", "Next one", "--dir", "posts")
    assert (code, out, err) == (0, f"{Path('posts') / f'INC-{YEAR}-005-next-one.md'}\n", "")


def test_new_neither_needs_nor_creates_a_database(
    empty_db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "new", "First", "--database-url", empty_db_url)
    assert (code, out) == (0, f"INC-{YEAR}-001-first.md\n")
    assert [p.name for p in tmp_path.iterdir()] == [f"INC-{YEAR}-001-first.md"]


def test_new_warns_when_the_database_cannot_be_read(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "new", "First", "--database-url", "postgresql://u@127.0.0.1:1/x")
    assert (code, out) == (0, f"INC-{YEAR}-001-first.md\n")
    assert err.startswith("warning: the incident ids in the database were not checked (")
    assert err.endswith("): the new id only follows the files in .\n")


@pytest.mark.parametrize("where", ["a-file.md", "/proc/nope"])
def test_new_with_a_dir_it_cannot_use_is_one_error_line(
    where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("a-file.md").write_text("not a folder")
    code, out, err = run(capsys, "new", "X", "--dir", where, "--id", "INC-1")
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {where}: ") and err.count("\n") == 1
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("new", "   "), "the title must be one non-empty line"),
        (("new", "X", "--id", "a/b"), "invalid incident id"),
        (("new", "X", "--severity", "SEV9"), "SEV9"),
    ],
)
def test_new_usage_errors(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, "")
    assert message in err
    assert list(Path().iterdir()) == []


@pytest.mark.parametrize("bad", ["bad id", "a/b", "a\\b", "-x", "", "é1", "x" * 65])
def test_new_refuses_invalid_ids(capsys: pytest.CaptureFixture[str], bad: str) -> None:
    code, out, err = run(capsys, "new", "X", "--id", bad)
    assert (code, out) == (2, "")
    assert err.startswith(f"error: invalid incident id {bad!r}")
    assert list(Path().iterdir()) == []


def test_new_refuses_an_id_used_by_another_file_even_with_force(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, "new", "First", "--id", "INC-2026-001")[0] == 0
    for extra in ((), ("--force",)):
        code, out, err = run(capsys, "new", "Second", "--id", "INC-2026-001", *extra)
        assert (code, out) == (2, "")
        assert err == (
            "error: incident id 'INC-2026-001' is already used by INC-2026-001-first.md "
            "(choose another --id)\n"
        )
    assert [p.name for p in Path().iterdir()] == ["INC-2026-001-first.md"]
    code, out, _ = run(capsys, "new", "First", "--id", "INC-2026-001", "--force")
    assert (code, out) == (0, "INC-2026-001-first.md\n")


def test_new_refuses_an_id_stored_in_the_database(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "new", "Stored", "--dir", "elsewhere", "--id", "INC-7")
    assert run(capsys, "import", "elsewhere", "--database-url", db_url)[0] == 0
    code, out, err = run(capsys, "new", "Again", "--id", "INC-7", "--database-url", db_url)
    assert (code, out) == (2, "")
    assert "'INC-7' is already used by an incident in the database" in err
    code, _, _ = run(
        capsys, "new", "Stored", "--dir", "elsewhere", "--id", "INC-7", "--force",
        "--database-url", db_url,
    )  # fmt: skip
    assert code == 0


def test_an_id_format_that_makes_invalid_ids_is_a_config_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "blameless.toml").write_text('incident_id_format = "INC {seq}"\n')
    code, _, err = run(capsys, "new", "X")
    assert code == 2
    assert err.startswith("error: incident_id_format makes invalid incident id 'INC 1'")


def test_check_format_ok_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "new", "Fine", "--dir", "pms")
    (tmp_path / "pms" / "README.md").write_text("# About these files\n")
    hidden = tmp_path / "pms" / ".drafts"
    hidden.mkdir()
    (hidden / "x.md").write_text("junk")
    bad = tmp_path / "pms" / "nested" / "bad.md"
    bad.parent.mkdir()
    bad.write_text(
        "---\nid: X\ntitle: T\n---\n# T\n## How we prevent it\n- [x] Fix. [status: open]\n"
        "- [ ] Add it. [prio: P1]\n"
    )
    code, out, err = run(capsys, "check-format", "missing.md", "pms")
    assert code == 2
    assert err == "error: missing.md: no such file\n"
    bad_path = Path("pms") / "nested" / "bad.md"
    assert out.splitlines() == [
        f"{Path('pms') / f'INC-{YEAR}-001-fine.md'}: ok",
        f"{bad_path}:7:12: action item is checked [x] but has [status: open] "
        "(uncheck it, or drop the status)",
        f"{bad_path}:8:15: unknown tag [prio: P1] (expected one of kind, owner, due, priority, "
        "status, tracker, factors)",
    ]


def test_check_format_all_ok_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "new", "Fine")
    code, out, _ = run(capsys, "check-format", f"INC-{YEAR}-001-fine.md")
    assert (code, out) == (0, f"INC-{YEAR}-001-fine.md: ok\n")


def test_check_format_warns_about_an_empty_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    code, out, err = run(capsys, "check-format", "empty")
    assert (code, out) == (0, "")
    assert "no Markdown files" in err
